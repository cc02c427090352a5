/**
 * The timetable assistant: for one session day and the families wanted, a proposal of rooms, start times
 * (each person's arrival and departure following the plan) and supervisors that meets every hard
 * constraint, with a sentence for each family it cannot place; then accepting it (edited or not), which
 * books each session through the booking rules and reports each family's result.
 * See docs/decisions/012-timetable-assistant.md.
 */
import { z } from 'zod';
import { bookingView, SESSION_SERVICES } from './bookings.js';
import { id, isoDateTime } from './common.js';
import { clockTime } from './plans.js';
import { calendarDate, SERVICES } from './referrals.js';

/** At most this many families are planned (or booked) in one go. */
export const MAX_ASSISTANT_FAMILIES = 60;

export const assistantRequest = z.strictObject({
  caseId: id,
  /** When the family would like to start; the plan's time when left out. */
  preferredStartTime: clockTime.optional(),
});

function noFamilyTwice(
  caseIds: string[],
  path: (index: number) => (string | number)[],
  ctx: z.RefinementCtx,
): void {
  const seen = new Set<string>();
  caseIds.forEach((caseId, index) => {
    if (seen.has(caseId)) {
      ctx.addIssue({ code: 'custom', path: path(index), message: 'This family is already listed' });
    }
    seen.add(caseId);
  });
}

const families = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .min(1, { error: 'Choose at least one family' })
    .max(MAX_ASSISTANT_FAMILIES, { error: `Choose at most ${MAX_ASSISTANT_FAMILIES} families` });

/**
 * The day and the families: either `caseIds` (each at its plan's time) or `requests` (each with the time
 * it would like), not both.
 */
export const assistantBody = z
  .strictObject({
    date: calendarDate,
    caseIds: families(id).optional(),
    requests: families(assistantRequest).optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.caseIds === !body.requests) {
      ctx.addIssue({
        code: 'custom',
        path: ['caseIds'],
        message: 'Choose the families: send caseIds or requests, not both',
      });
      return;
    }
    if (body.caseIds) noFamilyTwice(body.caseIds, (i) => ['caseIds', i], ctx);
    if (body.requests) {
      noFamilyTwice(
        body.requests.map((r) => r.caseId),
        (i) => ['requests', i, 'caseId'],
        ctx,
      );
    }
  });
export type AssistantBody = z.output<typeof assistantBody>;

const proposedPerson = z.object({
  personId: id,
  firstName: z.string(),
  initial: z.string(),
  role: z.enum(['resident_parent', 'non_resident_parent', 'other_attendee', 'child']),
  /** Local times on the centre's clock (HH:MM) and the same moments in UTC. */
  arrives: z.string(),
  leaves: z.string(),
  arrivesAt: isoDateTime,
  leavesAt: isoDateTime,
  broughtByPersonId: id.nullable(),
});

export const assistantProposal = z.object({
  caseId: id,
  caseReference: z.string(),
  serviceType: z.enum(SESSION_SERVICES),
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** The time asked for (the plan's unless given), and how far the proposal is from it. */
  preferredStartTime: z.string(),
  movedMinutes: z.number().int(),
  /** 'plan' when it is the plan's own session at the plan's time; 'added' when booked as an extra one. */
  source: z.enum(['plan', 'added']),
  room: z.object({ id, name: z.string(), usage: z.enum(['private', 'shared']) }),
  venue: z.object({ id, name: z.string() }),
  supervisor: z.object({ id, displayName: z.string() }).nullable(),
  headcount: z.number().int(),
  people: z.array(proposedPerson),
});
export type AssistantProposal = z.output<typeof assistantProposal>;

export const ASSISTANT_REFUSALS = [
  // Before planning: the family itself.
  'not_ready',
  'not_bookable',
  'outside_plan',
  // The planner: see server/assistant/planner.ts.
  'asked_twice',
  'closed',
  'plan_doors',
  'no_room_fits',
  'too_long',
  'no_supervisor',
  'family_busy',
  'room_taken',
  'supervisor_busy',
  'must_not_meet',
  'no_time_left',
] as const;

export const assistantRefusal = z.object({
  caseId: id,
  caseReference: z.string(),
  reason: z.enum(ASSISTANT_REFUSALS),
  /** A sentence naming what makes it impossible. */
  message: z.string(),
});
export type AssistantRefusal = z.output<typeof assistantRefusal>;

export const assistantPlan = z.object({
  date: calendarDate,
  timeZone: z.string(),
  proposals: z.array(assistantProposal),
  refusals: z.array(assistantRefusal),
});
export type AssistantPlan = z.output<typeof assistantPlan>;

/** The sessions to book, as proposed or as the coordinator changed them. */
export const acceptBody = z
  .strictObject({
    date: calendarDate,
    sessions: families(
      z.strictObject({
        caseId: id,
        startTime: clockTime,
        roomId: id,
        supervisorUserId: id.nullable().default(null),
      }),
    ),
  })
  .superRefine((body, ctx) =>
    noFamilyTwice(
      body.sessions.map((s) => s.caseId),
      (i) => ['sessions', i, 'caseId'],
      ctx,
    ),
  );
export type AcceptBody = z.output<typeof acceptBody>;

export const acceptResult = z.object({
  items: z.array(
    z.object({
      caseId: id,
      status: z.enum(['booked', 'refused']),
      booking: bookingView.nullable(),
      /** Why the booking rules refused this one (the sentence the booking form would show). */
      refusal: z
        .object({
          code: z.string(),
          message: z.string(),
          details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
        })
        .nullable(),
    }),
  ),
});
export type AcceptResult = z.output<typeof acceptResult>;

export const assistantFamiliesQuery = z.strictObject({ date: calendarDate });

/** The centre's families that are ready to book, for choosing whom to plan. */
export const assistantFamilies = z.object({
  items: z.array(
    z.object({
      caseId: id,
      caseReference: z.string(),
      familyName: z.string(),
      serviceType: z.enum(SERVICES),
      /** The plan's start time and length. */
      startTime: z.string(),
      lengthMinutes: z.number().int(),
      /** The plan has a session on this day. */
      onPattern: z.boolean(),
      /** Already booked on this day. */
      booked: z.boolean(),
    }),
  ),
});
export type AssistantFamilies = z.output<typeof assistantFamilies>;
