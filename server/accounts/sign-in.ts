/** Signing in: password, then two-factor (set up on first sign-in), sign-out, and password reset. */
import type { RequestMeta } from '../access/actor.js';
import { ANONYMOUS, recordAudit, type AuditWho } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import type { Db } from '../platform/database.js';
import { AppError, RuleRefused, TooManyAttempts } from '../platform/errors.js';
import { refuseUnverifiedSignIn } from '../referrer-accounts/verification.js';
import {
  claimTotpStep,
  clearFailures,
  consumePasswordReset,
  countFailuresSince,
  findUserByEmail,
  findUserById,
  insertPasswordReset,
  invalidatePasswordResets,
  recordFailures,
  revokeSession,
  revokeUserSessions,
  updateUser,
} from './repository.js';
import { hashPassword, randomToken, tokenHash, verifyPassword } from './secrets.js';
import { createSession, rotateSession, type SessionState } from './sessions.js';
import { newTotpSecret, totpUri, verifyTotp } from './totp.js';

const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Failed sign-ins allowed per email address, and per client address, in the window. */
export const EMAIL_FAILURE_LIMIT = 5;
export const ADDRESS_FAILURE_LIMIT = 30;
export const TWO_FACTOR_FAILURE_LIMIT = 5;
const PASSWORD_RESET_MS = 30 * 60 * 1000;
const RESETS_PER_HOUR = 3;

const WRONG_CREDENTIALS = 'The email or password is not right.';
const TOO_MANY = 'Too many attempts to sign in. Wait 15 minutes and try again, or reset your password.';

class WrongCredentials extends AppError {
  constructor() {
    super(401, 'invalid_credentials', WRONG_CREDENTIALS);
  }
}

const emailKey = (email: string) => `email:${tokenHash(email)}`;
const addressKey = (address: string | null) => `address:${address ?? 'unknown'}`;
const twoFactorKey = (userId: string) => `two-factor:${userId}`;
const resetKey = (email: string) => `reset:${tokenHash(email)}`;

const who = (user: { id: string; displayName: string; organisationId: string }): AuditWho => ({
  actorUserId: user.id,
  actorLabel: user.displayName,
  organisationId: user.organisationId,
});

/**
 * Checks the email and password. Unknown email, wrong password and a disabled account all get the same
 * answer after the same work. An address not yet proven (a self-registered referrer) is refused only
 * after the right password, with a fresh link to prove it. Returns the new session's token.
 */
export async function signIn(
  db: Db,
  meta: RequestMeta,
  input: { email: string; password: string },
  publicUrl: string,
): Promise<string> {
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  const [byEmail, byAddress] = await Promise.all([
    countFailuresSince(db, emailKey(input.email), since),
    countFailuresSince(db, addressKey(meta.clientAddress), since),
  ]);
  const user = await findUserByEmail(db, input.email);
  if (byEmail >= EMAIL_FAILURE_LIMIT || byAddress >= ADDRESS_FAILURE_LIMIT) {
    await recordAudit(db, meta, user ? who(user) : ANONYMOUS, {
      action: 'auth.sign_in',
      outcome: 'refused',
      detail: { reason: 'rate_limited' },
    });
    throw new TooManyAttempts(TOO_MANY);
  }
  const passwordRight = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user || !passwordRight || user.status !== 'active') {
    await recordFailures(db, [emailKey(input.email), addressKey(meta.clientAddress)]);
    await recordAudit(db, meta, user ? who(user) : ANONYMOUS, {
      action: 'auth.sign_in',
      outcome: 'failure',
      resourceType: 'user',
      resourceId: user?.id ?? null,
      detail: { reason: !user ? 'unknown_account' : !passwordRight ? 'wrong_password' : 'account_disabled' },
    });
    throw new WrongCredentials();
  }
  if (user.emailVerifiedAt === null) await refuseUnverifiedSignIn(db, meta, user, publicUrl);
  return db.transaction(async (tx) => {
    await clearFailures(tx, emailKey(input.email));
    const token = await createSession(tx, user.id);
    await recordAudit(tx, meta, who(user), {
      action: 'auth.sign_in',
      outcome: 'success',
      resourceType: 'user',
      resourceId: user.id,
      detail: { next: user.totpEnabledAt ? 'two_factor' : 'two_factor_setup' },
    });
    return token;
  });
}

export async function signOut(db: Db, meta: RequestMeta, session: SessionState): Promise<void> {
  await db.transaction(async (tx) => {
    await revokeSession(tx, session.id);
    await recordAudit(tx, meta, who(session.user), {
      action: 'auth.sign_out',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.userId,
    });
  });
}

/** First sign-in: a new secret for the authenticator app, kept until a code from it is confirmed. */
export async function beginTwoFactorSetup(db: Db, meta: RequestMeta, session: SessionState) {
  if (session.stage !== 'two-factor-setup') {
    throw new RuleRefused(
      'Two-factor sign-in is already set up for this account.',
      'two_factor_already_set_up',
    );
  }
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await updateUser(tx, session.userId, { totpSecret: secret, totpLastStep: null });
    await recordAudit(tx, meta, who(session.user), {
      action: 'auth.two_factor_setup_started',
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.userId,
    });
  });
  return { secret, otpauthUri: totpUri(secret, session.user.email) };
}

/**
 * Confirms set-up (first time) or passes the challenge (every sign-in). A code is accepted once;
 * five wrong codes in 15 minutes lock two-factor for the account for that long.
 * Returns the session's new token.
 */
export async function passTwoFactor(
  db: Db,
  meta: RequestMeta,
  session: SessionState,
  code: string,
  mode: 'setup' | 'challenge',
): Promise<string> {
  const expected = mode === 'setup' ? 'two-factor-setup' : 'two-factor';
  if (session.stage !== expected) {
    throw new RuleRefused(
      mode === 'setup'
        ? 'Two-factor sign-in is already set up for this account.'
        : 'Set up two-factor sign-in first.',
      'wrong_sign_in_stage',
    );
  }
  const action = mode === 'setup' ? 'auth.two_factor_setup' : 'auth.two_factor';
  const since = new Date(Date.now() - FAILURE_WINDOW_MS);
  if ((await countFailuresSince(db, twoFactorKey(session.userId), since)) >= TWO_FACTOR_FAILURE_LIMIT) {
    await recordAudit(db, meta, who(session.user), {
      action,
      outcome: 'refused',
      detail: { reason: 'rate_limited' },
    });
    throw new TooManyAttempts('Too many wrong codes. Wait 15 minutes and try again.');
  }
  const user = await findUserById(db, session.userId);
  const step = user?.totpSecret ? await verifyTotp(user.totpSecret, code, user.totpLastStep) : null;
  const result = await db.transaction(async (tx) => {
    if (step === null || !(await claimTotpStep(tx, session.userId, step))) return null;
    const now = new Date();
    if (mode === 'setup') await updateUser(tx, session.userId, { totpEnabledAt: now });
    await updateUser(tx, session.userId, { lastSignInAt: now });
    const token = await rotateSession(tx, session.id, { twoFactorVerifiedAt: now });
    await clearFailures(tx, twoFactorKey(session.userId));
    await recordAudit(tx, meta, who(session.user), {
      action,
      outcome: 'success',
      resourceType: 'user',
      resourceId: session.userId,
    });
    return token;
  });
  if (result === null) {
    await recordFailures(db, [twoFactorKey(session.userId)]);
    await recordAudit(db, meta, who(session.user), {
      action,
      outcome: 'failure',
      resourceType: 'user',
      resourceId: session.userId,
      detail: { reason: 'wrong_code' },
    });
    throw new AppError(401, 'invalid_code', 'That code is not right. Enter the newest code from your app.', [
      { field: 'code', message: 'That code is not right. Enter the newest code from your app.' },
    ]);
  }
  return result;
}

/**
 * Sends a single-use reset link, valid for 30 minutes, if the address has an active account. The answer
 * is the same whether or not it has one.
 */
export async function requestPasswordReset(
  db: Db,
  meta: RequestMeta,
  email: string,
  publicUrl: string,
): Promise<void> {
  const user = await findUserByEmail(db, email);
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  if (
    !user ||
    user.status !== 'active' ||
    (await countFailuresSince(db, resetKey(email), hourAgo)) >= RESETS_PER_HOUR
  ) {
    await recordAudit(db, meta, user ? who(user) : ANONYMOUS, {
      action: 'auth.password_reset_requested',
      outcome: 'refused',
      detail: {
        reason: !user ? 'unknown_account' : user.status !== 'active' ? 'account_disabled' : 'rate_limited',
      },
    });
    return;
  }
  const token = randomToken();
  await db.transaction(async (tx) => {
    await recordFailures(tx, [resetKey(email)]);
    await insertPasswordReset(tx, {
      userId: user.id,
      tokenHash: tokenHash(token),
      expiresAt: new Date(Date.now() + PASSWORD_RESET_MS),
    });
    await queueMail(tx, {
      organisationId: user.organisationId,
      centreId: null,
      toAddress: user.email,
      subject: 'Reset your Neutral Ground password',
      bodyText: [
        `Hello ${user.displayName},`,
        '',
        'Someone asked to reset the password for your Neutral Ground account.',
        'To choose a new password, open this link. It works once, for 30 minutes:',
        '',
        `${publicUrl}/reset-password/${token}`,
        '',
        'If this was not you, you can ignore this message: your password has not changed.',
      ].join('\n'),
    });
    await recordAudit(tx, meta, who(user), {
      action: 'auth.password_reset_requested',
      outcome: 'success',
      resourceType: 'user',
      resourceId: user.id,
    });
  });
}

/** Sets the new password, uses up the link and ends every session of the account. */
export async function completePasswordReset(
  db: Db,
  meta: RequestMeta,
  input: { token: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const done = await db.transaction(async (tx) => {
    const userId = await consumePasswordReset(tx, tokenHash(input.token), new Date());
    if (!userId) return null;
    const user = await findUserById(tx, userId);
    if (!user) return null;
    await updateUser(tx, userId, { passwordHash });
    await invalidatePasswordResets(tx, userId);
    await revokeUserSessions(tx, userId);
    await clearFailures(tx, emailKey(user.email));
    await recordAudit(tx, meta, who(user), {
      action: 'auth.password_reset',
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
    });
    return userId;
  });
  if (!done) {
    await recordAudit(db, meta, ANONYMOUS, {
      action: 'auth.password_reset',
      outcome: 'refused',
      detail: { reason: 'bad_link' },
    });
    throw new RuleRefused('This link has expired or was already used. Ask for a new one.', 'link_expired');
  }
}
