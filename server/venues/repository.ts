/** Venues, opening sessions and closures in the database. */
import { and, asc, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import type { OpeningRecurrence, SessionService, VenueKind } from '../../shared/api/venues.js';
import { closures, openingSessions, users, venues } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

// Venues

const venueColumns = {
  id: venues.id,
  centreId: venues.centreId,
  name: venues.name,
  kind: venues.kind,
  address: venues.address,
  accessibilityNotes: venues.accessibilityNotes,
  active: venues.active,
  createdAt: venues.createdAt,
};
export type VenueRow = Awaited<ReturnType<typeof findVenue>> & {};

export interface VenueFields {
  name: string;
  kind: VenueKind;
  address?: string | null;
  accessibilityNotes?: string | null;
  active?: boolean;
}

/** The centre's venues, its own building first, then by name. */
export async function listVenues(executor: Executor, centreId: string) {
  return executor
    .select(venueColumns)
    .from(venues)
    .where(eq(venues.centreId, centreId))
    .orderBy(sql`${venues.kind} <> 'centre'`, asc(venues.createdAt), asc(venues.name));
}

export async function findVenue(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select(venueColumns)
    .from(venues)
    .where(and(eq(venues.id, id), eq(venues.centreId, centreId)));
  return row;
}

export async function insertVenue(executor: Executor, centreId: string, fields: VenueFields) {
  const [row] = await executor
    .insert(venues)
    .values({ centreId, ...fields })
    .returning(venueColumns);
  return row!;
}

export async function updateVenue(
  executor: Executor,
  centreId: string,
  id: string,
  fields: Partial<VenueFields>,
) {
  const [row] = await executor
    .update(venues)
    .set(fields)
    .where(and(eq(venues.id, id), eq(venues.centreId, centreId)))
    .returning(venueColumns);
  return row;
}

/** Locks the venue's row so that a session added at the same moment waits for a deactivation. */
export async function lockVenue(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select(venueColumns)
    .from(venues)
    .where(and(eq(venues.id, id), eq(venues.centreId, centreId)))
    .for('update');
  return row;
}

/** The first venue of kind 'centre' made with the centre: its own building. */
export async function mainVenueIdOf(executor: Executor, centreId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.centreId, centreId), eq(venues.kind, 'centre')))
    .orderBy(asc(venues.createdAt))
    .limit(1);
  return row?.id;
}

// Opening sessions

const sessionColumns = {
  id: openingSessions.id,
  centreId: openingSessions.centreId,
  venueId: openingSessions.venueId,
  venueName: venues.name,
  name: openingSessions.name,
  serviceType: openingSessions.serviceType,
  recurrence: openingSessions.recurrence,
  startTime: openingSessions.startTime,
  endTime: openingSessions.endTime,
  startsOn: openingSessions.startsOn,
  endsOn: openingSessions.endsOn,
  minimumStaff: openingSessions.minimumStaff,
  familiesPerVolunteer: openingSessions.familiesPerVolunteer,
  active: openingSessions.active,
};
export type OpeningSessionRow = Awaited<ReturnType<typeof listOpeningSessions>>[number];

export interface OpeningSessionFields {
  venueId: string;
  name: string;
  serviceType: SessionService;
  /** Stored with the contact plan's shape: the pattern and the start time. */
  recurrence: OpeningRecurrence & { startTime: string };
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string | null;
  minimumStaff: number;
  familiesPerVolunteer: number;
  active?: boolean;
}

/** The centre's opening sessions, in order of start date then name. */
export async function listOpeningSessions(executor: Executor, centreId: string) {
  return executor
    .select(sessionColumns)
    .from(openingSessions)
    .innerJoin(venues, eq(venues.id, openingSessions.venueId))
    .where(eq(openingSessions.centreId, centreId))
    .orderBy(asc(openingSessions.startsOn), asc(openingSessions.name), asc(openingSessions.id));
}

/** Active sessions that run on some day of [from, to]. */
export async function openingSessionsRunning(executor: Executor, centreId: string, from: string, to: string) {
  return executor
    .select(sessionColumns)
    .from(openingSessions)
    .innerJoin(venues, eq(venues.id, openingSessions.venueId))
    .where(
      and(
        eq(openingSessions.centreId, centreId),
        eq(openingSessions.active, true),
        lte(openingSessions.startsOn, to),
        or(isNull(openingSessions.endsOn), gte(openingSessions.endsOn, from)),
      ),
    );
}

export async function findOpeningSession(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select(sessionColumns)
    .from(openingSessions)
    .innerJoin(venues, eq(venues.id, openingSessions.venueId))
    .where(and(eq(openingSessions.id, id), eq(openingSessions.centreId, centreId)));
  return row;
}

export async function insertOpeningSession(
  executor: Executor,
  centreId: string,
  fields: OpeningSessionFields,
) {
  const [row] = await executor
    .insert(openingSessions)
    .values({ centreId, ...fields })
    .returning({ id: openingSessions.id });
  return row!.id;
}

export async function updateOpeningSession(
  executor: Executor,
  centreId: string,
  id: string,
  fields: Partial<OpeningSessionFields>,
): Promise<boolean> {
  const rows = await executor
    .update(openingSessions)
    .set(fields)
    .where(and(eq(openingSessions.id, id), eq(openingSessions.centreId, centreId)))
    .returning({ id: openingSessions.id });
  return rows.length === 1;
}

/** Names of the venue's active sessions still running on or after `today`. */
export async function runningSessionsAtVenue(executor: Executor, venueId: string, today: string) {
  const rows = await executor
    .select({ name: openingSessions.name })
    .from(openingSessions)
    .where(
      and(
        eq(openingSessions.venueId, venueId),
        eq(openingSessions.active, true),
        or(isNull(openingSessions.endsOn), gte(openingSessions.endsOn, today)),
      ),
    )
    .orderBy(asc(openingSessions.name));
  return rows.map((row) => row.name);
}

// Closures

const closureColumns = {
  id: closures.id,
  centreId: closures.centreId,
  venueId: closures.venueId,
  venueName: venues.name,
  startsOn: closures.startsOn,
  endsOn: closures.endsOn,
  reason: closures.reason,
  createdAt: closures.createdAt,
  createdBy: users.displayName,
};
export type ClosureRow = Awaited<ReturnType<typeof findClosure>> & {};

/** The centre's closures, all or those ending on or after `from`, in date order. */
export async function listClosures(executor: Executor, centreId: string, from?: string) {
  return executor
    .select(closureColumns)
    .from(closures)
    .leftJoin(venues, eq(venues.id, closures.venueId))
    .leftJoin(users, eq(users.id, closures.createdByUserId))
    .where(and(eq(closures.centreId, centreId), from ? gte(closures.endsOn, from) : undefined))
    .orderBy(asc(closures.startsOn), asc(closures.endsOn), asc(closures.id));
}

/** Closures of the centre, or of one venue, that cover any day of [from, to]. */
export async function closuresOverlapping(
  executor: Executor,
  centreId: string,
  from: string,
  to: string,
  venueId?: string,
) {
  return executor
    .select({
      id: closures.id,
      venueId: closures.venueId,
      startsOn: closures.startsOn,
      endsOn: closures.endsOn,
      reason: closures.reason,
    })
    .from(closures)
    .where(
      and(
        eq(closures.centreId, centreId),
        lte(closures.startsOn, to),
        gte(closures.endsOn, from),
        venueId ? or(isNull(closures.venueId), eq(closures.venueId, venueId)) : undefined,
      ),
    );
}

export async function findClosure(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select(closureColumns)
    .from(closures)
    .leftJoin(venues, eq(venues.id, closures.venueId))
    .leftJoin(users, eq(users.id, closures.createdByUserId))
    .where(and(eq(closures.id, id), eq(closures.centreId, centreId)));
  return row;
}

export async function insertClosure(
  executor: Executor,
  centreId: string,
  fields: {
    venueId: string | null;
    startsOn: string;
    endsOn: string;
    reason: string;
    createdByUserId: string | null;
  },
) {
  const [row] = await executor
    .insert(closures)
    .values({ centreId, ...fields })
    .returning({ id: closures.id });
  return row!.id;
}

export async function deleteClosure(executor: Executor, centreId: string, id: string): Promise<boolean> {
  const rows = await executor
    .delete(closures)
    .where(and(eq(closures.id, id), eq(closures.centreId, centreId)))
    .returning({ id: closures.id });
  return rows.length === 1;
}
