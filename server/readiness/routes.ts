import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { readinessView } from '../../shared/api/cases.js';
import { errorBody, id } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { caseReadiness } from './service.js';

export const readinessRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/readiness',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags: ['cases'],
        summary: 'What still blocks booking sessions for this case',
        params: z.strictObject({ centreId: id, caseId: id }),
        response: { 200: readinessView, 401: errorBody, 403: errorBody, 404: errorBody },
      },
    },
    async (request) => caseReadiness(db, actorOf(request), request.params.centreId, request.params.caseId),
  );
};
