import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import { centreParams } from '../../shared/api/common.js';
import {
  acceptedView,
  declineBody,
  draftBody,
  draftCreated,
  draftParams,
  draftView,
  publicCentreList,
  referralBody,
  referralDetail,
  referralList,
  referralParams,
  referralQuery,
  requestInformationBody,
  submittedView,
} from '../../shared/api/referrals.js';
import { actorOf } from '../access/guard.js';
import { ANONYMOUS } from '../audit/service.js';
import type { Config } from '../config.js';
import { publicCentres } from '../organisation/service.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  acceptReferral,
  createDraft,
  discardDraft,
  declineReferral,
  listInbox,
  openReferral,
  readDraft,
  requestInformation,
  saveDraft,
  submitReferral,
} from './service.js';

const tags = ['referrals'];
const errors = ERROR_RESPONSES;
const resumeHeaders = z.object({ 'x-resume-token': z.string().max(100).optional() });
/** A public form can be flooded: a few sends an hour from one address is plenty for a real referrer. */
const sendLimit = { max: 10, timeWindow: '1 hour' };
const draftLimit = { max: 120, timeWindow: '1 hour' };

const submitter = (request: FastifyRequest) =>
  request.session?.actor
    ? {
        actorUserId: request.session.userId,
        actorLabel: request.session.user.displayName,
        organisationId: request.session.user.organisationId,
      }
    : ANONYMOUS;

export const referralRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (app, { db }) => {
  app.get(
    '/public/centres',
    {
      config: { access: { public: true } },
      schema: { tags, summary: 'Centres a referral can be sent to', response: { 200: publicCentreList } },
    },
    async () => ({ items: await publicCentres(db) }),
  );

  app.post(
    '/referrals/drafts',
    {
      config: { access: { public: true }, rateLimit: draftLimit },
      schema: {
        tags,
        summary: 'Start a saved draft of a referral',
        body: draftBody,
        response: { 201: draftCreated, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createDraft(db, request.body)),
  );

  app.get(
    '/referrals/drafts/:draftId',
    {
      config: { access: { public: true }, rateLimit: draftLimit },
      schema: {
        tags,
        summary: 'Resume a draft (needs its resume token)',
        params: draftParams,
        headers: resumeHeaders,
        response: { 200: draftView, ...errors },
      },
    },
    async (request) => readDraft(db, request.params.draftId, request.headers['x-resume-token']),
  );

  app.put(
    '/referrals/drafts/:draftId',
    {
      config: { access: { public: true }, rateLimit: draftLimit },
      schema: {
        tags,
        summary: 'Save a draft (needs its resume token)',
        params: draftParams,
        headers: resumeHeaders,
        body: draftBody,
        response: { 200: draftView, ...errors },
      },
    },
    async (request) => saveDraft(db, request.params.draftId, request.headers['x-resume-token'], request.body),
  );

  app.delete(
    '/referrals/drafts/:draftId',
    {
      config: { access: { public: true }, rateLimit: draftLimit },
      schema: {
        tags,
        summary: 'Delete a draft (after sending, or to start again on a shared computer)',
        params: draftParams,
        headers: resumeHeaders,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await discardDraft(db, request.params.draftId, request.headers['x-resume-token']);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/referrals',
    {
      config: { access: { public: true }, rateLimit: sendLimit },
      schema: {
        tags,
        summary: 'Send a referral (with the draft it was written in, its copy of the court order goes too)',
        headers: resumeHeaders.extend({ 'x-draft-id': z.uuid().optional() }),
        body: referralBody,
        response: { 201: submittedView, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(
        await submitReferral(db, request.meta, submitter(request), request.body, {
          draftId: request.headers['x-draft-id'],
          resumeToken: request.headers['x-resume-token'],
        }),
      ),
  );

  const read = { access: { permission: PERMISSIONS.CASE_READ } };
  const write = { access: { permission: PERMISSIONS.CASE_WRITE } };

  app.get(
    '/centres/:centreId/referrals',
    {
      config: read,
      schema: {
        tags,
        summary: "The centre's referral inbox",
        params: centreParams,
        querystring: referralQuery,
        response: { 200: referralList, ...errors },
      },
    },
    async (request) => ({
      items: await listInbox(db, actorOf(request), request.params.centreId, request.query.status),
    }),
  );

  app.get(
    '/centres/:centreId/referrals/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'One referral',
        params: referralParams,
        response: { 200: referralDetail, ...errors },
      },
    },
    async (request) => openReferral(db, actorOf(request), request.params.centreId, request.params.id),
  );

  app.post(
    '/centres/:centreId/referrals/:id/accept',
    {
      config: write,
      schema: {
        tags,
        summary: 'Accept a referral: open the case',
        params: referralParams,
        response: { 200: acceptedView, ...errors },
      },
    },
    async (request) => acceptReferral(db, actorOf(request), request.params.centreId, request.params.id),
  );

  app.post(
    '/centres/:centreId/referrals/:id/request-information',
    {
      config: write,
      schema: {
        tags,
        summary: 'Ask the referrer for more information',
        params: referralParams,
        body: requestInformationBody,
        response: { 200: referralDetail, ...errors },
      },
    },
    async (request) =>
      requestInformation(
        db,
        actorOf(request),
        request.params.centreId,
        request.params.id,
        request.body.message,
      ),
  );

  app.post(
    '/centres/:centreId/referrals/:id/decline',
    {
      config: write,
      schema: {
        tags,
        summary: 'Decline a referral with a reason',
        params: referralParams,
        body: declineBody,
        response: { 200: referralDetail, ...errors },
      },
    },
    async (request) =>
      declineReferral(db, actorOf(request), request.params.centreId, request.params.id, request.body),
  );
};
