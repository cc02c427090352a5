/**
 * A staff member's checks: the criminal-record (DBS) check with its certificate number and the date it
 * must be renewed by, and the required training with its expiry. Only people whose checks are current
 * can be put on a session. Both end dates are the last day the check counts (see server/staff).
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate } from './referrals.js';

/** Whether a person's checks are current on a day, and why not; renewals due soon are warnings. */
export const checkStatusView = z.object({
  current: z.boolean(),
  /** Sentences: "Training expired on 3 March 2027". Empty when current. */
  problems: z.array(z.string()),
  /** Renewals due within 30 days: "Training expires on 3 March 2027". */
  warnings: z.array(z.string()),
});
export type CheckStatusView = z.infer<typeof checkStatusView>;

const certificateNumber = z
  .string()
  .trim()
  .max(40, { error: 'Use at most 40 characters' })
  .regex(/^[A-Za-z0-9 -]*$/, { error: 'Use only letters, numbers, spaces and hyphens' })
  .transform((value) => (value === '' ? null : value));

/** Every field at once: what the form shows is what is kept. Leave a pair empty when nothing is recorded. */
export const staffChecksBody = z
  .strictObject({
    dbsNumber: certificateNumber.nullable(),
    dbsCheckedOn: calendarDate.nullable(),
    dbsRecheckBy: calendarDate.nullable(),
    trainingCompletedOn: calendarDate.nullable(),
    trainingExpiresOn: calendarDate.nullable(),
  })
  .superRefine((checks, ctx) => {
    const problem = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    const dbsGiven = Boolean(checks.dbsNumber || checks.dbsCheckedOn || checks.dbsRecheckBy);
    if (dbsGiven) {
      if (!checks.dbsNumber) problem('dbsNumber', 'Enter the certificate number');
      if (!checks.dbsCheckedOn) problem('dbsCheckedOn', 'Enter the date of the check');
      if (!checks.dbsRecheckBy) problem('dbsRecheckBy', 'Enter the date the check must be renewed by');
    }
    if (checks.dbsCheckedOn && checks.dbsRecheckBy && checks.dbsRecheckBy <= checks.dbsCheckedOn) {
      problem('dbsRecheckBy', 'The renewal date must be after the date of the check');
    }
    if (checks.trainingCompletedOn && !checks.trainingExpiresOn) {
      problem('trainingExpiresOn', 'Enter the date the training expires');
    }
    if (checks.trainingExpiresOn && !checks.trainingCompletedOn) {
      problem('trainingCompletedOn', 'Enter the date the training was completed');
    }
    if (
      checks.trainingCompletedOn &&
      checks.trainingExpiresOn &&
      checks.trainingExpiresOn <= checks.trainingCompletedOn
    ) {
      problem('trainingExpiresOn', 'The expiry date must be after the date the training was completed');
    }
  });
export type StaffChecksBody = z.input<typeof staffChecksBody>;
export type StaffChecksInput = z.output<typeof staffChecksBody>;

export const staffChecksView = z.object({
  userId: id,
  displayName: z.string(),
  dbsNumber: z.string().nullable(),
  dbsCheckedOn: calendarDate.nullable(),
  dbsRecheckBy: calendarDate.nullable(),
  trainingCompletedOn: calendarDate.nullable(),
  trainingExpiresOn: calendarDate.nullable(),
  /** null until something is recorded. */
  updatedAt: isoDateTime.nullable(),
  updatedBy: z.string().nullable(),
  /** The day the status below is for: today on the person's centre's clock. */
  asOf: calendarDate,
  status: checkStatusView,
});
export type StaffChecksView = z.infer<typeof staffChecksView>;
