/**
 * Absence and attendance: who came to a case's sessions, who was late, who cancelled late and who did not
 * come at all, counted per adult; and recording on the day (or later) that an adult did not come.
 * The mail that tells people of cancellations, moves and sessions to come is sent by the server and has
 * no API of its own.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate } from './referrals.js';

export const attendanceParams = z.strictObject({ centreId: id, caseId: id });
export const noShowParams = z.strictObject({ centreId: id, bookingId: id, personId: id });

/** After recording (or undoing) that an adult did not come. */
export const noShowView = z.object({
  bookingId: id,
  personId: id,
  /** When it was recorded; null once undone. */
  noShowRecordedAt: isoDateTime.nullable(),
});
export type NoShowView = z.output<typeof noShowView>;

const ADULT_ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee'] as const;

/** One adult's record across the case's sessions. */
const adultAttendance = z.object({
  personId: id,
  firstName: z.string(),
  lastName: z.string(),
  role: z.enum(ADULT_ROLES),
  /** Sessions they were checked in at. */
  attended: z.number().int(),
  /** Of those, how many they arrived after their planned time. */
  lateArrivals: z.number().int(),
  /** Sessions they called off. */
  cancellations: z.number().int(),
  /** Of those, how many with less notice than the centre asks (lateNoticeHours). */
  lateCancellations: z.number().int(),
  /** Sessions they did not come to without cancelling. */
  noShows: z.number().int(),
});

export const ATTENDANCE_STATUSES = ['arrived', 'no_show', 'not_recorded', 'not_due_yet'] as const;

/** A session that has begun (most recent first), with what is recorded of each adult planned to come. */
const sessionAttendance = z.object({
  bookingId: id,
  date: calendarDate,
  /** Local HH:MM on the centre's clock. */
  startTime: z.string(),
  endTime: z.string(),
  people: z.array(
    z.object({
      personId: id,
      firstName: z.string(),
      /** Their planned arrival, local HH:MM. */
      plannedArrival: z.string(),
      status: z.enum(ATTENDANCE_STATUSES),
      /** Local HH:MM when they arrived. */
      arrivedAt: z.string().nullable(),
      /** Minutes after the planned arrival; null unless they arrived. */
      minutesLate: z.number().int().nullable(),
    }),
  ),
});

export const attendanceView = z.object({
  /** Less notice than this many hours makes a cancellation late. */
  lateNoticeHours: z.number().int(),
  adults: z.array(adultAttendance),
  /** Sessions the centre called off, and professionals: counted against nobody. */
  cancelledByCentre: z.number().int(),
  cancelledByProfessional: z.number().int(),
  /** The most recent sessions that have begun (at most RECENT_SESSIONS). */
  recentSessions: z.array(sessionAttendance),
});
export type AttendanceView = z.output<typeof attendanceView>;

/** How many past sessions the case page lists, to record or correct who came. */
export const RECENT_SESSIONS = 8;
