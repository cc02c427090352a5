/**
 * Every staff member's criminal-record check and training made current for the tests' dates: checked
 * 100 days ago, due again in three years (the shifted dates of `dates.ts` lie up to two years ahead).
 * Overwrites what the demo holds, which expires sooner.
 */
import { staffChecks, users } from '../db/schema.js';
import type { Db } from '../platform/database.js';
import { plusDays } from './dates.js';

export async function makeStaffChecksCurrent(db: Db): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const current = {
    dbsNumber: '001234567890',
    dbsCheckedOn: plusDays(today, -100),
    dbsRecheckBy: plusDays(today, 3 * 365),
    trainingCompletedOn: plusDays(today, -100),
    trainingExpiresOn: plusDays(today, 3 * 365),
  };
  const staff = await db.select({ id: users.id }).from(users);
  await db
    .insert(staffChecks)
    .values(staff.map((u) => ({ userId: u.id, ...current })))
    .onConflictDoUpdate({ target: staffChecks.userId, set: current });
}
