/**
 * Queries for observation records, incidents and indirect contact items. The session a record belongs to
 * is read here with the record (its day, times and service), and a case's reference and people's names
 * for the centre's list of open follow-ups, so that each list is one query.
 */
import { and, asc, count, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import {
  bookingPeople,
  bookings,
  casePeople,
  cases,
  incidents,
  indirectItems,
  observations,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/** A session of the centre with what the rules about its records need. */
export async function sessionAt(executor: Executor, centreId: string, bookingId: string) {
  const [row] = await executor
    .select({
      id: bookings.id,
      caseId: bookings.caseId,
      status: bookings.status,
      serviceType: bookings.serviceType,
      localDate: bookings.localDate,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      supervisorUserId: bookings.supervisorUserId,
    })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.centreId, centreId)));
  return row;
}

/** The people booked into a session (the roster's people). */
export async function peopleOfSession(executor: Executor, bookingId: string) {
  return executor
    .select({ personId: bookingPeople.personId })
    .from(bookingPeople)
    .where(eq(bookingPeople.bookingId, bookingId));
}

const sessionColumns = {
  sessionId: bookings.id,
  sessionDate: bookings.localDate,
  sessionStartsAt: bookings.startsAt,
  sessionEndsAt: bookings.endsAt,
  sessionService: bookings.serviceType,
};

// Observations

const observationColumns = {
  id: observations.id,
  caseId: observations.caseId,
  notes: observations.notes,
  correctsId: observations.correctsId,
  writtenByUserId: observations.writtenByUserId,
  createdAt: observations.createdAt,
  ...sessionColumns,
};

/** A case's observation records (or one session's), by session then in the order written. */
export async function listObservations(
  executor: Executor,
  centreId: string,
  where: { caseId: string } | { bookingId: string },
) {
  return executor
    .select(observationColumns)
    .from(observations)
    .innerJoin(bookings, eq(bookings.id, observations.bookingId))
    .where(
      and(
        eq(observations.centreId, centreId),
        'caseId' in where
          ? eq(observations.caseId, where.caseId)
          : eq(observations.bookingId, where.bookingId),
      ),
    )
    .orderBy(asc(bookings.startsAt), asc(observations.createdAt), asc(observations.id));
}
export type ObservationRow = Awaited<ReturnType<typeof listObservations>>[number];

export async function observationOfSession(executor: Executor, bookingId: string, observationId: string) {
  const [row] = await executor
    .select({ id: observations.id })
    .from(observations)
    .where(and(eq(observations.id, observationId), eq(observations.bookingId, bookingId)));
  return row;
}

/** The record that corrects this one, if there is one. */
export async function correctionOf(executor: Executor, observationId: string) {
  const [row] = await executor
    .select({ id: observations.id })
    .from(observations)
    .where(eq(observations.correctsId, observationId))
    .limit(1);
  return row;
}

export async function insertObservation(executor: Executor, values: typeof observations.$inferInsert) {
  const [row] = await executor.insert(observations).values(values).returning({ id: observations.id });
  return row!.id;
}

// Incidents

const incidentColumns = {
  id: incidents.id,
  caseId: incidents.caseId,
  caseReference: cases.reference,
  kind: incidents.kind,
  personId: incidents.personId,
  personFirstName: casePeople.firstName,
  personLastName: casePeople.lastName,
  occurredAt: incidents.occurredAt,
  description: incidents.description,
  actionTaken: incidents.actionTaken,
  followUp: incidents.followUp,
  followUpDoneAt: incidents.followUpDoneAt,
  followUpDoneByUserId: incidents.followUpDoneByUserId,
  recordedByUserId: incidents.recordedByUserId,
  createdAt: incidents.createdAt,
  ...sessionColumns,
};

function incidentQuery(executor: Executor) {
  return executor
    .select(incidentColumns)
    .from(incidents)
    .innerJoin(cases, eq(cases.id, incidents.caseId))
    .leftJoin(casePeople, eq(casePeople.id, incidents.personId))
    .leftJoin(bookings, eq(bookings.id, incidents.bookingId));
}
export async function listIncidentsOfCase(executor: Executor, centreId: string, caseId: string) {
  return incidentQuery(executor)
    .where(and(eq(incidents.centreId, centreId), eq(incidents.caseId, caseId)))
    .orderBy(desc(incidents.occurredAt), desc(incidents.id));
}
export type IncidentRow = Awaited<ReturnType<typeof listIncidentsOfCase>>[number];

/** An incident whose follow-up is still to do, of a case that is not closed. */
const followUpOpen = (centreId: string) =>
  and(
    eq(incidents.centreId, centreId),
    isNotNull(incidents.followUp),
    isNull(incidents.followUpDoneAt),
    sql`${cases.status} <> 'closed'`,
  );

/** Incidents whose follow-up is still to do, of the centre's cases that are not closed; oldest first. */
export async function openFollowUps(executor: Executor, centreId: string) {
  return incidentQuery(executor)
    .where(followUpOpen(centreId))
    .orderBy(asc(incidents.occurredAt), asc(incidents.id));
}

/** How many follow-ups are still to do at the centre. */
export async function countOpenFollowUps(executor: Executor, centreId: string): Promise<number> {
  const [row] = await executor
    .select({ count: count() })
    .from(incidents)
    .innerJoin(cases, eq(cases.id, incidents.caseId))
    .where(followUpOpen(centreId));
  return row?.count ?? 0;
}

export async function latestIncidents(executor: Executor, centreId: string, limit: number) {
  return incidentQuery(executor)
    .where(eq(incidents.centreId, centreId))
    .orderBy(desc(incidents.occurredAt), desc(incidents.id))
    .limit(limit);
}

export async function incidentById(executor: Executor, centreId: string, incidentId: string) {
  const [row] = await incidentQuery(executor).where(
    and(eq(incidents.centreId, centreId), eq(incidents.id, incidentId)),
  );
  return row;
}

export async function insertIncident(executor: Executor, values: typeof incidents.$inferInsert) {
  const [row] = await executor.insert(incidents).values(values).returning({ id: incidents.id });
  return row!.id;
}

/** Marks a follow-up done only if it is still open (two clicks at once mark it once). */
export async function markFollowUpDone(executor: Executor, incidentId: string, userId: string) {
  const updated = await executor
    .update(incidents)
    .set({ followUpDoneAt: new Date(), followUpDoneByUserId: userId })
    .where(and(eq(incidents.id, incidentId), isNotNull(incidents.followUp), isNull(incidents.followUpDoneAt)))
    .returning({ id: incidents.id });
  return updated.length === 1;
}

// Indirect contact items

const itemColumns = {
  id: indirectItems.id,
  caseId: indirectItems.caseId,
  kind: indirectItems.kind,
  fromPersonId: indirectItems.fromPersonId,
  forPersonId: indirectItems.forPersonId,
  description: indirectItems.description,
  receivedAt: indirectItems.receivedAt,
  receivedByUserId: indirectItems.receivedByUserId,
  checkedAt: indirectItems.checkedAt,
  checkedByUserId: indirectItems.checkedByUserId,
  checkNotes: indirectItems.checkNotes,
  outcome: indirectItems.outcome,
  passedOnAt: indirectItems.passedOnAt,
  passedOnByUserId: indirectItems.passedOnByUserId,
  createdAt: indirectItems.createdAt,
};
export type IndirectItemRow = Awaited<ReturnType<typeof listIndirectItems>>[number];

export async function listIndirectItems(executor: Executor, centreId: string, caseId: string) {
  return executor
    .select(itemColumns)
    .from(indirectItems)
    .where(and(eq(indirectItems.centreId, centreId), eq(indirectItems.caseId, caseId)))
    .orderBy(desc(indirectItems.receivedAt), desc(indirectItems.id));
}

export async function indirectItemById(executor: Executor, centreId: string, itemId: string) {
  const [row] = await executor
    .select(itemColumns)
    .from(indirectItems)
    .where(and(eq(indirectItems.centreId, centreId), eq(indirectItems.id, itemId)));
  return row;
}

/** The item's row locked until the transaction ends, so that two steps on it take turns. */
export async function lockIndirectItem(executor: Executor, centreId: string, itemId: string) {
  const [row] = await executor
    .select(itemColumns)
    .from(indirectItems)
    .where(and(eq(indirectItems.centreId, centreId), eq(indirectItems.id, itemId)))
    .for('update');
  return row;
}

export async function insertIndirectItem(executor: Executor, values: typeof indirectItems.$inferInsert) {
  const [row] = await executor.insert(indirectItems).values(values).returning({ id: indirectItems.id });
  return row!.id;
}

export async function updateIndirectItem(
  executor: Executor,
  itemId: string,
  values: Pick<
    Partial<typeof indirectItems.$inferInsert>,
    'checkedAt' | 'checkedByUserId' | 'checkNotes' | 'outcome' | 'passedOnAt' | 'passedOnByUserId'
  >,
): Promise<void> {
  await executor.update(indirectItems).set(values).where(eq(indirectItems.id, itemId));
}
