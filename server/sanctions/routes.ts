import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  liftBody,
  liftOutcome,
  sanctionBody,
  sanctionList,
  sanctionOutcome,
  sanctionParams,
  sanctionsParams,
} from '../../shared/api/sanctions.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { liftSanction, listSanctions, makeSanction } from './service.js';

const tags = ['sanctions'];
const errors = ERROR_RESPONSES;

export const sanctionRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases/:caseId/sanctions',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: "The case's suspensions and revocations, with their status today",
        params: sanctionsParams,
        response: { 200: sanctionList, ...errors },
      },
    },
    async (request) => listSanctions(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/sanctions',
    {
      config: { access: { permission: PERMISSIONS.SANCTIONS_MANAGE } },
      schema: {
        tags,
        summary:
          "Suspend (with dates) or revoke the family's contact: cancels its booked sessions from the start and tells the adults and professionals",
        params: sanctionsParams,
        body: sanctionBody,
        response: { 201: sanctionOutcome, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await makeSanction(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.caseId,
            request.body,
          ),
        ),
  );

  app.post(
    '/centres/:centreId/cases/:caseId/sanctions/:sanctionId/lift',
    {
      config: { access: { permission: PERMISSIONS.SANCTIONS_MANAGE } },
      schema: {
        tags,
        summary: 'Lift a suspension or revocation, with the reason; everyone is told',
        params: sanctionParams,
        body: liftBody,
        response: { 200: liftOutcome, ...errors },
      },
    },
    async (request) =>
      liftSanction(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.params.sanctionId,
        request.body,
      ),
  );
};
