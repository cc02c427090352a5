/**
 * The sessions a contact plan produces: pure date arithmetic on the centre's calendar, then each session's
 * local start and end turned into UTC instants with the Intl API (no date library).
 *
 * Sessions are fixed on the wall clock: a 10:00 session is at 10:00 local time on both sides of a clock
 * change, so its UTC instant moves by an hour. Calendar dates (YYYY-MM-DD) are counted as whole days from
 * 1970-01-01; a date's weekday does not depend on the time zone.
 */
import type { Recurrence } from '../../shared/api/plans.js';

/** What of a plan decides when its sessions fall. */
export interface PlanSchedule {
  recurrence: Recurrence;
  lengthMinutes: number;
  startsOn: string;
  endsOn: string | null;
}

export interface SessionDate {
  /** Which of the plan's sessions this is, counting from its start date: 1, 2, 3… */
  number: number;
  date: string;
}

export interface Occurrence extends SessionDate {
  /** Local times on the centre's clock, as HH:MM. */
  startTime: string;
  endTime: string;
  /** UTC instants, ISO 8601. */
  startsAt: string;
  endsAt: string;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** 0 Sunday … 6 Saturday. 1970-01-01 was a Thursday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export const addDays = (date: string, days: number) => dateOfDay(dayNumber(date) + days);

/**
 * The dates of the plan's sessions between `from` and `to` (both inclusive), within the plan's own start
 * and end (inclusive too), in order. Weekly and fortnightly plans start on the first chosen weekday on or
 * after the start date; a fortnightly plan then meets every 14 days from that first session.
 */
export function sessionDates(plan: PlanSchedule, from: string, to: string): SessionDate[] {
  const lower = Math.max(dayNumber(from), dayNumber(plan.startsOn));
  const upper = Math.min(dayNumber(to), plan.endsOn ? dayNumber(plan.endsOn) : Infinity);
  if (upper < lower) return [];
  const { recurrence } = plan;
  if (recurrence.frequency === 'dates') {
    const start = dayNumber(plan.startsOn);
    const end = plan.endsOn ? dayNumber(plan.endsOn) : Infinity;
    const all = [...new Set(recurrence.dates.map(dayNumber))]
      .filter((day) => day >= start && day <= end)
      .sort((a, b) => a - b);
    return all.flatMap((day, index) =>
      day >= lower && day <= upper ? [{ number: index + 1, date: dateOfDay(day) }] : [],
    );
  }
  const step = recurrence.frequency === 'weekly' ? 7 : 14;
  const start = dayNumber(plan.startsOn);
  const first = start + ((recurrence.weekday - weekdayOfDay(start) + 7) % 7);
  const dates: SessionDate[] = [];
  for (let k = Math.max(0, Math.ceil((lower - first) / step)); first + k * step <= upper; k++) {
    dates.push({ number: k + 1, date: dateOfDay(first + k * step) });
  }
  return dates;
}

/** The date of the plan's `number`th session, or null if the plan ends before it. */
export function nthSessionDate(plan: PlanSchedule, number: number): string | null {
  if (!Number.isInteger(number) || number < 1) return null;
  const { recurrence } = plan;
  if (recurrence.frequency === 'dates') {
    const all = sessionDates(plan, plan.startsOn, plan.endsOn ?? '9999-12-31');
    return all[number - 1]?.date ?? null;
  }
  const step = recurrence.frequency === 'weekly' ? 7 : 14;
  const start = dayNumber(plan.startsOn);
  const day = start + ((recurrence.weekday - weekdayOfDay(start) + 7) % 7) + (number - 1) * step;
  return plan.endsOn && day > dayNumber(plan.endsOn) ? null : dateOfDay(day);
}

// Time zones, through Intl only

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The zone's offset from UTC during one minute, read from the formatter (slow: microseconds a call). */
function offsetDuringMinute(minute: number, timeZone: string): number {
  const instantMs = minute * MINUTE_MS;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return (
    Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - instantMs
  );
}

/**
 * Offsets already read, by zone and minute: a roster or a month's calendar reads the same few minutes
 * (session starts, arrivals) many times. Zones change their offset only on a whole minute, so a minute
 * has one offset. Emptied when it grows large; it is only a cache.
 */
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 50_000;

/** The wall-clock reading in `timeZone` at `instantMs`, expressed as milliseconds as if it were UTC. */
function wallClockMs(instantMs: number, timeZone: string): number {
  const minute = Math.floor(instantMs / MINUTE_MS);
  const key = `${timeZone} ${minute}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
    offset = offsetDuringMinute(minute, timeZone);
    offsets.set(key, offset);
  }
  return Math.floor(instantMs / 1000) * 1000 + offset;
}

/** How far the zone's clock is ahead of UTC at an instant, in milliseconds (BST: one hour). */
function offsetMs(instantMs: number, timeZone: string): number {
  return wallClockMs(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/**
 * The UTC instant of a local date and time in `timeZone`. A time that happens twice (the hour repeated
 * when clocks go back) is the earlier one; a time that never happens (the hour skipped when they go
 * forward) moves forward by the gap, as a clock would read it: 01:30 on the March change in London is
 * 02:30 BST. This is what Temporal calls "compatible".
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const wall =
    dayNumber(date) * DAY_MS + (Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))) * MINUTE_MS;
  // At most one clock change falls within a day either side of any instant in real time zones.
  const before = offsetMs(wall - DAY_MS, timeZone);
  const after = offsetMs(wall + DAY_MS, timeZone);
  const candidates = [wall - before, wall - after].filter(
    (instant) => wallClockMs(instant, timeZone) === wall,
  );
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before);
}

/** The local date, time (HH:MM) and weekday in `timeZone` of an instant. */
export function localReading(
  instant: Date,
  timeZone: string,
): { date: string; time: string; weekday: number } {
  const wall = wallClockMs(instant.getTime(), timeZone);
  const iso = new Date(wall).toISOString();
  return {
    date: iso.slice(0, 10),
    time: iso.slice(11, 16),
    weekday: weekdayOfDay(Math.floor(wall / DAY_MS)),
  };
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * The plan's sessions between `from` and `to` (inclusive): each one's local date, start and end on the
 * centre's clock, and the same moments as UTC instants.
 */
export function occurrences(plan: PlanSchedule, timeZone: string, from: string, to: string): Occurrence[] {
  const { startTime } = plan.recurrence;
  const startMinutes = Number(startTime.slice(0, 2)) * 60 + Number(startTime.slice(3, 5));
  const endMinutes = startMinutes + plan.lengthMinutes;
  return sessionDates(plan, from, to).map(({ number, date }) => {
    const startsAt = zonedInstant(date, startTime, timeZone);
    const endsAt = zonedInstant(
      addDays(date, Math.floor(endMinutes / 1440)),
      clock(endMinutes % 1440),
      timeZone,
    );
    return {
      number,
      date,
      startTime: localReading(startsAt, timeZone).time,
      endTime: localReading(endsAt, timeZone).time,
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
    };
  });
}
