import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { idParams } from '../../shared/api/common.js';
import { staffChecksBody, staffChecksView } from '../../shared/api/staff-checks.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { recordStaffChecks, staffChecksOf } from './service.js';

const tags = ['staff checks'];
const errors = ERROR_RESPONSES;
const manage = { access: { permission: PERMISSIONS.STAFF_CHECKS_MANAGE } };

export const staffCheckRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/admin/users/:id/checks',
    {
      config: manage,
      schema: {
        tags,
        summary: "A staff member's criminal-record check and training, and whether they are current today",
        params: idParams,
        response: { 200: staffChecksView, ...errors },
      },
    },
    async (request) => staffChecksOf(db, actorOf(request), request.params.id),
  );

  app.put(
    '/admin/users/:id/checks',
    {
      config: manage,
      schema: {
        tags,
        summary: "Record a staff member's criminal-record check and training dates",
        params: idParams,
        body: staffChecksBody,
        response: { 200: staffChecksView, ...errors },
      },
    },
    async (request) => recordStaffChecks(db, actorOf(request), request.params.id, request.body),
  );
};
