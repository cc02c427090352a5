/**
 * Whether a staff member's checks are current on a day: the criminal-record (DBS) check and the required
 * training. Pure; dates are calendar days (YYYY-MM-DD) on the centre's clock.
 *
 * Boundaries (decided here, and the same for both checks): the renewal date of the criminal-record check
 * and the expiry date of the training are the LAST day the check counts. Due today is still current (with
 * a warning); the day after, it is not. A check or training dated after the day asked about does not
 * count yet on that day. A renewal or expiry within the next 30 days (today included) is a warning: still
 * current, but the coordinator should act.
 */

export interface StaffCheckDates {
  dbsNumber: string | null;
  dbsCheckedOn: string | null;
  dbsRecheckBy: string | null;
  trainingCompletedOn: string | null;
  trainingExpiresOn: string | null;
}

export interface CheckStatus {
  current: boolean;
  /** Why the person may not be on a session that day; empty when current. */
  problems: string[];
  /** Renewals due within WARNING_DAYS: still current. */
  warnings: string[];
}

/** How far ahead a renewal or expiry is warned about. */
export const WARNING_DAYS = 30;

const DAY_MS = 86_400_000;
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
];

const dayNumber = (date: string) =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS;

/** "3 March 2027", as people say a date. */
export function sayDate(date: string): string {
  return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}

/** Days from `onDate` until `date`: 0 the same day, negative once passed. */
const daysUntil = (date: string, onDate: string) => dayNumber(date) - dayNumber(onDate);

export function checkStatus(checks: StaffCheckDates | null | undefined, onDate: string): CheckStatus {
  const problems: string[] = [];
  const warnings: string[] = [];

  const checkedOn = checks?.dbsCheckedOn ?? null;
  const recheckBy = checks?.dbsRecheckBy ?? null;
  if (!checkedOn) {
    problems.push('No criminal record check recorded');
  } else if (checkedOn > onDate) {
    problems.push(`Criminal record check does not count until ${sayDate(checkedOn)}`);
  } else if (!recheckBy) {
    problems.push('Criminal record check has no renewal date recorded');
  } else if (daysUntil(recheckBy, onDate) < 0) {
    problems.push(`Criminal record check needs renewing (due ${sayDate(recheckBy)})`);
  } else if (daysUntil(recheckBy, onDate) <= WARNING_DAYS) {
    warnings.push(`Criminal record check due for renewal by ${sayDate(recheckBy)}`);
  }
  if (checkedOn && !checks?.dbsNumber) problems.push('Criminal record check has no certificate number');

  const completed = checks?.trainingCompletedOn ?? null;
  const expires = checks?.trainingExpiresOn ?? null;
  if (!completed && !expires) {
    problems.push('No training recorded');
  } else if (completed && completed > onDate) {
    problems.push(`Training does not count until ${sayDate(completed)}`);
  } else if (!expires) {
    problems.push('Training has no expiry date recorded');
  } else if (daysUntil(expires, onDate) < 0) {
    problems.push(`Training expired on ${sayDate(expires)}`);
  } else if (daysUntil(expires, onDate) <= WARNING_DAYS) {
    warnings.push(`Training expires on ${sayDate(expires)}`);
  }

  return { current: problems.length === 0, problems, warnings };
}
