import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  occurrenceList,
  occurrencesQuery,
  planBody,
  planList,
  planParams,
  planView,
} from '../../shared/api/plans.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { agreePlan, listPlans, planOccurrences } from './service.js';

const tags = ['plans'];
const errors = ERROR_RESPONSES;

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/plans',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: "Every version of the case's contact plan, newest first, the one in force flagged",
        params: planParams,
        response: { 200: planList, ...errors },
      },
    },
    async (request) => listPlans(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/plans',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: 'Agree a new version of the contact plan, superseding the one in force',
        params: planParams,
        body: planBody,
        response: { 201: planView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await agreePlan(db, actorOf(request), request.params.centreId, request.params.caseId, request.body),
        ),
  );

  app.get(
    '/centres/:centreId/cases/:caseId/plans/current/occurrences',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary:
          "The sessions the plan in force produces between two dates, on the centre's clock and in UTC",
        params: planParams,
        querystring: occurrencesQuery,
        response: { 200: occurrenceList, ...errors },
      },
    },
    async (request) =>
      planOccurrences(db, actorOf(request), request.params.centreId, request.params.caseId, request.query),
  );
};
