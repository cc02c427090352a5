import { and, count, desc, eq, gt, gte, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import { centres, emailVerifications, referrals, referrerProfiles, users } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

type ProfileFields = Pick<typeof referrerProfiles.$inferInsert, 'organisation' | 'role' | 'phone'>;

// Profiles

/** Writes what a referrer told us about themselves; a second registration replaces the first. */
export async function saveProfile(executor: Executor, userId: string, profile: ProfileFields) {
  await executor
    .insert(referrerProfiles)
    .values({ userId, ...profile })
    .onConflictDoUpdate({ target: referrerProfiles.userId, set: profile });
}

export async function findProfile(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      name: users.displayName,
      email: users.email,
      organisation: referrerProfiles.organisation,
      role: referrerProfiles.role,
      phone: referrerProfiles.phone,
    })
    .from(referrerProfiles)
    .innerJoin(users, eq(users.id, referrerProfiles.userId))
    .where(eq(referrerProfiles.userId, userId));
  return row;
}

// Email verification links

export async function insertVerification(
  executor: Executor,
  link: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await executor.insert(emailVerifications).values(link);
}

export async function countVerificationsSince(executor: Executor, userId: string, since: Date) {
  const [row] = await executor
    .select({ n: count() })
    .from(emailVerifications)
    .where(and(eq(emailVerifications.userId, userId), gte(emailVerifications.createdAt, since)));
  return row?.n ?? 0;
}

/** Uses a link once: the account it proves, or undefined if it is unknown, used or expired. */
export async function consumeVerification(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    )
    .returning({ userId: emailVerifications.userId });
  return row?.userId;
}

/** The account an open link is for, without using it up (the password is checked first). */
export async function findOpenVerification(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({ userId: emailVerifications.userId })
    .from(emailVerifications)
    .where(
      and(
        eq(emailVerifications.tokenHash, tokenHash),
        isNull(emailVerifications.usedAt),
        gt(emailVerifications.expiresAt, now),
      ),
    );
  return row;
}

/** Ends every open link of the account: after a new registration, or once the address is proven. */
export async function closeVerifications(executor: Executor, userId: string, now: Date): Promise<void> {
  await executor
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(and(eq(emailVerifications.userId, userId), isNull(emailVerifications.usedAt)));
}

/** Links that ended more than a day ago are of no use. */
export async function deleteEndedVerifications(executor: Executor, before: Date): Promise<void> {
  await executor.delete(emailVerifications).where(lt(emailVerifications.expiresAt, before));
}

/**
 * Self-registered accounts whose address was never proven, made before `before`: nobody could sign in
 * with them, and they hold a name, an organisation and a phone number.
 */
export async function unprovenReferrerAccountsBefore(executor: Executor, before: Date) {
  const rows = await executor
    .select({ userId: referrerProfiles.userId })
    .from(referrerProfiles)
    .innerJoin(users, eq(users.id, referrerProfiles.userId))
    .where(and(isNull(users.emailVerifiedAt), lt(users.createdAt, before)));
  return rows.map((row) => row.userId);
}

// Referrals as the person who made them sees them

const ownReferralColumns = {
  id: referrals.id,
  reference: referrals.reference,
  centreId: referrals.centreId,
  centreName: centres.name,
  receivedAt: referrals.receivedAt,
  serviceRequested: referrals.serviceRequested,
  status: referrals.status,
  decisionReason: referrals.decisionReason,
  decisionNote: referrals.decisionNote,
  decidedAt: referrals.decidedAt,
  // First names only, in the order the referral gave them; nothing else of the body leaves the database.
  childrenFirstNames: sql<
    string[]
  >`coalesce(jsonb_path_query_array(${referrals.body}, '$.children[*].firstName'), '[]'::jsonb)`,
};

/**
 * The referrals a person made, in their organisation's centres: those they sent signed in, and those
 * sent from the public form with the address they have proven. `id` narrows to one.
 */
export async function referralsMadeBy(
  executor: Executor,
  who: { userId: string; organisationId: string },
  id?: string,
) {
  return executor
    .select(ownReferralColumns)
    .from(referrals)
    .innerJoin(centres, eq(centres.id, referrals.centreId))
    .innerJoin(users, eq(users.id, who.userId))
    .where(
      and(
        eq(centres.organisationId, who.organisationId),
        id === undefined ? undefined : eq(referrals.id, id),
        or(
          eq(referrals.submittedByUserId, who.userId),
          and(isNotNull(users.emailVerifiedAt), eq(sql`lower(${referrals.referrerEmail})`, users.email)),
        ),
      ),
    )
    .orderBy(desc(referrals.receivedAt))
    .limit(500);
}

/** Who made a referral at this centre; another centre's answers undefined, like a missing one. */
export async function referrerOfReferral(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select({
      id: referrals.id,
      reference: referrals.reference,
      centreId: referrals.centreId,
      centreName: centres.name,
      referrerName: referrals.referrerName,
      referrerEmail: referrals.referrerEmail,
    })
    .from(referrals)
    .innerJoin(centres, eq(centres.id, referrals.centreId))
    .where(and(eq(referrals.id, id), eq(referrals.centreId, centreId)));
  return row;
}

/** What the latest referral from this address said about its referrer, in the organisation's centres. */
export async function latestReferrerDetails(executor: Executor, organisationId: string, email: string) {
  const [row] = await executor
    .select({ referrer: sql<Record<string, unknown> | null>`${referrals.body} -> 'referrer'` })
    .from(referrals)
    .innerJoin(centres, eq(centres.id, referrals.centreId))
    .where(
      and(
        eq(centres.organisationId, organisationId),
        eq(sql`lower(${referrals.referrerEmail})`, email.toLowerCase()),
      ),
    )
    .orderBy(desc(referrals.receivedAt))
    .limit(1);
  return row?.referrer ?? undefined;
}
