import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  completeVisitBody,
  intakeCaseParams,
  intakeVisitList,
  intakeVisitParams,
  intakeVisitView,
  scheduleVisitBody,
  scheduledVisit,
} from '../../shared/api/intake.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { cancelVisit, completeVisit, listVisitsOf, scheduleVisit } from './service.js';

const tags = ['intake'];
const errors = ERROR_RESPONSES;
const read = { access: { permission: PERMISSIONS.CASE_READ } };
const write = { access: { permission: PERMISSIONS.CASE_WRITE } };

export const intakeRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/intake-visits',
    {
      config: read,
      schema: {
        tags,
        summary: 'The intake visits of a case, and whom they have seen',
        params: intakeCaseParams,
        response: { 200: intakeVisitList, ...errors },
      },
    },
    async (request) => listVisitsOf(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/intake-visits',
    {
      config: write,
      schema: {
        tags,
        summary: 'Book an intake visit with one adult, or the children’s introduction visit',
        params: intakeCaseParams,
        body: scheduleVisitBody,
        response: { 201: scheduledVisit, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await scheduleVisit(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/intake-visits/:visitId/complete',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record who came to a visit and what came of it',
        params: intakeVisitParams,
        body: completeVisitBody,
        response: { 200: intakeVisitView, ...errors },
      },
    },
    async (request) =>
      completeVisit(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.params.visitId,
        request.body,
      ),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/intake-visits/:visitId/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a visit that has not happened (the adult is told by mail)',
        params: intakeVisitParams,
        response: { 200: scheduledVisit, ...errors },
      },
    },
    async (request) =>
      cancelVisit(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.params.visitId,
      ),
  );
};
