/**
 * The rules a contact plan must meet before it is agreed, as pure functions: who may attend, the court
 * order's limits, and staggered times for adults who must not meet.
 */
import type { AttendanceTiming } from '../../shared/api/plans.js';
import type { FieldProblem } from '../platform/errors.js';

export interface CasePerson {
  id: string;
  role: 'resident_parent' | 'non_resident_parent' | 'other_attendee' | 'child';
  firstName: string;
}

/** A refusal of the plan as asked: a 422 with a sentence, and the field it is about. */
export interface PlanRefusal {
  code: string;
  message: string;
  field: string;
}

/** Attendees must be people of this case: at least one child and one adult. */
export function attendeeProblems(attendeeIds: string[], people: CasePerson[]): FieldProblem[] {
  const byId = new Map(people.map((person) => [person.id, person]));
  const problems: FieldProblem[] = attendeeIds.flatMap((personId, index) =>
    byId.has(personId)
      ? []
      : [{ field: `attendeePersonIds.${index}`, message: 'Choose people named in this case' }],
  );
  const attending = attendeeIds.flatMap((personId) => byId.get(personId) ?? []);
  if (!attending.some((person) => person.role === 'child')) {
    problems.push({ field: 'attendeePersonIds', message: 'Choose at least one child' });
  }
  if (!attending.some((person) => person.role !== 'child')) {
    problems.push({ field: 'attendeePersonIds', message: 'Choose at least one adult' });
  }
  return problems;
}

/** Arrival and departure times are for adults: a child comes and goes with the adult who brings them. */
export function timingProblems(
  timings: Record<string, AttendanceTiming>,
  people: CasePerson[],
): FieldProblem[] {
  const children = new Set(people.filter((person) => person.role === 'child').map((person) => person.id));
  return Object.keys(timings)
    .filter((personId) => children.has(personId))
    .map((personId) => ({
      field: `timings.${personId}`,
      message: 'A child arrives and leaves with the adult who brings them: give times for adults only',
    }));
}

/** Every attending adult's times: those not given arrive and leave with the session. */
export function timingsOfAdults(
  attendeeIds: string[],
  people: CasePerson[],
  timings: Record<string, AttendanceTiming>,
): Record<string, AttendanceTiming> {
  const adults = new Set(people.filter((person) => person.role !== 'child').map((person) => person.id));
  return Object.fromEntries(
    attendeeIds
      .filter((personId) => adults.has(personId))
      .map((personId) => [personId, timings[personId] ?? { arriveMinutes: 0, leaveMinutes: 0 }]),
  );
}

const ukDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/**
 * A final order is taken only with a time limit, so a plan under one needs an end date, no later than
 * the order's own end. Interim orders set no limit here.
 */
export function courtOrderRefusal(
  order: { kind: 'interim' | 'final'; endsOn: string | null } | null,
  plan: { startsOn: string; endsOn: string | null },
): PlanRefusal | null {
  if (order?.kind !== 'final') return null;
  if (!plan.endsOn) {
    return {
      code: 'final_order_needs_end',
      message: 'The court order is final, so the plan needs an end date.',
      field: 'endsOn',
    };
  }
  if (order.endsOn && plan.endsOn > order.endsOn) {
    return {
      code: 'after_final_order',
      message: `The court order is final and ends on ${ukDate(order.endsOn)}, so the plan must end by then.`,
      field: 'endsOn',
    };
  }
  return null;
}

/** The centre never permits recordings; a plan cannot say otherwise. */
export function recordingsRefusal(noRecordings: boolean): PlanRefusal | null {
  return noRecordings
    ? null
    : {
        code: 'recordings_never_allowed',
        message: 'The centre never permits recordings, so a plan cannot allow them.',
        field: 'specialConditions.noRecordings',
      };
}

/**
 * The adults a risk assessment says must not meet, and the minutes their times must be staggered by.
 * The risk module writes `mustNotMeet` as pairs of person ids; this reads it tolerantly, since the two
 * modules were written apart: a list of person ids (none of them may meet), pairs or groups, or objects
 * with `between` or `personIds`. Anything else is ignored rather than guessed at.
 */
export function separationOf(conditions: unknown): {
  pairs: [string, string][];
  staggerMinutes: number | null;
} {
  const record = (conditions && typeof conditions === 'object' ? conditions : {}) as Record<string, unknown>;
  const stagger = record.staggerMinutes;
  const staggerMinutes =
    typeof stagger === 'number' && Number.isFinite(stagger) && stagger >= 0 ? stagger : null;
  const list = Array.isArray(record.mustNotMeet) ? (record.mustNotMeet as unknown[]) : [];
  const ids = (value: unknown): string[] =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  const groups: string[][] = list.every((item) => typeof item === 'string')
    ? [ids(list)]
    : list.map((item) => {
        if (Array.isArray(item)) return ids(item);
        if (item && typeof item === 'object') {
          const { between, personIds } = item as { between?: unknown; personIds?: unknown };
          return ids(between ?? personIds);
        }
        return [];
      });
  const pairs = new Map<string, [string, string]>();
  for (const group of groups) {
    const unique = [...new Set(group)];
    unique.forEach((a, i) =>
      unique.slice(i + 1).forEach((b) => {
        const key = [a, b].sort().join(' ');
        if (!pairs.has(key)) pairs.set(key, [a, b]);
      }),
    );
  }
  return { pairs: [...pairs.values()], staggerMinutes };
}

/**
 * Pairs of adults who must not meet whose arrivals and departures come closer than `gapMinutes`. Each
 * adult moves twice: on arrival (start + arriveMinutes) and on leaving (end + leaveMinutes); every move of
 * one must be at least the gap from every move of the other, so they never pass at the door.
 */
export function staggerClashes(
  timings: Record<string, AttendanceTiming>,
  lengthMinutes: number,
  pairs: [string, string][],
  gapMinutes: number,
): [string, string][] {
  const moves = (timing: AttendanceTiming) => [timing.arriveMinutes, lengthMinutes + timing.leaveMinutes];
  return pairs.filter(([a, b]) => {
    const first = timings[a];
    const second = timings[b];
    if (!first || !second) return false;
    return moves(first).some((x) => moves(second).some((y) => Math.abs(x - y) < gapMinutes));
  });
}
