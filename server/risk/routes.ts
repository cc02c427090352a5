import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { assessmentBody, assessmentList, assessmentView, riskCaseParams } from '../../shared/api/risk.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { listAssessmentsOf, saveAssessment } from './service.js';

const tags = ['risk'];
const errors = ERROR_RESPONSES;

export const riskRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/risk-assessments',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: 'Every version of the risk assessment, newest first; the one in force is marked current',
        params: riskCaseParams,
        response: { 200: assessmentList, ...errors },
      },
    },
    async (request) =>
      listAssessmentsOf(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/risk-assessments',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: 'Save a new version of the risk assessment (it supersedes the one in force)',
        params: riskCaseParams,
        body: assessmentBody,
        response: { 201: assessmentView, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await saveAssessment(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.caseId,
            request.body,
          ),
        ),
  );
};
