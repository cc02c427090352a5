/**
 * Closing a case with its outcome, and opening it again. Closing records when (the retention clock starts
 * at `closed_at`), who, the outcome and an optional note, and cancels the intake visits still waiting to
 * happen (each adult is told, as when one visit is cancelled) and the sessions still to come. From then on
 * every change to the case is answered 409 "This case is closed." by the one check in service.ts, and readiness says so.
 *
 * Reopening (a case closed by mistake, a family that returns, a new court order) puts the case back to
 * open and clears the closure; the audit trail keeps the closure it replaced (outcome and date) and the
 * reason for reopening, chosen from a short list so that no free text reaches the trail. Feedback from
 * parents and children on closure, and the retention schedule itself, come with later issues.
 */
import type { z } from 'zod';
import type { closeBody, reopenBody } from '../../shared/api/caseRecord.js';
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { cancelFutureSessions } from '../bookings/service.js';
import { cancelVisitsOnClosure } from '../intake/service.js';
import type { Db } from '../platform/database.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { findCase, lockCase, updateClosure } from './repository.js';
import { caseOpenForChange } from './service.js';

export async function closeCase(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: z.output<typeof closeBody>,
): Promise<void> {
  await db.transaction(async (tx) => {
    // A closed case answers 409 here too: it cannot be closed twice.
    await caseOpenForChange(tx, centreId, caseId);
    const closedAt = new Date();
    await updateClosure(tx, caseId, {
      status: 'closed',
      closedAt,
      closedByUserId: actor.userId,
      closureOutcome: input.outcome,
      closureNote: input.note || null,
    });
    const visitsCancelled = await cancelVisitsOnClosure(tx, actor, centreId, caseId);
    const sessionsCancelled = await cancelFutureSessions(tx, actor, centreId, caseId, 'The case was closed.');
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.closed',
      outcome: 'success',
      resourceType: 'case',
      resourceId: caseId,
      centreId,
      detail: { outcome: input.outcome, visitsCancelled, sessionsCancelled },
    });
  });
}

export async function reopenCase(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: z.output<typeof reopenBody>,
): Promise<void> {
  await db.transaction(async (tx) => {
    const locked = await lockCase(tx, centreId, caseId);
    if (!locked) throw new NotFound('case');
    if (locked.status !== 'closed') {
      throw new Conflict('This case is not closed, so there is nothing to reopen.', 'case_not_closed');
    }
    const before = (await findCase(tx, centreId, caseId))!;
    await updateClosure(tx, caseId, {
      status: 'open',
      closedAt: null,
      closedByUserId: null,
      closureOutcome: null,
      closureNote: null,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.reopened',
      outcome: 'success',
      resourceType: 'case',
      resourceId: caseId,
      centreId,
      detail: {
        reason: input.reason,
        previousOutcome: before.closureOutcome,
        previouslyClosedAt: before.closedAt?.toISOString() ?? null,
      },
    });
  });
}
