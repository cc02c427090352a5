/**
 * The rules about session records, as pure functions: who may write an observation record and when,
 * when an incident may be said to have happened, and the order of an indirect contact item's steps
 * (received, checked, then passed on or held back). Each answers with the error to throw, or null.
 */
import { Conflict, InvalidInput, NotAllowed, RuleRefused, type AppError } from '../platform/errors.js';
import { localDay, localDateTime, spokenDay } from '../platform/local-time.js';

/** A minute of leeway for the clocks of a tablet and the server. */
const LEEWAY_MS = 60_000;

const SERVICE_WORDS = { supported: 'supported contact', handover: 'a handover' } as const;

export interface SessionFacts {
  status: 'booked' | 'cancelled';
  serviceType: 'supported' | 'supervised' | 'handover';
  startsAt: Date;
  supervisorUserId: string | null;
}

export interface WriterFacts {
  userId: string;
  /** Holds case:write at the centre (a coordinator): writes for any supervised session there. */
  managesCases: boolean;
}

/**
 * Whether this person may write an observation record of this session now. Only the session's named
 * supervisor or a coordinator writes; a supervisor of another family is refused plainly (403), since
 * they may read the case and know the session exists.
 */
export function observationRefusal(session: SessionFacts, writer: WriterFacts, now: Date): AppError | null {
  if (!writer.managesCases && session.supervisorUserId !== writer.userId) {
    return new NotAllowed(
      "Only this session's supervisor or a coordinator can write its observation records.",
    );
  }
  if (session.status === 'cancelled') {
    return new Conflict('This session was cancelled, so it has no observation records.', 'cancelled');
  }
  if (session.serviceType !== 'supervised') {
    // A supported or handover session keeps no observation content (the brief: none for supported).
    return new RuleRefused(
      `Observation records are kept for supervised contact only, and this session is ${SERVICE_WORDS[session.serviceType]}.`,
      'not_supervised',
    );
  }
  if (session.startsAt.getTime() > now.getTime()) {
    return new RuleRefused(
      'This session has not started yet: observation records are written once it is under way.',
      'not_started',
    );
  }
  return null;
}

/**
 * When an incident happened: now if not given; never in the future, and on the day of the session on
 * the centre's clock.
 */
export function incidentMoment(
  occurredAt: string | undefined,
  sessionDate: string,
  timeZone: string,
  now: Date,
): Date {
  const moment = occurredAt ? new Date(occurredAt) : now;
  if (moment.getTime() > now.getTime() + LEEWAY_MS) {
    throw new InvalidInput([{ field: 'occurredAt', message: 'The time cannot be in the future' }]);
  }
  if (localDay(moment, timeZone) !== sessionDate) {
    throw new InvalidInput([
      {
        field: 'occurredAt',
        message: `Give a time on the day of the session (${spokenDay(sessionDate)})`,
      },
    ]);
  }
  return moment;
}

/** A moment something was done or received: now if not given, and never in the future. */
export function pastMoment(at: string | undefined, field: string, now: Date, notBefore?: Date): Date {
  const moment = at ? new Date(at) : now;
  if (moment.getTime() > now.getTime() + LEEWAY_MS) {
    throw new InvalidInput([{ field, message: 'The time cannot be in the future' }]);
  }
  if (notBefore && moment.getTime() < notBefore.getTime()) {
    throw new InvalidInput([{ field, message: 'The time cannot be before the item was checked' }]);
  }
  return moment;
}

export type ItemStep = 'check' | 'pass_on' | 'hold_back';

export interface ItemFacts {
  checkedAt: Date | null;
  outcome: 'passed_on' | 'held_back' | null;
  passedOnAt: Date | null;
}

/** Whether a step of an indirect contact item may be taken now: checked first, then one outcome. */
export function itemStepRefusal(item: ItemFacts, step: ItemStep, timeZone: string): AppError | null {
  if (item.outcome === 'passed_on') {
    const when = item.passedOnAt ? ` (${localDateTime(item.passedOnAt, timeZone)})` : '';
    return new Conflict(`This item has already been passed on${when}.`, 'outcome_recorded');
  }
  if (item.outcome === 'held_back') {
    return new Conflict('This item is held back: its outcome is already recorded.', 'outcome_recorded');
  }
  if (step === 'check') {
    if (item.checkedAt) {
      return new Conflict(
        `This item was already checked on ${localDateTime(item.checkedAt, timeZone)}.`,
        'already_checked',
      );
    }
    return null;
  }
  if (!item.checkedAt) {
    return new RuleRefused(
      step === 'pass_on'
        ? 'Check the item before passing it on.'
        : 'Check the item before recording that it is held back.',
      'not_checked',
    );
  }
  return null;
}

/** What is kept of a held-back item's check: the notes, then the reason on its own line. */
export function notesWithHoldBack(checkNotes: string | null, reason: string): string {
  return [checkNotes, `Held back: ${reason}`].filter(Boolean).join('\n\n');
}
