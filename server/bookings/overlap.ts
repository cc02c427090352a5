/**
 * The condition "a session overlapping this span", written so that an index on a start time can use
 * both ends: a session lasts less than a day (the check bookings_within_a_day), so one overlapping
 * the span started no earlier than a day before it. Without the lower bound, every earlier session of
 * the room, family or centre is read: years of them in a busy centre.
 */
import { and, gt, lt } from 'drizzle-orm';
import { bookings } from '../db/schema.js';

const DAY_MS = 86_400_000;

export const sessionsDuring = (from: Date, to: Date) =>
  and(
    lt(bookings.startsAt, to),
    gt(bookings.endsAt, from),
    gt(bookings.startsAt, new Date(from.getTime() - DAY_MS)),
  );
