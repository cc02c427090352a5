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
