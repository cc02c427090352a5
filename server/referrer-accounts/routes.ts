import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { PERMISSIONS } from '../../shared/access.js';
import { idParams } from '../../shared/api/common.js';
import { referralParams } from '../../shared/api/referrals.js';
import {
  emailVerified,
  ownReferralList,
  ownReferralView,
  referrerInvited,
  referrerProfileView,
  referrerRegistrationBody,
  registrationAnswer,
  resendVerificationBody,
  verifyEmailBody,
} from '../../shared/api/referrer-accounts.js';
import { actorOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import {
  inviteReferrer,
  listOwnReferrals,
  ownProfile,
  readOwnReferral,
  registerReferrer,
  resendVerification,
  verifyEmail,
} from './service.js';

const tags = ['referrer accounts'];
const errors = ERROR_RESPONSES;
/** Public forms that send mail: a few an hour from one connection is plenty, as for the referral form. */
const mailLimit = { max: 10, timeWindow: '1 hour' };
/** The password is checked with the link: limited, so a link holder cannot try many. */
const verifyLimit = { max: 20, timeWindow: '1 hour' };
const own = { access: { permission: PERMISSIONS.OWN_REFERRALS_READ } };

export const referrerAccountRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (
  app,
  { db, config },
) => {
  app.post(
    '/referrer-accounts',
    {
      config: { access: { public: true }, rateLimit: mailLimit },
      schema: {
        tags,
        summary: 'Create a referrer account: a link to confirm the address is emailed',
        body: referrerRegistrationBody,
        response: { 202: registrationAnswer, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await registerReferrer(db, request.meta, request.body, config.publicUrl)),
  );

  app.post(
    '/referrer-accounts/verify',
    {
      config: { access: { public: true }, rateLimit: verifyLimit },
      schema: {
        tags,
        summary: 'Confirm the email address with the emailed link and the password chosen',
        body: verifyEmailBody,
        response: { 200: emailVerified, ...errors },
      },
    },
    async (request) => verifyEmail(db, request.meta, request.body),
  );

  app.post(
    '/referrer-accounts/verify/resend',
    {
      config: { access: { public: true }, rateLimit: mailLimit },
      schema: {
        tags,
        summary: 'Email a new link to confirm the address',
        body: resendVerificationBody,
        response: { 202: registrationAnswer, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(202)
        .send(await resendVerification(db, request.meta, request.body.email, config.publicUrl)),
  );

  app.get(
    '/my/profile',
    {
      config: own,
      schema: {
        tags,
        summary: 'What the signed-in referrer told us about themselves (fills in the referral form)',
        response: { 200: referrerProfileView, ...errors },
      },
    },
    async (request) => ownProfile(db, actorOf(request)),
  );

  app.get(
    '/my/referrals',
    {
      config: own,
      schema: {
        tags,
        summary: 'The referrals the signed-in referrer made, with their status',
        response: { 200: ownReferralList, ...errors },
      },
    },
    async (request) => ({ items: await listOwnReferrals(db, actorOf(request)) }),
  );

  app.get(
    '/my/referrals/:id',
    {
      config: own,
      schema: {
        tags,
        summary: 'One referral the signed-in referrer made',
        params: idParams,
        response: { 200: ownReferralView, ...errors },
      },
    },
    async (request) => readOwnReferral(db, actorOf(request), request.params.id),
  );

  app.post(
    '/centres/:centreId/referrals/:id/invite-referrer',
    {
      config: { access: { permission: PERMISSIONS.USER_MANAGE } },
      schema: {
        tags,
        summary: 'Invite the referrer of a referral to follow it online',
        params: referralParams,
        response: { 201: referrerInvited, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await inviteReferrer(
            db,
            actorOf(request),
            request.params.centreId,
            request.params.id,
            config.publicUrl,
          ),
        ),
  );
};
