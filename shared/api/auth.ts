import { z } from 'zod';
import { ROLES, ALL_PERMISSIONS } from '../access.js';
import { email, id, newPassword, personName } from './common.js';

/** Where a signed-in browser is in the sign-in journey. */
export const SIGN_IN_STAGES = ['signed-out', 'two-factor-setup', 'two-factor', 'signed-in'] as const;
export const signInStage = z.enum(SIGN_IN_STAGES);
export type SignInStage = z.infer<typeof signInStage>;

export const centreAccess = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  roles: z.array(z.enum(ROLES)),
  permissions: z.array(z.enum(ALL_PERMISSIONS as [string, ...string[]])),
});
export type CentreAccess = z.infer<typeof centreAccess>;

export const sessionView = z.object({
  stage: signInStage,
  /** Sent back in the x-csrf-token header on every change while signed in. */
  csrfToken: z.string().nullable(),
  user: z.object({ id, email: z.string(), displayName: z.string() }).nullable(),
  organisation: z.object({ id, name: z.string() }).nullable(),
  /** Roles held for the whole organisation (organisation admin). */
  organisationRoles: z.array(z.enum(ROLES)),
  centres: z.array(centreAccess),
});
export type SessionView = z.infer<typeof sessionView>;

export const signInBody = z.strictObject({
  email,
  password: z.string().min(1, { error: 'Enter your password' }).max(200),
});
export type SignInBody = z.input<typeof signInBody>;

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, { error: 'Enter the 6-digit code from your authenticator app' });
export const twoFactorCodeBody = z.strictObject({ code: totpCode });

export const twoFactorSetupView = z.object({
  /** Base32 secret, for typing into an app by hand. */
  secret: z.string(),
  /** otpauth:// URI, for the QR code. */
  otpauthUri: z.string(),
});
export type TwoFactorSetupView = z.infer<typeof twoFactorSetupView>;

export const passwordResetRequestBody = z.strictObject({ email });
export const passwordResetCompleteBody = z.strictObject({
  token: z.string().min(20).max(200),
  password: newPassword,
});
export const tokenParams = z.strictObject({ token: z.string().min(20).max(200) });

export const invitationView = z.object({
  email: z.string(),
  organisationName: z.string(),
  centreName: z.string().nullable(),
  role: z.enum(ROLES),
});
export type InvitationView = z.infer<typeof invitationView>;

export const acceptInvitationBody = z.strictObject({
  displayName: personName,
  password: newPassword,
});
