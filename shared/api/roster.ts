/**
 * The session day: the roster (first names, times, room and safety flags only — what a volunteer may
 * see), one-tap arrival and departure, and who is on site now for a fire roll call.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate } from './referrals.js';

export const rosterQuery = z.strictObject({ date: calendarDate.optional() });
export const rosterPersonParams = z.strictObject({ centreId: id, bookingId: id, personId: id });

/** When the arrival or departure happened, if not now (a moment ago, recorded late). */
export const movementBody = z.strictObject({ at: isoDateTime.optional() });
/** Taking back a tap carries nothing: the time taken back is the one recorded. */
export const undoBody = z.strictObject({});

export const SAFETY_FLAGS = ['keep_apart', 'separate_entrance', 'separate_waiting_room'] as const;

const rosterPerson = z.object({
  personId: id,
  firstName: z.string(),
  kind: z.enum(['adult', 'child']),
  /** Local HH:MM on the centre's clock. */
  plannedArrival: z.string(),
  plannedDeparture: z.string(),
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  /** Minutes after the planned arrival (0 when on time or early); null until they arrive. */
  minutesLate: z.number().int().nullable(),
  /** The adult a child comes with and is handed back to. */
  broughtByPersonId: id.nullable(),
  flags: z.array(z.enum(SAFETY_FLAGS)),
});

export const rosterSession = z.object({
  bookingId: id,
  startTime: z.string(),
  endTime: z.string(),
  room: z.string(),
  venue: z.string(),
  serviceType: z.enum(['supported', 'supervised', 'handover']),
  supervisor: z.string().nullable(),
  people: z.array(rosterPerson),
  /** Who should leave next, in the planned order, so that adults kept apart never meet at the door. */
  nextToLeave: z.object({ personId: id, firstName: z.string(), plannedDeparture: z.string() }).nullable(),
});
export type RosterSession = z.output<typeof rosterSession>;

export const rosterView = z.object({ date: calendarDate, sessions: z.array(rosterSession) });

export const movementView = z.object({
  session: rosterSession,
  /** A sentence for the person at the door: who goes next, or that a late arrival was noted. */
  prompt: z.string().nullable(),
});

export const onSiteView = z.object({
  at: isoDateTime,
  count: z.number().int(),
  people: z.array(
    z.object({
      name: z.string(),
      kind: z.enum(['adult', 'child', 'staff']),
      room: z.string().nullable(),
      since: z.string().nullable(),
    }),
  ),
});
