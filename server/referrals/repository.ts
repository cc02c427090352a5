import { and, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import { referralChildren, referralDrafts, referrals } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export async function insertDraft(
  executor: Executor,
  values: { centreId: string | null; answers: Record<string, unknown>; resumeTokenHash: string },
) {
  const [row] = await executor.insert(referralDrafts).values(values).returning({ id: referralDrafts.id });
  return row!.id;
}

export async function findDraft(executor: Executor, id: string) {
  const [row] = await executor.select().from(referralDrafts).where(eq(referralDrafts.id, id));
  return row;
}

export async function updateDraft(
  executor: Executor,
  id: string,
  values: { centreId: string | null; answers: Record<string, unknown> },
) {
  const [row] = await executor
    .update(referralDrafts)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(referralDrafts.id, id))
    .returning();
  return row!;
}

export async function deleteDraft(executor: Executor, id: string): Promise<void> {
  await executor.delete(referralDrafts).where(eq(referralDrafts.id, id));
}

export async function deleteDraftsBefore(executor: Executor, before: Date): Promise<void> {
  await executor.delete(referralDrafts).where(sql`${referralDrafts.updatedAt} < ${before}`);
}

export async function insertReferral(executor: Executor, values: typeof referrals.$inferInsert) {
  const [row] = await executor.insert(referrals).values(values).returning({ id: referrals.id });
  return row!.id;
}

export async function insertReferralChildren(
  executor: Executor,
  rows: (typeof referralChildren.$inferInsert)[],
) {
  if (rows.length > 0) await executor.insert(referralChildren).values(rows);
}

const summaryColumns = {
  id: referrals.id,
  centreId: referrals.centreId,
  reference: referrals.reference,
  status: referrals.status,
  receivedAt: referrals.receivedAt,
  referrerName: referrals.referrerName,
  referrerEmail: referrals.referrerEmail,
  referrerRole: referrals.referrerRole,
  serviceRequested: referrals.serviceRequested,
  courtOrderKind: referrals.courtOrderKind,
  body: referrals.body,
  decisionReason: referrals.decisionReason,
  decisionNote: referrals.decisionNote,
  caseId: referrals.caseId,
};

export async function listReferrals(executor: Executor, centreId: string, status?: string) {
  return executor
    .select(summaryColumns)
    .from(referrals)
    .where(and(eq(referrals.centreId, centreId), status ? eq(referrals.status, status as 'new') : undefined))
    .orderBy(desc(referrals.receivedAt))
    .limit(500);
}

/** A referral of this centre; another centre's answers undefined, like a missing one. */
export async function findReferral(executor: Executor, centreId: string, id: string, lock = false) {
  const query = executor
    .select(summaryColumns)
    .from(referrals)
    .where(and(eq(referrals.id, id), eq(referrals.centreId, centreId)));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function updateReferral(
  executor: Executor,
  id: string,
  values: Partial<
    Pick<
      typeof referrals.$inferInsert,
      'status' | 'decidedAt' | 'decidedByUserId' | 'decisionReason' | 'decisionNote' | 'caseId'
    >
  >,
): Promise<void> {
  await executor.update(referrals).set(values).where(eq(referrals.id, id));
}

/**
 * Other referrals at the same centre naming a child with the same name and date of birth, for each of
 * the given referrals.
 */
export async function duplicateChildren(executor: Executor, centreId: string, referralIds: string[]) {
  if (referralIds.length === 0) return [];
  const mine = referralChildren;
  return executor
    .select({
      referralId: mine.referralId,
      otherReferralId: referrals.id,
      otherReference: referrals.reference,
      childName: sql<string>`${mine.firstName} || ' ' || ${mine.lastName}`,
    })
    .from(mine)
    .innerJoin(
      sql`${referralChildren} as other`,
      sql`other.centre_id = ${mine.centreId} and lower(other.first_name) = lower(${mine.firstName}) and lower(other.last_name) = lower(${mine.lastName}) and other.date_of_birth = ${mine.dateOfBirth} and other.referral_id <> ${mine.referralId}`,
    )
    .innerJoin(referrals, sql`${referrals.id} = other.referral_id`)
    .where(
      and(
        eq(mine.centreId, centreId),
        inArray(mine.referralId, referralIds),
        ne(referrals.id, mine.referralId),
      ),
    );
}
