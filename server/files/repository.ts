/**
 * Stored files. The files module sits beneath referrals and cases (they call it when a referral is sent
 * or accepted), so it checks who owns a file with read-only queries of its own on the draft, case and
 * court-order tables instead of calling back up into those modules.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { cases, courtOrders, referralDrafts, storedFiles, users } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/** The draft's resume-token hash; locked for the rest of the transaction when asked. */
export async function findDraftSecret(executor: Executor, draftId: string, lock = false) {
  const query = executor
    .select({ id: referralDrafts.id, resumeTokenHash: referralDrafts.resumeTokenHash })
    .from(referralDrafts)
    .where(eq(referralDrafts.id, draftId));
  const [row] = lock ? await query.for('update') : await query;
  return row;
}

export async function insertFile(executor: Executor, values: typeof storedFiles.$inferInsert) {
  const [row] = await executor
    .insert(storedFiles)
    .values(values)
    .returning({ id: storedFiles.id, createdAt: storedFiles.createdAt });
  return row!;
}

export async function deleteDraftFiles(executor: Executor, draftId: string): Promise<number> {
  const rows = await executor
    .delete(storedFiles)
    .where(eq(storedFiles.draftId, draftId))
    .returning({ id: storedFiles.id });
  return rows.length;
}

export async function draftFileOf(executor: Executor, draftId: string) {
  const [row] = await executor
    .select({
      fileName: storedFiles.fileName,
      mediaType: storedFiles.mediaType,
      sizeBytes: storedFiles.sizeBytes,
    })
    .from(storedFiles)
    .where(eq(storedFiles.draftId, draftId))
    .orderBy(desc(storedFiles.createdAt))
    .limit(1);
  return row;
}

/** The draft's file now belongs to the referral sent from it (and so to the referral's centre). */
export async function moveDraftFiles(
  executor: Executor,
  draftId: string,
  to: { referralId: string; centreId: string },
): Promise<number> {
  const rows = await executor
    .update(storedFiles)
    .set({ referralId: to.referralId, centreId: to.centreId, draftId: null })
    .where(eq(storedFiles.draftId, draftId))
    .returning({ id: storedFiles.id });
  return rows.length;
}

/** The order currently in force on a case (the newest one not superseded), if any. */
export async function currentCourtOrderOf(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({ id: courtOrders.id })
    .from(courtOrders)
    .where(and(eq(courtOrders.caseId, caseId), isNull(courtOrders.supersededAt)))
    .orderBy(desc(courtOrders.recordedAt))
    .limit(1);
  return row?.id;
}

export async function linkReferralFilesToCase(
  executor: Executor,
  referralId: string,
  to: { caseId: string; courtOrderId: string | null },
): Promise<number> {
  const rows = await executor
    .update(storedFiles)
    .set({ caseId: to.caseId, courtOrderId: to.courtOrderId })
    .where(and(eq(storedFiles.referralId, referralId), isNull(storedFiles.caseId)))
    .returning({ id: storedFiles.id });
  return rows.length;
}

/** Whose files: a referral's or a case's, always within one centre. */
export type FileOwner = { centreId: string; referralId: string } | { centreId: string; caseId: string };

const ownedBy = (owner: FileOwner) =>
  and(
    eq(storedFiles.centreId, owner.centreId),
    'referralId' in owner
      ? eq(storedFiles.referralId, owner.referralId)
      : eq(storedFiles.caseId, owner.caseId),
  );

/** The files of a referral or case, newest first, without their bytes. */
export async function listFiles(executor: Executor, owner: FileOwner) {
  return executor
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mediaType: storedFiles.mediaType,
      sizeBytes: storedFiles.sizeBytes,
      createdAt: storedFiles.createdAt,
      referralId: storedFiles.referralId,
      courtOrderId: storedFiles.courtOrderId,
      uploadedBy: users.displayName,
    })
    .from(storedFiles)
    .leftJoin(users, eq(users.id, storedFiles.uploadedByUserId))
    .where(ownedBy(owner))
    .orderBy(desc(storedFiles.createdAt), desc(storedFiles.id));
}

/** One file with its bytes, only when it belongs to that referral or case of that centre. */
export async function findFileContent(executor: Executor, owner: FileOwner, fileId: string) {
  const [row] = await executor
    .select({
      id: storedFiles.id,
      fileName: storedFiles.fileName,
      mediaType: storedFiles.mediaType,
      sizeBytes: storedFiles.sizeBytes,
      sha256: storedFiles.sha256,
      content: storedFiles.content,
    })
    .from(storedFiles)
    .where(and(eq(storedFiles.id, fileId), ownedBy(owner)));
  return row;
}

/**
 * A court order of a case of a centre, with the case's status; undefined for anything else. The case
 * row is locked until the transaction ends, so that it cannot close while a copy is being attached.
 */
export async function findCourtOrder(
  executor: Executor,
  where: { centreId: string; caseId: string; orderId: string },
) {
  const [row] = await executor
    .select({
      id: courtOrders.id,
      supersededAt: courtOrders.supersededAt,
      caseStatus: cases.status,
    })
    .from(courtOrders)
    .innerJoin(cases, eq(cases.id, courtOrders.caseId))
    .where(
      and(
        eq(courtOrders.id, where.orderId),
        eq(courtOrders.caseId, where.caseId),
        eq(cases.centreId, where.centreId),
        eq(courtOrders.centreId, where.centreId),
      ),
    )
    .for('update', { of: cases });
  return row;
}
