/**
 * The day's sessions with each person's planned and recorded times, in two queries (sessions with their
 * people; the safety flags), so that the roster stays fast on a busy Saturday.
 */
import { and, asc, eq, gt, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import {
  bookingPeople,
  bookings,
  casePeople,
  riskAssessments,
  rooms,
  separationWindows,
  users,
  venues,
} from '../db/schema.js';
import { readAll, type Executor } from '../platform/database.js';

export async function sessionsOfDay(executor: Executor, centreId: string, date: string, bookingId?: string) {
  const rows = await executor
    .select({
      bookingId: bookings.id,
      caseId: bookings.caseId,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      serviceType: bookings.serviceType,
      room: rooms.name,
      venue: venues.name,
      supervisor: users.displayName,
      personId: bookingPeople.personId,
      firstName: casePeople.firstName,
      role: casePeople.role,
      plannedArriveAt: bookingPeople.plannedArriveAt,
      plannedLeaveAt: bookingPeople.plannedLeaveAt,
      arrivedAt: bookingPeople.arrivedAt,
      leftAt: bookingPeople.leftAt,
      broughtByPersonId: bookingPeople.broughtByPersonId,
    })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .innerJoin(venues, eq(venues.id, bookings.venueId))
    .leftJoin(users, eq(users.id, bookings.supervisorUserId))
    .innerJoin(bookingPeople, eq(bookingPeople.bookingId, bookings.id))
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(
      and(
        eq(bookings.centreId, centreId),
        eq(bookings.localDate, date),
        eq(bookings.status, 'booked'),
        bookingId ? eq(bookings.id, bookingId) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(rooms.name), asc(bookingPeople.plannedArriveAt));
  const ids = [...new Set(rows.map((row) => row.bookingId))];
  const caseIds = [...new Set(rows.map((row) => row.caseId))];
  const [apart, assessments] =
    ids.length === 0
      ? [[], []]
      : await readAll(executor, [
          () =>
            executor
              .selectDistinct({
                bookingId: separationWindows.bookingId,
                personId: separationWindows.personId,
              })
              .from(separationWindows)
              .where(inArray(separationWindows.bookingId, ids)),
          () =>
            // The safety conditions of each family's current risk assessment.
            executor
              .select({ caseId: riskAssessments.caseId, conditions: riskAssessments.conditions })
              .from(riskAssessments)
              .where(and(inArray(riskAssessments.caseId, caseIds), isNull(riskAssessments.supersededAt))),
        ]);
  return { rows, apart, assessments };
}

export async function bookingPersonOf(
  executor: Executor,
  centreId: string,
  bookingId: string,
  personId: string,
) {
  const [row] = await executor
    .select({
      id: bookingPeople.id,
      bookingId: bookings.id,
      status: bookings.status,
      localDate: bookings.localDate,
      personId: bookingPeople.personId,
      firstName: casePeople.firstName,
      role: casePeople.role,
      arrivedAt: bookingPeople.arrivedAt,
      leftAt: bookingPeople.leftAt,
      broughtByPersonId: bookingPeople.broughtByPersonId,
    })
    .from(bookingPeople)
    .innerJoin(bookings, eq(bookings.id, bookingPeople.bookingId))
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(
      and(eq(bookings.id, bookingId), eq(bookings.centreId, centreId), eq(bookingPeople.personId, personId)),
    );
  return row;
}

/**
 * The session's people and where each is. With `lock`, inside a transaction, their rows stay locked until
 * it commits: taps at two doors for one family are then checked one after the other, so a child is never
 * in the building without the adult who brings them.
 */
export async function peopleOfBooking(executor: Executor, bookingId: string, { lock = false } = {}) {
  const query = executor
    .select({
      personId: bookingPeople.personId,
      firstName: casePeople.firstName,
      role: casePeople.role,
      arrivedAt: bookingPeople.arrivedAt,
      leftAt: bookingPeople.leftAt,
      broughtByPersonId: bookingPeople.broughtByPersonId,
    })
    .from(bookingPeople)
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(eq(bookingPeople.bookingId, bookingId));
  return lock ? query.for('update', { of: bookingPeople }) : query;
}

/** Records an arrival only if none is recorded yet (two taps at once record one). */
export async function markArrived(executor: Executor, id: string, at: Date, userId: string) {
  const updated = await executor
    .update(bookingPeople)
    // Someone marked as not coming who turns up late came after all: the no-show is cleared.
    .set({
      arrivedAt: at,
      arrivalRecordedByUserId: userId,
      noShowRecordedAt: null,
      noShowRecordedByUserId: null,
    })
    .where(and(eq(bookingPeople.id, id), isNull(bookingPeople.arrivedAt)))
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}

export async function markLeft(executor: Executor, id: string, at: Date, userId: string) {
  const updated = await executor
    .update(bookingPeople)
    .set({ leftAt: at, departureRecordedByUserId: userId })
    .where(and(eq(bookingPeople.id, id), isNotNull(bookingPeople.arrivedAt), isNull(bookingPeople.leftAt)))
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}

/** Takes back a check-in tapped by mistake, only while the person has not left (two taps undo once). */
export async function clearArrival(executor: Executor, id: string) {
  const updated = await executor
    .update(bookingPeople)
    .set({ arrivedAt: null, arrivalRecordedByUserId: null })
    .where(and(eq(bookingPeople.id, id), isNotNull(bookingPeople.arrivedAt), isNull(bookingPeople.leftAt)))
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}

/** Takes back a check-out tapped by mistake: the person is in the building again. */
export async function clearDeparture(executor: Executor, id: string) {
  const updated = await executor
    .update(bookingPeople)
    .set({ leftAt: null, departureRecordedByUserId: null })
    .where(and(eq(bookingPeople.id, id), isNotNull(bookingPeople.leftAt)))
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}

/** Everyone recorded as arrived and not yet gone, today; and the supervisors of sessions under way. */
export async function onSiteNow(executor: Executor, centreId: string, date: string, now: Date) {
  const [people, staff] = await readAll(executor, [
    () =>
      executor
        .select({
          firstName: casePeople.firstName,
          lastName: casePeople.lastName,
          role: casePeople.role,
          room: rooms.name,
          arrivedAt: bookingPeople.arrivedAt,
        })
        .from(bookingPeople)
        .innerJoin(bookings, eq(bookings.id, bookingPeople.bookingId))
        .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
        .innerJoin(rooms, eq(rooms.id, bookings.roomId))
        .where(
          and(
            eq(bookings.centreId, centreId),
            eq(bookings.localDate, date),
            isNotNull(bookingPeople.arrivedAt),
            isNull(bookingPeople.leftAt),
          ),
        )
        .orderBy(asc(rooms.name), asc(casePeople.firstName)),
    () =>
      executor
        .selectDistinct({ name: users.displayName, room: rooms.name })
        .from(bookings)
        .innerJoin(users, eq(users.id, bookings.supervisorUserId))
        .innerJoin(rooms, eq(rooms.id, bookings.roomId))
        .where(
          and(
            eq(bookings.centreId, centreId),
            eq(bookings.status, 'booked'),
            lte(bookings.startsAt, now),
            gt(bookings.endsAt, now),
          ),
        ),
  ]);
  return { people, staff };
}
