import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { auditEventPage, auditQuery } from '../../shared/api/audit.js';
import { errorBody } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { listAudit } from './service.js';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/audit/events',
    {
      config: { access: { permission: PERMISSIONS.AUDIT_READ } },
      schema: {
        tags: ['audit'],
        summary: 'The audit trail, newest first, filtered',
        querystring: auditQuery,
        response: { 200: auditEventPage, 400: errorBody, 401: errorBody, 403: errorBody },
      },
    },
    async (request) => listAudit(db, actorOf(request), request.query),
  );
};
