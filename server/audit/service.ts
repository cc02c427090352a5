import { PERMISSIONS } from '../../shared/access.js';
import type { z } from 'zod';
import type { auditQuery } from '../../shared/api/audit.js';
import { canOrganisationWide, centresWhere, type Actor, type RequestMeta } from '../access/actor.js';
import { NotAllowed } from '../platform/errors.js';
import type { Db, Executor } from '../platform/database.js';
import { findChainBreak, GENESIS_HASH, type ChainBreak } from './chain.js';
import { appendAuditRow, chainPage, listAuditEvents } from './repository.js';

export type AuditOutcome = 'success' | 'failure' | 'refused';

/** What happened, to which record. Detail holds small facts only, never personal data. */
export interface AuditEventInput {
  action: string;
  outcome: AuditOutcome;
  resourceType?: string;
  resourceId?: string | null;
  organisationId?: string | null;
  centreId?: string | null;
  detail?: Record<string, unknown>;
}

export interface AuditWho {
  actorUserId: string | null;
  actorLabel: string | null;
  organisationId: string | null;
}

export function whoOf(actor: Actor): AuditWho {
  return { actorUserId: actor.userId, actorLabel: actor.displayName, organisationId: actor.organisationId };
}

export const ANONYMOUS: AuditWho = { actorUserId: null, actorLabel: null, organisationId: null };

/**
 * Appends an audit event. Pass the transaction of the write it records, so that the two commit together;
 * pass the database for reads, refusals and failures, which are recorded on their own.
 */
export async function recordAudit(
  executor: Executor,
  meta: RequestMeta,
  who: AuditWho,
  event: AuditEventInput,
): Promise<void> {
  await appendAuditRow(executor, {
    organisationId: event.organisationId ?? who.organisationId,
    centreId: event.centreId ?? null,
    actorUserId: who.actorUserId,
    actorLabel: who.actorLabel,
    action: event.action,
    resourceType: event.resourceType ?? null,
    resourceId: event.resourceId ?? null,
    outcome: event.outcome,
    requestId: meta.requestId,
    clientAddress: meta.clientAddress,
    detail: event.detail ?? null,
  });
}

/** Audit events the actor may read: all of the organisation's for an admin, their centres' otherwise. */
export async function listAudit(db: Db, actor: Actor, query: z.output<typeof auditQuery>) {
  const centreIds = canOrganisationWide(actor, PERMISSIONS.AUDIT_READ)
    ? 'all'
    : centresWhere(actor, PERMISSIONS.AUDIT_READ);
  if (centreIds !== 'all' && centreIds.length === 0) throw new NotAllowed();
  const rows = await listAuditEvents(db, {
    organisationId: actor.organisationId,
    centreIds,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    action: query.action,
    outcome: query.outcome,
    actorUserId: query.actorUserId,
    resourceType: query.resourceType,
    resourceId: query.resourceId,
    centreId: query.centreId,
    before: query.before,
    limit: query.limit,
  });
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'audit.read',
    outcome: 'success',
    resourceType: 'audit_trail',
    detail: {
      filtered: Object.keys(query)
        .filter((key) => key !== 'limit')
        .sort(),
    },
  });
  const page = rows.slice(0, query.limit);
  return {
    items: page.map((row) => ({ ...row, at: row.at.toISOString() })),
    nextBefore: rows.length > query.limit ? page[page.length - 1]!.seq : null,
  };
}

export interface ChainReport {
  checked: number;
  firstBreak: ChainBreak | null;
}

/** Walks the whole chain a page at a time and reports the first broken link. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainReport> {
  let position = { prevHash: GENESIS_HASH, prevSeq: 0 };
  let checked = 0;
  for (;;) {
    const page = await chainPage(db, position.prevSeq, pageSize);
    if (page.length === 0) return { checked, firstBreak: null };
    const result = findChainBreak(page, position);
    if (result.break)
      return {
        checked: checked + page.findIndex((e) => e.seq === result.break!.seq),
        firstBreak: result.break,
      };
    checked += page.length;
    position = result.last;
  }
}
