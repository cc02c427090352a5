import type { TFunction } from 'i18next';
import {
  CENTRE_ROLES,
  ROLES_A_COORDINATOR_MAY_GRANT,
  STAFF_ROLES,
  type StaffRole,
} from '../../../../shared/access.js';
import { useCentres } from '../../api/admin.js';
import { canAtCentre, isOrganisationAdmin } from '../../session/access.js';
import { useSignedInSession } from '../../session/SignedInSession.js';

/** The id of a person's Actions button, where focus returns after a dialog about them. */
export function actionsButtonId(userId: string): string {
  return `user-actions-${userId}`;
}

export interface Option {
  value: string;
  label: string;
}

export function isCentreRole(role: string | null): boolean {
  return CENTRE_ROLES.some((item) => item === role);
}

/** "Coordinator at Riverside", or "Organisation admin" for the organisation-wide role. */
export function roleAt(t: TFunction, role: StaffRole, centreName: string | null): string {
  const name = t(`roles.${role}`);
  return centreName ? t('users.roleAtCentre', { role: name, centre: centreName }) : name;
}

/** Roles this person may hand out: an organisation admin any staff role, a coordinator the centre roles. */
export function useGrantableRoles(t: TFunction): Option[] {
  const session = useSignedInSession();
  const roles = isOrganisationAdmin(session) ? STAFF_ROLES : ROLES_A_COORDINATOR_MAY_GRANT;
  return roles.map((role) => ({ value: role, label: t(`roles.${role}`) }));
}

/** Centres where this person may manage staff: every centre for an organisation admin. */
export function useManageableCentres(): Option[] {
  const session = useSignedInSession();
  const organisationAdmin = isOrganisationAdmin(session);
  const allCentres = useCentres({ enabled: organisationAdmin });
  if (organisationAdmin && allCentres.data) {
    return allCentres.data.items.map((centre) => ({ value: centre.id, label: centre.name }));
  }
  return session.centres
    .filter((centre) => canAtCentre(session, centre.id, 'user:manage'))
    .map((centre) => ({ value: centre.id, label: centre.name }));
}
