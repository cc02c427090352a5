import nodemailer, { type Transporter } from 'nodemailer';
import { PERMISSIONS } from '../../shared/access.js';
import { canOrganisationWide, centresWhere, type Actor } from '../access/actor.js';
import type { Db, Executor } from '../platform/database.js';
import { NotAllowed } from '../platform/errors.js';
import { backoffDelayMs, enqueueJob } from '../jobs/queue.js';
import type { ClaimedJob } from '../jobs/queue.js';
import {
  findMessage,
  insertMessage,
  listMessages,
  markAttemptFailed,
  markSent,
  type NewMessage,
} from './repository.js';

export const MAIL_JOB = 'mail.send';

/**
 * Puts a message in the outbox, in the caller's transaction: it is sent only if the change that
 * caused it commits, and it is never lost once that has happened.
 */
export async function queueMail(executor: Executor, message: NewMessage): Promise<void> {
  const id = await insertMessage(executor, message);
  await enqueueJob(executor, MAIL_JOB, { messageId: id });
}

export function createTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl);
}

/** The job handler: sends one outbox message; a failure is recorded and the job retried later. */
export function mailSender(db: Db, transport: Transporter, from: string) {
  return async (job: ClaimedJob): Promise<void> => {
    const message = await findMessage(db, String(job.payload.messageId));
    if (!message || message.status === 'sent') return;
    try {
      await transport.sendMail({
        from,
        to: message.toAddress,
        subject: message.subject,
        text: message.bodyText,
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      await markAttemptFailed(
        db,
        message.id,
        job.attempts,
        reason,
        new Date(Date.now() + backoffDelayMs(job.attempts)),
      );
      throw error;
    }
    await markSent(db, message.id, job.attempts);
  };
}

export async function listOutbox(db: Db, actor: Actor, status: 'pending' | 'sent' | undefined) {
  const centreIds = canOrganisationWide(actor, PERMISSIONS.OUTBOX_READ)
    ? 'all'
    : centresWhere(actor, PERMISSIONS.OUTBOX_READ);
  if (centreIds !== 'all' && centreIds.length === 0) throw new NotAllowed();
  const rows = await listMessages(db, { organisationId: actor.organisationId, centreIds, status });
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    body: row.bodyText,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    nextAttemptAt: row.nextAttemptAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
