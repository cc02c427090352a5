/** Days and clock times (HH:MM, on the centre's clock) for the proposal shown before it is booked. Pure. */
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);

/** A calendar day as people say it: "Tuesday 1 December 2026". */
export const longDay = (date: string) => dayjs.utc(date).format('dddd D MMMM YYYY');

export const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const pad = (n: number) => String(n).padStart(2, '0');

/** A clock time moved by some minutes, kept within the day. */
export function shiftTime(time: string, minutes: number): string {
  const total = Math.min(24 * 60 - 1, Math.max(0, minutesOf(time) + minutes));
  return `${pad(Math.floor(total / 60))}:${pad(total % 60)}`;
}

export const isClockTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
