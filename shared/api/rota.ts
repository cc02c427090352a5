/**
 * The rota: who is on duty where and when (one shift of one staff member at a venue on a day), and the
 * staffing warnings for the days asked about — a supported session below its minimum staff or over its
 * families per volunteer, a supervised session whose supervisor is not on the rota.
 */
import { z } from 'zod';
import { checkStatusView } from './staff-checks.js';
import { id, isoDateTime } from './common.js';
import { minutesOfDay } from './plans.js';
import { calendarDate } from './referrals.js';
import { SESSION_SERVICES } from './venues.js';

/** What a person does on a shift (a coordinator may be rostered as a volunteer for the hall). */
export const SHIFT_ROLES = ['coordinator', 'supervisor', 'volunteer'] as const;
export type ShiftRole = (typeof SHIFT_ROLES)[number];

/** The longest window one rota answers: a little over a month. */
export const MAX_ROTA_DAYS = 35;

const shiftClock = (example: string) =>
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `Enter a time like ${example}` });

export const rotaQuery = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .superRefine((window, ctx) => {
    if (window.to < window.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The end must be on or after the start' });
      return;
    }
    if ((Date.parse(window.to) - Date.parse(window.from)) / 86_400_000 >= MAX_ROTA_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_ROTA_DAYS} days at a time`,
      });
    }
  });

export const rotaStaffQuery = z.strictObject({ date: calendarDate });
export const shiftParams = z.strictObject({ centreId: id, shiftId: id });

/**
 * One shift. With an opening session, the venue and times are the session's unless given; without one,
 * the venue and both times are needed.
 */
export const shiftBody = z
  .strictObject({
    userId: z.uuid({ error: 'Choose who is on duty' }),
    date: calendarDate,
    role: z.enum(SHIFT_ROLES, { error: 'Choose what they do on this shift' }),
    openingSessionId: id.nullable().default(null),
    venueId: z.uuid({ error: 'Choose a venue' }).optional(),
    /** Local times on the centre's clock, HH:MM; the shift ends the day it starts. */
    startTime: shiftClock('09:30').optional(),
    endTime: shiftClock('12:30').optional(),
  })
  .superRefine((shift, ctx) => {
    if (!shift.openingSessionId) {
      if (!shift.venueId) ctx.addIssue({ code: 'custom', path: ['venueId'], message: 'Choose a venue' });
      if (!shift.startTime)
        ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'Enter when the shift starts' });
      if (!shift.endTime)
        ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Enter when the shift ends' });
    }
    if (shift.startTime && shift.endTime && minutesOfDay(shift.endTime) <= minutesOfDay(shift.startTime)) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The shift must end after it starts' });
    }
  });
export type ShiftBody = z.input<typeof shiftBody>;
export type ShiftInput = z.output<typeof shiftBody>;

export const shiftView = z.object({
  id,
  userId: id,
  displayName: z.string(),
  role: z.enum(SHIFT_ROLES),
  venue: z.object({ id, name: z.string() }),
  openingSession: z.object({ id, name: z.string() }).nullable(),
  /** The local date and times on the centre's clock, and the same moments in UTC. */
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
});
export type ShiftView = z.infer<typeof shiftView>;

export const STAFFING_PROBLEMS = [
  'below_minimum_staff',
  'too_many_families',
  'supervisor_not_on_rota',
  'no_supervisor',
] as const;
export type StaffingProblem = (typeof STAFFING_PROBLEMS)[number];

export const staffingWarning = z.object({
  kind: z.enum(STAFFING_PROBLEMS),
  date: calendarDate,
  /** A sentence: "Saturday 5 December 10:00–12:00: 5 families and 1 volunteer — up to 3 families per volunteer". */
  message: z.string(),
  openingSessionId: id.nullable(),
  bookingId: id.nullable(),
  /** A shift that would answer it, for the form to offer (the named supervisor, over the session). */
  suggestedShift: z
    .object({
      userId: id,
      displayName: z.string(),
      role: z.enum(SHIFT_ROLES),
      venueId: id,
      date: calendarDate,
      startTime: z.string(),
      endTime: z.string(),
    })
    .nullable(),
});
export type StaffingWarning = z.infer<typeof staffingWarning>;

/** An opening session on a day, with the staff on the rota for it and the families booked into it. */
export const rotaSession = z.object({
  openingSessionId: id,
  name: z.string(),
  serviceType: z.enum(SESSION_SERVICES),
  venue: z.object({ id, name: z.string() }),
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  closed: z.boolean(),
  closureReason: z.string().nullable(),
  minimumStaff: z.int(),
  familiesPerVolunteer: z.int(),
  /** Staff on a shift at the venue at some time during the session. */
  staffOnShift: z.int(),
  /** Families booked (sessions overlapping it at the venue). */
  families: z.int(),
});
export type RotaSession = z.infer<typeof rotaSession>;

export const rotaView = z.object({
  from: calendarDate,
  to: calendarDate,
  timeZone: z.string(),
  shifts: z.array(shiftView),
  sessions: z.array(rotaSession),
  warnings: z.array(staffingWarning),
});
export type RotaView = z.infer<typeof rotaView>;

/** Who may be put on the rota on a day: the centre's staff, and whether their checks are current then. */
export const rotaStaffList = z.object({
  date: calendarDate,
  items: z.array(
    z.object({
      userId: id,
      displayName: z.string(),
      roles: z.array(z.enum(['coordinator', 'supervisor', 'volunteer', 'safeguarding_lead'])),
      /** The shift roles their roles allow. */
      shiftRoles: z.array(z.enum(SHIFT_ROLES)),
      checks: checkStatusView,
    }),
  ),
});
export type RotaStaffList = z.infer<typeof rotaStaffList>;
