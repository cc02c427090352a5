import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  caseFile,
  closeBody,
  consentBody,
  consentParams,
  courtOrderBody,
  professionalBody,
  professionalParams,
  reopenBody,
} from '../../shared/api/caseRecord.js';
import { caseDetail, caseList, caseParams, contactDetailBody, personParams } from '../../shared/api/cases.js';
import { centreParams } from '../../shared/api/common.js';
import type { Actor } from '../access/actor.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { caseFileOf } from './case-file.js';
import { closeCase, reopenCase } from './closure.js';
import { recordConsent, withdrawConsent } from './consent.js';
import { recordCourtOrder } from './court-orders.js';
import { addProfessional, endProfessional } from './professionals.js';
import { changeContactDetail, listCasesOf } from './service.js';

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
        summary: 'A case file: the family at a glance, each child’s consent, the closure and any warnings',
        params: caseParams,
        response: { 200: caseFile, ...errors },
      },
    },
    async (request) => caseFileOf(db, actorOf(request), request.params.centreId, request.params.caseId),
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

  // The rest of the case record. Each change is made in its own transaction, then answers with the case
  // file as it now stands (read and audited like any opening of the file).
  const write = { access: { permission: PERMISSIONS.CASE_WRITE } };
  const thenFile = async (
    actor: Actor,
    params: { centreId: string; caseId: string },
    change: () => Promise<void>,
  ) => {
    await change();
    return caseFileOf(db, actor, params.centreId, params.caseId);
  };

  app.post(
    '/centres/:centreId/cases/:caseId/child-consents',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Record consent for a child’s information: a parent’s, or the child’s own above the centre’s age',
        params: caseParams,
        body: consentBody,
        response: { 201: caseFile, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { centreId, caseId } = request.params;
      const file = await thenFile(actor, request.params, () =>
        recordConsent(db, actor, centreId, caseId, request.body),
      );
      return reply.status(201).send(file);
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/child-consents/:consentId/withdraw',
    {
      config: write,
      schema: {
        tags,
        summary: 'Withdraw a consent (the record stays, with who withdrew it and when)',
        params: consentParams,
        response: { 200: caseFile, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { centreId, caseId, consentId } = request.params;
      return thenFile(actor, request.params, () => withdrawConsent(db, actor, centreId, caseId, consentId));
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/court-orders',
    {
      config: write,
      schema: {
        tags,
        summary: 'Record a new court order; it supersedes the one in force, which stays in the history',
        params: caseParams,
        body: courtOrderBody,
        response: { 201: caseFile, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { centreId, caseId } = request.params;
      const file = await thenFile(actor, request.params, () =>
        recordCourtOrder(db, actor, centreId, caseId, request.body),
      );
      return reply.status(201).send(file);
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/professionals',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a professional: acting for an adult of the case, or for the court or the children',
        params: caseParams,
        body: professionalBody,
        response: { 201: caseFile, ...errors },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { centreId, caseId } = request.params;
      const file = await thenFile(actor, request.params, () =>
        addProfessional(db, actor, centreId, caseId, request.body),
      );
      return reply.status(201).send(file);
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/professionals/:professionalId/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'End a professional’s part in the case (they stay in the record)',
        params: professionalParams,
        response: { 200: caseFile, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { centreId, caseId, professionalId } = request.params;
      return thenFile(actor, request.params, () =>
        endProfessional(db, actor, centreId, caseId, professionalId),
      );
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/close',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Close the case with its outcome; the retention clock starts, waiting intake visits are cancelled',
        params: caseParams,
        body: closeBody,
        response: { 200: caseFile, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { centreId, caseId } = request.params;
      return thenFile(actor, request.params, () => closeCase(db, actor, centreId, caseId, request.body));
    },
  );

  app.post(
    '/centres/:centreId/cases/:caseId/reopen',
    {
      config: write,
      schema: {
        tags,
        summary: 'Open a closed case again, with the reason (kept in the audit trail)',
        params: caseParams,
        body: reopenBody,
        response: { 200: caseFile, ...errors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { centreId, caseId } = request.params;
      return thenFile(actor, request.params, () => reopenCase(db, actor, centreId, caseId, request.body));
    },
  );
};
