/**
 * One's own calendar feed: a secret address a calendar app subscribes to, carrying one's shifts and the
 * sessions one supervises with the family's initials and the room only. The address is shown once, when
 * made; making a new one replaces the old, and turning it off stops it at once.
 */
import { z } from 'zod';
import { isoDateTime } from './common.js';

export const calendarFeedStatus = z.object({
  exists: z.boolean(),
  createdAt: isoDateTime.nullable(),
  /** When a calendar app last fetched it. */
  lastUsedAt: isoDateTime.nullable(),
});
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>;

export const calendarFeedCreated = z.object({
  /** The secret address: shown this once, never again (only a hash of it is kept). */
  url: z.url(),
  createdAt: isoDateTime,
});
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>;

/** The token in the address, with ".ics" after it. */
export const calendarFeedParams = z.strictObject({ token: z.string().max(200) });
