/**
 * The contact plan (the agreement): how often the family meets, for how long, who comes, when each adult
 * arrives and leaves, and what may be brought. Plans are versioned: agreeing a new one supersedes the old,
 * which stays readable.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate, SERVICES } from './referrals.js';

export const PLAN_FREQUENCIES = ['weekly', 'fortnightly', 'dates'] as const;

/** The centre's sessions start no earlier than this: well clear of the night hours when clocks change. */
export const EARLIEST_START = '06:00';
/** The last minute of the day: a session ends on the day it starts. */
const LAST_MINUTE = 23 * 60 + 59;
/** The earliest arrival before, and latest departure after, a session, in minutes. */
export const MAX_OFFSET_MINUTES = 120;

/** A time on the centre's clock, 24-hour: 10:00. */
export const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter a time like 10:00' })
  .refine((value) => value >= EARLIEST_START, { error: `Sessions start at ${EARLIEST_START} or later` });

export const minutesOfDay = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** 0 is Sunday, 6 is Saturday (as JavaScript and the Intl API count them). */
const weekday = z
  .int({ error: 'Choose a day of the week' })
  .min(0, { error: 'Choose a day of the week' })
  .max(6, { error: 'Choose a day of the week' });

export const recurrence = z.discriminatedUnion(
  'frequency',
  [
    z.strictObject({ frequency: z.literal('weekly'), weekday, startTime: clockTime }),
    z.strictObject({ frequency: z.literal('fortnightly'), weekday, startTime: clockTime }),
    z.strictObject({
      frequency: z.literal('dates'),
      dates: z
        .array(calendarDate)
        .min(1, { error: 'Add at least one date' })
        .max(200, { error: 'Add at most 200 dates' }),
      startTime: clockTime,
    }),
  ],
  { error: 'Choose weekly, fortnightly or specific dates' },
);
export type Recurrence = z.output<typeof recurrence>;

const offset = z
  .int({ error: 'Enter a whole number of minutes' })
  .min(-MAX_OFFSET_MINUTES, { error: `Use at most ${MAX_OFFSET_MINUTES} minutes either way` })
  .max(MAX_OFFSET_MINUTES, { error: `Use at most ${MAX_OFFSET_MINUTES} minutes either way` });

/**
 * When one adult arrives and leaves, in minutes from the session's start and end: a resident parent who
 * arrives 15 minutes before and leaves as it ends is { arriveMinutes: -15, leaveMinutes: 0 }.
 */
export const attendanceTiming = z.strictObject({ arriveMinutes: offset, leaveMinutes: offset });
export type AttendanceTiming = z.output<typeof attendanceTiming>;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const specialConditions = z.strictObject({
  /** The interpreter needed (language, and any detail), or null for none. */
  interpreter: text(200).nullable().default(null),
  /** Disability or other access needs to plan for. */
  accessNeeds: text(2000).nullable().default(null),
  giftsAllowed: z.boolean({ error: 'Say whether gifts may be brought' }),
  foodAllowed: z.boolean({ error: 'Say whether food may be brought' }),
  photographsAllowed: z.boolean({ error: 'Say whether photographs may be taken' }),
  /** Whether phones may be used during the session (away, unless this says otherwise). */
  phonesAllowed: z.boolean().default(false),
  /** Always true: the centre never permits recordings. A false is refused with a sentence, not a 400. */
  noRecordings: z.boolean().default(true),
});
export type SpecialConditions = z.output<typeof specialConditions>;

export const planBody = z
  .strictObject({
    /**
     * The version this plan replaces, as the form saw it: null for a case's first plan. A save based on
     * an older version is refused, so nobody overwrites a plan they have not seen.
     */
    replacesVersion: z.int().min(1).nullable(),
    serviceType: z.enum(SERVICES, { error: 'Choose the kind of contact' }),
    recurrence,
    lengthMinutes: z
      .int({ error: 'Enter the length in minutes' })
      .min(15, { error: 'A session lasts at least 15 minutes' })
      .max(600, { error: 'A session lasts at most 600 minutes (10 hours)' }),
    startsOn: calendarDate,
    /** Needed when the court order is final. */
    endsOn: calendarDate.nullable().default(null),
    attendeePersonIds: z
      .array(id)
      .min(2, { error: 'Choose at least one child and one adult' })
      .max(20, { error: 'Choose at most 20 people' }),
    /** Per attending adult, by person id; an adult left out arrives and leaves with the session. */
    timings: z.record(id, attendanceTiming).default({}),
    handoverArrangements: text(4000).nullable().default(null),
    /** Defaults to the centre's setting (6 unless changed). */
    firstReviewAfterSessions: z
      .int()
      .min(6, { error: 'Review after 6 to 8 sessions' })
      .max(8, { error: 'Review after 6 to 8 sessions' })
      .optional(),
    specialConditions,
  })
  .superRefine((plan, ctx) => {
    if (plan.endsOn && plan.endsOn < plan.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The end date must be on or after the start date',
      });
    }
    if (minutesOfDay(plan.recurrence.startTime) + plan.lengthMinutes > LAST_MINUTE) {
      ctx.addIssue({
        code: 'custom',
        path: ['lengthMinutes'],
        message: 'A session must end by 23:59 on the day it starts',
      });
    }
    if (plan.recurrence.frequency === 'dates') {
      const seen = new Set<string>();
      plan.recurrence.dates.forEach((date, index) => {
        const path = ['recurrence', 'dates', index];
        if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: 'This date is already listed' });
        seen.add(date);
        if (date < plan.startsOn || (plan.endsOn && date > plan.endsOn)) {
          ctx.addIssue({
            code: 'custom',
            path,
            message: 'Choose a date between the start and end of the plan',
          });
        }
      });
    }
    const attendees = new Set<string>();
    plan.attendeePersonIds.forEach((personId, index) => {
      if (attendees.has(personId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['attendeePersonIds', index],
          message: 'This person is listed twice',
        });
      }
      attendees.add(personId);
    });
    for (const [personId, timing] of Object.entries(plan.timings)) {
      if (!attendees.has(personId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['timings', personId],
          message: 'Give times only for people who attend',
        });
      }
      if (timing.arriveMinutes >= plan.lengthMinutes + timing.leaveMinutes) {
        ctx.addIssue({
          code: 'custom',
          path: ['timings', personId, 'leaveMinutes'],
          message: 'They must leave after they arrive',
        });
      }
    }
  });
export type PlanBody = z.input<typeof planBody>;
export type PlanInput = z.output<typeof planBody>;

export const planParams = z.strictObject({ centreId: id, caseId: id });

export const planView = z.object({
  id,
  caseId: id,
  version: z.int(),
  /** The plan in force: the newest version, not superseded. */
  current: z.boolean(),
  serviceType: z.enum(SERVICES),
  recurrence,
  lengthMinutes: z.int(),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable(),
  attendeePersonIds: z.array(id),
  /** Every attending adult's arrival and departure, including those left at the session's own times. */
  timings: z.record(z.string(), z.object({ arriveMinutes: z.int(), leaveMinutes: z.int() })),
  handoverArrangements: z.string().nullable(),
  firstReviewAfterSessions: z.int(),
  /** The date of the session after which the first review falls, as planned; null if the plan ends first. */
  expectedFirstReviewOn: calendarDate.nullable(),
  specialConditions: z.object({
    interpreter: z.string().nullable(),
    accessNeeds: z.string().nullable(),
    giftsAllowed: z.boolean(),
    foodAllowed: z.boolean(),
    photographsAllowed: z.boolean(),
    phonesAllowed: z.boolean(),
    noRecordings: z.literal(true),
  }),
  agreedAt: isoDateTime,
  agreedBy: z.string().nullable(),
  supersededAt: isoDateTime.nullable(),
});
export type PlanView = z.infer<typeof planView>;

/** Every version, newest first. */
export const planList = z.object({ items: z.array(planView) });

/** The longest window of sessions asked for at once. */
export const MAX_WINDOW_DAYS = 366;

export const occurrencesQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .superRefine((window, ctx) => {
    if (window.to < window.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end of the window must be on or after its start',
      });
      return;
    }
    const days = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000;
    if (days >= MAX_WINDOW_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_WINDOW_DAYS} days at a time`,
      });
    }
  });

export const occurrenceView = z.object({
  /** Which of the plan's sessions this is, counting from its start date: 1, 2, 3… */
  number: z.int(),
  /** The local date and times on the centre's clock. */
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  /** The same moments as UTC instants. */
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});
export type OccurrenceView = z.infer<typeof occurrenceView>;

export const occurrenceList = z.object({
  planId: id,
  version: z.int(),
  timeZone: z.string(),
  from: calendarDate,
  to: calendarDate,
  items: z.array(occurrenceView),
});
