/**
 * Referrer accounts: a solicitor, court officer, social worker or parent who refers families creates an
 * account (or is invited from one of their referrals) and follows the status of the referrals they made.
 */
import { z } from 'zod';
import { email, id, isoDateTime, newPassword, personName } from './common.js';
import { DECLINE_REASONS, REFERRAL_STATUSES, REFERRER_ROLES, SERVICES } from './referrals.js';

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` })
    .optional();

export const referrerRegistrationBody = z.strictObject({
  name: personName,
  email,
  password: newPassword,
  organisation: optionalText(160),
  role: z.enum(REFERRER_ROLES, { error: 'Choose what describes you best' }),
  phone: optionalText(40),
});
export type ReferrerRegistrationBody = z.input<typeof referrerRegistrationBody>;

/** The same sentence whether or not the address already had an account. */
export const registrationAnswer = z.object({ message: z.string() });

/**
 * The emailed link, and the password chosen with it: the link proves the mailbox, the password proves
 * it is the same person who registered (someone else may have registered the address first).
 */
export const verifyEmailBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: z.string().min(1, { error: 'Enter the password you chose' }).max(200),
});
/** Whose address is now confirmed: the web app signs them in with it. */
export const emailVerified = z.object({ email: z.string() });

export const resendVerificationBody = z.strictObject({ email });

/** What the referrer told us about themselves: prefills the referral form. */
export const referrerProfileView = z.object({
  name: z.string(),
  email: z.string(),
  organisation: z.string().nullable(),
  /** null for an account made without a profile. */
  role: z.enum(REFERRER_ROLES).nullable(),
  phone: z.string().nullable(),
});
export type ReferrerProfileView = z.infer<typeof referrerProfileView>;

/**
 * One referral as the person who made it sees it: its status and what the centre told them, nothing of
 * the case. The decline note is here because the decline email already gives it to them.
 */
export const ownReferralView = z.object({
  id,
  reference: z.string(),
  centreName: z.string(),
  sentAt: isoDateTime,
  serviceRequested: z.enum(SERVICES),
  childrenFirstNames: z.array(z.string()),
  status: z.enum(REFERRAL_STATUSES),
  /** The centre's request for more information, while the referral waits for it. */
  informationRequested: z.string().nullable(),
  declineReason: z.enum(DECLINE_REASONS).nullable(),
  declineNote: z.string().nullable(),
  decidedAt: isoDateTime.nullable(),
});
export type OwnReferralView = z.infer<typeof ownReferralView>;
export const ownReferralList = z.object({ items: z.array(ownReferralView) });

export const referrerInvited = z.object({ email: z.string(), expiresAt: isoDateTime, message: z.string() });
