/**
 * The condition "a session overlapping this span", written so that an index on a start time can use
 * both ends: a session lasts less than a day (the check bookings_within_a_day), so one overlapping
 * the span started no earlier than a day before it. Without the lower bound, every earlier session of
 * the room, family or centre is read: years of them in a busy centre.
 */
import { and, gt, lt, sql, type Column } from 'drizzle-orm';
import { bookings } from '../db/schema.js';

const DAY_MS = 86_400_000;

export const sessionsDuring = (from: Date, to: Date) =>
  and(
    lt(bookings.startsAt, to),
    gt(bookings.endsAt, from),
    gt(bookings.startsAt, new Date(from.getTime() - DAY_MS)),
  );

/**
 * "The span from `startsAt` to `endsAt` overlaps this one", as the exclusion constraints test it
 * (`tstzrange && tstzrange`, so an empty span overlaps nothing): their GiST indexes answer it by time.
 */
export const spanOverlaps = (startsAt: Column, endsAt: Column, from: Date, to: Date) =>
  sql`tstzrange(${startsAt}, ${endsAt}) && tstzrange(${from.toISOString()}::timestamptz, ${to.toISOString()}::timestamptz)`;
