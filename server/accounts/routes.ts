import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptInvitationBody,
  invitationView,
  passwordResetCompleteBody,
  passwordResetRequestBody,
  sessionView,
  signInBody,
  tokenParams,
  twoFactorCodeBody,
  twoFactorSetupView,
} from '../../shared/api/auth.js';
import { sessionOf } from '../access/guard.js';
import type { Config } from '../config.js';
import type { Db } from '../platform/database.js';
import { ERROR_RESPONSES } from '../platform/http-errors.js';
import { acceptInvitation, showInvitation } from './invitations.js';
import { describeSession, loadSession, SESSION_ABSOLUTE_MS, SESSION_COOKIE } from './sessions.js';
import {
  beginTwoFactorSetup,
  completePasswordReset,
  passTwoFactor,
  requestPasswordReset,
  signIn,
  signOut,
} from './sign-in.js';

const tags = ['sign-in'];
const errors = ERROR_RESPONSES;

function setSessionCookie(reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    // Secure whenever the request came over https (directly, or through a trusted proxy).
    secure: 'auto',
    maxAge: SESSION_ABSOLUTE_MS / 1000,
  });
}

async function viewWithToken(db: Db, token: string) {
  return describeSession(db, await loadSession(db, token));
}

export const accountRoutes: FastifyPluginAsyncZod<{ db: Db; config: Config }> = async (
  app,
  { db, config },
) => {
  app.get(
    '/auth/session',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Who is signed in, at which step, and what they may do',
        response: { 200: sessionView },
      },
    },
    async (request) => describeSession(db, request.session),
  );

  app.post(
    '/auth/sign-in',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: signInBody,
        response: { 200: sessionView, ...errors },
      },
    },
    async (request, reply) => {
      const token = await signIn(db, request.meta, request.body, config.publicUrl);
      setSessionCookie(reply, token);
      return viewWithToken(db, token);
    },
  );

  app.post(
    '/auth/two-factor/setup',
    {
      config: { access: { signInStep: true } },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app',
        response: { 200: twoFactorSetupView, ...errors },
      },
    },
    async (request: FastifyRequest) => beginTwoFactorSetup(db, request.meta, sessionOf(request)),
  );

  for (const [path, mode] of [
    ['/auth/two-factor/confirm', 'setup'],
    ['/auth/two-factor/verify', 'challenge'],
  ] as const) {
    app.post(
      path,
      {
        config: { access: { signInStep: true } },
        schema: {
          tags,
          summary:
            mode === 'setup' ? 'Confirm the authenticator app with a code' : 'Pass the two-factor check',
          body: twoFactorCodeBody,
          response: { 200: sessionView, ...errors },
        },
      },
      async (request, reply) => {
        const token = await passTwoFactor(db, request.meta, sessionOf(request), request.body.code, mode);
        setSessionCookie(reply, token);
        return viewWithToken(db, token);
      },
    );
  }

  app.post(
    '/auth/sign-out',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Sign out: the session ends on the server',
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      if (request.session) await signOut(db, request.meta, request.session);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Email a single-use password reset link',
        body: passwordResetRequestBody,
        response: { 202: z.object({ message: z.string() }), ...errors },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(db, request.meta, request.body.email, config.publicUrl);
      return reply.status(202).send({
        message:
          'If there is an account for that address, we have sent a link. It works once, for 30 minutes.',
      });
    },
  );

  app.post(
    '/auth/password-reset/complete',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Choose a new password with a reset link',
        body: passwordResetCompleteBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await completePasswordReset(db, request.meta, request.body);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/invitations/:token',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'What an invitation is for',
        params: tokenParams,
        response: { 200: invitationView, ...errors },
      },
    },
    async (request) => showInvitation(db, request.params.token),
  );

  app.post(
    '/invitations/:token/accept',
    {
      config: { access: { public: true } },
      schema: {
        tags,
        summary: 'Accept an invitation: create the account',
        params: tokenParams,
        body: acceptInvitationBody,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await acceptInvitation(db, request.meta, request.params.token, request.body);
      return reply.status(204).send(null);
    },
  );
};
