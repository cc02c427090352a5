import { PERMISSIONS, type Role } from '../../shared/access.js';
import { can, canOrganisationWide, type Actor } from '../access/actor.js';

/** Whether the actor may give or take away `role` for `centreId` (null: organisation-wide). */
export function mayManageRole(
  actor: Actor,
  assignment: { centreId: string | null; role: Role | string },
): boolean {
  if (assignment.centreId === null) return canOrganisationWide(actor, PERMISSIONS.USER_MANAGE);
  return can(actor, PERMISSIONS.USER_MANAGE, assignment.centreId);
}

/** Whether the actor may see a person with these roles: one of them must be in a centre they can read. */
export function maySeeUser(actor: Actor, roles: { centreId: string | null }[]): boolean {
  if (canOrganisationWide(actor, PERMISSIONS.USER_READ)) return true;
  return roles.some((r) => r.centreId !== null && can(actor, PERMISSIONS.USER_READ, r.centreId));
}
