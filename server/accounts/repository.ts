import { and, asc, count, eq, gt, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import {
  centres,
  invitations,
  organisations,
  passwordResets,
  roleAssignments,
  sessions,
  signInFailures,
  users,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import type { Role } from '../../shared/access.js';

const userColumns = {
  id: users.id,
  organisationId: users.organisationId,
  email: users.email,
  displayName: users.displayName,
  passwordHash: users.passwordHash,
  status: users.status,
  totpSecret: users.totpSecret,
  totpEnabledAt: users.totpEnabledAt,
  totpLastStep: users.totpLastStep,
  lastSignInAt: users.lastSignInAt,
  emailVerifiedAt: users.emailVerifiedAt,
};
export type UserRow = Awaited<ReturnType<typeof findUserByEmail>>;

export async function findUserByEmail(executor: Executor, email: string) {
  const [row] = await executor.select(userColumns).from(users).where(eq(users.email, email));
  return row;
}

export async function findUserById(executor: Executor, id: string) {
  const [row] = await executor.select(userColumns).from(users).where(eq(users.id, id));
  return row;
}

export async function insertUser(
  executor: Executor,
  user: {
    organisationId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    /** null until the person proves the address (a self-registered referrer). */
    emailVerifiedAt: Date | null;
  },
): Promise<string> {
  const [row] = await executor.insert(users).values(user).returning({ id: users.id });
  return row!.id;
}

export async function updateUser(
  executor: Executor,
  id: string,
  changes: Partial<{
    passwordHash: string;
    status: 'active' | 'disabled';
    totpSecret: string | null;
    totpEnabledAt: Date | null;
    totpLastStep: number | null;
    lastSignInAt: Date;
    displayName: string;
    emailVerifiedAt: Date;
  }>,
): Promise<void> {
  await executor.update(users).set(changes).where(eq(users.id, id));
}

/**
 * Records that a two-factor step was used, only if it is later than the last one: of two requests with
 * the same code, exactly one succeeds, even at the same moment.
 */
export async function claimTotpStep(executor: Executor, userId: string, step: number): Promise<boolean> {
  const rows = await executor
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return rows.length === 1;
}

export async function listOrganisationUsers(executor: Executor, organisationId: string) {
  return executor
    .select(userColumns)
    .from(users)
    .where(eq(users.organisationId, organisationId))
    .orderBy(asc(users.displayName));
}

export async function roleAssignmentsOf(executor: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return executor
    .select({
      userId: roleAssignments.userId,
      centreId: roleAssignments.centreId,
      role: roleAssignments.role,
      centreName: centres.name,
    })
    .from(roleAssignments)
    .leftJoin(centres, eq(centres.id, roleAssignments.centreId))
    .where(inArray(roleAssignments.userId, userIds));
}

export async function replaceRoles(
  executor: Executor,
  userId: string,
  roles: { centreId: string | null; role: Role }[],
): Promise<void> {
  await executor.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
  if (roles.length > 0) {
    await executor
      .insert(roleAssignments)
      .values(roles.map((r) => ({ userId, centreId: r.centreId, role: r.role })));
  }
}

export async function organisationCentres(executor: Executor, organisationId: string) {
  return executor
    .select({ id: centres.id, name: centres.name, timeZone: centres.timeZone })
    .from(centres)
    .where(eq(centres.organisationId, organisationId))
    .orderBy(asc(centres.name));
}

export async function findOrganisation(executor: Executor, id: string) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.id, id));
  return row;
}

// Sessions

export async function insertSession(
  executor: Executor,
  session: { id: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await executor.insert(sessions).values(session);
}

export async function findLiveSession(executor: Executor, id: string, now: Date) {
  const [row] = await executor
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      twoFactorVerifiedAt: sessions.twoFactorVerifiedAt,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  return row;
}

export async function updateSession(
  executor: Executor,
  id: string,
  changes: Partial<{
    id: string;
    csrfToken: string;
    twoFactorVerifiedAt: Date;
    lastSeenAt: Date;
    expiresAt: Date;
  }>,
): Promise<void> {
  await executor.update(sessions).set(changes).where(eq(sessions.id, id));
}

export async function revokeSession(executor: Executor, id: string): Promise<void> {
  await executor.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, id));
}

export async function revokeUserSessions(executor: Executor, userId: string): Promise<void> {
  await executor
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}

// Sign-in failures (rate limiting)

export async function recordFailures(executor: Executor, keys: string[]): Promise<void> {
  await executor.insert(signInFailures).values(keys.map((key) => ({ key })));
}

export async function countFailuresSince(executor: Executor, key: string, since: Date): Promise<number> {
  const [row] = await executor
    .select({ n: count() })
    .from(signInFailures)
    .where(and(eq(signInFailures.key, key), gte(signInFailures.at, since)));
  return row?.n ?? 0;
}

export async function clearFailures(executor: Executor, key: string): Promise<void> {
  await executor.delete(signInFailures).where(eq(signInFailures.key, key));
}

export async function pruneFailuresBefore(executor: Executor, before: Date): Promise<void> {
  await executor.delete(signInFailures).where(lt(signInFailures.at, before));
}

// Invitations

export async function insertInvitation(
  executor: Executor,
  invitation: {
    organisationId: string;
    email: string;
    role: Role;
    centreId: string | null;
    tokenHash: string;
    invitedByUserId: string | null;
    expiresAt: Date;
  },
) {
  const [row] = await executor.insert(invitations).values(invitation).returning();
  return row!;
}

export async function findOpenInvitationByToken(executor: Executor, tokenHashValue: string, now: Date) {
  const [row] = await executor
    .select({
      id: invitations.id,
      organisationId: invitations.organisationId,
      email: invitations.email,
      role: invitations.role,
      centreId: invitations.centreId,
      organisationName: organisations.name,
      centreName: centres.name,
    })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(centres, eq(centres.id, invitations.centreId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHashValue),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    );
  return row;
}

/** Marks an invitation used; false if another request used it first. */
export async function markInvitationAccepted(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .update(invitations)
    .set({ acceptedAt: new Date() })
    .where(and(eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  return rows.length === 1;
}

export async function listOpenInvitations(executor: Executor, organisationId: string, now: Date) {
  return executor
    .select({
      id: invitations.id,
      email: invitations.email,
      role: invitations.role,
      centreId: invitations.centreId,
      centreName: centres.name,
      invitedBy: users.displayName,
      createdAt: invitations.createdAt,
      expiresAt: invitations.expiresAt,
    })
    .from(invitations)
    .leftJoin(centres, eq(centres.id, invitations.centreId))
    .leftJoin(users, eq(users.id, invitations.invitedByUserId))
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, now),
      ),
    )
    .orderBy(asc(invitations.createdAt));
}

export async function findInvitation(executor: Executor, id: string, organisationId: string) {
  const [row] = await executor
    .select({ id: invitations.id, centreId: invitations.centreId, role: invitations.role })
    .from(invitations)
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    );
  return row;
}

export async function revokeInvitation(executor: Executor, id: string): Promise<void> {
  await executor.update(invitations).set({ revokedAt: new Date() }).where(eq(invitations.id, id));
}

// Password resets

export async function insertPasswordReset(
  executor: Executor,
  reset: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await executor.insert(passwordResets).values(reset);
}

/** Uses a reset link once: returns the user id, or undefined if it is unknown, used or expired. */
export async function consumePasswordReset(executor: Executor, tokenHashValue: string, now: Date) {
  const [row] = await executor
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHashValue),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ userId: passwordResets.userId });
  return row?.userId;
}

export async function invalidatePasswordResets(executor: Executor, userId: string): Promise<void> {
  await executor
    .update(passwordResets)
    .set({ usedAt: sql`now()` })
    .where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt)));
}

/** Removes sessions that ended more than `before` ago; they are of no use and hold client traces. */
export async function deleteEndedSessions(executor: Executor, before: Date): Promise<void> {
  await executor.delete(sessions).where(or(lt(sessions.expiresAt, before), lt(sessions.revokedAt, before)));
}

export async function deleteSpentLinks(executor: Executor, before: Date): Promise<void> {
  await executor.delete(passwordResets).where(lt(passwordResets.expiresAt, before));
}

/** The names people are shown by, for the users given (those that exist). */
export async function displayNamesOfUsers(executor: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, ids));
}

/** The organisation an account made without an inviter joins: the oldest (a server runs one). */
export async function oldestOrganisation(executor: Executor) {
  const [row] = await executor
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row;
}

/** Removes an account whose address was never proven; a proven one is left alone. */
export async function deleteUnverifiedUser(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .delete(users)
    .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)))
    .returning({ id: users.id });
  return rows.length === 1;
}

/**
 * A live session with its user, the user's roles and the organisation's centres, in one round trip:
 * every signed-in request asks this first.
 */
export async function findLiveSessionWithActor(executor: Executor, id: string, now: Date) {
  const [row] = await executor
    .select({
      id: sessions.id,
      userId: sessions.userId,
      csrfToken: sessions.csrfToken,
      twoFactorVerifiedAt: sessions.twoFactorVerifiedAt,
      lastSeenAt: sessions.lastSeenAt,
      createdAt: sessions.createdAt,
      email: users.email,
      displayName: users.displayName,
      organisationId: users.organisationId,
      status: users.status,
      totpEnabledAt: users.totpEnabledAt,
      roles: sql<
        { role: string; centreId: string | null }[]
      >`coalesce((select json_agg(json_build_object('role', ${roleAssignments.role}, 'centreId', ${roleAssignments.centreId})) from ${roleAssignments} where ${roleAssignments.userId} = ${users.id}), '[]'::json)`,
      centreIds: sql<
        string[]
      >`coalesce((select json_agg(${centres.id} order by ${centres.id}) from ${centres} where ${centres.organisationId} = ${users.organisationId}), '[]'::json)`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
  if (!row) return undefined;
  // Both drivers parse json; a driver that hands back text is parsed here.
  const parsed = <T>(value: T | string): T => (typeof value === 'string' ? (JSON.parse(value) as T) : value);
  return { ...row, roles: parsed(row.roles), centreIds: parsed(row.centreIds) };
}
