/**
 * Dates and times as people say them, in the centre's own time zone: "Sat 14 March, 10:15".
 * The year is added only when it is not this year, so old audit events are not mistaken for recent ones.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export const DEFAULT_TIME_ZONE = 'Europe/London';

export function formatDateTime(iso: string, timeZone: string): string {
  const local = dayjs(iso).tz(timeZone);
  const thisYear = dayjs().tz(timeZone).year();
  return local.format(local.year() === thisYear ? 'ddd D MMMM, HH:mm' : 'ddd D MMMM YYYY, HH:mm');
}

/** The first instant of a calendar day (YYYY-MM-DD) in a time zone, as an ISO date-time. */
export function startOfDay(date: string, timeZone: string): string {
  return dayjs.tz(date, timeZone).startOf('day').toISOString();
}

/** The last instant of a calendar day (YYYY-MM-DD) in a time zone, as an ISO date-time. */
export function endOfDay(date: string, timeZone: string): string {
  return dayjs.tz(date, timeZone).endOf('day').toISOString();
}

/** A calendar day (YYYY-MM-DD) as people write it: "14 March 2016". */
export function formatDay(date: string): string {
  if (!isCalendarDay(date)) return date;
  const day = dayjs(date);
  return day.isValid() ? day.format('D MMMM YYYY') : date;
}

/** Whole years from a date of birth (YYYY-MM-DD) to today, or months for a baby under one. */
export function ageOn(dateOfBirth: string, today = dayjs()): { years: number; months: number } | null {
  if (!isCalendarDay(dateOfBirth)) return null;
  const born = dayjs(dateOfBirth);
  if (!born.isValid() || born.isAfter(today)) return null;
  return { years: today.diff(born, 'year'), months: today.diff(born, 'month') };
}

/**
 * A day typed the way people in the UK write it, 14/03/2016 (also with dashes, dots or spaces, and the
 * ISO form 2016-03-14), as YYYY-MM-DD; null when it is not a real day.
 */
export function parseTypedDay(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const british = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$/.exec(trimmed);
  const parts = iso ? [iso[1], iso[2], iso[3]] : british ? [british[3], british[2], british[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

export function isCalendarDay(value: string | null | undefined): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** A day (YYYY-MM-DD) and a time (HH:MM) on a time zone's clock, as an ISO date-time; null if not real. */
export function zonedDateTime(date: string, time: string, timeZone: string): string | null {
  if (!isCalendarDay(date) || !/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return null;
  const local = dayjs.tz(`${date}T${time}:00`, timeZone);
  return local.isValid() ? local.toISOString() : null;
}
