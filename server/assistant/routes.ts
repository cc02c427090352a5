import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  acceptBody,
  acceptResult,
  assistantBody,
  assistantFamilies,
  assistantFamiliesQuery,
  assistantPlan,
} from '../../shared/api/assistant.js';
import { centreParams } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { acceptDay, familiesFor, proposeDay } from './service.js';

const tags = ['timetable assistant'];
const errors = ERROR_RESPONSES;

export const assistantRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/timetable/assistant/families',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'The families ready to book, with whether their plan meets on the day, to choose whom to plan',
        params: centreParams,
        querystring: assistantFamiliesQuery,
        response: { 200: assistantFamilies, ...errors },
      },
    },
    async (request) => familiesFor(db, actorOf(request), request.params.centreId, request.query.date),
  );

  app.post(
    '/centres/:centreId/timetable/assistant',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'Propose rooms, staggered times and supervisors for families on one day, meeting every booking rule; a sentence for each family that cannot be placed. Books nothing.',
        params: centreParams,
        body: assistantBody,
        response: { 200: assistantPlan, ...errors },
      },
    },
    async (request) => proposeDay(db, actorOf(request), request.params.centreId, request.body),
  );

  app.post(
    '/centres/:centreId/timetable/assistant/accept',
    {
      config: { access: { permission: PERMISSIONS.TIMETABLE_MANAGE } },
      schema: {
        tags,
        summary:
          'Book the proposed (or edited) sessions one by one, each with every booking rule checked again; the result of each',
        params: centreParams,
        body: acceptBody,
        response: { 200: acceptResult, ...errors },
      },
    },
    async (request) => acceptDay(db, actorOf(request), request.params.centreId, request.body),
  );
};
