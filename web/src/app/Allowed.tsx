import type { ReactNode } from 'react';
import type { Permission } from '../../../shared/access.js';
import { NotFoundPage } from '../features/not-found/NotFoundPage.js';
import { canAnywhere } from '../session/access.js';
import { useSignedInSession } from '../session/SignedInSession.js';

/**
 * A page for people holding a permission somewhere. Anyone else gets the not-found page, as the server
 * answers for a record someone may not see: the page's existence tells them nothing.
 */
export function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  const session = useSignedInSession();
  return canAnywhere(session, permission) ? children : <NotFoundPage />;
}
