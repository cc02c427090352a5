/**
 * The rota in the database: shifts, and the booked sessions the staffing check reads (times, venue,
 * room, case reference and supervisor only: nobody's name or details).
 */
import { and, asc, eq, gt, gte, inArray, lt, lte, max, min } from 'drizzle-orm';
import {
  bookingPeople,
  bookings,
  cases,
  centres,
  openingSessions,
  rooms,
  rotaShifts,
  users,
  venues,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import { sessionsDuring } from '../bookings/overlap.js';

const shiftColumns = {
  id: rotaShifts.id,
  centreId: rotaShifts.centreId,
  userId: rotaShifts.userId,
  displayName: users.displayName,
  role: rotaShifts.role,
  venueId: rotaShifts.venueId,
  venueName: venues.name,
  openingSessionId: rotaShifts.openingSessionId,
  openingSessionName: openingSessions.name,
  localDate: rotaShifts.localDate,
  startsAt: rotaShifts.startsAt,
  endsAt: rotaShifts.endsAt,
};

export type ShiftRow = Awaited<ReturnType<typeof shiftsBetween>>[number];

function shiftQuery(executor: Executor) {
  return executor
    .select(shiftColumns)
    .from(rotaShifts)
    .innerJoin(users, eq(users.id, rotaShifts.userId))
    .innerJoin(venues, eq(venues.id, rotaShifts.venueId))
    .leftJoin(openingSessions, eq(openingSessions.id, rotaShifts.openingSessionId));
}

/** The centre's shifts on local days `from` to `to` (inclusive), by start and name. */
export async function shiftsBetween(executor: Executor, centreId: string, from: string, to: string) {
  return shiftQuery(executor)
    .where(
      and(eq(rotaShifts.centreId, centreId), gte(rotaShifts.localDate, from), lte(rotaShifts.localDate, to)),
    )
    .orderBy(asc(rotaShifts.startsAt), asc(users.displayName), asc(rotaShifts.id));
}

export async function findShift(executor: Executor, centreId: string, shiftId: string) {
  const [row] = await shiftQuery(executor).where(
    and(eq(rotaShifts.id, shiftId), eq(rotaShifts.centreId, centreId)),
  );
  return row;
}

/** Another shift of the same person overlapping these times, at any centre (the constraint's rule). */
export async function overlappingShift(executor: Executor, userId: string, startsAt: Date, endsAt: Date) {
  const [row] = await executor
    .select({
      id: rotaShifts.id,
      centreId: rotaShifts.centreId,
      centreName: centres.name,
      startsAt: rotaShifts.startsAt,
      endsAt: rotaShifts.endsAt,
      timeZone: centres.timeZone,
    })
    .from(rotaShifts)
    .innerJoin(centres, eq(centres.id, rotaShifts.centreId))
    .where(
      and(eq(rotaShifts.userId, userId), lt(rotaShifts.startsAt, endsAt), gt(rotaShifts.endsAt, startsAt)),
    )
    .orderBy(asc(rotaShifts.startsAt))
    .limit(1);
  return row;
}

export async function insertShift(
  executor: Executor,
  values: {
    centreId: string;
    venueId: string;
    openingSessionId: string | null;
    userId: string;
    role: 'coordinator' | 'supervisor' | 'volunteer';
    localDate: string;
    startsAt: Date;
    endsAt: Date;
    createdByUserId: string;
  },
): Promise<string> {
  const [row] = await executor.insert(rotaShifts).values(values).returning({ id: rotaShifts.id });
  return row!.id;
}

export async function deleteShift(executor: Executor, centreId: string, shiftId: string): Promise<boolean> {
  const deleted = await executor
    .delete(rotaShifts)
    .where(and(eq(rotaShifts.id, shiftId), eq(rotaShifts.centreId, centreId)))
    .returning({ id: rotaShifts.id });
  return deleted.length === 1;
}

/**
 * The centre's booked sessions overlapping a window, with the family's first planned arrival and last
 * planned departure: what the staffing check needs, and nothing about the people.
 */
export async function bookedSessionsBetween(executor: Executor, centreId: string, from: Date, to: Date) {
  const rows = await executor
    .select({
      id: bookings.id,
      venueId: bookings.venueId,
      date: bookings.localDate,
      serviceType: bookings.serviceType,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      room: rooms.name,
      caseReference: cases.reference,
      supervisorUserId: bookings.supervisorUserId,
      supervisorName: users.displayName,
    })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .leftJoin(users, eq(users.id, bookings.supervisorUserId))
    .where(and(eq(bookings.centreId, centreId), eq(bookings.status, 'booked'), sessionsDuring(from, to)))
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  if (rows.length === 0) return [];
  const spans = await executor
    .select({
      bookingId: bookingPeople.bookingId,
      firstArrival: min(bookingPeople.plannedArriveAt),
      lastDeparture: max(bookingPeople.plannedLeaveAt),
    })
    .from(bookingPeople)
    .where(
      inArray(
        bookingPeople.bookingId,
        rows.map((row) => row.id),
      ),
    )
    .groupBy(bookingPeople.bookingId);
  const byBooking = new Map(spans.map((span) => [span.bookingId, span]));
  return rows.map((row) => {
    const span = byBooking.get(row.id);
    return {
      ...row,
      firstArrival: span?.firstArrival ?? row.startsAt,
      lastDeparture: span?.lastDeparture ?? row.endsAt,
    };
  });
}

/** Staff on a shift at the centre at this moment: who is on duty in the building now. */
export async function shiftsUnderWay(executor: Executor, centreId: string, at: Date) {
  return executor
    .select({
      userId: rotaShifts.userId,
      name: users.displayName,
      venue: venues.name,
      since: rotaShifts.startsAt,
    })
    .from(rotaShifts)
    .innerJoin(users, eq(users.id, rotaShifts.userId))
    .innerJoin(venues, eq(venues.id, rotaShifts.venueId))
    .where(and(eq(rotaShifts.centreId, centreId), lte(rotaShifts.startsAt, at), gt(rotaShifts.endsAt, at)))
    .orderBy(asc(users.displayName));
}
