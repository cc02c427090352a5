/**
 * Contact plans in the database: only their rows. The case, its people and court order come from the
 * cases service, the centre's clock and settings from the organisation and rules services, the assessment
 * from the risk service, and who agreed each version from the accounts directory.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import { contactPlans } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

const planColumns = {
  id: contactPlans.id,
  caseId: contactPlans.caseId,
  centreId: contactPlans.centreId,
  version: contactPlans.version,
  serviceType: contactPlans.serviceType,
  recurrence: contactPlans.recurrence,
  lengthMinutes: contactPlans.lengthMinutes,
  startsOn: contactPlans.startsOn,
  endsOn: contactPlans.endsOn,
  attendeePersonIds: contactPlans.attendeePersonIds,
  timings: contactPlans.timings,
  handover: contactPlans.handover,
  firstReviewAfterSessions: contactPlans.firstReviewAfterSessions,
  specialConditions: contactPlans.specialConditions,
  agreedAt: contactPlans.agreedAt,
  agreedByUserId: contactPlans.agreedByUserId,
  supersededAt: contactPlans.supersededAt,
};

export type PlanRow = NonNullable<Awaited<ReturnType<typeof currentPlanRow>>>;

/** Every version of a case's plan, newest first. */
export async function plansOfCase(executor: Executor, caseId: string) {
  return executor
    .select(planColumns)
    .from(contactPlans)
    .where(eq(contactPlans.caseId, caseId))
    .orderBy(desc(contactPlans.version));
}

export async function planById(executor: Executor, planId: string) {
  const [row] = await executor.select(planColumns).from(contactPlans).where(eq(contactPlans.id, planId));
  return row;
}

/** The plan in force: the newest version, not superseded. */
export async function currentPlanRow(executor: Executor, caseId: string) {
  const [row] = await executor
    .select(planColumns)
    .from(contactPlans)
    .where(and(eq(contactPlans.caseId, caseId), isNull(contactPlans.supersededAt)))
    .orderBy(desc(contactPlans.version))
    .limit(1);
  return row ?? null;
}

/** The newest version number of a case's plan, superseded or not; 0 when it has none. */
export async function latestPlanVersion(executor: Executor, caseId: string): Promise<number> {
  const [row] = await executor
    .select({ version: contactPlans.version })
    .from(contactPlans)
    .where(eq(contactPlans.caseId, caseId))
    .orderBy(desc(contactPlans.version))
    .limit(1);
  return row?.version ?? 0;
}

export async function supersedeCurrentPlan(executor: Executor, caseId: string, at: Date): Promise<void> {
  await executor
    .update(contactPlans)
    .set({ supersededAt: at })
    .where(and(eq(contactPlans.caseId, caseId), isNull(contactPlans.supersededAt)));
}

export async function insertPlan(executor: Executor, values: typeof contactPlans.$inferInsert) {
  const [row] = await executor.insert(contactPlans).values(values).returning({ id: contactPlans.id });
  return row!.id;
}
