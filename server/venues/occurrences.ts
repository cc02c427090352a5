/**
 * The centre's opening sessions laid out on the calendar: each session's dates from its recurrence (the
 * contact plan's arithmetic, in server/plans/recurrence.ts), on the centre's clock across clock changes,
 * and each one that falls on a closure marked closed with the closure's reason. Pure.
 */
import type { OpeningRecurrence, SessionService } from '../../shared/api/venues.js';
import { minutesOfDay } from '../../shared/api/plans.js';
import { occurrences } from '../plans/recurrence.js';

export interface OpeningPattern {
  id: string;
  name: string;
  serviceType: SessionService;
  venueId: string;
  venueName: string;
  recurrence: OpeningRecurrence;
  /** HH:MM on the centre's clock; the end is after the start, the same day. */
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string | null;
}

export interface ClosureSpan {
  id: string;
  /** null: the whole centre. */
  venueId: string | null;
  startsOn: string;
  endsOn: string;
  reason: string;
}

export interface OpeningOccurrence {
  openingSessionId: string;
  name: string;
  serviceType: SessionService;
  venueId: string;
  venueName: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  closed: boolean;
  closure: { id: string; reason: string; wholeCentre: boolean; startsOn: string; endsOn: string } | null;
}

/**
 * What closes `venueId` on `date` (inclusive at both ends), or undefined. Closures may overlap: a closure
 * of the whole centre is named before one of the venue alone, then the one that started first.
 */
export function closureCovering<C extends ClosureSpan>(
  closures: readonly C[],
  venueId: string,
  date: string,
): C | undefined {
  return closures
    .filter((c) => (c.venueId === null || c.venueId === venueId) && c.startsOn <= date && date <= c.endsOn)
    .sort(
      (a, b) =>
        Number(a.venueId !== null) - Number(b.venueId !== null) ||
        a.startsOn.localeCompare(b.startsOn) ||
        a.id.localeCompare(b.id),
    )[0];
}

/** Every session of every pattern between `from` and `to` (inclusive), in time order. */
export function expandOpenings(
  patterns: readonly OpeningPattern[],
  closures: readonly ClosureSpan[],
  timeZone: string,
  from: string,
  to: string,
): OpeningOccurrence[] {
  const all = patterns.flatMap((pattern) => {
    const schedule = {
      recurrence: { ...pattern.recurrence, startTime: pattern.startTime },
      lengthMinutes: minutesOfDay(pattern.endTime) - minutesOfDay(pattern.startTime),
      startsOn: pattern.startsOn,
      endsOn: pattern.endsOn,
    };
    return occurrences(schedule, timeZone, from, to).map((o): OpeningOccurrence => {
      const closure = closureCovering(closures, pattern.venueId, o.date);
      return {
        openingSessionId: pattern.id,
        name: pattern.name,
        serviceType: pattern.serviceType,
        venueId: pattern.venueId,
        venueName: pattern.venueName,
        date: o.date,
        startTime: o.startTime,
        endTime: o.endTime,
        startsAt: o.startsAt,
        endsAt: o.endsAt,
        closed: closure !== undefined,
        closure: closure
          ? {
              id: closure.id,
              reason: closure.reason,
              wholeCentre: closure.venueId === null,
              startsOn: closure.startsOn,
              endsOn: closure.endsOn,
            }
          : null,
      };
    });
  });
  return all.sort(
    (a, b) =>
      a.startsAt.localeCompare(b.startsAt) ||
      a.venueName.localeCompare(b.venueName) ||
      a.name.localeCompare(b.name),
  );
}
