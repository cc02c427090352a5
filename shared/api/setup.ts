import { z } from 'zod';
import { email, newPassword, personName, timeZone } from './common.js';

export const setupStatusView = z.object({ needed: z.boolean() });

/** First run on an empty database: the organisation, its first centre and its first administrator. */
export const setupBody = z.strictObject({
  token: z.string().min(20).max(200),
  organisationName: z.string().trim().min(1, { error: 'Enter the name of the organisation' }).max(160),
  centreName: z.string().trim().min(1, { error: 'Enter the name of the first centre' }).max(160),
  timeZone: timeZone.default('Europe/London'),
  adminName: personName,
  email,
  password: newPassword,
});
export type SetupBody = z.input<typeof setupBody>;
