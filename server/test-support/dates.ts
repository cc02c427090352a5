/**
 * Dates for integration tests that must lie ahead of today (sessions, plans, closures, staff checks).
 * The tests were written in late November 2026 with dates in the weeks and months after; `day()` and
 * `instant()` move such a date forward by whole 52-week years once 28 November 2026 has passed, so the
 * tests keep passing as the calendar moves on. A 52-week year keeps the weekday, and keeps the season
 * (so the clock's offset) for decades; the clock-change tests take their dates from `clockChanges()`.
 */
const DAY_MS = 86_400_000;
const YEAR_DAYS = 364;
/** The first date ahead of the day the tests were written: from then on, dates move on. */
const FIRST_TEST_DAY = Date.UTC(2026, 10, 28);

const elapsed = Date.now() - FIRST_TEST_DAY;
/** How many 52-week years the written dates move forward: 0 until 28 November 2026. */
export const YEARS_AHEAD = elapsed < 0 ? 0 : Math.floor(elapsed / (YEAR_DAYS * DAY_MS)) + 1;
const SHIFT_MS = YEARS_AHEAD * YEAR_DAYS * DAY_MS;

/** '2026-12-05' as written, or the same weekday 52 weeks (or a multiple) later. */
export function day(written: string): string {
  return new Date(Date.parse(`${written}T12:00:00Z`) + SHIFT_MS).toISOString().slice(0, 10);
}

/** '2026-12-05T10:00:00.000Z' as written, moved as `day()` moves its date. */
export function instant(written: string): string {
  return new Date(Date.parse(written) + SHIFT_MS).toISOString();
}

/** Adds days to a date. */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function lastSunday(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month + 1, 0, 12));
  last.setUTCDate(last.getUTCDate() - last.getUTCDay());
  return last.toISOString().slice(0, 10);
}

/**
 * The United Kingdom's clock changes in the year the tests' "2027" has moved to: the Sundays on which
 * the clocks go forward (last Sunday of March) and back (last Sunday of October).
 */
export function clockChanges(): { forward: string; back: string } {
  const year = 2027 + YEARS_AHEAD;
  return { forward: lastSunday(year, 2), back: lastSunday(year, 9) };
}
