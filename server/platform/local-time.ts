/**
 * Dates and times as people at a centre read them, for mail and for the sentences the server answers
 * with: "Sat 14 March 2026, 10:15" on the centre's own clock (a visit booked in summer reads in British
 * Summer Time, not UTC), and calendar days as "30 June 2027". Pure, through the Intl API only; the plans'
 * time-zone arithmetic (recurrence.ts) builds on the same clock.
 */

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function cached(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, make: () => Intl.DateTimeFormat) {
  let format = cache.get(timeZone);
  if (!format) {
    format = make();
    cache.set(timeZone, format);
  }
  return format;
}

function partsOf(format: Intl.DateTimeFormat, instant: Date): Record<string, string> {
  return Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
}

/** A moment on the centre's clock, as written in mail: "Sat 14 March 2026, 10:15" (24-hour clock). */
export function localDateTime(instant: Date, timeZone: string): string {
  const format = cached(
    dateTimeFormats,
    timeZone,
    () =>
      new Intl.DateTimeFormat('en-GB', {
        timeZone,
        weekday: 'short',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }),
  );
  const parts = partsOf(format, instant);
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute}`;
}

/** The calendar day (YYYY-MM-DD) it is on the centre's clock at `instant`: "today" at the centre. */
export function localDay(instant: Date, timeZone: string): string {
  const format = cached(
    dayFormats,
    timeZone,
    () => new Intl.DateTimeFormat('en-GB', { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' }),
  );
  const parts = partsOf(format, instant);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** A calendar day (YYYY-MM-DD) as people say it: "30 June 2027". It has no time zone to convert. */
export function spokenDay(date: string): string {
  const month = MONTHS[Number(date.slice(5, 7)) - 1];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !month) return date;
  return `${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

/**
 * Whole years from a date of birth to a day (both YYYY-MM-DD): the age a person is on that day. A
 * birthday on 29 February is reached on 1 March in other years, as the law of England counts it.
 */
export function ageOnDay(dateOfBirth: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return day.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}
