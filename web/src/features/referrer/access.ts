import type { SignedInSession } from '../../session/SignedInSession.js';

/** Signed in with a referrer account: the outside role that sees only its own referrals. */
export function isReferrer(session: Pick<SignedInSession, 'organisationRoles'>): boolean {
  return session.organisationRoles.includes('referrer');
}
