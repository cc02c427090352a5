import { and, asc, desc, eq, gt, gte, inArray, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { auditEvents } from '../db/schema.js';
import type { Executor } from '../platform/database.js';
import { bodyBeforeSeq, type ChainedFields, type StoredEvent } from './chain.js';

export type NewAuditRow = Omit<ChainedFields, 'seq' | 'at' | 'outcome'> & {
  at?: Date;
  outcome: 'success' | 'failure' | 'refused';
};

/**
 * Appends one event to the chain in one statement (audit_append, migration 0015): inside `executor`'s
 * transaction, so that it commits with the change it records, or on its own. The function takes the
 * chain's lock, so each new row links to the last committed one even with several processes.
 */
export async function appendAuditRow(executor: Executor, row: NewAuditRow): Promise<void> {
  // Millisecond precision, so that what is read back hashes the same as what was written.
  const at = new Date(Math.floor((row.at ?? new Date()).getTime()));
  const fields = { ...row, at };
  await executor.execute(
    sql`select audit_append(${at.toISOString()}::timestamptz, ${row.organisationId}::uuid, ${row.centreId}::uuid,
      ${row.actorUserId}::uuid, ${row.actorLabel}, ${row.action}, ${row.resourceType}, ${row.resourceId},
      ${row.outcome}, ${row.requestId}, ${row.clientAddress},
      ${row.detail === null ? null : JSON.stringify(row.detail)}::jsonb, ${bodyBeforeSeq(fields)})`,
  );
}

export interface AuditFilter {
  centreIds: string[] | 'all';
  organisationId: string;
  from?: Date;
  to?: Date;
  action?: string;
  outcome?: 'success' | 'failure' | 'refused';
  actorUserId?: string;
  resourceType?: string;
  resourceId?: string;
  centreId?: string;
  before?: number;
  limit: number;
}

export async function listAuditEvents(db: Executor, filter: AuditFilter) {
  // Organisation-wide readers also see events that belong to no organisation yet: refused requests
  // and failed sign-ins from people not signed in. They hold no personal data.
  const conditions: SQL[] =
    filter.centreIds === 'all'
      ? [or(eq(auditEvents.organisationId, filter.organisationId), isNull(auditEvents.organisationId))!]
      : [
          eq(auditEvents.organisationId, filter.organisationId),
          inArray(auditEvents.centreId, filter.centreIds),
        ];
  if (filter.from) conditions.push(gte(auditEvents.at, filter.from));
  if (filter.to) conditions.push(lte(auditEvents.at, filter.to));
  if (filter.action)
    conditions.push(sql`${auditEvents.action} like ${filter.action.replace(/[%_\\]/g, '\\$&') + '%'}`);
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.actorUserId) conditions.push(eq(auditEvents.actorUserId, filter.actorUserId));
  if (filter.resourceType) conditions.push(eq(auditEvents.resourceType, filter.resourceType));
  if (filter.resourceId) conditions.push(eq(auditEvents.resourceId, filter.resourceId));
  if (filter.centreId) conditions.push(eq(auditEvents.centreId, filter.centreId));
  if (filter.before) conditions.push(lt(auditEvents.seq, filter.before));
  return db
    .select({
      seq: auditEvents.seq,
      at: auditEvents.at,
      actorUserId: auditEvents.actorUserId,
      actorLabel: auditEvents.actorLabel,
      action: auditEvents.action,
      resourceType: auditEvents.resourceType,
      resourceId: auditEvents.resourceId,
      centreId: auditEvents.centreId,
      outcome: auditEvents.outcome,
      requestId: auditEvents.requestId,
      clientAddress: auditEvents.clientAddress,
    })
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(filter.limit + 1);
}

/** One page of the whole chain in sequence order, for verification. */
export async function chainPage(db: Executor, afterSeq: number, size: number): Promise<StoredEvent[]> {
  const rows = await db
    .select()
    .from(auditEvents)
    .where(gt(auditEvents.seq, afterSeq))
    .orderBy(asc(auditEvents.seq))
    .limit(size);
  return rows.map((row) => ({ ...row, detail: row.detail ?? null }));
}
