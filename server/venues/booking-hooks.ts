/**
 * What the premises rules need to know about bookings: whether sessions are still booked in a venue or a
 * room from now on. The one place this module reads the bookings table; when the bookings module offers
 * a service for it, these two become calls to that service.
 */
import { and, count, eq, gte } from 'drizzle-orm';
import { bookings } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

/** Sessions booked (not cancelled) at the venue that start at or after `now`. */
export async function futureBookingsAtVenue(executor: Executor, venueId: string, now = new Date()) {
  const [row] = await executor
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.venueId, venueId), eq(bookings.status, 'booked'), gte(bookings.startsAt, now)));
  return row?.n ?? 0;
}

/** Sessions booked (not cancelled) in the room that start at or after `now`. */
export async function futureBookingsInRoom(executor: Executor, roomId: string, now = new Date()) {
  const [row] = await executor
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.roomId, roomId), eq(bookings.status, 'booked'), gte(bookings.startsAt, now)));
  return row?.n ?? 0;
}
