/**
 * Server-side sessions. The cookie holds a random token; the database holds its hash, the CSRF token,
 * and whether two-factor has been passed. Revoking the row ends the session everywhere.
 */
import { ALL_PERMISSIONS, type Role } from '../../shared/access.js';
import type { SessionView, SignInStage } from '../../shared/api/auth.js';
import { permissionsAt, type Actor, type RequestMeta } from '../access/actor.js';
import type { Executor } from '../platform/database.js';
import {
  findLiveSessionWithActor,
  findOrganisation,
  insertSession,
  organisationCentres,
  updateSession,
} from './repository.js';
import { randomToken, tokenHash } from './secrets.js';

export const SESSION_COOKIE = 'ng_session';
/** A session ends 12 hours after sign-in, or after 2 hours without use, whichever is first. */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000;
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
const TOUCH_EVERY_MS = 60 * 1000;

export interface SessionState {
  id: string;
  userId: string;
  csrfToken: string;
  twoFactorPassed: boolean;
  stage: Exclude<SignInStage, 'signed-out'>;
  user: { id: string; email: string; displayName: string; organisationId: string };
  /** Present only once two-factor is passed: nothing else may act. */
  actor: Omit<Actor, 'meta'> | null;
}

export async function createSession(executor: Executor, userId: string): Promise<string> {
  const token = randomToken();
  await insertSession(executor, {
    id: tokenHash(token),
    userId,
    csrfToken: randomToken(),
    expiresAt: new Date(Date.now() + SESSION_IDLE_MS),
  });
  return token;
}

/** Gives a session a new token and CSRF token (after two-factor), so an earlier token is useless. */
export async function rotateSession(
  executor: Executor,
  sessionId: string,
  changes: { twoFactorVerifiedAt?: Date },
) {
  const token = randomToken();
  await updateSession(executor, sessionId, { id: tokenHash(token), csrfToken: randomToken(), ...changes });
  return token;
}

export async function loadSession(
  executor: Executor,
  token: string | undefined,
): Promise<SessionState | null> {
  if (!token || token.length > 100) return null;
  const now = new Date();
  const session = await findLiveSessionWithActor(executor, tokenHash(token), now);
  if (!session) return null;
  if (now.getTime() - session.createdAt.getTime() > SESSION_ABSOLUTE_MS) return null;
  if (session.status !== 'active') return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const idleEnd = new Date(
      Math.min(now.getTime() + SESSION_IDLE_MS, session.createdAt.getTime() + SESSION_ABSOLUTE_MS),
    );
    await updateSession(executor, session.id, { lastSeenAt: now, expiresAt: idleEnd });
  }
  const twoFactorPassed = session.twoFactorVerifiedAt !== null && session.totpEnabledAt !== null;
  const stage = twoFactorPassed ? 'signed-in' : session.totpEnabledAt ? 'two-factor' : 'two-factor-setup';
  const user = {
    id: session.userId,
    email: session.email,
    displayName: session.displayName,
    organisationId: session.organisationId,
  };
  return {
    id: session.id,
    userId: session.userId,
    csrfToken: session.csrfToken,
    twoFactorPassed,
    stage,
    user,
    actor: twoFactorPassed ? actorOf(user, session.roles, session.centreIds) : null,
  };
}

/** What a signed-in person may do: their roles per centre and organisation-wide. */
function actorOf(
  user: { id: string; organisationId: string; displayName: string },
  assignments: { role: string; centreId: string | null }[],
  centreIds: string[],
): Omit<Actor, 'meta'> {
  const centreRoles = new Map<string, Role[]>();
  const organisationRoles: Role[] = [];
  for (const assignment of assignments) {
    const role = assignment.role as Role;
    if (assignment.centreId === null) organisationRoles.push(role);
    else centreRoles.set(assignment.centreId, [...(centreRoles.get(assignment.centreId) ?? []), role]);
  }
  return {
    userId: user.id,
    organisationId: user.organisationId,
    displayName: user.displayName,
    organisationRoles,
    centreRoles,
    organisationCentreIds: centreIds,
  };
}

export function withMeta(actor: Omit<Actor, 'meta'>, meta: RequestMeta): Actor {
  return { ...actor, meta };
}

export async function describeSession(executor: Executor, state: SessionState | null): Promise<SessionView> {
  if (!state) {
    return {
      stage: 'signed-out',
      csrfToken: null,
      user: null,
      organisation: null,
      organisationRoles: [],
      centres: [],
    };
  }
  const base = {
    stage: state.stage,
    csrfToken: state.csrfToken,
    user: { id: state.user.id, email: state.user.email, displayName: state.user.displayName },
  };
  if (!state.actor) return { ...base, organisation: null, organisationRoles: [], centres: [] };
  const actor = state.actor;
  const [organisation, centres] = await Promise.all([
    findOrganisation(executor, actor.organisationId),
    organisationCentres(executor, actor.organisationId),
  ]);
  const fullActor = withMeta(actor, { requestId: '', clientAddress: null });
  return {
    ...base,
    organisation: organisation ?? null,
    organisationRoles: actor.organisationRoles,
    centres: centres
      .map((centre) => ({
        ...centre,
        roles: actor.centreRoles.get(centre.id) ?? [],
        permissions: permissionsAt(fullActor, centre.id, ALL_PERMISSIONS),
      }))
      .filter((centre) => centre.roles.length > 0 || centre.permissions.length > 0),
  };
}
