import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import {
  casePeople,
  cases,
  centres,
  contactDetails,
  intakeVisits,
  roleAssignments,
  users,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/**
 * The case as intake needs it, with its centre's name and time zone. Another centre's case answers
 * undefined, like a missing one. Locked, it keeps the case from closing while a visit is booked.
 */
export async function findCaseAtCentre(executor: Executor, centreId: string, caseId: string, lock = false) {
  const query = executor
    .select({
      id: cases.id,
      centreId: cases.centreId,
      reference: cases.reference,
      status: cases.status,
      organisationId: centres.organisationId,
      centreName: centres.name,
      centreAddress: centres.address,
      timeZone: centres.timeZone,
    })
    .from(cases)
    .innerJoin(centres, eq(centres.id, cases.centreId))
    .where(and(eq(cases.id, caseId), eq(cases.centreId, centreId)));
  const [row] = lock ? await query.for('update', { of: cases }) : await query;
  return row;
}

/** The people of a case: what intake needs to know of them (no contact details). */
export async function peopleOfCase(executor: Executor, caseId: string) {
  return executor
    .select({
      id: casePeople.id,
      role: casePeople.role,
      firstName: casePeople.firstName,
      lastName: casePeople.lastName,
    })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId))
    .orderBy(asc(casePeople.createdAt));
}

/** One person's own current email address, if they have one: never anyone else's. */
export async function currentEmailOf(executor: Executor, personId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ value: contactDetails.value })
    .from(contactDetails)
    .where(
      and(
        eq(contactDetails.personId, personId),
        eq(contactDetails.kind, 'email'),
        isNull(contactDetails.supersededAt),
      ),
    )
    .orderBy(desc(contactDetails.recordedAt))
    .limit(1);
  return row?.value;
}

/** A member of staff and the roles they hold at this centre (none if they do not work there). */
export async function staffAtCentre(executor: Executor, centreId: string, userId: string) {
  const rows = await executor
    .select({ displayName: users.displayName, status: users.status, role: roleAssignments.role })
    .from(users)
    .innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .where(and(eq(users.id, userId), eq(roleAssignments.centreId, centreId)));
  if (rows.length === 0) return undefined;
  return { displayName: rows[0]!.displayName, status: rows[0]!.status, roles: rows.map((r) => r.role) };
}

export async function insertVisit(executor: Executor, values: typeof intakeVisits.$inferInsert) {
  const [row] = await executor.insert(intakeVisits).values(values).returning({ id: intakeVisits.id });
  return row!.id;
}

const visitColumns = {
  id: intakeVisits.id,
  caseId: intakeVisits.caseId,
  kind: intakeVisits.kind,
  personId: intakeVisits.personId,
  personFirstName: casePeople.firstName,
  personLastName: casePeople.lastName,
  scheduledAt: intakeVisits.scheduledAt,
  place: intakeVisits.place,
  staffUserId: intakeVisits.staffUserId,
  staffName: users.displayName,
  status: intakeVisits.status,
  attendedPersonIds: intakeVisits.attendedPersonIds,
  outcome: intakeVisits.outcome,
  notes: intakeVisits.notes,
  createdAt: intakeVisits.createdAt,
  completedAt: intakeVisits.completedAt,
};
export type VisitRow = Awaited<ReturnType<typeof listVisits>>[number];

/** A case's visits, in the order they are booked for. */
export async function listVisits(executor: Executor, caseId: string) {
  return executor
    .select(visitColumns)
    .from(intakeVisits)
    .innerJoin(casePeople, eq(casePeople.id, intakeVisits.personId))
    .leftJoin(users, eq(users.id, intakeVisits.staffUserId))
    .where(eq(intakeVisits.caseId, caseId))
    .orderBy(asc(intakeVisits.scheduledAt), asc(intakeVisits.createdAt));
}

export async function findVisit(executor: Executor, caseId: string, visitId: string) {
  const [row] = await executor
    .select(visitColumns)
    .from(intakeVisits)
    .innerJoin(casePeople, eq(casePeople.id, intakeVisits.personId))
    .leftJoin(users, eq(users.id, intakeVisits.staffUserId))
    .where(and(eq(intakeVisits.id, visitId), eq(intakeVisits.caseId, caseId)));
  return row;
}

/** Locks one visit of the case for a change, so that it is completed or cancelled once. */
export async function lockVisit(executor: Executor, caseId: string, visitId: string) {
  const [row] = await executor
    .select({
      id: intakeVisits.id,
      kind: intakeVisits.kind,
      personId: intakeVisits.personId,
      scheduledAt: intakeVisits.scheduledAt,
      status: intakeVisits.status,
    })
    .from(intakeVisits)
    .where(and(eq(intakeVisits.id, visitId), eq(intakeVisits.caseId, caseId)))
    .for('update');
  return row;
}

/** A visit of this kind still waiting to happen (for this person, when one is named), if any. */
export async function scheduledVisitOf(
  executor: Executor,
  caseId: string,
  kind: 'adult' | 'children_introduction',
  personId?: string,
) {
  const [row] = await executor
    .select({ id: intakeVisits.id, scheduledAt: intakeVisits.scheduledAt })
    .from(intakeVisits)
    .where(
      and(
        eq(intakeVisits.caseId, caseId),
        eq(intakeVisits.kind, kind),
        eq(intakeVisits.status, 'scheduled'),
        personId ? eq(intakeVisits.personId, personId) : undefined,
      ),
    )
    .orderBy(asc(intakeVisits.scheduledAt))
    .limit(1);
  return row;
}

export async function updateVisit(
  executor: Executor,
  visitId: string,
  values: Partial<
    Pick<
      typeof intakeVisits.$inferInsert,
      'status' | 'attendedPersonIds' | 'outcome' | 'notes' | 'completedAt'
    >
  >,
): Promise<void> {
  await executor.update(intakeVisits).set(values).where(eq(intakeVisits.id, visitId));
}

/** Which visits of a case are done: enough to say whom intake has seen. */
export async function doneVisits(executor: Executor, caseId: string) {
  return executor
    .select({ kind: intakeVisits.kind, personId: intakeVisits.personId })
    .from(intakeVisits)
    .where(and(eq(intakeVisits.caseId, caseId), eq(intakeVisits.status, 'done')));
}
