import type { Db } from '../platform/database.js';
import { deleteEndedSessions, deleteSpentLinks, pruneFailuresBefore } from './repository.js';

export const PRUNE_JOB = 'accounts.prune';
export const PRUNE_EVERY_MS = 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Hourly: forgets failed sign-ins after a day (they only serve the rate limit), and sessions and reset
 * links a week after they ended. Invitations are kept: they show who invited whom.
 */
export function pruneAccounts(db: Db) {
  return async (): Promise<void> => {
    const now = Date.now();
    await db.transaction(async (tx) => {
      await pruneFailuresBefore(tx, new Date(now - DAY_MS));
      await deleteEndedSessions(tx, new Date(now - 7 * DAY_MS));
      await deleteSpentLinks(tx, new Date(now - 7 * DAY_MS));
    });
  };
}
