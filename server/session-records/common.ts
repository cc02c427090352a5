/**
 * What the three kinds of session record share: the session as the screens show it (its day and times
 * on the centre's clock), the centre's time zone, and refusals of a change recorded in the audit trail.
 */
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { localReading } from '../plans/recurrence.js';
import type { Executor } from '../platform/database.js';
import { AppError } from '../platform/errors.js';

interface SessionColumns {
  sessionId: string | null;
  sessionDate: string | null;
  sessionStartsAt: Date | null;
  sessionEndsAt: Date | null;
  sessionService: 'supported' | 'supervised' | 'handover' | null;
}

export function sessionOf(row: SessionColumns, timeZone: string) {
  if (!row.sessionId || !row.sessionDate || !row.sessionStartsAt || !row.sessionEndsAt || !row.sessionService)
    return null;
  return {
    bookingId: row.sessionId,
    date: row.sessionDate,
    startTime: localReading(row.sessionStartsAt, timeZone).time,
    endTime: localReading(row.sessionEndsAt, timeZone).time,
    serviceType: row.sessionService,
  };
}

export const iso = (value: Date | null) => value?.toISOString() ?? null;

/**
 * Runs a change; a refusal by a rule (403, 409, 422) is recorded in the audit trail with its code before
 * it is answered. Bad input (400) and a missing record (404) are not: nothing was attempted.
 */
export async function auditedChange<T>(
  executor: Executor,
  actor: Actor,
  event: { action: string; resourceType: string; resourceId: string; centreId: string },
  change: () => Promise<T>,
): Promise<T> {
  try {
    return await change();
  } catch (error) {
    if (error instanceof AppError && [403, 409, 422].includes(error.statusCode)) {
      await recordAudit(executor, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'refused',
        detail: { reason: error.code },
      });
    }
    throw error;
  }
}
