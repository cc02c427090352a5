import { createContext, useContext, type ReactNode } from 'react';
import type { SessionView } from '../../../shared/api/auth.js';

export type SignedInSession = SessionView & { user: NonNullable<SessionView['user']> };

const SignedInSessionContext = createContext<SignedInSession | null>(null);

export function SignedInSessionProvider({
  session,
  children,
}: {
  session: SignedInSession;
  children: ReactNode;
}) {
  return <SignedInSessionContext.Provider value={session}>{children}</SignedInSessionContext.Provider>;
}

/** The session of the person using a staff page. Only pages behind the sign-in guard may call it. */
export function useSignedInSession(): SignedInSession {
  const session = useContext(SignedInSessionContext);
  if (!session) throw new Error('useSignedInSession is for pages behind the sign-in guard');
  return session;
}
