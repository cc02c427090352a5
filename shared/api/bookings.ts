/**
 * Bookings: one session of a family at a time and place, made from an occurrence of its contact plan
 * (or added as a single occurrence), with each person's planned arrival and departure. Moving and
 * cancelling work one occurrence at a time.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { clockTime } from './plans.js';
import { calendarDate } from './referrals.js';

export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export const CANCELLED_BY = ['party', 'professional', 'centre'] as const;
export const SESSION_SERVICES = ['supported', 'supervised', 'handover'] as const;

/** The longest window one list answers: a little over two months. */
export const MAX_BOOKING_WINDOW_DAYS = 63;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const caseBookingParams = z.strictObject({ centreId: id, caseId: id });
export const bookingParams = z.strictObject({ centreId: id, bookingId: id });

/**
 * Book one session. The date is one of the plan's sessions; a start time other than the plan's (or a date
 * outside its pattern) adds a single extra session within the plan's start and end.
 */
export const bookingBody = z.strictObject({
  date: calendarDate,
  startTime: clockTime.optional(),
  roomId: id,
  supervisorUserId: id.nullable().default(null),
});
export type BookingBody = z.output<typeof bookingBody>;

/** Move one session: another date or time, another room, another supervisor. */
export const moveBody = z
  .strictObject({
    date: calendarDate.optional(),
    startTime: clockTime.optional(),
    roomId: id.optional(),
    supervisorUserId: id.nullable().optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), {
    error: 'Say what changes: the date, the time, the room or the supervisor',
  });
export type MoveBody = z.output<typeof moveBody>;

export const cancelBody = z
  .strictObject({
    by: z.enum(CANCELLED_BY, {
      error: 'Say who cancelled: a parent or carer, a professional, or the centre',
    }),
    /** The adult of the case who cancelled, when a party did. */
    personId: id.nullable().default(null),
    reason: text(500).min(1, { error: 'Give the reason' }),
    /** When the centre was told; now, if not given. */
    toldAt: isoDateTime.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.by === 'party' && !body.personId) {
      ctx.addIssue({ code: 'custom', path: ['personId'], message: 'Choose who cancelled' });
    }
  });
export type CancelBody = z.output<typeof cancelBody>;

export const bookingListQuery = z
  .strictObject({
    from: calendarDate,
    to: calendarDate,
    roomId: id.optional(),
    caseId: id.optional(),
    includeCancelled: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
  })
  .superRefine((window, ctx) => {
    if (window.to < window.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be on or after the start' });
      return;
    }
    if ((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000 >= MAX_BOOKING_WINDOW_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_BOOKING_WINDOW_DAYS} days at a time`,
      });
    }
  });

const bookingPerson = z.object({
  personId: id,
  firstName: z.string(),
  /** First letter of the family name: the timetable never needs more. */
  initial: z.string(),
  role: z.enum(['resident_parent', 'non_resident_parent', 'other_attendee', 'child']),
  /** Local times on the centre's clock (HH:MM) and the same moments in UTC. */
  arrives: z.string(),
  leaves: z.string(),
  arrivesAt: isoDateTime,
  leavesAt: isoDateTime,
  broughtByPersonId: id.nullable(),
  /** Someone this person must not meet is booked at the same venue that day. */
  separated: z.boolean(),
});

export const bookingView = z.object({
  id,
  caseId: id,
  caseReference: z.string(),
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  serviceType: z.enum(SESSION_SERVICES),
  source: z.enum(['plan', 'added']),
  status: z.enum(BOOKING_STATUSES),
  room: z.object({ id, name: z.string(), usage: z.enum(['private', 'shared']) }),
  venue: z.object({ id, name: z.string() }),
  supervisor: z.object({ id, displayName: z.string() }).nullable(),
  headcount: z.number().int(),
  people: z.array(bookingPerson),
  cancellation: z
    .object({
      by: z.enum(CANCELLED_BY),
      personId: id.nullable(),
      reason: z.string(),
      noticeHours: z.number().int(),
      late: z.boolean(),
      at: isoDateTime,
    })
    .nullable(),
});
export type BookingView = z.output<typeof bookingView>;

export const bookingList = z.object({ items: z.array(bookingView) });

/** Two adults (often of different families) the coordinator keeps apart on site. */
export const separationBody = z
  .strictObject({
    personAId: id,
    personBId: id,
    /** Minutes kept between them; the centre's buffer when not given (never less than it). */
    minutes: z
      .int({ error: 'Enter a whole number of minutes' })
      .min(0, { error: 'Use 0 to 240 minutes' })
      .max(240, { error: 'Use 0 to 240 minutes' })
      .optional(),
    reason: text(500).min(1, { error: 'Give the reason, such as the order between them' }),
  })
  .refine((body) => body.personAId !== body.personBId, {
    path: ['personBId'],
    error: 'Choose two different people',
  });
export type SeparationBody = z.output<typeof separationBody>;

export const separationParams = z.strictObject({ centreId: id, separationId: id });

const separatedPerson = z.object({
  id,
  firstName: z.string(),
  initial: z.string(),
  caseId: id,
  caseReference: z.string(),
});

export const separationView = z.object({
  id,
  personA: separatedPerson,
  personB: separatedPerson,
  minutes: z.number().int(),
  source: z.enum(['risk_assessment', 'coordinator']),
  reason: z.string().nullable(),
  createdAt: isoDateTime,
});
export type SeparationView = z.output<typeof separationView>;
export const separationList = z.object({ items: z.array(separationView) });
