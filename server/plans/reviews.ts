/**
 * Reviews of a contact plan. The centre reviews a family's use of the service after 6 to 8 sessions
 * (each plan says which) and thereafter as necessary; families know the first date in advance.
 */
import { nthSessionDate, type PlanSchedule } from './recurrence.js';

/** Whether the first review is due: once the plan's number of sessions has been held. */
export function reviewDue(firstReviewAfterSessions: number, sessionsHeld: number): boolean {
  return sessionsHeld >= firstReviewAfterSessions;
}

/**
 * The date of the session after which the first review falls, as planned (cancelled sessions will move
 * it later); null when the plan ends before that many sessions.
 */
export function expectedFirstReviewOn(plan: PlanSchedule, firstReviewAfterSessions: number): string | null {
  return nthSessionDate(plan, firstReviewAfterSessions);
}
