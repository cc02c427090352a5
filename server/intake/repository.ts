/**
 * Intake visits in the database: only the visit rows. The case, its people and their email addresses,
 * the centre and its staff come from their own modules' services.
 */
import { and, asc, eq } from 'drizzle-orm';
import { intakeVisits } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export async function insertVisit(executor: Executor, values: typeof intakeVisits.$inferInsert) {
  const [row] = await executor.insert(intakeVisits).values(values).returning({ id: intakeVisits.id });
  return row!.id;
}

const visitColumns = {
  id: intakeVisits.id,
  caseId: intakeVisits.caseId,
  kind: intakeVisits.kind,
  personId: intakeVisits.personId,
  scheduledAt: intakeVisits.scheduledAt,
  place: intakeVisits.place,
  staffUserId: intakeVisits.staffUserId,
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
    .where(eq(intakeVisits.caseId, caseId))
    .orderBy(asc(intakeVisits.scheduledAt), asc(intakeVisits.createdAt));
}

export async function findVisit(executor: Executor, caseId: string, visitId: string) {
  const [row] = await executor
    .select(visitColumns)
    .from(intakeVisits)
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

/** The visits of a case still waiting to happen, locked: closing the case cancels them. */
export async function lockScheduledVisits(executor: Executor, caseId: string) {
  return executor
    .select({
      id: intakeVisits.id,
      kind: intakeVisits.kind,
      personId: intakeVisits.personId,
      scheduledAt: intakeVisits.scheduledAt,
    })
    .from(intakeVisits)
    .where(and(eq(intakeVisits.caseId, caseId), eq(intakeVisits.status, 'scheduled')))
    .for('update');
}

/** Which visits of a case are done: enough to say whom intake has seen. */
export async function doneVisits(executor: Executor, caseId: string) {
  return executor
    .select({ kind: intakeVisits.kind, personId: intakeVisits.personId })
    .from(intakeVisits)
    .where(and(eq(intakeVisits.caseId, caseId), eq(intakeVisits.status, 'done')));
}
