/**
 * Referrals: the online form (drafts saved as you go, then sent), and the coordinator's inbox where a
 * referral is accepted (opening a case), sent back for more information, or declined with a reason.
 */
import type { z } from 'zod';
import type { DECLINE_REASONS, draftBody, referralBody } from '../../shared/api/referrals.js';
import type { Actor, RequestMeta } from '../access/actor.js';
import { randomToken, sameSecret, tokenHash } from '../accounts/secrets.js';
import { recordAudit, whoOf, type AuditWho } from '../audit/service.js';
import { openCaseFromReferral } from '../cases/service.js';
import { draftFile, fileFollowsReferral, referralDocuments, type DraftKey } from '../files/service.js';
import { queueMail } from '../mail/service.js';
import { centreContact, nextReference } from '../organisation/service.js';
import type { Db } from '../platform/database.js';
import { Conflict, NotFound } from '../platform/errors.js';

import {
  deleteDraft,
  deleteDraftsBefore,
  duplicateChildren,
  findDraft,
  findReferral,
  insertDraft,
  insertReferral,
  insertReferralChildren,
  listReferrals,
  updateDraft,
  updateReferral,
} from './repository.js';

type Referral = z.output<typeof referralBody>;
type Draft = z.output<typeof draftBody>;
type DeclineReason = (typeof DECLINE_REASONS)[number];

const DECLINE_WORDS: Record<DeclineReason, string> = {
  rules_not_accepted: 'the centre’s rules were not accepted',
  above_risk_threshold: 'the risks are above what the centre can safely manage',
  not_a_fit: 'the centre’s service is not the right fit for this family',
  final_order_without_limit:
    'a final order without a maximum time limit agreed in advance cannot be accepted',
  other: 'of the reasons below',
};

// Drafts

export async function createDraft(db: Db, input: Draft) {
  const resumeToken = randomToken();
  const draftId = await insertDraft(db, {
    centreId: input.centreId ?? null,
    answers: input.answers,
    resumeTokenHash: tokenHash(resumeToken),
  });
  return { draftId, resumeToken };
}

async function draftWithToken(db: Db, draftId: string, token: string | undefined) {
  const draft = await findDraft(db, draftId);
  if (!draft || !token || !sameSecret(tokenHash(token), draft.resumeTokenHash)) throw new NotFound('draft');
  return draft;
}

const draftView = (draft: {
  id: string;
  centreId: string | null;
  answers: Record<string, unknown>;
  updatedAt: Date;
}) => ({
  draftId: draft.id,
  centreId: draft.centreId,
  answers: draft.answers,
  updatedAt: draft.updatedAt.toISOString(),
});

export async function readDraft(db: Db, draftId: string, token: string | undefined) {
  return {
    ...draftView(await draftWithToken(db, draftId, token)),
    courtOrderFile: await draftFile(db, draftId),
  };
}

export async function saveDraft(db: Db, draftId: string, token: string | undefined, input: Draft) {
  await draftWithToken(db, draftId, token);
  return draftView(
    await updateDraft(db, draftId, { centreId: input.centreId ?? null, answers: input.answers }),
  );
}

export async function discardDraft(db: Db, draftId: string, token: string | undefined): Promise<void> {
  await draftWithToken(db, draftId, token);
  await deleteDraft(db, draftId);
}

/** Drafts hold personal data: one not touched for 30 days is deleted (a daily job). */
export const DRAFTS_PRUNE_JOB = 'referrals.prune_drafts';
export const DRAFT_DAYS = 30;
export function pruneDrafts(db: Db) {
  return () => deleteDraftsBefore(db, new Date(Date.now() - DRAFT_DAYS * 24 * 60 * 60 * 1000));
}

// Sending

export async function submitReferral(
  db: Db,
  meta: RequestMeta,
  submittedBy: AuditWho,
  referral: Referral,
  /** The draft it was written in: its copy of the court order, if any, goes with the referral. */
  draft?: DraftKey,
): Promise<{ referralId: string; reference: string; message: string }> {
  const centre = await centreContact(db, referral.centreId);
  if (!centre) throw new NotFound('centre', 'Choose a centre from the list.');
  return db.transaction(async (tx) => {
    const reference = await nextReference(tx, centre.id, 'R');
    const referralId = await insertReferral(tx, {
      centreId: centre.id,
      reference,
      body: referral as unknown as Record<string, unknown>,
      referrerName: referral.referrer.name,
      referrerEmail: referral.referrer.email,
      referrerRole: referral.referrer.role,
      serviceRequested: referral.serviceRequested,
      courtOrderKind: referral.courtOrder.kind,
      submittedByUserId: submittedBy.actorUserId,
    });
    await insertReferralChildren(
      tx,
      referral.children.map((child) => ({
        referralId,
        centreId: centre.id,
        firstName: child.firstName,
        lastName: child.lastName,
        dateOfBirth: child.dateOfBirth,
      })),
    );
    await fileFollowsReferral(tx, draft, { referralId, centreId: centre.id });
    await queueMail(tx, {
      organisationId: centre.organisationId,
      centreId: centre.id,
      toAddress: referral.referrer.email,
      subject: `Referral ${reference} received by ${centre.name}`,
      bodyText: [
        `Dear ${referral.referrer.name},`,
        '',
        `Thank you. ${centre.name} has received your referral. Its reference is ${reference}.`,
        'We will contact you within 5 working days to say what happens next.',
        '',
        `${centre.name}`,
      ].join('\n'),
    });
    if (centre.email) {
      // The centre is told that something arrived, not what: the details stay in the system.
      await queueMail(tx, {
        organisationId: centre.organisationId,
        centreId: centre.id,
        toAddress: centre.email,
        subject: `New referral ${reference}`,
        bodyText: `A new referral (${reference}) is waiting in the referral inbox.`,
      });
    }
    await recordAudit(
      tx,
      meta,
      { ...submittedBy, organisationId: centre.organisationId },
      {
        action: 'referral.submitted',
        outcome: 'success',
        resourceType: 'referral',
        resourceId: referralId,
        centreId: centre.id,
        detail: { service: referral.serviceRequested, order: referral.courtOrder.kind },
      },
    );
    return {
      referralId,
      reference,
      message: `Thank you. Your referral's reference is ${reference}. We will contact you within 5 working days.`,
    };
  });
}

// The inbox

type Row = NonNullable<Awaited<ReturnType<typeof findReferral>>>;

function childrenNames(row: Row): string[] {
  const body = row.body as unknown as Referral;
  return body.children.map((child) => `${child.firstName} ${child.lastName}`);
}

function summary(row: Row, duplicates: Set<string>) {
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    receivedAt: row.receivedAt.toISOString(),
    referrerName: row.referrerName,
    referrerRole: row.referrerRole as Referral['referrer']['role'],
    childrenNames: childrenNames(row),
    serviceRequested: row.serviceRequested as Referral['serviceRequested'],
    courtOrderKind: row.courtOrderKind as Referral['courtOrder']['kind'],
    possibleDuplicate: duplicates.has(row.id),
  };
}

export async function listInbox(db: Db, actor: Actor, centreId: string, status: Row['status'] | undefined) {
  const rows = await listReferrals(db, centreId, status);
  const duplicates = await duplicateChildren(
    db,
    centreId,
    rows.map((row) => row.id),
  );
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'referral.listed',
    outcome: 'success',
    resourceType: 'referral',
    centreId,
    detail: { status: status ?? 'all', count: rows.length },
  });
  return rows.map((row) => summary(row, new Set(duplicates.map((d) => d.referralId))));
}

async function detail(db: Db, row: Row) {
  const duplicates = await duplicateChildren(db, row.centreId, [row.id]);
  return {
    ...summary(row, new Set(duplicates.map((d) => d.referralId))),
    centreId: row.centreId,
    body: row.body,
    decisionReason: row.decisionReason as DeclineReason | null,
    decisionNote: row.decisionNote,
    caseId: row.caseId,
    duplicates: duplicates.map((d) => ({
      referralId: d.otherReferralId,
      reference: d.otherReference,
      childName: d.childName,
    })),
  };
}

export async function openReferral(db: Db, actor: Actor, centreId: string, id: string) {
  const row = await findReferral(db, centreId, id);
  if (!row) throw new NotFound('referral');
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'referral.read',
    outcome: 'success',
    resourceType: 'referral',
    resourceId: id,
    centreId,
  });
  return { ...(await detail(db, row)), ...(await referralDocuments(db, actor, centreId, id)) };
}

/** Locks an undecided referral for a decision; a decided one is refused with what happened to it. */
async function undecided(tx: Parameters<Parameters<Db['transaction']>[0]>[0], centreId: string, id: string) {
  const row = await findReferral(tx, centreId, id, true);
  if (!row) throw new NotFound('referral');
  if (row.status === 'accepted')
    throw new Conflict(`Referral ${row.reference} has already been accepted.`, 'already_decided');
  if (row.status === 'declined')
    throw new Conflict(`Referral ${row.reference} has already been declined.`, 'already_decided');
  return row;
}

export async function acceptReferral(db: Db, actor: Actor, centreId: string, id: string) {
  return db.transaction(async (tx) => {
    const row = await undecided(tx, centreId, id);
    const opened = await openCaseFromReferral(tx, actor, {
      id,
      centreId,
      body: row.body as unknown as Referral,
    });
    await updateReferral(tx, id, {
      status: 'accepted',
      decidedAt: new Date(),
      decidedByUserId: actor.userId,
      caseId: opened.id,
      // An earlier request for information is answered by the decision.
      decisionNote: null,
    });
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId,
      toAddress: row.referrerEmail,
      subject: `Referral ${row.reference} accepted`,
      bodyText: [
        `Dear ${row.referrerName},`,
        '',
        `The referral ${row.reference} has been accepted. The centre will now arrange a first visit with each adult separately.`,
        'We will be in touch with the dates.',
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'referral.accepted',
      outcome: 'success',
      resourceType: 'referral',
      resourceId: id,
      centreId,
      detail: { caseId: opened.id },
    });
    return { caseId: opened.id, caseReference: opened.reference };
  });
}

export async function requestInformation(
  db: Db,
  actor: Actor,
  centreId: string,
  id: string,
  message: string,
) {
  await db.transaction(async (tx) => {
    const row = await undecided(tx, centreId, id);
    // Kept with the referral: the staff page shows it, and so does the referrer's own view.
    await updateReferral(tx, id, { status: 'awaiting_information', decisionNote: message });
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId,
      toAddress: row.referrerEmail,
      subject: `More information needed for referral ${row.reference}`,
      bodyText: [
        `Dear ${row.referrerName},`,
        '',
        `Before we can decide on referral ${row.reference}, we need some more information:`,
        '',
        message,
        '',
        'Please reply to the centre with the reference in your message.',
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'referral.information_requested',
      outcome: 'success',
      resourceType: 'referral',
      resourceId: id,
      centreId,
    });
  });
  return openReferral(db, actor, centreId, id);
}

export async function declineReferral(
  db: Db,
  actor: Actor,
  centreId: string,
  id: string,
  decision: { reason: DeclineReason; note?: string },
) {
  await db.transaction(async (tx) => {
    const row = await undecided(tx, centreId, id);
    await updateReferral(tx, id, {
      status: 'declined',
      decidedAt: new Date(),
      decidedByUserId: actor.userId,
      decisionReason: decision.reason,
      decisionNote: decision.note ?? null,
    });
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId,
      toAddress: row.referrerEmail,
      subject: `Referral ${row.reference} declined`,
      bodyText: [
        `Dear ${row.referrerName},`,
        '',
        `We are sorry: we cannot accept referral ${row.reference} because ${DECLINE_WORDS[decision.reason]}.`,
        ...(decision.note ? ['', decision.note] : []),
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'referral.declined',
      outcome: 'success',
      resourceType: 'referral',
      resourceId: id,
      centreId,
      detail: { reason: decision.reason },
    });
  });
  return openReferral(db, actor, centreId, id);
}
