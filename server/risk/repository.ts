/**
 * Risk assessments in the database: only their rows. The case and its people come from the cases
 * service, and who assessed from the accounts directory.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { riskAssessments } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

const columns = {
  id: riskAssessments.id,
  caseId: riskAssessments.caseId,
  version: riskAssessments.version,
  factors: riskAssessments.factors,
  level: riskAssessments.level,
  decision: riskAssessments.decision,
  conditions: riskAssessments.conditions,
  assessedAt: riskAssessments.assessedAt,
  assessedByUserId: riskAssessments.assessedByUserId,
  supersededAt: riskAssessments.supersededAt,
};
export type AssessmentRow = Awaited<ReturnType<typeof listAssessments>>[number];

/** Every version, newest first. */
export async function listAssessments(executor: Executor, caseId: string) {
  return executor
    .select(columns)
    .from(riskAssessments)
    .where(eq(riskAssessments.caseId, caseId))
    .orderBy(desc(riskAssessments.version));
}

export async function findAssessment(executor: Executor, id: string) {
  const [row] = await executor.select(columns).from(riskAssessments).where(eq(riskAssessments.id, id));
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
