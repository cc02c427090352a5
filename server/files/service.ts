/**
 * Copies of court orders: uploaded with a referral draft (public, with the draft's resume token) or by
 * staff onto a case's court order; they follow the referral when it is sent and the case when it is
 * accepted. Only staff who may read case documents see that a file exists, and every download is audited.
 * Files live in the database, never under the web root, and are only ever answered as attachments.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { StoredFileView } from '../../shared/api/files.js';
import { can, type Actor } from '../access/actor.js';
import { sameSecret, tokenHash } from '../accounts/secrets.js';
import { recordAudit, whoOf } from '../audit/service.js';
import type { Db, Executor, Tx } from '../platform/database.js';
import { Conflict, NotAllowed, NotFound } from '../platform/errors.js';
import { checkUpload, cleanFileName, decodeFileName, sha256Of } from './media.js';
import {
  currentCourtOrderOf,
  deleteDraftFiles,
  draftFileOf,
  findCourtOrder,
  findDraftSecret,
  findFileContent,
  insertFile,
  linkReferralFilesToCase,
  listFiles,
  moveDraftFiles,
  type FileOwner,
} from './repository.js';

/** An upload as it arrived: the raw body, and the name from the x-file-name header (percent-encoded). */
export interface Upload {
  bytes: Buffer | undefined;
  fileName: string | undefined;
}

/** The identity of a referral draft as the browser holds it. */
export interface DraftKey {
  draftId?: string | undefined;
  resumeToken?: string | undefined;
}

/** Checks the bytes and names the file; nothing is stored yet. */
function prepare(upload: Upload) {
  const type = checkUpload(upload.bytes);
  const content = upload.bytes!;
  return {
    purpose: 'court_order' as const,
    fileName: cleanFileName(decodeFileName(upload.fileName), type),
    mediaType: type.mediaType,
    sizeBytes: content.length,
    sha256: sha256Of(content),
    content,
  };
}

async function draftMatches(executor: Executor, key: DraftKey, lock: boolean): Promise<boolean> {
  if (!key.draftId || !key.resumeToken) return false;
  const draft = await findDraftSecret(executor, key.draftId, lock);
  return Boolean(draft && sameSecret(tokenHash(key.resumeToken), draft.resumeTokenHash));
}

// On a referral draft (public: the resume token is the key)

/**
 * Attaches the order to a draft, replacing any file attached before: a draft holds one. The draft row is
 * locked, so two uploads at once still leave one file.
 */
export async function attachToDraft(db: Db, uploadedByUserId: string | null, key: DraftKey, upload: Upload) {
  return db.transaction(async (tx) => {
    if (!(await draftMatches(tx, key, true))) throw new NotFound('draft');
    const file = prepare(upload);
    await deleteDraftFiles(tx, key.draftId!);
    await insertFile(tx, { ...file, draftId: key.draftId!, uploadedByUserId });
    return { fileName: file.fileName, mediaType: file.mediaType, sizeBytes: file.sizeBytes };
  });
}

export async function removeFromDraft(db: Db, key: DraftKey): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await draftMatches(tx, key, true))) throw new NotFound('draft');
    await deleteDraftFiles(tx, key.draftId!);
  });
}

/** The file attached to a draft, for the draft's own view (the caller has checked the token). */
export async function draftFile(db: Executor, draftId: string) {
  return (await draftFileOf(db, draftId)) ?? null;
}

/**
 * Sending a referral: the file of the draft it was written in now belongs to the referral and its
 * centre. Called inside the sending transaction. A draft that is gone, or a token that does not match,
 * moves nothing: the referral itself is still sent.
 */
export async function fileFollowsReferral(
  tx: Tx,
  key: DraftKey | undefined,
  referral: { referralId: string; centreId: string },
): Promise<number> {
  if (!key || !(await draftMatches(tx, key, true))) return 0;
  return moveDraftFiles(tx, key.draftId!, referral);
}

/**
 * Accepting a referral: its files join the new case as copies of the case's court order. Called inside
 * the accepting transaction, after the case and its order are written.
 */
export async function fileFollowsCase(tx: Tx, opened: { referralId: string; caseId: string }) {
  const courtOrderId = (await currentCourtOrderOf(tx, opened.caseId)) ?? null;
  return linkReferralFilesToCase(tx, opened.referralId, { caseId: opened.caseId, courtOrderId });
}

// For staff

type Listed = Awaited<ReturnType<typeof listFiles>>[number];

const viewOf = (row: Listed): StoredFileView => ({
  id: row.id,
  fileName: row.fileName,
  mediaType: row.mediaType,
  sizeBytes: row.sizeBytes,
  uploadedAt: row.createdAt.toISOString(),
  uploadedBy: row.uploadedBy,
  courtOrderId: row.courtOrderId,
  fromReferral: row.referralId !== null,
});

/**
 * The files of a referral or case, to add to its view: `{ files }` for someone who may read case
 * documents, and nothing at all (not even an empty list) for anyone else.
 */
async function documentsOf(db: Db, actor: Actor, owner: FileOwner): Promise<{ files?: StoredFileView[] }> {
  if (!can(actor, PERMISSIONS.CASE_DOCUMENTS_READ, owner.centreId)) return {};
  return { files: (await listFiles(db, owner)).map(viewOf) };
}

export function referralDocuments(db: Db, actor: Actor, centreId: string, referralId: string) {
  return documentsOf(db, actor, { centreId, referralId });
}

export function caseDocuments(db: Db, actor: Actor, centreId: string, caseId: string) {
  return documentsOf(db, actor, { centreId, caseId });
}

/** One file's bytes for download: a file of another referral, case or centre is not found. */
async function download(db: Db, actor: Actor, owner: FileOwner, fileId: string) {
  // The route asks for the permission too; this is the second check, where the data is read.
  if (!can(actor, PERMISSIONS.CASE_DOCUMENTS_READ, owner.centreId)) throw new NotAllowed();
  const file = await findFileContent(db, owner, fileId);
  if (!file) throw new NotFound('file');
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'file.download',
    outcome: 'success',
    resourceType: 'stored_file',
    resourceId: file.id,
    centreId: owner.centreId,
    detail:
      'referralId' in owner
        ? { referralId: owner.referralId, sizeBytes: file.sizeBytes }
        : { caseId: owner.caseId, sizeBytes: file.sizeBytes },
  });
  return file;
}

export function downloadReferralFile(
  db: Db,
  actor: Actor,
  centreId: string,
  referralId: string,
  fileId: string,
) {
  return download(db, actor, { centreId, referralId }, fileId);
}

export function downloadCaseFile(db: Db, actor: Actor, centreId: string, caseId: string, fileId: string) {
  return download(db, actor, { centreId, caseId }, fileId);
}

/**
 * A copy of the order that arrived after the referral, attached by staff to the court order now in force.
 * Earlier copies are kept (the newest is the one to use); nothing is overwritten.
 */
export async function attachToCourtOrder(
  db: Db,
  actor: Actor,
  where: { centreId: string; caseId: string; orderId: string },
  upload: Upload,
): Promise<StoredFileView> {
  return db.transaction(async (tx) => {
    const order = await findCourtOrder(tx, where);
    if (!order) throw new NotFound('court order');
    // The same answer as every other change to a closed case.
    if (order.caseStatus === 'closed') throw new Conflict('This case is closed.', 'case_closed');
    if (order.supersededAt) {
      throw new Conflict(
        'This court order has been replaced by a newer one. Attach the copy to the order now in force.',
        'order_superseded',
      );
    }
    const file = prepare(upload);
    const stored = await insertFile(tx, {
      ...file,
      centreId: where.centreId,
      caseId: where.caseId,
      courtOrderId: order.id,
      uploadedByUserId: actor.userId,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'file.uploaded',
      outcome: 'success',
      resourceType: 'stored_file',
      resourceId: stored.id,
      centreId: where.centreId,
      detail: {
        caseId: where.caseId,
        courtOrderId: order.id,
        mediaType: file.mediaType,
        sizeBytes: file.sizeBytes,
      },
    });
    return {
      id: stored.id,
      fileName: file.fileName,
      mediaType: file.mediaType,
      sizeBytes: file.sizeBytes,
      uploadedAt: stored.createdAt.toISOString(),
      uploadedBy: actor.displayName,
      courtOrderId: order.id,
      fromReferral: false,
    };
  });
}
