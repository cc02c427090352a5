/**
 * Referrer accounts: a referrer registers and proves their address, then sees the status of the
 * referrals they made and nothing else; a coordinator can invite the referrer of a referral instead.
 */
import type { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import type { DECLINE_REASONS, SERVICES } from '../../shared/api/referrals.js';
import type {
  OwnReferralView,
  ReferrerProfileView,
  referrerRegistrationBody,
  verifyEmailBody,
} from '../../shared/api/referrer-accounts.js';
import { can, type Actor, type RequestMeta } from '../access/actor.js';
import { createReferrerInvitation } from '../accounts/invitations.js';
import {
  accountByEmail,
  accountById,
  createUnverifiedAccount,
  deleteUnprovenAccount,
  markEmailVerified,
  organisationForSelfRegistration,
  passwordMatches,
  replaceUnverifiedDetails,
  type AccountSummary,
} from '../accounts/outside-accounts.js';
import { hashPassword, tokenHash } from '../accounts/secrets.js';
import { ANONYMOUS, recordAudit, whoOf, type AuditWho } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import { databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { AppError, Conflict, NotFound, RuleRefused } from '../platform/errors.js';
import { disclosureRules } from '../redaction/disclosure.js';
import { redactFor } from '../redaction/redact.js';
import {
  closeVerifications,
  consumeVerification,
  deleteEndedVerifications,
  findOpenVerification,
  findProfile,
  referralsMadeBy,
  referrerOfReferral,
  saveProfile,
  unprovenReferrerAccountsBefore,
} from './repository.js';
import { sendVerificationLink, VERIFICATION_HOURS } from './verification.js';

type Registration = z.output<typeof referrerRegistrationBody>;
type Verification = z.output<typeof verifyEmailBody>;

const DAY_MS = 24 * 60 * 60 * 1000;

const isUnprovenReferrer = (account: AccountSummary) =>
  account.emailVerifiedAt === null && account.roles.length === 1 && account.roles[0] === 'referrer';

const whoIs = (account: { id: string; displayName: string; organisationId: string }): AuditWho => ({
  actorUserId: account.id,
  actorLabel: account.displayName,
  organisationId: account.organisationId,
});

// Registering

/**
 * Creates an account whose address is not proven yet, and mails a link to prove it. The answer is the
 * same, after the same slow work (hashing the password), whether or not the address had an account:
 * - no account: a new one, and the link;
 * - an account nobody has proven yet: this registration replaces the details of the earlier one (which
 *   may not have been the owner's), earlier links stop working, and a new link goes;
 * - any other account: the address is told an account exists, with a way to reset the password.
 */
export async function registerReferrer(
  db: Db,
  meta: RequestMeta,
  input: Registration,
  publicUrl: string,
): Promise<{ message: string }> {
  const organisation = await organisationForSelfRegistration(db);
  if (!organisation) {
    throw new RuleRefused('Accounts cannot be made until this service has been set up.', 'not_set_up');
  }
  const passwordHash = await hashPassword(input.password);
  const profile = { organisation: input.organisation || null, role: input.role, phone: input.phone || null };
  const existing = await accountByEmail(db, input.email);
  try {
    await db.transaction(async (tx) => {
      if (!existing) {
        const userId = await createUnverifiedAccount(tx, {
          organisationId: organisation.id,
          email: input.email,
          displayName: input.name,
          passwordHash,
          role: 'referrer',
        });
        await saveProfile(tx, userId, profile);
        const account = {
          id: userId,
          email: input.email,
          displayName: input.name,
          organisationId: organisation.id,
        };
        const sent = await sendVerificationLink(tx, account, publicUrl);
        await recordAudit(tx, meta, ANONYMOUS, {
          action: 'referrer_account.registered',
          outcome: 'success',
          resourceType: 'user',
          resourceId: userId,
          organisationId: organisation.id,
          detail: { linkSent: sent },
        });
      } else if (isUnprovenReferrer(existing)) {
        await replaceUnverifiedDetails(tx, existing.id, { displayName: input.name, passwordHash });
        await saveProfile(tx, existing.id, profile);
        await closeVerifications(tx, existing.id, new Date());
        const sent = await sendVerificationLink(tx, { ...existing, displayName: input.name }, publicUrl);
        await recordAudit(tx, meta, ANONYMOUS, {
          action: 'referrer_account.registered_again',
          outcome: 'success',
          resourceType: 'user',
          resourceId: existing.id,
          organisationId: existing.organisationId,
          detail: { linkSent: sent },
        });
      } else {
        await tellOfExistingAccount(tx, existing, publicUrl);
        await recordAudit(tx, meta, ANONYMOUS, {
          action: 'referrer_account.registered_again',
          outcome: 'refused',
          resourceType: 'user',
          resourceId: existing.id,
          organisationId: existing.organisationId,
          detail: { reason: 'account_exists' },
        });
      }
    });
  } catch (error) {
    // Two registrations for a new address at the same moment: the other one made the account.
    if (databaseErrorOf(error).code !== '23505') throw error;
  }
  return {
    message: `We have sent an email to ${input.email}. Open the link in it within ${VERIFICATION_HOURS} hours to confirm your address.`,
  };
}

async function tellOfExistingAccount(tx: Executor, account: AccountSummary, publicUrl: string) {
  await queueMail(tx, {
    organisationId: account.organisationId,
    centreId: null,
    toAddress: account.email,
    subject: 'You already have a Neutral Ground account',
    bodyText: [
      `Hello ${account.displayName},`,
      '',
      'Someone, perhaps you, tried to create a referrer account with this email address. There is',
      'already an account for it, so nothing new was created.',
      '',
      `To sign in, go to ${publicUrl}/sign-in`,
      `If you have forgotten your password, you can choose a new one at ${publicUrl}/forgot-password`,
      '',
      'If this was not you, you can ignore this message: nothing has changed.',
    ].join('\n'),
  });
}

// Proving the address

const LINK_EXPIRED =
  'This link has expired or was already used. If you have already confirmed your address, sign in. If not, ask for a new link.';
const WRONG_PASSWORD =
  'This is not the password the account was created with. Enter the password you chose, or create your account again with this email address to get a new link.';

/**
 * Proves the address with the emailed link and the password chosen when registering: the link shows the
 * person holds the mailbox, the password that they are the one who registered. The link works once.
 */
export async function verifyEmail(db: Db, meta: RequestMeta, input: Verification) {
  const hash = tokenHash(input.token);
  const link = await findOpenVerification(db, hash, new Date());
  const account = link ? await accountById(db, link.userId) : undefined;
  if (!account || account.emailVerifiedAt !== null || account.status !== 'active') {
    await recordAudit(db, meta, ANONYMOUS, {
      action: 'referrer_account.email_verified',
      outcome: 'refused',
      detail: { reason: 'bad_link' },
    });
    throw new RuleRefused(LINK_EXPIRED, 'link_expired');
  }
  if (!(await passwordMatches(db, account.id, input.password))) {
    await recordAudit(db, meta, whoIs(account), {
      action: 'referrer_account.email_verified',
      outcome: 'failure',
      resourceType: 'user',
      resourceId: account.id,
      detail: { reason: 'wrong_password' },
    });
    throw new AppError(422, 'wrong_password', WRONG_PASSWORD, [
      { field: 'password', message: WRONG_PASSWORD },
    ]);
  }
  const verified = await db.transaction(async (tx) => {
    const now = new Date();
    // Of two requests with the same link, one uses it; a registration in between has closed it.
    if ((await consumeVerification(tx, hash, now)) !== account.id) return false;
    await markEmailVerified(tx, account.id, now);
    await closeVerifications(tx, account.id, now);
    await recordAudit(tx, meta, whoIs(account), {
      action: 'referrer_account.email_verified',
      outcome: 'success',
      resourceType: 'user',
      resourceId: account.id,
    });
    return true;
  });
  if (!verified) throw new RuleRefused(LINK_EXPIRED, 'link_expired');
  return { email: account.email };
}

/**
 * A new link for an account whose address is not proven yet. The answer is the same whether or not
 * there is one; links are limited per account per hour.
 */
export async function resendVerification(
  db: Db,
  meta: RequestMeta,
  email: string,
  publicUrl: string,
): Promise<{ message: string }> {
  const account = await accountByEmail(db, email);
  if (account && isUnprovenReferrer(account) && account.status === 'active') {
    await db.transaction(async (tx) => {
      const sent = await sendVerificationLink(tx, account, publicUrl);
      await recordAudit(tx, meta, ANONYMOUS, {
        action: 'referrer_account.verification_resent',
        outcome: sent ? 'success' : 'refused',
        resourceType: 'user',
        resourceId: account.id,
        organisationId: account.organisationId,
        ...(sent ? {} : { detail: { reason: 'rate_limited' } }),
      });
    });
  } else {
    await recordAudit(db, meta, ANONYMOUS, {
      action: 'referrer_account.verification_resent',
      outcome: 'refused',
      detail: { reason: account ? 'nothing_to_confirm' : 'unknown_account' },
    });
  }
  return {
    message: `If an account for ${email} is waiting to be confirmed, we have sent a new link. It works for ${VERIFICATION_HOURS} hours.`,
  };
}

// What a signed-in referrer sees

type Service = (typeof SERVICES)[number];
type DeclineReason = (typeof DECLINE_REASONS)[number];
type OwnRow = Awaited<ReturnType<typeof referralsMadeBy>>[number];

/**
 * Status and what the centre told the referrer by email, nothing more: the request for information
 * while it waits, the reason and note of a decline (the decline email gives both).
 */
function ownView(row: OwnRow): OwnReferralView {
  const decided = row.status === 'accepted' || row.status === 'declined';
  return {
    id: row.id,
    reference: row.reference,
    centreName: row.centreName,
    sentAt: row.receivedAt.toISOString(),
    serviceRequested: row.serviceRequested as Service,
    childrenFirstNames: Array.isArray(row.childrenFirstNames) ? row.childrenFirstNames.map(String) : [],
    status: row.status,
    informationRequested: row.status === 'awaiting_information' ? row.decisionNote : null,
    declineReason: row.status === 'declined' ? (row.decisionReason as DeclineReason | null) : null,
    declineNote: row.status === 'declined' ? row.decisionNote : null,
    decidedAt: decided && row.decidedAt ? row.decidedAt.toISOString() : null,
  };
}

// A referrer acts for nobody in a case: any contact detail that found its way in would be withheld.
const forReferrer = redactFor({ kind: 'professional', actingFor: [] }, disclosureRules([]));

export async function listOwnReferrals(db: Db, actor: Actor) {
  const rows = await referralsMadeBy(db, actor);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'referral.listed_own',
    outcome: 'success',
    resourceType: 'referral',
    detail: { count: rows.length },
  });
  return forReferrer(rows.map(ownView));
}

export async function readOwnReferral(db: Db, actor: Actor, id: string) {
  const [row] = await referralsMadeBy(db, actor, id);
  if (!row) throw new NotFound('referral');
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'referral.read_own',
    outcome: 'success',
    resourceType: 'referral',
    resourceId: id,
    centreId: row.centreId,
  });
  return forReferrer(ownView(row));
}

/** What the referral form fills in for a signed-in referrer. */
export async function ownProfile(db: Db, actor: Actor): Promise<ReferrerProfileView> {
  const profile = await findProfile(db, actor.userId);
  if (profile) return profile;
  // An account made without a profile (by hand): the name and address are still known.
  const account = await accountById(db, actor.userId);
  if (!account) throw new NotFound('profile');
  return { name: account.displayName, email: account.email, organisation: null, role: null, phone: null };
}

// A coordinator's invitation

/**
 * Invites the referrer of a referral to follow it online. Someone who cannot open the referral answers
 * as if it did not exist; an address that already has an account is refused with a sentence.
 */
export async function inviteReferrer(
  db: Db,
  actor: Actor,
  centreId: string,
  referralId: string,
  publicUrl: string,
) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotFound('referral');
  const referral = await referrerOfReferral(db, centreId, referralId);
  if (!referral) throw new NotFound('referral');
  const existing = await accountByEmail(db, referral.referrerEmail);
  if (existing) {
    throw existing.roles.includes('referrer')
      ? new Conflict(
          'They already have an account; they will see this referral when they sign in.',
          'already_has_account',
        )
      : new Conflict(
          'This email address belongs to a staff account, so it cannot be used to follow referrals online.',
          'staff_account',
        );
  }
  const invitation = await createReferrerInvitation(
    db,
    actor,
    {
      id: referral.id,
      reference: referral.reference,
      centreId: referral.centreId,
      centreName: referral.centreName,
      referrerName: referral.referrerName,
      email: referral.referrerEmail.toLowerCase(),
    },
    publicUrl,
  );
  return {
    email: invitation.email,
    expiresAt: invitation.expiresAt,
    message: `We have emailed ${referral.referrerName} a link to create an account. It works for 7 days.`,
  };
}

// Housekeeping

export const REFERRER_PRUNE_JOB = 'referrer_accounts.prune';
const UNPROVEN_DAYS = 7;

/**
 * Daily: links that ended a day ago go, and so do accounts whose address was never proven within a
 * week (nobody could sign in with them, and they hold a name, an organisation and a phone number).
 */
export function pruneReferrerAccounts(db: Db) {
  return async (): Promise<void> => {
    const now = Date.now();
    await deleteEndedVerifications(db, new Date(now - DAY_MS));
    for (const userId of await unprovenReferrerAccountsBefore(db, new Date(now - UNPROVEN_DAYS * DAY_MS))) {
      await db.transaction(async (tx) => {
        if (!(await deleteUnprovenAccount(tx, userId))) return;
        await recordAudit(tx, { requestId: REFERRER_PRUNE_JOB, clientAddress: null }, ANONYMOUS, {
          action: 'referrer_account.removed_unproven',
          outcome: 'success',
          resourceType: 'user',
          resourceId: userId,
        });
      });
    }
  };
}
