/**
 * Days and the grouping of sessions for the timetable: pure functions on calendar days (YYYY-MM-DD) and
 * on the sessions the server sends, whose times are already on the centre's clock.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';
import type { BookingView } from '../../../../shared/api/bookings.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Cancelling with less notice than this is a late cancellation (the server counts it the same way). */
export const LATE_NOTICE_HOURS = 24;

/** How far ahead the case page shows the plan's sessions. */
export const CASE_WEEKS_AHEAD = 8;

/** Today on the centre's clock. */
export function todayIn(timeZone: string, now = new Date()): string {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

/** A calendar day moved by whole days; calendar arithmetic, so clock changes do not matter. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** The Monday of the week a day falls in: the centre's weeks start on Monday. */
export function mondayOf(date: string): string {
  const weekday = dayjs.utc(date).day();
  return addDays(date, -((weekday + 6) % 7));
}

/** The seven days, Monday to Sunday, of the week a day falls in. */
export function weekOf(date: string): string[] {
  const monday = mondayOf(date);
  return Array.from({ length: 7 }, (_, index) => addDays(monday, index));
}

/** "Saturday 5 December 2026". */
export function longDay(date: string): string {
  return dayjs.utc(date).format('dddd D MMMM YYYY');
}

/** "Sat 5 Dec". */
export function shortDay(date: string): string {
  return dayjs.utc(date).format('ddd D MMM');
}

export type Arrangement = 'room' | 'staff';

export interface SessionGroup {
  /** The room's or the supervisor's id; "none" for sessions without a supervisor. */
  key: string;
  /** The room's name or the supervisor's, or null for sessions without a supervisor. */
  name: string | null;
  /** The venue of a room, when the centre has sessions in more than one. */
  venue: string | null;
  usage: 'private' | 'shared' | null;
  sessions: BookingView[];
}

const byStart = (a: BookingView, b: BookingView) =>
  a.startsAt.localeCompare(b.startsAt) || a.caseReference.localeCompare(b.caseReference);

/**
 * Sessions by room (by venue, then room name) or by supervisor (by name, those without one last), each
 * group in order of time.
 */
export function groupSessions(sessions: BookingView[], by: Arrangement): SessionGroup[] {
  const groups = new Map<string, SessionGroup>();
  const venues = new Set(sessions.map((session) => session.venue.id));
  for (const session of sessions) {
    const key = by === 'room' ? session.room.id : (session.supervisor?.id ?? 'none');
    let group = groups.get(key);
    if (!group) {
      group =
        by === 'room'
          ? {
              key,
              name: session.room.name,
              venue: venues.size > 1 ? session.venue.name : null,
              usage: session.room.usage,
              sessions: [],
            }
          : { key, name: session.supervisor?.displayName ?? null, venue: null, usage: null, sessions: [] };
      groups.set(key, group);
    }
    group.sessions.push(session);
  }
  const ordered = [...groups.values()];
  for (const group of ordered) group.sessions.sort(byStart);
  return ordered.sort((a, b) => {
    if (a.name === null) return 1;
    if (b.name === null) return -1;
    return (a.venue ?? '').localeCompare(b.venue ?? '') || a.name.localeCompare(b.name);
  });
}

/** Hours from now until a session starts, for the late-cancellation warning. */
export function hoursUntil(startsAt: string, now = new Date()): number {
  return (Date.parse(startsAt) - now.getTime()) / 3_600_000;
}
