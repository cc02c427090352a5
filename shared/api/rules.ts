import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const rulesView = z.object({
  id,
  version: z.number().int(),
  body: z.string(),
  publishedAt: isoDateTime,
  publishedBy: z.string().nullable(),
});

export const rulesBody = z.strictObject({
  body: z
    .string()
    .trim()
    .min(20, { error: 'Write out the rules in full' })
    .max(20_000, { error: 'Use at most 20,000 characters' }),
});

export const acceptanceView = z.object({
  personId: id,
  name: z.string(),
  role: z.string(),
  /** The version accepted last, if any. */
  acceptedVersion: z.number().int().nullable(),
  acceptedAt: isoDateTime.nullable(),
  method: z.enum(['in_person', 'online']).nullable(),
  witnessedBy: z.string().nullable(),
  /** Whether that is the current version. */
  upToDate: z.boolean(),
});
export const acceptanceList = z.object({ currentVersion: z.number().int(), items: z.array(acceptanceView) });

export const inPersonAcceptanceBody = z.strictObject({
  personId: id,
  /** The staff member who saw the adult accept. */
  witnessedByUserId: id,
});
export const acceptanceLinkBody = z.strictObject({ personId: id });
export const acceptanceLinkSent = z.object({
  sentTo: z.literal('their own email address'),
  expiresAt: isoDateTime,
});

export const rulesLinkView = z.object({
  centreName: z.string(),
  firstName: z.string(),
  version: z.number().int(),
  body: z.string(),
});

export const settingsView = z.object({
  reviewAfterSessions: z.number().int(),
  parentalConsentUpToAge: z.number().int(),
  separationBufferMinutes: z.number().int(),
  /** Parties are reminded of each session this many days before it; 0 sends no reminders. */
  reminderDaysBefore: z.number().int(),
});
export const settingsBody = z.strictObject({
  reviewAfterSessions: z
    .number()
    .int()
    .min(6, { error: 'Use 6, 7 or 8' })
    .max(8, { error: 'Use 6, 7 or 8' })
    .optional(),
  parentalConsentUpToAge: z.number().int().min(12).max(18).optional(),
  separationBufferMinutes: z.number().int().min(0).max(120).optional(),
  reminderDaysBefore: z
    .number({ error: 'Enter a number of days from 0 to 14' })
    .int({ error: 'Enter a whole number of days' })
    .min(0, { error: 'Enter a number of days from 0 to 14' })
    .max(14, { error: 'Enter a number of days from 0 to 14' })
    .optional(),
});
