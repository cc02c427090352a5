/** Staff members as the staff records see them: who works where, and their checks. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CENTRE_ROLES } from '../../shared/access.js';
import { centres, roleAssignments, staffChecks, users } from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import type { StaffCheckDates } from './check-status.js';

const checkColumns = {
  dbsNumber: staffChecks.dbsNumber,
  dbsCheckedOn: staffChecks.dbsCheckedOn,
  dbsRecheckBy: staffChecks.dbsRecheckBy,
  trainingCompletedOn: staffChecks.trainingCompletedOn,
  trainingExpiresOn: staffChecks.trainingExpiresOn,
};

/** A person with their roles and the time zone of each centre they work at. */
export async function findStaffMember(executor: Executor, userId: string) {
  const [user] = await executor
    .select({
      id: users.id,
      organisationId: users.organisationId,
      displayName: users.displayName,
      status: users.status,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return undefined;
  const roles = await executor
    .select({ centreId: roleAssignments.centreId, role: roleAssignments.role, timeZone: centres.timeZone })
    .from(roleAssignments)
    .leftJoin(centres, eq(centres.id, roleAssignments.centreId))
    .where(eq(roleAssignments.userId, userId))
    .orderBy(asc(roleAssignments.createdAt));
  return { ...user, roles };
}

export async function findChecks(executor: Executor, userId: string) {
  const updater = alias(users, 'updater');
  const [row] = await executor
    .select({ ...checkColumns, updatedAt: staffChecks.updatedAt, updatedBy: updater.displayName })
    .from(staffChecks)
    .leftJoin(updater, eq(updater.id, staffChecks.updatedByUserId))
    .where(eq(staffChecks.userId, userId));
  return row;
}

export async function checksOf(executor: Executor, userIds: string[]) {
  if (userIds.length === 0) return [];
  return executor
    .select({ userId: staffChecks.userId, ...checkColumns })
    .from(staffChecks)
    .where(inArray(staffChecks.userId, userIds));
}

export async function upsertChecks(
  executor: Executor,
  userId: string,
  dates: StaffCheckDates,
  updatedByUserId: string | null,
): Promise<void> {
  const values = { ...dates, updatedAt: new Date(), updatedByUserId };
  await executor
    .insert(staffChecks)
    .values({ userId, ...values })
    .onConflictDoUpdate({ target: staffChecks.userId, set: values });
}

/** Active people holding a role at the centre (coordinator, supervisor, volunteer, safeguarding lead). */
export async function centreStaff(executor: Executor, centreId: string) {
  return executor
    .select({
      userId: users.id,
      displayName: users.displayName,
      role: roleAssignments.role,
      ...checkColumns,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(staffChecks, eq(staffChecks.userId, users.id))
    .where(
      and(
        eq(roleAssignments.centreId, centreId),
        inArray(roleAssignments.role, [...CENTRE_ROLES]),
        eq(users.status, 'active'),
      ),
    )
    .orderBy(asc(users.displayName), asc(users.id));
}

export async function centreTimeZones(executor: Executor, centreIds: string[]) {
  if (centreIds.length === 0) return [];
  return executor
    .select({ id: centres.id, timeZone: centres.timeZone })
    .from(centres)
    .where(inArray(centres.id, centreIds));
}
