import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../platform/database.js';
import {
  backoffDelayMs,
  claimDueJobs,
  completeJob,
  retryJobLater,
  scheduleRecurringJob,
  type ClaimedJob,
} from './queue.js';

export type JobHandler = (job: ClaimedJob) => Promise<void>;

/** Kinds that run again and again, every so often (pruning, later reminders and retention). */
export type RecurringJobs = Record<string, { everyMs: number }>;

/**
 * Polls for due jobs and runs them. Each process may run one; the claim in the database, not the timer,
 * decides who does a job.
 */
export class Worker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly handlers: Record<string, JobHandler>,
    private readonly log: FastifyBaseLogger,
    private readonly recurring: RecurringJobs = {},
    private readonly intervalMs = 2000,
  ) {}

  start(): void {
    this.stopped = false;
    this.running = this.scheduleRecurring().catch((error: unknown) =>
      this.log.error({ error: String(error) }, 'could not schedule recurring jobs'),
    );
    this.schedule(0);
  }

  /** Makes sure each recurring kind has its next run waiting. */
  async scheduleRecurring(): Promise<void> {
    for (const kind of Object.keys(this.recurring)) await scheduleRecurringJob(this.db, kind, new Date());
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** Runs every due job once, now; returns how many ran. Tests call this instead of waiting. */
  async runDue(): Promise<number> {
    // Only kinds this process can run are claimed: mail waits in the queue until a mail server is set.
    const claimed = await claimDueJobs(this.db, Object.keys(this.handlers), 20, 120);
    for (const job of claimed) {
      const handler = this.handlers[job.kind];
      try {
        if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
        await handler(job);
        await completeJob(this.db, job.id);
        const every = this.recurring[job.kind]?.everyMs;
        if (every) await scheduleRecurringJob(this.db, job.kind, new Date(Date.now() + every));
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        // The message may hold an address: it is kept on the job for admins, not written to the log.
        this.log.warn({ jobId: job.id, kind: job.kind, attempts: job.attempts }, 'job failed; will retry');
        await retryJobLater(this.db, job.id, new Date(Date.now() + backoffDelayMs(job.attempts)), message);
      }
    }
    return claimed.length;
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.runDue()
        .catch((error: unknown) => this.log.error({ error: String(error) }, 'worker poll failed'))
        .then(() => this.schedule(this.intervalMs));
    }, delay);
    this.timer.unref();
  }
}
