/**
 * What the signed-in person may do, read from their session: permissions held at each centre, plus
 * those of organisation-wide roles (organisation admin), which apply everywhere.
 */
import { ROLE_PERMISSIONS, type Permission } from '../../../shared/access.js';
import type { SessionView } from '../../../shared/api/auth.js';

type Access = Pick<SessionView, 'organisationRoles' | 'centres'>;

export function organisationPermissions(session: Access): Set<Permission> {
  return new Set(session.organisationRoles.flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** Held organisation-wide or at one centre at least: enough to show the area at all. */
export function canAnywhere(session: Access, permission: Permission): boolean {
  return (
    organisationPermissions(session).has(permission) ||
    session.centres.some((centre) => centre.permissions.includes(permission))
  );
}

export function canAtCentre(session: Access, centreId: string, permission: Permission): boolean {
  if (organisationPermissions(session).has(permission)) return true;
  return session.centres.some((centre) => centre.id === centreId && centre.permissions.includes(permission));
}

export function isOrganisationAdmin(session: Access): boolean {
  return session.organisationRoles.includes('organisation_admin');
}
