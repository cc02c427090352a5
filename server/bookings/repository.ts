/**
 * Bookings in the database. Reads of rooms, venues, people and staff select only the columns a
 * booking's rules use.
 */
import { and, asc, eq, gt, inArray, isNull, ne, or, sum } from 'drizzle-orm';
import {
  bookingPeople,
  bookings,
  casePeople,
  cases,
  roleAssignments,
  rooms,
  separationPairs,
  separationWindows,
  staffChecks,
  users,
  venues,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import { sessionsDuring, spanOverlaps } from './overlap.js';
import type { Pair, PlannedPerson, SeparationWindow } from './planning.js';

export type BookingRow = typeof bookings.$inferSelect;

/**
 * The room, locked until the transaction ends so that bookings of one room take their turn, with its
 * venue's name (the venue is not locked).
 */
export async function lockRoom(executor: Executor, centreId: string, roomId: string) {
  const [row] = await executor
    .select({
      id: rooms.id,
      name: rooms.name,
      capacity: rooms.capacity,
      usage: rooms.usage,
      active: rooms.active,
      venueId: rooms.venueId,
      venueName: venues.name,
    })
    .from(rooms)
    .leftJoin(venues, eq(venues.id, rooms.venueId))
    .where(and(eq(rooms.id, roomId), eq(rooms.centreId, centreId)))
    .for('update', { of: rooms });
  return row;
}

export async function venueOf(executor: Executor, venueId: string) {
  const [row] = await executor
    .select({ id: venues.id, name: venues.name, active: venues.active })
    .from(venues)
    .where(eq(venues.id, venueId));
  return row;
}

const overlapping = (startsAt: Date, endsAt: Date) =>
  and(sessionsDuring(startsAt, endsAt), eq(bookings.status, 'booked'));

const except = (bookingId: string | undefined) => (bookingId ? ne(bookings.id, bookingId) : undefined);

/** People booked into a shared room at overlapping times. */
export async function headcountInRoom(
  executor: Executor,
  roomId: string,
  startsAt: Date,
  endsAt: Date,
  exceptBookingId?: string,
): Promise<number> {
  const [row] = await executor
    .select({ people: sum(bookings.headcount) })
    .from(bookings)
    .where(and(eq(bookings.roomId, roomId), overlapping(startsAt, endsAt), except(exceptBookingId)));
  return Number(row?.people ?? 0);
}

const conflictColumns = {
  id: bookings.id,
  startsAt: bookings.startsAt,
  endsAt: bookings.endsAt,
  caseReference: cases.reference,
};

/** What another booking at overlapping times shares with the one being placed. */
export interface Clash {
  id: string;
  startsAt: Date;
  endsAt: Date;
  caseReference: string;
}

/**
 * The booked sessions at overlapping times that share, with the one being placed, its family, its
 * private room or its supervisor: one query for the three, the first of each kind returned.
 */
export async function clashesOf(
  executor: Executor,
  placing: { caseId: string; privateRoomId: string | null; supervisorUserId: string | null },
  startsAt: Date,
  endsAt: Date,
  exceptBookingId?: string,
): Promise<{ family?: Clash; room?: Clash; supervisor?: Clash }> {
  const sameRoom = placing.privateRoomId
    ? and(eq(bookings.roomId, placing.privateRoomId), eq(bookings.exclusive, true))
    : undefined;
  // The range condition lets the supervisor's exclusion index find the overlap, not every session of theirs.
  const sameSupervisor = placing.supervisorUserId
    ? and(
        eq(bookings.supervisorUserId, placing.supervisorUserId),
        spanOverlaps(bookings.startsAt, bookings.endsAt, startsAt, endsAt),
      )
    : undefined;
  const rows = await executor
    .select({
      ...conflictColumns,
      caseId: bookings.caseId,
      roomId: bookings.roomId,
      exclusive: bookings.exclusive,
      supervisorUserId: bookings.supervisorUserId,
    })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .where(
      and(
        or(eq(bookings.caseId, placing.caseId), sameRoom, sameSupervisor),
        overlapping(startsAt, endsAt),
        except(exceptBookingId),
      ),
    )
    .orderBy(asc(bookings.startsAt));
  const clash = ({ id, startsAt, endsAt, caseReference }: (typeof rows)[number]): Clash => ({
    id,
    startsAt,
    endsAt,
    caseReference,
  });
  const first = (test: (row: (typeof rows)[number]) => boolean) => {
    const row = rows.find(test);
    return row ? clash(row) : undefined;
  };
  return {
    family: first((row) => row.caseId === placing.caseId),
    room: first((row) => row.exclusive && row.roomId === placing.privateRoomId),
    supervisor: first(
      (row) => placing.supervisorUserId !== null && row.supervisorUserId === placing.supervisorUserId,
    ),
  };
}

/** A staff member who may supervise at the centre, with their check dates. */
export async function supervisorAt(executor: Executor, centreId: string, userId: string) {
  const [row] = await executor
    .select({
      id: users.id,
      displayName: users.displayName,
      status: users.status,
      dbsNumber: staffChecks.dbsNumber,
      dbsRecheckBy: staffChecks.dbsRecheckBy,
      dbsCheckedOn: staffChecks.dbsCheckedOn,
      trainingExpiresOn: staffChecks.trainingExpiresOn,
      trainingCompletedOn: staffChecks.trainingCompletedOn,
    })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(staffChecks, eq(staffChecks.userId, users.id))
    .where(
      and(
        eq(users.id, userId),
        eq(roleAssignments.centreId, centreId),
        inArray(roleAssignments.role, ['supervisor', 'coordinator']),
      ),
    )
    .limit(1);
  return row;
}

export async function peopleOfCase(executor: Executor, caseId: string) {
  return executor
    .select({
      id: casePeople.id,
      role: casePeople.role,
      firstName: casePeople.firstName,
      lastName: casePeople.lastName,
      caseId: casePeople.caseId,
    })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId));
}

/** Adds the pairs an assessment names (once: an active pair is never stored twice). */
export async function ensurePairs(
  executor: Executor,
  centreId: string,
  pairs: { personAId: string; personBId: string; minutes: number }[],
): Promise<void> {
  if (pairs.length === 0) return;
  await executor
    .insert(separationPairs)
    .values(pairs.map((pair) => ({ ...pair, centreId, source: 'risk_assessment' as const })))
    .onConflictDoNothing();
}

/** Active pairs that name any of these people. */
export async function pairsOf(
  executor: Executor,
  personIds: string[],
): Promise<(Pair & { source: 'risk_assessment' | 'coordinator' })[]> {
  if (personIds.length === 0) return [];
  return executor
    .select({
      id: separationPairs.id,
      personAId: separationPairs.personAId,
      personBId: separationPairs.personBId,
      minutes: separationPairs.minutes,
      source: separationPairs.source,
    })
    .from(separationPairs)
    .where(
      and(
        isNull(separationPairs.endedAt),
        or(inArray(separationPairs.personAId, personIds), inArray(separationPairs.personBId, personIds)),
      ),
    );
}

/** Makes an assessment pair's minutes follow the latest assessment and centre buffer. */
export async function setPairMinutes(executor: Executor, pairId: string, minutes: number): Promise<void> {
  await executor.update(separationPairs).set({ minutes }).where(eq(separationPairs.id, pairId));
}

export async function insertBooking(executor: Executor, values: typeof bookings.$inferInsert) {
  const [row] = await executor.insert(bookings).values(values).returning();
  return row!;
}

export async function updateBooking(
  executor: Executor,
  bookingId: string,
  values: Partial<typeof bookings.$inferInsert>,
) {
  const [row] = await executor
    .update(bookings)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(bookings.id, bookingId))
    .returning();
  return row!;
}

export async function replaceBookingPeople(
  executor: Executor,
  centreId: string,
  bookingId: string,
  people: PlannedPerson[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  // A booking just inserted has nobody to replace.
  if (!fresh) await executor.delete(bookingPeople).where(eq(bookingPeople.bookingId, bookingId));
  if (people.length === 0) return;
  await executor.insert(bookingPeople).values(
    people.map((person) => ({
      bookingId,
      centreId,
      personId: person.personId,
      plannedArriveAt: person.arriveAt,
      plannedLeaveAt: person.leaveAt,
      broughtByPersonId: person.broughtByPersonId,
    })),
  );
}

export async function replaceWindows(
  executor: Executor,
  centreId: string,
  bookingId: string,
  venueId: string,
  windows: SeparationWindow[],
  { fresh = false }: { fresh?: boolean } = {},
): Promise<void> {
  if (!fresh) await executor.delete(separationWindows).where(eq(separationWindows.bookingId, bookingId));
  if (windows.length === 0) return;
  await executor
    .insert(separationWindows)
    .values(windows.map((window) => ({ ...window, centreId, bookingId, venueId })));
}

/**
 * Windows of other bookings at the venue that clash with these (the same test as the exclusion
 * constraints), with who is on the other side and when they are there.
 */
export async function separationClashes(
  executor: Executor,
  venueId: string,
  bookingId: string | undefined,
  windows: SeparationWindow[],
) {
  const found: {
    personId: string;
    otherPersonId: string;
    otherFirstName: string;
    otherLastName: string;
    otherCaseId: string;
    minutes: number;
    otherArrives: Date;
    otherLeaves: Date;
    sameBooking: boolean;
  }[] = [];
  if (windows.length === 0) return found;
  // One query for every window: a clash is rare, so the rows come back few and are matched here.
  const rows = await executor
    .select({
      pairId: separationWindows.pairId,
      kind: separationWindows.kind,
      startsAt: separationWindows.startsAt,
      endsAt: separationWindows.endsAt,
      otherPersonId: separationWindows.personId,
      otherFirstName: casePeople.firstName,
      otherLastName: casePeople.lastName,
      otherCaseId: casePeople.caseId,
      minutes: separationPairs.minutes,
      otherArrives: bookingPeople.plannedArriveAt,
      otherLeaves: bookingPeople.plannedLeaveAt,
    })
    .from(separationWindows)
    .innerJoin(separationPairs, eq(separationPairs.id, separationWindows.pairId))
    .innerJoin(casePeople, eq(casePeople.id, separationWindows.personId))
    .innerJoin(
      bookingPeople,
      and(
        eq(bookingPeople.bookingId, separationWindows.bookingId),
        eq(bookingPeople.personId, separationWindows.personId),
      ),
    )
    .where(
      and(
        eq(separationWindows.venueId, venueId),
        bookingId ? ne(separationWindows.bookingId, bookingId) : undefined,
        or(
          ...windows.map((window) =>
            and(
              eq(separationWindows.pairId, window.pairId),
              ne(separationWindows.personId, window.personId),
              eq(separationWindows.kind, window.kind),
              // The constraint's own test, which its index answers.
              spanOverlaps(
                separationWindows.startsAt,
                separationWindows.endsAt,
                window.startsAt,
                window.endsAt,
              ),
            ),
          ),
        ),
      ),
    );
  for (const window of windows) {
    const row = rows.find(
      (other) =>
        other.pairId === window.pairId &&
        other.kind === window.kind &&
        other.otherPersonId !== window.personId &&
        other.startsAt < window.endsAt &&
        other.endsAt > window.startsAt,
    );
    if (!row) continue;
    found.push({
      personId: window.personId,
      otherPersonId: row.otherPersonId,
      otherFirstName: row.otherFirstName,
      otherLastName: row.otherLastName,
      otherCaseId: row.otherCaseId,
      minutes: row.minutes,
      otherArrives: row.otherArrives,
      otherLeaves: row.otherLeaves,
      sameBooking: false,
    });
  }
  return found;
}

export async function bookingAt(executor: Executor, centreId: string, bookingId: string) {
  const [row] = await executor
    .select()
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.centreId, centreId)));
  return row;
}

/** Bookings with what the timetable shows of them, between two instants. */
export async function bookingsBetween(
  executor: Executor,
  centreId: string,
  window: { from: Date; to: Date } | null,
  filters: { roomId?: string; caseId?: string; bookingIds?: string[]; includeCancelled?: boolean },
) {
  const chosen = and(
    eq(bookings.centreId, centreId),
    window ? sessionsDuring(window.from, window.to) : undefined,
    filters.includeCancelled ? undefined : eq(bookings.status, 'booked'),
    filters.roomId ? eq(bookings.roomId, filters.roomId) : undefined,
    filters.caseId ? eq(bookings.caseId, filters.caseId) : undefined,
    filters.bookingIds ? inArray(bookings.id, filters.bookingIds) : undefined,
  );
  const rows = await executor
    .select({
      booking: bookings,
      caseReference: cases.reference,
      roomName: rooms.name,
      roomUsage: rooms.usage,
      venueName: venues.name,
      supervisorName: users.displayName,
    })
    .from(bookings)
    .innerJoin(cases, eq(cases.id, bookings.caseId))
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .innerJoin(venues, eq(venues.id, bookings.venueId))
    .leftJoin(users, eq(users.id, bookings.supervisorUserId))
    .where(chosen)
    .orderBy(asc(bookings.startsAt), asc(rooms.name));
  // The people and flags of the same sessions, chosen again by the same conditions rather than by a
  // list of every id: a month's calendar is a hundred sessions, and the list cost more than the join.
  const ids = executor.select({ id: bookings.id }).from(bookings).where(chosen);
  const people =
    rows.length === 0
      ? []
      : await executor
          .select({
            bookingId: bookingPeople.bookingId,
            personId: bookingPeople.personId,
            firstName: casePeople.firstName,
            lastName: casePeople.lastName,
            role: casePeople.role,
            arriveAt: bookingPeople.plannedArriveAt,
            leaveAt: bookingPeople.plannedLeaveAt,
            broughtByPersonId: bookingPeople.broughtByPersonId,
          })
          .from(bookingPeople)
          .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
          .where(inArray(bookingPeople.bookingId, ids))
          .orderBy(asc(bookingPeople.plannedArriveAt));
  const separated =
    rows.length === 0
      ? []
      : await executor
          .selectDistinct({ bookingId: separationWindows.bookingId, personId: separationWindows.personId })
          .from(separationWindows)
          .where(inArray(separationWindows.bookingId, ids));
  return { rows, people, separated };
}

/** Ends a pair: it no longer keeps anyone apart, and its windows go. */
export async function endPair(executor: Executor, pairId: string): Promise<void> {
  await executor.update(separationPairs).set({ endedAt: new Date() }).where(eq(separationPairs.id, pairId));
  await executor.delete(separationWindows).where(eq(separationWindows.pairId, pairId));
}

export async function insertPair(executor: Executor, values: typeof separationPairs.$inferInsert) {
  const [row] = await executor.insert(separationPairs).values(values).returning();
  return row!;
}

export async function pairAt(executor: Executor, centreId: string, pairId: string) {
  const [row] = await executor
    .select()
    .from(separationPairs)
    .where(and(eq(separationPairs.id, pairId), eq(separationPairs.centreId, centreId)));
  return row;
}

/** Adults of the centre's cases, by id, with their case. */
export async function adultsAt(executor: Executor, centreId: string, personIds: string[]) {
  return executor
    .select({
      id: casePeople.id,
      role: casePeople.role,
      firstName: casePeople.firstName,
      lastName: casePeople.lastName,
      caseId: casePeople.caseId,
      caseReference: cases.reference,
    })
    .from(casePeople)
    .innerJoin(cases, eq(cases.id, casePeople.caseId))
    .where(and(eq(cases.centreId, centreId), inArray(casePeople.id, personIds)));
}

/** Active pairs of a centre with both people's names and cases. */
export async function pairsAt(executor: Executor, centreId: string) {
  const pairs = await executor
    .select()
    .from(separationPairs)
    .where(and(eq(separationPairs.centreId, centreId), isNull(separationPairs.endedAt)))
    .orderBy(asc(separationPairs.createdAt));
  const ids = [...new Set(pairs.flatMap((pair) => [pair.personAId, pair.personBId]))];
  const people = ids.length === 0 ? [] : await adultsAt(executor, centreId, ids);
  return { pairs, people };
}

/** Everyone planned in the booked, not yet started sessions that include any of these people. */
export async function upcomingBookingsWith(executor: Executor, personIds: string[], after: Date) {
  if (personIds.length === 0) return [];
  const withThem = executor
    .select({ id: bookingPeople.bookingId })
    .from(bookingPeople)
    .where(inArray(bookingPeople.personId, personIds));
  return executor
    .select({
      bookingId: bookings.id,
      venueId: bookings.venueId,
      centreId: bookings.centreId,
      localDate: bookings.localDate,
      personId: bookingPeople.personId,
      role: casePeople.role,
      arriveAt: bookingPeople.plannedArriveAt,
      leaveAt: bookingPeople.plannedLeaveAt,
      broughtByPersonId: bookingPeople.broughtByPersonId,
    })
    .from(bookings)
    .innerJoin(bookingPeople, eq(bookingPeople.bookingId, bookings.id))
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(and(inArray(bookings.id, withThem), eq(bookings.status, 'booked'), gt(bookings.startsAt, after)));
}

/** Adds windows of one booking without touching the ones it has. */
export async function addWindows(
  executor: Executor,
  centreId: string,
  bookingId: string,
  venueId: string,
  windows: SeparationWindow[],
): Promise<void> {
  if (windows.length === 0) return;
  await executor
    .insert(separationWindows)
    .values(windows.map((window) => ({ ...window, centreId, bookingId, venueId })));
}

/** A case's sessions still to come, locked for cancelling (closing the case). */
export async function futureSessionsOfCase(executor: Executor, caseId: string, now: Date) {
  return executor
    .select()
    .from(bookings)
    .where(and(eq(bookings.caseId, caseId), eq(bookings.status, 'booked'), gt(bookings.startsAt, now)))
    .orderBy(asc(bookings.startsAt))
    .for('update');
}
