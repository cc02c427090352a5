/**
 * Single-use links that prove an email address (24 hours; only the hash is kept). Apart from the rest of
 * the module so that sign-in can send a fresh link to someone who has not used theirs yet.
 */
import type { RequestMeta } from '../access/actor.js';
import { randomToken, tokenHash } from '../accounts/secrets.js';
import { recordAudit } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import type { Db, Executor } from '../platform/database.js';
import { AppError } from '../platform/errors.js';
import { countVerificationsSince, insertVerification } from './repository.js';

export const VERIFICATION_HOURS = 24;
/** Links mailed to one account in an hour: enough for a lost email, too few to flood a mailbox. */
export const LINKS_PER_HOUR = 3;

export interface Addressee {
  id: string;
  email: string;
  displayName: string;
  organisationId: string;
}

export const verificationPath = (token: string) => `/referrer/verify/${token}`;

/**
 * Queues a new link in the caller's transaction, unless the account had LINKS_PER_HOUR already in the
 * last hour. Earlier links stay usable until they expire. Returns whether one was queued.
 */
export async function sendVerificationLink(
  tx: Executor,
  account: Addressee,
  publicUrl: string,
): Promise<boolean> {
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  if ((await countVerificationsSince(tx, account.id, hourAgo)) >= LINKS_PER_HOUR) return false;
  const token = randomToken();
  await insertVerification(tx, {
    userId: account.id,
    tokenHash: tokenHash(token),
    expiresAt: new Date(Date.now() + VERIFICATION_HOURS * 60 * 60 * 1000),
  });
  await queueMail(tx, {
    organisationId: account.organisationId,
    centreId: null,
    toAddress: account.email,
    subject: 'Confirm your email address for Neutral Ground',
    bodyText: [
      `Hello ${account.displayName},`,
      '',
      'Thank you for creating a referrer account with Neutral Ground.',
      `To confirm your email address, open this link within ${VERIFICATION_HOURS} hours. It works once:`,
      '',
      `${publicUrl}${verificationPath(token)}`,
      '',
      'You will be asked for the password you chose. Then you will set up two-factor sign-in with an',
      'authenticator app on your phone, and see the referrals you have made.',
      '',
      'If you did not create an account, you can ignore this message: nothing happens without this link.',
    ].join('\n'),
  });
  return true;
}

export class EmailNotVerified extends AppError {
  constructor(linkSent: boolean) {
    super(
      403,
      'email_not_verified',
      linkSent
        ? 'Your email address is not confirmed yet. We have sent you a new link: open it to confirm your address, then sign in. It works for 24 hours.'
        : 'Your email address is not confirmed yet. Open the link in the latest email we sent you to confirm your address, then sign in.',
    );
  }
}

/**
 * Sign-in, once the password is right, for an account whose address is not proven: a fresh link (within
 * the hourly limit), and a sentence saying what to do. Never returns.
 */
export async function refuseUnverifiedSignIn(
  db: Db,
  meta: RequestMeta,
  account: Addressee,
  publicUrl: string,
): Promise<never> {
  const linkSent = await db.transaction(async (tx) => {
    const sent = await sendVerificationLink(tx, account, publicUrl);
    await recordAudit(
      tx,
      meta,
      { actorUserId: account.id, actorLabel: account.displayName, organisationId: account.organisationId },
      {
        action: 'auth.sign_in',
        outcome: 'refused',
        resourceType: 'user',
        resourceId: account.id,
        detail: { reason: 'email_not_verified', linkSent: sent },
      },
    );
    return sent;
  });
  throw new EmailNotVerified(linkSent);
}
