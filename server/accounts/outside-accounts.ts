/**
 * Accounts of people outside the staff (referrers today): the lookups and changes other modules need to
 * create and confirm them, so that they do not read or write the users and role_assignments tables.
 */
import type { Role } from '../../shared/access.js';
import type { Executor } from '../platform/database.js';
import {
  deleteUnverifiedUser,
  findUserByEmail,
  findUserById,
  oldestOrganisation,
  roleAssignmentsOf,
  updateUser,
} from './repository.js';
import { verifyPassword } from './secrets.js';
import { createAccount } from './staff.js';

export interface AccountSummary {
  id: string;
  organisationId: string;
  email: string;
  displayName: string;
  status: 'active' | 'disabled';
  /** null while the address is not proven. */
  emailVerifiedAt: Date | null;
  roles: Role[];
}

async function summaryOf(
  executor: Executor,
  user: Awaited<ReturnType<typeof findUserById>>,
): Promise<AccountSummary | undefined> {
  if (!user) return undefined;
  const roles = (await roleAssignmentsOf(executor, [user.id])).map((r) => r.role as Role);
  return {
    id: user.id,
    organisationId: user.organisationId,
    email: user.email,
    displayName: user.displayName,
    status: user.status,
    emailVerifiedAt: user.emailVerifiedAt,
    roles,
  };
}

/** The account for an address (stored lower-cased), whoever holds it: staff or not. */
export async function accountByEmail(executor: Executor, email: string) {
  return summaryOf(executor, await findUserByEmail(executor, email.toLowerCase()));
}

export async function accountById(executor: Executor, id: string) {
  return summaryOf(executor, await findUserById(executor, id));
}

/** Whether `password` is the account's; a missing account costs the same time and answers false. */
export async function passwordMatches(executor: Executor, userId: string, password: string) {
  const user = await findUserById(executor, userId);
  return verifyPassword(user?.passwordHash ?? null, password);
}

/** The organisation a self-registered account joins: the one this server runs (the oldest, if several). */
export async function organisationForSelfRegistration(executor: Executor) {
  return oldestOrganisation(executor);
}

/** A new account with one role outside the staff, its address not yet proven. */
export async function createUnverifiedAccount(
  tx: Executor,
  account: {
    organisationId: string;
    email: string;
    displayName: string;
    passwordHash: string;
    role: Extract<Role, 'referrer' | 'parent'>;
  },
): Promise<string> {
  return createAccount(tx, {
    ...account,
    roles: [{ centreId: null, role: account.role }],
    emailVerifiedAt: null,
  });
}

/**
 * Someone registers again for an address that is not proven yet: their name and password replace the
 * earlier ones, since whoever registered first may not own the address. Never for a proven account.
 */
export async function replaceUnverifiedDetails(
  tx: Executor,
  userId: string,
  details: { displayName: string; passwordHash: string },
): Promise<void> {
  const user = await findUserById(tx, userId);
  if (!user || user.emailVerifiedAt !== null) throw new Error('only an unproven account is replaced');
  await updateUser(tx, userId, details);
}

export async function markEmailVerified(tx: Executor, userId: string, at: Date): Promise<void> {
  await updateUser(tx, userId, { emailVerifiedAt: at });
}

/** Removes an account whose address was never proven (its roles, profile and links go with it). */
export async function deleteUnprovenAccount(tx: Executor, userId: string): Promise<boolean> {
  return deleteUnverifiedUser(tx, userId);
}
