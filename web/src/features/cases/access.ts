import { canAtCentre } from '../../session/access.js';
import type { SignedInSession } from '../../session/SignedInSession.js';

/** Cases are read in the current centre by people who may open its case files. */
export function canReadCases(session: SignedInSession, centreId: string | undefined): boolean {
  return centreId !== undefined && canAtCentre(session, centreId, 'case:read');
}

export function canWriteCases(session: SignedInSession, centreId: string): boolean {
  return canAtCentre(session, centreId, 'case:write');
}

/**
 * Whether the signed-in person may change this case now: with case:write, and only while it is open (a
 * closed case answers every change with "This case is closed.", so its change buttons are not shown).
 */
export function mayChangeCase(
  session: SignedInSession,
  record: { centreId: string; status: 'open' | 'suspended' | 'closed' } | undefined,
): boolean {
  return record !== undefined && record.status !== 'closed' && canWriteCases(session, record.centreId);
}
