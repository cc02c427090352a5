import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { jobs, signInFailures } from '../db/schema.js';
import { PRUNE_EVERY_MS, PRUNE_JOB, pruneAccounts } from '../accounts/housekeeping.js';
import { testApp, type TestApp } from '../test-support/app.js';
import { enqueueJob } from './queue.js';
import { Worker } from './worker.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: false });
});
afterAll(() => t.close());

const waiting = (kind: string) =>
  t.database.db
    .select()
    .from(jobs)
    .where(and(eq(jobs.kind, kind), isNull(jobs.doneAt)));

describe('background jobs', () => {
  it('a recurring job waits once, however many processes schedule it, and schedules its next run', async () => {
    const recurring = { [PRUNE_JOB]: { everyMs: PRUNE_EVERY_MS } };
    const handlers = { [PRUNE_JOB]: pruneAccounts(t.database.db) };
    const workers = [1, 2, 3].map(() => new Worker(t.database.db, handlers, t.app.log, recurring));
    await Promise.all(workers.map((w) => w.scheduleRecurring()));
    expect(await waiting(PRUNE_JOB)).toHaveLength(1);

    await t.database.db.insert(signInFailures).values([
      { key: 'email:old', at: new Date(Date.now() - 2 * 24 * 60 * 60 * 1000) },
      { key: 'email:new', at: new Date() },
    ]);
    expect(await workers[0]!.runDue()).toBe(1);
    const left = await t.database.db.select({ key: signInFailures.key }).from(signInFailures);
    expect(left.map((row) => row.key)).toEqual(['email:new']);
    const [next] = await waiting(PRUNE_JOB);
    expect(next!.runAt.getTime()).toBeGreaterThan(Date.now() + PRUNE_EVERY_MS - 60_000);
  });

  it('a job that fails is retried later, never dropped, and a kind with no handler here is left alone', async () => {
    let calls = 0;
    const worker = new Worker(
      t.database.db,
      {
        flaky: async () => {
          calls++;
          if (calls === 1) throw new Error('first attempt fails');
        },
      },
      t.app.log,
    );
    await enqueueJob(t.database.db, 'flaky', {});
    await enqueueJob(t.database.db, 'someone.elses', {});
    expect(await worker.runDue()).toBe(1);
    const [failed] = await waiting('flaky');
    expect(failed).toMatchObject({ attempts: 1, lastError: 'first attempt fails' });
    await t.database.db.update(jobs).set({ runAt: new Date() }).where(eq(jobs.id, failed!.id));
    expect(await worker.runDue()).toBe(1);
    expect(await waiting('flaky')).toHaveLength(0);
    expect(await waiting('someone.elses')).toHaveLength(1);
  });
});
