/**
 * Readiness to book, for one case: gathers the facts from each module's service and hands them to the
 * pure rule in cases/readiness.ts. The scheduling module asks the same question before any booking.
 */
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { bookingReadiness, type Readiness } from '../cases/readiness.js';
import { childrenAwaitingConsent } from '../cases/consent.js';
import { adultsOfCase, caseOfCentre } from '../cases/service.js';
import { intakeStatus } from '../intake/service.js';
import type { Db } from '../platform/database.js';
import { currentPlan, type ContactPlan } from '../plans/service.js';
import { currentRiskAssessment } from '../risk/service.js';
import { acceptedVersions, currentRules } from '../rules/service.js';
import { sanctionToday } from '../sanctions/holds.js';

type CaseRow = Awaited<ReturnType<typeof caseOfCentre>>;

export async function readinessOf(db: Db, centreId: string, caseId: string): Promise<Readiness> {
  return (await readinessAndPlan(db, centreId, caseId)).readiness;
}

/**
 * The readiness and the current plan it was judged with, for a booking to go on with. A caller that has
 * already read the case passes it in.
 */
export async function readinessAndPlan(
  db: Db,
  centreId: string,
  caseId: string,
  known?: CaseRow,
): Promise<{ readiness: Readiness; plan: ContactPlan | null }> {
  const found = known ?? (await caseOfCentre(db, centreId, caseId));
  const [adults, intake, withoutConsent, risk, plan, rules, sanction] = await Promise.all([
    adultsOfCase(db, caseId),
    intakeStatus(db, caseId),
    childrenAwaitingConsent(db, caseId),
    currentRiskAssessment(db, caseId),
    currentPlan(db, caseId),
    currentRules(db, centreId),
    sanctionToday(db, centreId, caseId),
  ]);
  const accepted = await acceptedVersions(
    db,
    adults.map((adult) => adult.id),
  );
  const readiness = bookingReadiness({
    caseStatus: found.status,
    // A case exists only once its referral was accepted with every required answer.
    referralComplete: found.referralId !== null,
    adultsNotVisited: intake.adultsToVisit,
    childrenIntroduced: intake.childrenIntroduced,
    childrenWithoutConsent: withoutConsent,
    risk: risk ? { decision: risk.decision } : null,
    plan: plan
      ? { attendingAdults: adults.filter((adult) => plan.attendeePersonIds.includes(adult.id)) }
      : null,
    currentRulesVersion: rules.version,
    acceptedRulesVersion: accepted,
    sanction,
  });
  return { readiness, plan };
}

export async function caseReadiness(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
): Promise<Readiness> {
  const readiness = await readinessOf(db, centreId, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'case.readiness_read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
  });
  return readiness;
}
