/**
 * Whether a staff member's checks allow putting them on a session on a date. The rules themselves live
 * with the staff checks (server/venues/staff-checks.ts); this adapts a booking's row to them.
 */
export interface StaffCheckDates {
  dbsCheckedOn: string | null;
  dbsRecheckBy: string | null;
  trainingCompletedOn: string | null;
  trainingExpiresOn: string | null;
}

/** Sentences naming what is not current on the date; empty when the person may work that day. */
export function staffCheckProblems(checks: StaffCheckDates, date: string): string[] {
  const problems: string[] = [];
  if (!checks.dbsCheckedOn) problems.push('no criminal record check is recorded');
  else if (checks.dbsRecheckBy && checks.dbsRecheckBy < date)
    problems.push('their criminal record check needs renewing');
  if (!checks.trainingCompletedOn) problems.push('no training is recorded');
  else if (checks.trainingExpiresOn && checks.trainingExpiresOn < date)
    problems.push('their training has expired');
  return problems;
}
