import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { outboxMessages } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export interface NewMessage {
  organisationId: string | null;
  centreId: string | null;
  toAddress: string;
  subject: string;
  bodyText: string;
}

export async function insertMessage(executor: Executor, message: NewMessage): Promise<string> {
  const [row] = await executor.insert(outboxMessages).values(message).returning({ id: outboxMessages.id });
  return row!.id;
}

export async function findMessage(executor: Executor, id: string) {
  const [row] = await executor.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row;
}

export async function markSent(executor: Executor, id: string, attempts: number): Promise<void> {
  await executor
    .update(outboxMessages)
    .set({ status: 'sent', sentAt: new Date(), attempts, lastError: null, nextAttemptAt: null })
    .where(eq(outboxMessages.id, id));
}

export async function markAttemptFailed(
  executor: Executor,
  id: string,
  attempts: number,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await executor
    .update(outboxMessages)
    .set({ attempts, lastError: error.slice(0, 500), nextAttemptAt })
    .where(eq(outboxMessages.id, id));
}

export async function listMessages(
  executor: Executor,
  scope: { organisationId: string; centreIds: string[] | 'all'; status?: 'pending' | 'sent' },
) {
  const conditions: SQL[] = [eq(outboxMessages.organisationId, scope.organisationId)];
  if (scope.centreIds !== 'all') conditions.push(inArray(outboxMessages.centreId, scope.centreIds));
  if (scope.status) conditions.push(eq(outboxMessages.status, scope.status));
  return executor
    .select()
    .from(outboxMessages)
    .where(and(...conditions))
    .orderBy(desc(outboxMessages.createdAt))
    .limit(200);
}
