/**
 * Calendar feeds in the database (only a hash of each secret address is kept), and what a feed shows:
 * the person's shifts and the sessions they supervise — times, venue, room, and for each adult of the
 * family a first and last initial. Nothing else about the family is read.
 */
import { and, asc, eq, gt, inArray, isNull, lt, ne } from 'drizzle-orm';
import {
  bookingPeople,
  bookings,
  calendarFeeds,
  casePeople,
  centres,
  openingSessions,
  roleAssignments,
  rooms,
  rotaShifts,
  users,
  venues,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import { sessionsDuring } from '../bookings/overlap.js';

export async function liveFeedOf(executor: Executor, userId: string) {
  const [row] = await executor
    .select({
      id: calendarFeeds.id,
      createdAt: calendarFeeds.createdAt,
      lastUsedAt: calendarFeeds.lastUsedAt,
    })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)));
  return row;
}

/** Revokes the person's live feed, if any; whether there was one. */
export async function revokeFeeds(executor: Executor, userId: string, at: Date): Promise<boolean> {
  const revoked = await executor
    .update(calendarFeeds)
    .set({ revokedAt: at })
    .where(and(eq(calendarFeeds.userId, userId), isNull(calendarFeeds.revokedAt)))
    .returning({ id: calendarFeeds.id });
  return revoked.length > 0;
}

export async function insertFeed(executor: Executor, userId: string, tokenHash: string) {
  const [row] = await executor
    .insert(calendarFeeds)
    .values({ userId, tokenHash })
    .returning({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt });
  return row!;
}

/** The live feed with this hash, and its owner (an account that is still active). */
export async function feedByHash(executor: Executor, tokenHash: string) {
  const [row] = await executor
    .select({
      id: calendarFeeds.id,
      userId: users.id,
      displayName: users.displayName,
      organisationId: users.organisationId,
    })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(
      and(
        eq(calendarFeeds.tokenHash, tokenHash),
        isNull(calendarFeeds.revokedAt),
        eq(users.status, 'active'),
      ),
    );
  return row;
}

export async function markFeedUsed(executor: Executor, id: string, at: Date): Promise<void> {
  await executor.update(calendarFeeds).set({ lastUsedAt: at }).where(eq(calendarFeeds.id, id));
}

/** The person's roles at centres (organisation-wide roles hold no centre). */
export async function centreRolesOf(executor: Executor, userId: string) {
  return executor
    .select({ centreId: roleAssignments.centreId, role: roleAssignments.role })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.userId, userId), ne(roleAssignments.role, 'organisation_admin')));
}

export async function shiftsOf(
  executor: Executor,
  userId: string,
  centreIds: string[],
  from: Date,
  to: Date,
) {
  if (centreIds.length === 0) return [];
  return executor
    .select({
      id: rotaShifts.id,
      role: rotaShifts.role,
      startsAt: rotaShifts.startsAt,
      endsAt: rotaShifts.endsAt,
      createdAt: rotaShifts.createdAt,
      centreName: centres.name,
      venueName: venues.name,
      venueKind: venues.kind,
      openingSessionName: openingSessions.name,
    })
    .from(rotaShifts)
    .innerJoin(centres, eq(centres.id, rotaShifts.centreId))
    .innerJoin(venues, eq(venues.id, rotaShifts.venueId))
    .leftJoin(openingSessions, eq(openingSessions.id, rotaShifts.openingSessionId))
    .where(
      and(
        eq(rotaShifts.userId, userId),
        inArray(rotaShifts.centreId, centreIds),
        lt(rotaShifts.startsAt, to),
        gt(rotaShifts.endsAt, from),
      ),
    )
    .orderBy(asc(rotaShifts.startsAt), asc(rotaShifts.id));
}

/** Sessions the person supervises, still booked, with the planned times and initials of each adult. */
export async function supervisedSessionsOf(
  executor: Executor,
  userId: string,
  centreIds: string[],
  from: Date,
  to: Date,
) {
  if (centreIds.length === 0) return [];
  const sessions = await executor
    .select({
      id: bookings.id,
      serviceType: bookings.serviceType,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      updatedAt: bookings.updatedAt,
      timeZone: centres.timeZone,
      centreName: centres.name,
      room: rooms.name,
      venueName: venues.name,
      venueKind: venues.kind,
    })
    .from(bookings)
    .innerJoin(centres, eq(centres.id, bookings.centreId))
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .innerJoin(venues, eq(venues.id, bookings.venueId))
    .where(
      and(
        eq(bookings.supervisorUserId, userId),
        eq(bookings.status, 'booked'),
        inArray(bookings.centreId, centreIds),
        sessionsDuring(from, to),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(bookings.id));
  if (sessions.length === 0) return [];
  const adults = await executor
    .select({
      bookingId: bookingPeople.bookingId,
      firstName: casePeople.firstName,
      lastName: casePeople.lastName,
      arrives: bookingPeople.plannedArriveAt,
      leaves: bookingPeople.plannedLeaveAt,
    })
    .from(bookingPeople)
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(
      and(
        inArray(
          bookingPeople.bookingId,
          sessions.map((s) => s.id),
        ),
        ne(casePeople.role, 'child'),
      ),
    )
    .orderBy(asc(bookingPeople.plannedArriveAt), asc(bookingPeople.id));
  return sessions.map((session) => ({
    ...session,
    adults: adults.filter((adult) => adult.bookingId === session.id),
  }));
}
