/** Staff accounts as administrators see them: list, roles, disable and enable, reset two-factor. */
import { PERMISSIONS, STAFF_ROLES, type Role, type StaffRole } from '../../shared/access.js';
import type { RoleAssignment } from '../../shared/api/admin.js';
import { can, canOrganisationWide, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import type { Db, Executor } from '../platform/database.js';
import { NotAllowed, NotFound, RuleRefused } from '../platform/errors.js';
import {
  findUserById,
  insertUser,
  listOrganisationUsers,
  replaceRoles,
  revokeUserSessions,
  roleAssignmentsOf,
  updateUser,
} from './repository.js';
import { checkStatusesFor } from '../staff/service.js';
import { mayManageRole, maySeeUser } from './scope.js';

const isStaffRole = (role: string): role is StaffRole => (STAFF_ROLES as readonly string[]).includes(role);

type Assignment = { centreId: string | null; centreName: string | null; role: string };

function viewOf(
  actor: Actor,
  user: NonNullable<Awaited<ReturnType<typeof findUserById>>>,
  roles: Assignment[],
) {
  const wide = canOrganisationWide(actor, PERMISSIONS.USER_READ);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    twoFactorEnabled: user.totpEnabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    // A coordinator sees the roles in their own centres, not where else the person works.
    roles: roles
      .filter((r) => isStaffRole(r.role))
      .filter((r) => wide || (r.centreId !== null && can(actor, PERMISSIONS.USER_READ, r.centreId)))
      .map((r) => ({ centreId: r.centreId, centreName: r.centreName, role: r.role as StaffRole })),
  };
}

export async function listStaff(db: Db, actor: Actor) {
  const users = await listOrganisationUsers(db, actor.organisationId);
  const roles = await roleAssignmentsOf(
    db,
    users.map((u) => u.id),
  );
  // Referrer and parent accounts are not staff: they are managed with their cases, not here.
  const visible = users
    .map((user) => ({ user, roles: roles.filter((r) => r.userId === user.id && isStaffRole(r.role)) }))
    .filter(({ roles }) => roles.length > 0 && maySeeUser(actor, roles));
  const checks = await checkStatusesFor(
    db,
    visible.map(({ user, roles }) => ({
      userId: user.id,
      centreIds: roles.flatMap((r) => (r.centreId === null ? [] : [r.centreId])),
    })),
  );
  return visible.map(({ user, roles }) => ({
    ...viewOf(actor, user, roles),
    checks: checks.get(user.id) ?? null,
  }));
}

/** Loads a person the actor may see; anyone else answers 404. */
async function visibleUser(executor: Executor, actor: Actor, userId: string) {
  const user = await findUserById(executor, userId);
  if (!user || user.organisationId !== actor.organisationId) throw new NotFound('person');
  const roles = await roleAssignmentsOf(executor, [userId]);
  if (!maySeeUser(actor, roles)) throw new NotFound('person');
  return { user, roles };
}

/** Whether the actor manages every role the person holds: needed to disable the whole account. */
function managesWholeAccount(actor: Actor, roles: { centreId: string | null; role: string }[]): boolean {
  return roles.every((r) => mayManageRole(actor, { centreId: r.centreId, role: r.role as Role }));
}

async function assertAnotherAdminRemains(
  executor: Executor,
  actor: Actor,
  losingUserId: string,
): Promise<void> {
  const users = await listOrganisationUsers(executor, actor.organisationId);
  const active = users.filter((u) => u.status === 'active' && u.id !== losingUserId).map((u) => u.id);
  const roles = await roleAssignmentsOf(executor, active);
  if (!roles.some((r) => r.role === 'organisation_admin')) {
    throw new RuleRefused(
      'The organisation must keep at least one active organisation administrator.',
      'last_admin',
    );
  }
}

/**
 * Replaces the roles the actor manages; roles in centres they do not manage are kept as they are.
 */
export async function setStaffRoles(db: Db, actor: Actor, userId: string, requested: RoleAssignment[]) {
  return db.transaction(async (tx) => {
    const { user, roles } = await visibleUser(tx, actor, userId);
    for (const assignment of requested) {
      if (assignment.centreId !== null && !can(actor, PERMISSIONS.CENTRE_READ, assignment.centreId)) {
        throw new NotFound('centre');
      }
      if ((assignment.role === 'organisation_admin') !== (assignment.centreId === null)) {
        throw new RuleRefused(
          'An organisation administrator has no centre; every other role needs one.',
          'role_scope',
        );
      }
      if (!mayManageRole(actor, assignment))
        throw new NotAllowed('You can only give roles for centres you manage.');
    }
    const kept = roles.filter((r) => !mayManageRole(actor, { centreId: r.centreId, role: r.role as Role }));
    const unique = new Map<string, { centreId: string | null; role: Role }>();
    for (const r of [...kept.map((k) => ({ centreId: k.centreId, role: k.role as Role })), ...requested]) {
      unique.set(`${r.centreId}:${r.role}`, r);
    }
    const next = [...unique.values()];
    const wasAdmin = roles.some((r) => r.role === 'organisation_admin');
    if (wasAdmin && !next.some((r) => r.role === 'organisation_admin')) {
      await assertAnotherAdminRemains(tx, actor, userId);
    }
    await replaceRoles(tx, userId, next);
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'user.roles_changed',
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
      detail: {
        before: roles.map((r) => `${r.role}@${r.centreId ?? 'organisation'}`).sort(),
        after: next.map((r) => `${r.role}@${r.centreId ?? 'organisation'}`).sort(),
      },
    });
    return viewOf(actor, user, await roleAssignmentsOf(tx, [userId]));
  });
}

export async function setStaffStatus(db: Db, actor: Actor, userId: string, status: 'active' | 'disabled') {
  return db.transaction(async (tx) => {
    const { user, roles } = await visibleUser(tx, actor, userId);
    if (!managesWholeAccount(actor, roles)) {
      throw new NotAllowed(
        'This person also works where you do not manage: ask an organisation administrator.',
      );
    }
    if (status === 'disabled') {
      if (userId === actor.userId) throw new RuleRefused('You cannot disable your own account.', 'self');
      if (roles.some((r) => r.role === 'organisation_admin'))
        await assertAnotherAdminRemains(tx, actor, userId);
      await revokeUserSessions(tx, userId);
    }
    await updateUser(tx, userId, { status });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: status === 'disabled' ? 'user.disabled' : 'user.enabled',
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
    });
    return viewOf(actor, { ...user, status }, roles);
  });
}

/** For a lost phone: the person sets up two-factor again at their next sign-in. */
export async function resetStaffTwoFactor(db: Db, actor: Actor, userId: string) {
  return db.transaction(async (tx) => {
    const { user, roles } = await visibleUser(tx, actor, userId);
    if (!managesWholeAccount(actor, roles)) {
      throw new NotAllowed(
        'This person also works where you do not manage: ask an organisation administrator.',
      );
    }
    await updateUser(tx, userId, { totpSecret: null, totpEnabledAt: null, totpLastStep: null });
    await revokeUserSessions(tx, userId);
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'user.two_factor_reset',
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
    });
    return viewOf(actor, { ...user, totpEnabledAt: null }, roles);
  });
}

/**
 * Creates an account directly (first-run setup, the demo, a referrer registering); staff normally arrive
 * by invitation. The address counts as proven unless `emailVerifiedAt` says otherwise (null: not yet).
 */
export async function createAccount(
  tx: Executor,
  account: {
    organisationId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    roles: { centreId: string | null; role: Role }[];
    emailVerifiedAt?: Date | null;
  },
): Promise<string> {
  const emailVerifiedAt = account.emailVerifiedAt === undefined ? new Date() : account.emailVerifiedAt;
  const id = await insertUser(tx, { ...account, emailVerifiedAt });
  await replaceRoles(tx, id, account.roles);
  return id;
}
