import { canAtCentre } from '../../session/access.js';
import type { SignedInSession } from '../../session/SignedInSession.js';

/** Cases are read in the current centre by people who may open its case files. */
export function canReadCases(session: SignedInSession, centreId: string | undefined): boolean {
  return centreId !== undefined && canAtCentre(session, centreId, 'case:read');
}

export function canWriteCases(session: SignedInSession, centreId: string): boolean {
  return canAtCentre(session, centreId, 'case:write');
}
