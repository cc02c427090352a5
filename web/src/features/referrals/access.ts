import { canAtCentre } from '../../session/access.js';
import type { SignedInSession } from '../../session/SignedInSession.js';

/** Referrals are read in the current centre by people who may open its case files. */
export function canReadReferrals(session: SignedInSession, centreId: string | undefined): boolean {
  return centreId !== undefined && canAtCentre(session, centreId, 'case:read');
}

export function canDecideReferrals(session: SignedInSession, centreId: string): boolean {
  return canAtCentre(session, centreId, 'case:write');
}
