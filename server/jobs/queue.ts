/**
 * Background work in the database. Any process may enqueue; the worker claims due jobs with
 * FOR UPDATE SKIP LOCKED, so several processes sharing one PostgreSQL never run a job twice at once,
 * and a claim that expires (its process died mid-job) is picked up again.
 */
import { and, eq, sql } from 'drizzle-orm';
import { jobs } from '../db/schema.js';
import { rowsOf, type Db, type Executor } from '../platform/database.js';

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

export async function enqueueJob(
  executor: Executor,
  kind: string,
  payload: Record<string, unknown>,
  runAt: Date = new Date(),
): Promise<void> {
  await executor.insert(jobs).values({ kind, payload, runAt });
}

/**
 * Schedules the next run of a recurring job unless one is already waiting; the unique index makes this
 * safe when several processes do it at once.
 */
export async function scheduleRecurringJob(executor: Executor, kind: string, runAt: Date): Promise<void> {
  await executor.insert(jobs).values({ kind, payload: {}, runAt, singleton: true }).onConflictDoNothing();
}

/** Claims up to `limit` due jobs for `leaseSeconds`; each claim counts as an attempt. */
export async function claimDueJobs(
  db: Db,
  kinds: string[],
  limit: number,
  leaseSeconds: number,
): Promise<ClaimedJob[]> {
  if (kinds.length === 0) return [];
  const result = await db.execute(sql`
    update ${jobs} set locked_until = now() + make_interval(secs => ${leaseSeconds}), attempts = attempts + 1
    where id in (
      select id from ${jobs}
      where done_at is null and kind in (${sql.join(
        kinds.map((kind) => sql`${kind}`),
        sql`, `,
      )}) and run_at <= now() and (locked_until is null or locked_until < now())
      order by run_at
      limit ${limit}
      for update skip locked
    )
    returning id, kind, payload, attempts`);
  return rowsOf<ClaimedJob>(result).map((row) => ({ ...row, id: Number(row.id) }));
}

export async function completeJob(executor: Executor, id: number): Promise<void> {
  await executor
    .update(jobs)
    .set({ doneAt: new Date(), lockedUntil: null, lastError: null })
    .where(eq(jobs.id, id));
}

/** Puts a failed job back for a later attempt; it is never dropped. */
export async function retryJobLater(
  executor: Executor,
  id: number,
  runAt: Date,
  error: string,
): Promise<void> {
  await executor
    .update(jobs)
    .set({ runAt, lockedUntil: null, lastError: error.slice(0, 500) })
    .where(and(eq(jobs.id, id)));
}

/** Delay before the next attempt: 1, 2, 4 … minutes, never more than an hour. */
export function backoffDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60_000;
}
