import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const AUDIT_OUTCOMES = ['success', 'failure', 'refused'] as const;

export const auditEventView = z.object({
  seq: z.number().int(),
  at: isoDateTime,
  actorUserId: id.nullable(),
  actorLabel: z.string().nullable(),
  action: z.string(),
  resourceType: z.string().nullable(),
  resourceId: z.string().nullable(),
  centreId: id.nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  requestId: z.string().nullable(),
  clientAddress: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventView>;

export const auditQuery = z.strictObject({
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  action: z.string().max(100).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  actorUserId: id.optional(),
  resourceType: z.string().max(60).optional(),
  resourceId: z.string().max(100).optional(),
  centreId: id.optional(),
  /** Events older than this sequence number: for paging back through the trail. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof auditQuery>;

export const auditEventPage = z.object({
  items: z.array(auditEventView),
  /** Pass as `before` to get the next, older page; null at the start of the trail. */
  nextBefore: z.number().int().nullable(),
});
