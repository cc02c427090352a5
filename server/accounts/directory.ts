/**
 * Small lookups of staff for other modules (who holds a visit, who recorded or agreed something), so
 * that they do not read the users and role_assignments tables themselves.
 */
import type { Executor } from '../platform/database.js';
import { displayNamesOfUsers, findUserById, roleAssignmentsOf } from './repository.js';

/** A member of staff and the roles they hold at this centre; undefined if they do not work there. */
export async function staffMemberAtCentre(executor: Executor, centreId: string, userId: string) {
  const user = await findUserById(executor, userId);
  if (!user) return undefined;
  const roles = (await roleAssignmentsOf(executor, [userId]))
    .filter((assignment) => assignment.centreId === centreId)
    .map((assignment) => assignment.role);
  if (roles.length === 0) return undefined;
  return { displayName: user.displayName, status: user.status, roles };
}

/** Display names by user id, for the ids given; nulls are skipped. */
export async function displayNamesOf(
  executor: Executor,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const rows = await displayNamesOfUsers(executor, wanted);
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
