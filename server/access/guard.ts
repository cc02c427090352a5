/**
 * The access guard. Every route declares who may call it in `config.access`:
 *   { public: true }            anyone (sign-in, health, first-run setup, emailed links)
 *   { signInStep: true }        a browser part-way through signing in (two-factor)
 *   { permission: 'x:y' }       a fully signed-in person holding that permission somewhere;
 *                               with a :centreId parameter, holding it for that centre (else 404).
 * A route without a declaration is refused at start-up, and a test walks every route.
 * The guard also loads the session and checks CSRF on every change.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type {} from '@fastify/cookie';
import { PERMISSIONS, type Permission } from '../../shared/access.js';
import { loadSession, SESSION_COOKIE, withMeta, type SessionState } from '../accounts/sessions.js';
import { sameSecret } from '../accounts/secrets.js';
import { ANONYMOUS, recordAudit, whoOf, type AuditWho } from '../audit/service.js';
import type { Db } from '../platform/database.js';
import { AppError, NotAllowed, NotFound, NotSignedIn } from '../platform/errors.js';
import { can, canAnywhere, type Actor, type RequestMeta } from './actor.js';

export type RouteAccess = { public: true } | { signInStep: true } | { permission: Permission };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    session: SessionState | null;
    meta: RequestMeta;
    /** Set on routes that need a permission; read it through `actorOf(request)`. */
    actor: Actor | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class CsrfRefused extends AppError {
  constructor() {
    super(403, 'csrf', 'This page is out of date. Reload it and try again.');
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new NotSignedIn();
  return request.actor;
}

export function sessionOf(request: FastifyRequest): SessionState {
  if (!request.session) throw new NotSignedIn();
  return request.session;
}

/** Routes registered without an access declaration: start-up fails if there are any. */
export function undeclaredRoutes(
  app: FastifyInstance & { routeAccess?: Map<string, RouteAccess | undefined> },
) {
  return [...(app.routeAccess ?? new Map()).entries()]
    .filter(([, access]) => !access)
    .map(([route]) => route);
}

export const accessGuard = fp<{ db: Db }>(async (app, { db }) => {
  const declared = new Map<string, RouteAccess | undefined>();
  app.decorate('routeAccess', declared);
  app.decorateRequest('session', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('meta', null as unknown as RequestMeta);

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method === 'HEAD') continue;
      declared.set(`${method} ${route.url}`, route.config?.access);
    }
  });

  const refuse = async (request: FastifyRequest, who: AuditWho, error: AppError, reason: string) => {
    await recordAudit(db, request.meta, who, {
      action: 'access.refused',
      outcome: 'refused',
      detail: {
        reason,
        method: request.method,
        route: request.routeOptions.url ?? 'unknown',
        status: error.statusCode,
      },
    });
    throw error;
  };

  app.addHook('onRequest', async (request: FastifyRequest) => {
    request.meta = { requestId: request.id, clientAddress: request.ip ?? null };
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[SESSION_COOKIE];
    request.session = token ? await loadSession(db, token) : null;
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      if (origin && !sameOrigin(origin, request)) {
        await refuse(
          request,
          request.session ? whoOfSession(request.session) : ANONYMOUS,
          new CsrfRefused(),
          'cross_origin',
        );
      }
      if (request.session) {
        const sent = request.headers['x-csrf-token'];
        if (typeof sent !== 'string' || !sameSecret(sent, request.session.csrfToken)) {
          await refuse(request, whoOfSession(request.session), new CsrfRefused(), 'csrf_token');
        }
      }
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest, _reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (!request.url.startsWith('/api/') && !access) return;
    if (!access) return refuse(request, ANONYMOUS, new NotFound(), 'undeclared_route');
    if ('public' in access) return;
    const session = request.session;
    if ('signInStep' in access) {
      if (!session) return refuse(request, ANONYMOUS, new NotSignedIn(), 'not_signed_in');
      return;
    }
    if (!session) return refuse(request, ANONYMOUS, new NotSignedIn(), 'not_signed_in');
    if (!session.actor) {
      return refuse(
        request,
        whoOfSession(session),
        new NotSignedIn('Finish signing in with your two-factor code.'),
        'two_factor_pending',
      );
    }
    const actor = withMeta(session.actor, request.meta);
    const centreId = (request.params as { centreId?: unknown } | undefined)?.centreId;
    if (typeof centreId === 'string') {
      // Another centre's record answers exactly like a missing one; in a centre the person works for,
      // a permission their role lacks is refused plainly.
      if (!UUID.test(centreId) || !can(actor, PERMISSIONS.CENTRE_READ, centreId)) {
        return refuse(request, whoOf(actor), new NotFound(), 'centre_out_of_scope');
      }
      if (!can(actor, access.permission, centreId)) {
        return refuse(request, whoOf(actor), new NotAllowed(), 'permission');
      }
    } else if (!canAnywhere(actor, access.permission)) {
      return refuse(request, whoOf(actor), new NotAllowed(), 'permission');
    }
    request.actor = actor;
  });

  app.addHook('onReady', async () => {
    const missing = [...declared.entries()]
      .filter(([route, a]) => !a && route.includes('/api/'))
      .map(([r]) => r);
    if (missing.length > 0) throw new Error(`Routes without an access declaration: ${missing.join(', ')}`);
  });
});

function whoOfSession(session: SessionState): AuditWho {
  return {
    actorUserId: session.userId,
    actorLabel: session.user.displayName,
    organisationId: session.user.organisationId,
  };
}

function sameOrigin(origin: string, request: FastifyRequest): boolean {
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}
