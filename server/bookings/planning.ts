/**
 * The pure part of a booking: when each person is planned to arrive and leave, and the windows that keep
 * adults who must not meet apart (the database's exclusion constraints then refuse any overlap, under
 * concurrent requests too). See docs/decisions/008-bookings-and-separation.md.
 */
import type { AttendanceTiming } from '../../shared/api/plans.js';

const MINUTE_MS = 60_000;

export type PersonRole = 'resident_parent' | 'non_resident_parent' | 'other_attendee' | 'child';

export interface PlannedPerson {
  personId: string;
  role: PersonRole;
  arriveAt: Date;
  leaveAt: Date;
  /** A child comes with, and is handed back to, this adult. */
  broughtByPersonId: string | null;
}

/** The adult who brings the children: the resident parent when attending, else the first adult. */
export function bringerOf(attendees: { id: string; role: PersonRole }[]): string | null {
  const adults = attendees.filter((person) => person.role !== 'child');
  return (adults.find((person) => person.role === 'resident_parent') ?? adults[0])?.id ?? null;
}

/**
 * Each attendee's planned arrival and departure: an adult by the plan's offsets from the session's start
 * and end; a child with the adult who brings them.
 */
export function plannedPeople(
  session: { startsAt: Date; endsAt: Date },
  attendees: { id: string; role: PersonRole }[],
  timings: Record<string, AttendanceTiming>,
): PlannedPerson[] {
  const adultTimes = (personId: string) => {
    const timing = timings[personId] ?? { arriveMinutes: 0, leaveMinutes: 0 };
    return {
      arriveAt: new Date(session.startsAt.getTime() + timing.arriveMinutes * MINUTE_MS),
      leaveAt: new Date(session.endsAt.getTime() + timing.leaveMinutes * MINUTE_MS),
    };
  };
  const bringer = bringerOf(attendees);
  return attendees.map((person) => {
    if (person.role !== 'child' || !bringer) {
      return { personId: person.id, role: person.role, ...adultTimes(person.id), broughtByPersonId: null };
    }
    return { personId: person.id, role: person.role, ...adultTimes(bringer), broughtByPersonId: bringer };
  });
}

export interface Pair {
  id: string;
  personAId: string;
  personBId: string;
  minutes: number;
}

export interface SeparationWindow {
  pairId: string;
  personId: string;
  kind: 'stay' | 'door';
  startsAt: Date;
  endsAt: Date;
}

/**
 * The windows one booking puts in the separation table. For every adult in a pair:
 * - a 'stay' window from arrival to departure plus the pair's minutes: two such windows of the pair
 *   (in different bookings, at one venue) overlap exactly when one arrives less than the minutes after
 *   the other leaves;
 * - when both of the pair are in this booking, a 'door' window of the pair's minutes at each arrival and
 *   each departure: two overlap exactly when the two pass the door less than the minutes apart (they may
 *   be in the building at once, in separate rooms, as the agreed plan says).
 */
export function separationWindows(people: PlannedPerson[], pairs: Pair[]): SeparationWindow[] {
  const adults = new Map(
    people.filter((person) => person.role !== 'child').map((person) => [person.personId, person]),
  );
  const windows: SeparationWindow[] = [];
  for (const pair of pairs) {
    const minutesMs = pair.minutes * MINUTE_MS;
    // A door window needs some length: 0 minutes still means never through the door at the same minute.
    const doorMs = Math.max(pair.minutes, 1) * MINUTE_MS;
    const both = adults.has(pair.personAId) && adults.has(pair.personBId);
    for (const personId of [pair.personAId, pair.personBId]) {
      const person = adults.get(personId);
      if (!person) continue;
      windows.push({
        pairId: pair.id,
        personId,
        kind: 'stay',
        startsAt: person.arriveAt,
        endsAt: new Date(person.leaveAt.getTime() + minutesMs),
      });
      if (!both) continue;
      for (const moment of [person.arriveAt, person.leaveAt]) {
        windows.push({
          pairId: pair.id,
          personId,
          kind: 'door',
          startsAt: moment,
          endsAt: new Date(moment.getTime() + doorMs),
        });
      }
    }
  }
  return windows;
}

/** Whether two windows of one pair clash, as the exclusion constraints decide it (for tests and messages). */
export function windowsClash(
  a: SeparationWindow & { bookingId: string },
  b: SeparationWindow & { bookingId: string },
): boolean {
  if (a.pairId !== b.pairId || a.personId === b.personId || a.kind !== b.kind) return false;
  if (a.kind === 'stay' && a.bookingId === b.bookingId) return false;
  return a.startsAt < b.endsAt && b.startsAt < a.endsAt;
}

/** Hours of notice between being told and the session's start (0 when told after it began). */
export function noticeHours(toldAt: Date, startsAt: Date): number {
  return Math.max(0, Math.floor((startsAt.getTime() - toldAt.getTime()) / (60 * MINUTE_MS)));
}

/** Less than this much notice counts as a late cancellation. */
export const LATE_NOTICE_HOURS = 24;
