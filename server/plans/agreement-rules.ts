/**
 * The rules a contact plan must meet before it is agreed, as pure functions: who may attend, the court
 * order's limits, staggered times for adults who must not meet, and the risk assessment's decision and
 * list of who may attend.
 */
import type { AttendanceTiming } from '../../shared/api/plans.js';
import type { SERVICES } from '../../shared/api/referrals.js';
import type { RiskDecision } from '../../shared/api/risk.js';
import type { FieldProblem } from '../platform/errors.js';
import { spokenDay } from '../platform/local-time.js';

export type Service = (typeof SERVICES)[number];

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
      message: `The court order is final and ends on ${spokenDay(order.endsOn)}, so the plan must end by then.`,
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

/**
 * A plan already agreed that a later final order overtakes: the order is recorded all the same (it is the
 * court's), and the case file says what to put right. The next version of the plan is held to the order
 * by `courtOrderRefusal`.
 */
export function planPastOrderWarning(
  order: { kind: 'interim' | 'final'; endsOn: string | null } | null,
  plan: { endsOn: string | null } | null,
): { code: 'plan_past_final_order'; message: string } | null {
  if (!plan || order?.kind !== 'final' || !order.endsOn) return null;
  if (plan.endsOn && plan.endsOn <= order.endsOn) return null;
  const runs = plan.endsOn ? `runs to ${spokenDay(plan.endsOn)}` : 'has no end date';
  return {
    code: 'plan_past_final_order',
    message: `The final court order ends on ${spokenDay(order.endsOn)}, but the contact plan ${runs}. Agree a new version of the plan that ends by then.`,
  };
}

const DECISION_WORDS: Record<RiskDecision, string> = {
  supported: 'supported contact',
  supervised: 'supervised contact',
  handover_only: 'handover only',
  indirect_only: 'indirect contact only',
  decline: 'declining contact',
};

const SERVICE_WORDS: Record<Service, string> = {
  supported: 'supported contact',
  supervised: 'supervised contact',
  handover: 'handover',
  indirect: 'indirect contact',
  virtual: 'a virtual (video) session',
  observed_visit: 'an observed visit',
};

/**
 * The services a plan may have under each decision of the risk assessment. Supervised contact meets a
 * supported decision too (more care, never less). A virtual session is a supervised video call, and an
 * outside officer's observed visit is watched throughout, so both go where supervised contact does.
 * Indirect contact only, or a decline, allows no plan of sessions at all.
 */
export const SERVICES_FOR_DECISION: Record<RiskDecision, readonly Service[]> = {
  supported: ['supported', 'supervised', 'virtual', 'observed_visit'],
  supervised: ['supervised', 'virtual', 'observed_visit'],
  handover_only: ['handover'],
  indirect_only: [],
  decline: [],
};

const either = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
const both = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;

/** The plan's service must fit the decision of the assessment in force; no assessment, no check. */
export function serviceRefusal(serviceType: Service, decision: RiskDecision | null): PlanRefusal | null {
  if (!decision) return null;
  const allowed = SERVICES_FOR_DECISION[decision];
  if (allowed.includes(serviceType)) return null;
  if (allowed.length === 0) {
    return {
      code: 'decision_allows_no_sessions',
      message:
        decision === 'decline'
          ? 'The risk assessment decided to decline contact, so no plan of sessions can be agreed.'
          : 'The risk assessment decided on indirect contact only (letters, cards and gifts passed on by the centre), so no plan of sessions can be agreed.',
      field: 'serviceType',
    };
  }
  return {
    code: 'service_not_in_decision',
    message: `The risk assessment decided on ${DECISION_WORDS[decision]}, so the plan must be ${either(allowed.map((s) => SERVICE_WORDS[s]))}, not ${SERVICE_WORDS[serviceType]}.`,
    field: 'serviceType',
  };
}

/**
 * When the assessment names who may attend, the plan's attendees must be among them. An assessment that
 * names nobody sets no limit here.
 */
export function mayAttendRefusal(
  attendeeIds: readonly string[],
  mayAttend: readonly string[],
  people: readonly { id: string; name: string }[],
): PlanRefusal | null {
  if (mayAttend.length === 0) return null;
  const allowed = new Set(mayAttend);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const outside = attendeeIds.filter((personId) => !allowed.has(personId));
  if (outside.length === 0) return null;
  const who = both(outside.map((personId) => names.get(personId) ?? 'someone not in this case'));
  return {
    code: 'not_allowed_to_attend',
    message: `The risk assessment does not name ${who} among the people who may attend. Choose only people it names, or record a new assessment.`,
    field: 'attendeePersonIds',
  };
}
