/** A centre's time zone: the clock its sessions, days and deadlines are read on. */
import { eq } from 'drizzle-orm';
import { centres } from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import { NotFound } from '../platform/errors.js';

export async function centreTimeZone(executor: Executor, centreId: string): Promise<string> {
  const [row] = await executor
    .select({ timeZone: centres.timeZone })
    .from(centres)
    .where(eq(centres.id, centreId));
  if (!row) throw new NotFound('centre');
  return row.timeZone;
}
