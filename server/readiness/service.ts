/**
 * Readiness to book, for one case: gathers the facts from each module's service and hands them to the
 * pure rule in cases/readiness.ts. The scheduling module asks the same question before any booking.
 */
import type { Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { bookingReadiness, type Readiness } from '../cases/readiness.js';
import { childrenAwaitingConsent } from '../cases/consent.js';
import { caseOfCentre, peopleInCase } from '../cases/service.js';
import { intakeStatus } from '../intake/service.js';
import { centreTimeZone } from '../organisation/time-zone.js';
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
 * The readiness, the current plan it was judged with and the centre's time zone, for a booking to go on
 * with. A caller that has already read the case passes it in. The reads go side by side; the case's
 * people are read once, for the intake, the consent and the rules accepted.
 */
export async function readinessAndPlan(
  db: Db,
  centreId: string,
  caseId: string,
  known?: CaseRow,
): Promise<{ readiness: Readiness; plan: ContactPlan | null; timeZone: string }> {
  const peopleRead = peopleInCase(db, caseId);
  const zoneRead = centreTimeZone(db, centreId);
  const adultsRead = peopleRead.then((people) => people.filter((person) => person.role !== 'child'));
  const [found, adults, intake, withoutConsent, risk, plan, rules, timeZone, sanction, accepted] =
    await Promise.all([
      known ?? caseOfCentre(db, centreId, caseId),
      adultsRead,
      intakeStatus(db, caseId, peopleRead),
      childrenAwaitingConsent(db, caseId, peopleRead),
      currentRiskAssessment(db, caseId),
      currentPlan(db, caseId),
      currentRules(db, centreId),
      zoneRead,
      zoneRead.then((zone) => sanctionToday(db, caseId, zone)),
      adultsRead.then((adults) =>
        acceptedVersions(
          db,
          adults.map((adult) => adult.id),
        ),
      ),
    ]);
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
  return { readiness, plan, timeZone };
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
