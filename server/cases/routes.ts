import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { caseDetail, caseList, caseParams, contactDetailBody, personParams } from '../../shared/api/cases.js';
import { centreParams } from '../../shared/api/common.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { changeContactDetail, listCasesOf, openCase } from './service.js';

const tags = ['cases'];
const errors = ERROR_RESPONSES;

export const caseRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/centres/:centreId/cases',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: "The centre's cases",
        params: centreParams,
        response: { 200: caseList, ...errors },
      },
    },
    async (request) => ({ items: await listCasesOf(db, actorOf(request), request.params.centreId) }),
  );

  app.get(
    '/centres/:centreId/cases/:caseId',
    {
      config: { access: { permission: PERMISSIONS.CASE_READ } },
      schema: {
        tags,
        summary: 'A case file: the family at a glance',
        params: caseParams,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) => openCase(db, actorOf(request), request.params.centreId, request.params.caseId),
  );

  app.put(
    '/centres/:centreId/cases/:caseId/people/:personId/contact-details/:kind',
    {
      config: { access: { permission: PERMISSIONS.CASE_WRITE } },
      schema: {
        tags,
        summary: "Change a person's address, phone or email (the old one is kept)",
        params: personParams,
        body: contactDetailBody,
        response: { 200: caseDetail, ...errors },
      },
    },
    async (request) =>
      changeContactDetail(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.caseId,
        request.params.personId,
        request.params.kind,
        request.body.value,
      ),
  );
};
