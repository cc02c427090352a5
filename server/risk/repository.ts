import { and, desc, eq, isNull } from 'drizzle-orm';
import { casePeople, cases, riskAssessments, users } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/** A case of this centre; another centre's answers undefined, like a missing one. */
export async function findCaseAtCentre(executor: Executor, centreId: string, caseId: string) {
  const [row] = await executor
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.centreId, centreId)));
  return row;
}

/** The ids of the people of a case, to check that conditions name only them. */
export async function personIdsOfCase(executor: Executor, caseId: string): Promise<string[]> {
  const rows = await executor
    .select({ id: casePeople.id })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId));
  return rows.map((row) => row.id);
}

const columns = {
  id: riskAssessments.id,
  caseId: riskAssessments.caseId,
  version: riskAssessments.version,
  factors: riskAssessments.factors,
  level: riskAssessments.level,
  decision: riskAssessments.decision,
  conditions: riskAssessments.conditions,
  assessedAt: riskAssessments.assessedAt,
  assessedBy: users.displayName,
  supersededAt: riskAssessments.supersededAt,
};
export type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>[number];

/** Every version, newest first. */
export async function listAssessments(executor: Executor, caseId: string) {
  return executor
    .select(columns)
    .from(riskAssessments)
    .leftJoin(users, eq(users.id, riskAssessments.assessedByUserId))
    .where(eq(riskAssessments.caseId, caseId))
    .orderBy(desc(riskAssessments.version));
}

export async function findAssessment(executor: Executor, id: string) {
  const [row] = await executor
    .select(columns)
    .from(riskAssessments)
    .leftJoin(users, eq(users.id, riskAssessments.assessedByUserId))
    .where(eq(riskAssessments.id, id));
  return row;
}

/** The assessment in force: the one not superseded. */
export async function currentAssessment(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({
      id: riskAssessments.id,
      version: riskAssessments.version,
      level: riskAssessments.level,
      decision: riskAssessments.decision,
      conditions: riskAssessments.conditions,
    })
    .from(riskAssessments)
    .where(and(eq(riskAssessments.caseId, caseId), isNull(riskAssessments.supersededAt)))
    .orderBy(desc(riskAssessments.version))
    .limit(1);
  return row;
}

/**
 * Marks an assessment superseded, if it still is in force. False when someone else got there first:
 * on PostgreSQL the second of two concurrent saves waits here for the first, then finds nothing to do.
 */
export async function supersedeAssessment(executor: Executor, id: string, at: Date): Promise<boolean> {
  const rows = await executor
    .update(riskAssessments)
    .set({ supersededAt: at })
    .where(and(eq(riskAssessments.id, id), isNull(riskAssessments.supersededAt)))
    .returning({ id: riskAssessments.id });
  return rows.length === 1;
}

export async function insertAssessment(executor: Executor, values: typeof riskAssessments.$inferInsert) {
  const [row] = await executor.insert(riskAssessments).values(values).returning({ id: riskAssessments.id });
  return row!.id;
}
