import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useSignedInSession } from '../../session/SignedInSession.js';
import { isReferrer } from './access.js';
import { MY_REFERRALS_PATH } from './paths.js';

/** The staff home is not for referrers: signing in, or following the app's name, takes them to their referrals. */
export function ReferrerLanding({ children }: { children: ReactNode }) {
  const session = useSignedInSession();
  return isReferrer(session) ? <Navigate to={MY_REFERRALS_PATH} replace /> : children;
}
