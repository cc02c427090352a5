import { ORGANISATION_ROLES, roleGrants, type Permission, type Role } from '../../shared/access.js';

/** Where a request came from: carried into every audit event. */
export interface RequestMeta {
  requestId: string;
  clientAddress: string | null;
}

/** The signed-in person a service acts for: passed first to every service call. */
export interface Actor {
  meta: RequestMeta;
  userId: string;
  organisationId: string;
  displayName: string;
  /** Roles for the whole organisation (organisation admin). */
  organisationRoles: Role[];
  /** Roles per centre id. */
  centreRoles: ReadonlyMap<string, Role[]>;
  /** Every centre of the organisation (an organisation-wide role acts for all of them). */
  organisationCentreIds: readonly string[];
}

const isOrganisationRole = (role: Role) => (ORGANISATION_ROLES as readonly Role[]).includes(role);

/**
 * The organisation's centres as a set, made once per list: a national organisation has hundreds of
 * centres, and looking each one up in the list made a question about every centre quadratic.
 */
const centreSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function inOrganisation(actor: Actor, centreId: string): boolean {
  let set = centreSets.get(actor.organisationCentreIds);
  if (!set) {
    set = new Set(actor.organisationCentreIds);
    centreSets.set(actor.organisationCentreIds, set);
  }
  return set.has(centreId);
}

const grantsAt = (actor: Actor, permission: Permission, centreId: string) =>
  (actor.centreRoles.get(centreId) ?? []).some((role) => roleGrants(role, permission));

/** Whether the actor holds `permission` for `centreId`: through a role there, or organisation-wide. */
export function can(actor: Actor, permission: Permission, centreId: string): boolean {
  if (!inOrganisation(actor, centreId)) return false;
  return canOrganisationWide(actor, permission) || grantsAt(actor, permission, centreId);
}

/** Whether the actor holds `permission` organisation-wide (not just for some centres). */
export function canOrganisationWide(actor: Actor, permission: Permission): boolean {
  return actor.organisationRoles.some((role) => isOrganisationRole(role) && roleGrants(role, permission));
}

/**
 * Whether the actor holds `permission` for at least one centre, or organisation-wide, or as someone
 * outside the staff (a referrer's own referrals: such a role grants nothing at any centre).
 */
export function canAnywhere(actor: Actor, permission: Permission): boolean {
  return (
    canOrganisationWide(actor, permission) ||
    centresWhere(actor, permission).length > 0 ||
    holdsAsExternal(actor, permission)
  );
}

/** Whether a role held outside the staff (referrer, parent) grants `permission`: about their own records only. */
export function holdsAsExternal(actor: Actor, permission: Permission): boolean {
  return actor.organisationRoles.some((role) => !isOrganisationRole(role) && roleGrants(role, permission));
}

/** The centres for which the actor holds `permission`: what every list query is scoped to. */
export function centresWhere(actor: Actor, permission: Permission): string[] {
  if (canOrganisationWide(actor, permission)) return [...actor.organisationCentreIds];
  return actor.organisationCentreIds.filter((centreId) => grantsAt(actor, permission, centreId));
}

/** The permissions the actor holds for one centre, for the web app to show what it may do. */
export function permissionsAt(actor: Actor, centreId: string, all: readonly Permission[]): Permission[] {
  if (!inOrganisation(actor, centreId)) return [];
  return all.filter(
    (permission) => canOrganisationWide(actor, permission) || grantsAt(actor, permission, centreId),
  );
}
