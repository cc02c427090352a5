/**
 * What other modules ask of sanctions: the bookings service refuses a session on a day a sanction holds
 * (422 with the sentence), and readiness shows the sanction holding today as a blocker. Kept apart from
 * service.ts, which cancels sessions through the bookings service, so that neither imports the other.
 */
import type { Executor } from '../platform/database.js';
import { RuleRefused } from '../platform/errors.js';
import { localDay } from '../platform/local-time.js';
import { standingSanctions } from './repository.js';
import { bookingRefusal, holdingOn, readinessBlocker } from './rules.js';

/**
 * Refuses a session of the case on `date` while a suspension or revocation holds that day. Called inside
 * the booking's transaction after the case row is locked, so a sanction made at the same moment is seen.
 */
export async function refuseWhileSanctioned(tx: Executor, caseId: string, date: string): Promise<void> {
  const holding = holdingOn(await standingSanctions(tx, caseId), date);
  if (holding) throw new RuleRefused(bookingRefusal(holding), 'sanctioned');
}

/** The sanction holding today on the centre's clock, for the case's readiness; null when none does. */
export async function sanctionToday(executor: Executor, caseId: string, timeZone: string) {
  return readinessBlocker(await standingSanctions(executor, caseId), localDay(new Date(), timeZone));
}
