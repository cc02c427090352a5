/** Calendar days for the rota's week: pure functions on YYYY-MM-DD, weeks from Monday. */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

export function todayIn(timeZone: string, now = new Date()): string {
  return dayjs(now).tz(timeZone).format('YYYY-MM-DD');
}

export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

export function mondayOf(date: string): string {
  const weekday = dayjs.utc(date).day();
  return addDays(date, -((weekday + 6) % 7));
}

/** "Saturday 5 December". */
export function dayAndMonth(date: string): string {
  return dayjs.utc(date).format('dddd D MMMM');
}

/** "Saturday 5 December 2026". */
export function longDay(date: string): string {
  return dayjs.utc(date).format('dddd D MMMM YYYY');
}
