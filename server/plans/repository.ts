/**
 * Contact plans in the database, and the few facts about the case, its centre and its risk assessment that
 * agreeing a plan needs.
 *
 * Why this reads other modules' tables: the cases and organisation services offer no narrow read of these
 * facts (opening a case audits a full case read and returns a redacted file; no service exposes a centre's
 * time zone or settings), and the risk module was written alongside this one. Each read below selects
 * only the columns a plan's rules use; when those modules grow services for them, these reads move there.
 */
import { and, desc, eq, isNull } from 'drizzle-orm';
import {
  casePeople,
  cases,
  centres,
  centreSettings,
  contactPlans,
  courtOrders,
  users,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/** The column defaults of centre_settings, for a centre that has no row yet. */
const DEFAULT_REVIEW_AFTER_SESSIONS = 6;
const DEFAULT_SEPARATION_BUFFER_MINUTES = 15;

export async function findCaseAt(executor: Executor, centreId: string, caseId: string) {
  const [row] = await executor
    .select({ id: cases.id, status: cases.status })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.centreId, centreId)));
  return row;
}

export async function peopleOfCase(executor: Executor, caseId: string) {
  return executor
    .select({ id: casePeople.id, role: casePeople.role, firstName: casePeople.firstName })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId));
}

/** The court order in force: the newest not superseded. */
export async function currentCourtOrder(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({ kind: courtOrders.kind, endsOn: courtOrders.endsOn })
    .from(courtOrders)
    .where(and(eq(courtOrders.caseId, caseId), isNull(courtOrders.supersededAt)))
    .orderBy(desc(courtOrders.recordedAt))
    .limit(1);
  return row ?? null;
}

/** The centre's time zone and the settings plans use; a centre without a settings row has the defaults. */
export async function centreRules(executor: Executor, centreId: string) {
  const [row] = await executor
    .select({
      timeZone: centres.timeZone,
      reviewAfterSessions: centreSettings.reviewAfterSessions,
      separationBufferMinutes: centreSettings.separationBufferMinutes,
    })
    .from(centres)
    .leftJoin(centreSettings, eq(centreSettings.centreId, centres.id))
    .where(eq(centres.id, centreId));
  if (!row) return undefined;
  return {
    timeZone: row.timeZone,
    reviewAfterSessions: row.reviewAfterSessions ?? DEFAULT_REVIEW_AFTER_SESSIONS,
    separationBufferMinutes: row.separationBufferMinutes ?? DEFAULT_SEPARATION_BUFFER_MINUTES,
  };
}

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

/** Every version of a case's plan, newest first, with who agreed each. */
export async function plansOfCase(executor: Executor, caseId: string) {
  return executor
    .select({ ...planColumns, agreedBy: users.displayName })
    .from(contactPlans)
    .leftJoin(users, eq(users.id, contactPlans.agreedByUserId))
    .where(eq(contactPlans.caseId, caseId))
    .orderBy(desc(contactPlans.version));
}

export async function planById(executor: Executor, planId: string) {
  const [row] = await executor
    .select({ ...planColumns, agreedBy: users.displayName })
    .from(contactPlans)
    .leftJoin(users, eq(users.id, contactPlans.agreedByUserId))
    .where(eq(contactPlans.id, planId));
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
