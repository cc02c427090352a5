/**
 * The contact plan (the agreement) of a case: agreed by the coordinator in versions, each superseding the
 * last, which stays readable. Its rules: attendees are people of the case (and among those the risk
 * assessment says may attend, when it names them), the service fits the assessment's decision, a final
 * court order bounds the plan's end, adults who must not meet arrive and leave at staggered times, and
 * recordings are never allowed. Its sessions come from the pure recurrence module, on the centre's clock.
 */
import type { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import type {
  AttendanceTiming,
  occurrencesQuery,
  PlanInput,
  PlanView,
  Recurrence,
  SpecialConditions,
} from '../../shared/api/plans.js';
import type { SERVICES } from '../../shared/api/referrals.js';
import { can, type Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange, currentCourtOrder, peopleInCase } from '../cases/service.js';
import { centreContact } from '../organisation/service.js';
import { readAll, databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { AppError, Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { currentRiskAssessment } from '../risk/service.js';
import { centreSettingsOf } from '../rules/service.js';
import {
  attendeeProblems,
  courtOrderRefusal,
  mayAttendRefusal,
  recordingsRefusal,
  separationOf,
  serviceRefusal,
  staggerClashes,
  timingProblems,
  timingsOfAdults,
  type PlanRefusal,
} from './agreement-rules.js';
import { nthSessionDate, occurrences } from './recurrence.js';
import {
  currentPlanRow,
  insertPlan,
  latestPlanVersion,
  planById,
  plansOfCase,
  supersedeCurrentPlan,
  type PlanRow,
} from './repository.js';
import { expectedFirstReviewOn } from './reviews.js';

/** A contact plan as other modules use it (the readiness to book, the timetable). */
export interface ContactPlan {
  id: string;
  caseId: string;
  centreId: string;
  version: number;
  serviceType: (typeof SERVICES)[number];
  recurrence: Recurrence;
  lengthMinutes: number;
  startsOn: string;
  endsOn: string | null;
  attendeePersonIds: string[];
  /** Every attending adult's arrival and departure offsets. */
  timings: Record<string, AttendanceTiming>;
  handoverArrangements: string | null;
  firstReviewAfterSessions: number;
  specialConditions: SpecialConditions & { noRecordings: true };
  agreedAt: Date;
  agreedByUserId: string | null;
}

export const SAVED_AT_THE_SAME_MOMENT = 'Someone else saved a plan at the same moment. Reload and try again.';
const SAVED_SINCE =
  'Someone else has saved a newer version of this plan since you opened it. Reload and try again.';

function planOf(row: PlanRow): ContactPlan {
  // The JSON columns are written only from a validated plan body (planBody); older rows may lack the
  // conditions added later, which take their defaults.
  const conditions = row.specialConditions as Partial<SpecialConditions>;
  return {
    id: row.id,
    caseId: row.caseId,
    centreId: row.centreId,
    version: row.version,
    serviceType: row.serviceType as ContactPlan['serviceType'],
    recurrence: row.recurrence as Recurrence,
    lengthMinutes: row.lengthMinutes,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    attendeePersonIds: row.attendeePersonIds,
    timings: row.timings,
    handoverArrangements: row.handover,
    firstReviewAfterSessions: row.firstReviewAfterSessions,
    specialConditions: {
      interpreter: conditions.interpreter ?? null,
      accessNeeds: conditions.accessNeeds ?? null,
      giftsAllowed: conditions.giftsAllowed ?? false,
      foodAllowed: conditions.foodAllowed ?? false,
      photographsAllowed: conditions.photographsAllowed ?? false,
      phonesAllowed: conditions.phonesAllowed ?? false,
      noRecordings: true,
    },
    agreedAt: row.agreedAt,
    agreedByUserId: row.agreedByUserId,
  };
}

function viewOf(row: PlanRow, agreedBy: string | null): PlanView {
  const plan = planOf(row);
  return {
    id: plan.id,
    caseId: plan.caseId,
    version: plan.version,
    current: row.supersededAt === null,
    serviceType: plan.serviceType,
    recurrence: plan.recurrence,
    lengthMinutes: plan.lengthMinutes,
    startsOn: plan.startsOn,
    endsOn: plan.endsOn,
    attendeePersonIds: plan.attendeePersonIds,
    timings: plan.timings,
    handoverArrangements: plan.handoverArrangements,
    firstReviewAfterSessions: plan.firstReviewAfterSessions,
    expectedFirstReviewOn: expectedFirstReviewOn(plan, plan.firstReviewAfterSessions),
    specialConditions: plan.specialConditions,
    agreedAt: plan.agreedAt.toISOString(),
    agreedBy,
    supersededAt: row.supersededAt?.toISOString() ?? null,
  };
}

/** The plan in force for a case, or null. Not audited: the caller's own read of the case is. */
export async function currentPlan(db: Executor, caseId: string): Promise<ContactPlan | null> {
  const row = await currentPlanRow(db, caseId);
  return row ? planOf(row) : null;
}

/** Plans as the screens show them, with who agreed each version. */
async function viewsOf(db: Executor, rows: PlanRow[]): Promise<PlanView[]> {
  const staff = await displayNamesOf(
    db,
    rows.map((row) => row.agreedByUserId),
  );
  return rows.map((row) => viewOf(row, row.agreedByUserId ? (staff.get(row.agreedByUserId) ?? null) : null));
}

/** The centre's clock and the settings plans use. */
async function centreRules(db: Executor, centreId: string) {
  const [centre, settings] = await readAll(db, [
    () => centreContact(db, centreId),
    () => centreSettingsOf(db, centreId),
  ]);
  if (!centre) throw new NotFound('case');
  return {
    timeZone: centre.timeZone,
    reviewAfterSessions: settings.reviewAfterSessions,
    separationBufferMinutes: settings.separationBufferMinutes,
  };
}

/** Every version of the case's plan, newest first, the one in force flagged. */
export async function listPlans(db: Db, actor: Actor, centreId: string, caseId: string) {
  await caseOfCentre(db, centreId, caseId);
  const rows = await plansOfCase(db, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'plan.listed',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: await viewsOf(db, rows) };
}

const refused = (refusal: PlanRefusal, details = [{ field: refusal.field, message: refusal.message }]) =>
  new AppError(422, refusal.code, refusal.message, details);

/**
 * Agrees a new version of the case's plan, superseding the one in force, in one transaction. Two saves at
 * once both aim at the same next version: the database's unique (case, version) lets one through and the
 * other is answered 409.
 */
export async function agreePlan(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: PlanInput,
): Promise<PlanView> {
  if (!can(actor, PERMISSIONS.CASE_WRITE, centreId)) throw new NotAllowed();
  let planId: string;
  try {
    planId = await db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, caseId);
      const people = await peopleInCase(tx, caseId);
      const problems = [
        ...attendeeProblems(input.attendeePersonIds, people),
        ...timingProblems(input.timings, people),
      ];
      if (!nthSessionDate(input, 1)) {
        problems.push({
          field: 'recurrence.weekday',
          message: 'No session falls between the start and end dates: choose another day or a later end date',
        });
      }
      if (problems.length > 0) throw new InvalidInput(problems);

      const recordings = recordingsRefusal(input.specialConditions.noRecordings);
      if (recordings) throw refused(recordings);
      const order = courtOrderRefusal(await currentCourtOrder(tx, caseId), input);
      if (order) throw refused(order);
      // The assessment in force decides which service fits and, when it names them, who may attend.
      const assessment = await currentRiskAssessment(tx, caseId);
      const service = serviceRefusal(input.serviceType, assessment?.decision ?? null);
      if (service) throw refused(service);
      const attendance = mayAttendRefusal(
        input.attendeePersonIds,
        assessment?.conditions.mayAttend ?? [],
        people,
      );
      if (attendance) throw refused(attendance);

      const centre = await centreRules(tx, centreId);
      const timings = timingsOfAdults(input.attendeePersonIds, people, input.timings);
      const separation = separationOf(assessment?.conditions);
      // The centre's buffer is a floor: an assessment may ask for more, never for less.
      const gap = Math.max(separation.staggerMinutes ?? 0, centre.separationBufferMinutes);
      const clashes = staggerClashes(timings, input.lengthMinutes, separation.pairs, gap);
      if (clashes.length > 0) {
        const name = (personId: string) => people.find((p) => p.id === personId)?.firstName ?? 'someone';
        const sentence = ([a, b]: [string, string]) =>
          `${name(a)} and ${name(b)} must not meet: their arrivals and departures must be at least ${gap} minutes apart.`;
        throw refused(
          {
            code: 'not_staggered',
            message: clashes.map(sentence).join(' '),
            field: `timings.${clashes[0]![1]}`,
          },
          clashes.map((pair) => ({ field: `timings.${pair[1]}`, message: sentence(pair) })),
        );
      }

      const latest = await latestPlanVersion(tx, caseId);
      if (latest !== (input.replacesVersion ?? 0)) throw new Conflict(SAVED_SINCE, 'plan_conflict');
      const now = new Date();
      await supersedeCurrentPlan(tx, caseId, now);
      const version = latest + 1;
      const id = await insertPlan(tx, {
        caseId,
        centreId,
        version,
        serviceType: input.serviceType,
        recurrence: input.recurrence,
        lengthMinutes: input.lengthMinutes,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        attendeePersonIds: input.attendeePersonIds,
        timings,
        handover: input.handoverArrangements,
        firstReviewAfterSessions: input.firstReviewAfterSessions ?? centre.reviewAfterSessions,
        specialConditions: { ...input.specialConditions, noRecordings: true },
        agreedAt: now,
        agreedByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'plan.agreed',
        outcome: 'success',
        resourceType: 'contact_plan',
        resourceId: id,
        centreId,
        detail: { caseId, version, serviceType: input.serviceType },
      });
      return id;
    });
  } catch (error) {
    const { code, constraint } = databaseErrorOf(error);
    const answer =
      code === '23505' && constraint === 'contact_plans_version'
        ? new Conflict(SAVED_AT_THE_SAME_MOMENT, 'plan_conflict')
        : error;
    if (answer instanceof AppError && answer.statusCode >= 409) {
      await recordAudit(db, actor.meta, whoOf(actor), {
        action: 'plan.agreed',
        outcome: 'refused',
        resourceType: 'case',
        resourceId: caseId,
        centreId,
        detail: { reason: answer.code },
      });
    }
    throw answer;
  }
  return (await viewsOf(db, [(await planById(db, planId))!]))[0]!;
}

/** The sessions the plan in force produces between two dates, on the centre's clock and in UTC. */
export async function planOccurrences(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  window: z.output<typeof occurrencesQuery>,
) {
  await caseOfCentre(db, centreId, caseId);
  const plan = await currentPlan(db, caseId);
  if (!plan) throw new NotFound('plan', 'This case has no agreed contact plan yet.');
  const centre = await centreRules(db, centreId);
  const items = occurrences(plan, centre.timeZone, window.from, window.to);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'plan.occurrences_read',
    outcome: 'success',
    resourceType: 'contact_plan',
    resourceId: plan.id,
    centreId,
    detail: { caseId, from: window.from, to: window.to, count: items.length },
  });
  return {
    planId: plan.id,
    version: plan.version,
    timeZone: centre.timeZone,
    from: window.from,
    to: window.to,
    items,
  };
}
