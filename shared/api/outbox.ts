import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const OUTBOX_STATUSES = ['pending', 'sent'] as const;

export const outboxMessageView = z.object({
  id,
  to: z.string(),
  subject: z.string(),
  body: z.string(),
  status: z.enum(OUTBOX_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  sentAt: isoDateTime.nullable(),
});
export type OutboxMessageView = z.infer<typeof outboxMessageView>;

export const outboxQuery = z.strictObject({
  status: z.enum(OUTBOX_STATUSES).optional(),
});

export const outboxList = z.object({
  /** false when no SMTP_URL is set: messages wait here and nothing is sent. */
  smtpConfigured: z.boolean(),
  items: z.array(outboxMessageView),
});
