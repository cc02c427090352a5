import { z } from 'zod';

/** Every error response: a machine code, a sentence a coordinator understands, and per-field details. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  details: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

export const id = z.uuid();
export const isoDateTime = z.iso.datetime({ offset: true });
export const email = z
  .email({ error: 'Enter an email address like name@example.org' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());

/** A new password: long enough to resist guessing, short enough for argon2 to hash quickly. */
export const newPassword = z
  .string()
  .min(12, { error: 'Use at least 12 characters' })
  .max(200, { error: 'Use at most 200 characters' });

export const personName = z
  .string()
  .trim()
  .min(1, { error: 'Enter a name' })
  .max(120, { error: 'Use at most 120 characters' });

/** IANA time zone names the runtime knows, such as Europe/London. */
export const timeZone = z.string().refine(
  (value) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: value });
      return true;
    } catch {
      return false;
    }
  },
  { error: 'Enter a time zone such as Europe/London' },
);

export const idParams = z.strictObject({ id });
export const centreParams = z.strictObject({ centreId: id });
