/**
 * Inviting staff (and the referrer of a referral) by an emailed link, and accepting: the account is
 * created when the link is used.
 */
import type { Role, StaffRole } from '../../shared/access.js';
import { PERMISSIONS, STAFF_ROLES } from '../../shared/access.js';
import { can, canOrganisationWide, centresWhere, type Actor, type RequestMeta } from '../access/actor.js';
import { ANONYMOUS, recordAudit, whoOf } from '../audit/service.js';
import { queueMail } from '../mail/service.js';
import type { Db, Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { profileFromReferrals } from '../referrer-accounts/profiles.js';
import {
  findInvitation,
  findOpenInvitationByToken,
  findUserByEmail,
  insertInvitation,
  insertUser,
  listOpenInvitations,
  markInvitationAccepted,
  organisationCentres,
  replaceRoles,
  revokeInvitation as revokeInvitationRow,
} from './repository.js';
import { mayManageRole } from './scope.js';
import { hashPassword, randomToken, tokenHash } from './secrets.js';

const INVITATION_DAYS = 7;

const ROLE_NAMES: Record<StaffRole, string> = {
  organisation_admin: 'organisation administrator',
  coordinator: 'coordinator',
  supervisor: 'supervisor',
  volunteer: 'volunteer',
  safeguarding_lead: 'safeguarding lead',
};

export async function createInvitation(
  db: Db,
  actor: Actor,
  input: { email: string; role: StaffRole; centreId: string | null },
  publicUrl: string,
) {
  if (input.role === 'organisation_admin' && input.centreId !== null) {
    throw new InvalidInput([
      { field: 'centreId', message: 'An organisation administrator is not tied to one centre.' },
    ]);
  }
  if (input.role !== 'organisation_admin' && input.centreId === null) {
    throw new InvalidInput([{ field: 'centreId', message: 'Choose the centre this person will work at.' }]);
  }
  if (input.centreId !== null && !can(actor, PERMISSIONS.CENTRE_READ, input.centreId))
    throw new NotFound('centre');
  if (!mayManageRole(actor, input)) throw new NotAllowed('You can only invite people to centres you manage.');
  const existing = await findUserByEmail(db, input.email);
  if (existing) {
    throw new Conflict(
      'There is already an account for this email address. Change their roles on the Users page instead.',
      'account_exists',
    );
  }
  const token = randomToken();
  return db.transaction(async (tx) => {
    const invitation = await insertInvitation(tx, {
      organisationId: actor.organisationId,
      email: input.email,
      role: input.role,
      centreId: input.centreId,
      tokenHash: tokenHash(token),
      invitedByUserId: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    });
    const centreName = input.centreId ? await centreNameOf(tx, actor, input.centreId) : null;
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId: input.centreId,
      toAddress: input.email,
      subject: 'You are invited to Neutral Ground',
      bodyText: [
        'Hello,',
        '',
        `${actor.displayName} has invited you to join Neutral Ground as ${ROLE_NAMES[input.role]}${centreName ? ` at ${centreName}` : ''}.`,
        `To accept, open this link within ${INVITATION_DAYS} days and choose a password:`,
        '',
        `${publicUrl}/invitation/${token}`,
        '',
        'You will also set up two-factor sign-in with an authenticator app on your phone.',
        'If you were not expecting this, you can ignore this message.',
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'user.invited',
      outcome: 'success',
      resourceType: 'invitation',
      resourceId: invitation.id,
      centreId: input.centreId,
      detail: { role: input.role },
    });
    return {
      id: invitation.id,
      email: invitation.email,
      role: input.role,
      centreId: invitation.centreId,
      centreName,
      invitedBy: actor.displayName,
      createdAt: invitation.createdAt.toISOString(),
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}

/**
 * Invites the person who made a referral to follow it online: the outside role 'referrer', tied to no
 * centre, which shows them their own referrals' status and nothing else. Only someone who manages people
 * at the referral's centre may send it; staff roles are given only through createInvitation above.
 */
export async function createReferrerInvitation(
  db: Db,
  actor: Actor,
  referral: {
    id: string;
    reference: string;
    centreId: string;
    centreName: string;
    referrerName: string;
    email: string;
  },
  publicUrl: string,
) {
  if (!can(actor, PERMISSIONS.USER_MANAGE, referral.centreId)) {
    throw new NotAllowed('You can only invite people to centres you manage.');
  }
  if (await findUserByEmail(db, referral.email)) {
    throw new Conflict('There is already an account for this email address.', 'account_exists');
  }
  const token = randomToken();
  return db.transaction(async (tx) => {
    const invitation = await insertInvitation(tx, {
      organisationId: actor.organisationId,
      email: referral.email,
      role: 'referrer',
      centreId: null,
      tokenHash: tokenHash(token),
      invitedByUserId: actor.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 60 * 60 * 1000),
    });
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId: referral.centreId,
      toAddress: referral.email,
      subject: `Follow referral ${referral.reference} online`,
      bodyText: [
        `Dear ${referral.referrerName},`,
        '',
        `${actor.displayName} at ${referral.centreName} has invited you to follow referral ${referral.reference} online.`,
        'With an account you can see the status of the referrals you make, and nothing else.',
        `To accept, open this link within ${INVITATION_DAYS} days and choose a password:`,
        '',
        `${publicUrl}/invitation/${token}`,
        '',
        'You will also set up two-factor sign-in with an authenticator app on your phone.',
        'If you were not expecting this, you can ignore this message.',
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'user.invited',
      outcome: 'success',
      resourceType: 'invitation',
      resourceId: invitation.id,
      centreId: referral.centreId,
      detail: { role: 'referrer', referralId: referral.id },
    });
    return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt.toISOString() };
  });
}

async function centreNameOf(executor: Executor, actor: Actor, centreId: string): Promise<string | null> {
  const centres = await organisationCentres(executor, actor.organisationId);
  return centres.find((c) => c.id === centreId)?.name ?? null;
}

export async function listInvitations(db: Db, actor: Actor) {
  const rows = await listOpenInvitations(db, actor.organisationId, new Date());
  const wide = canOrganisationWide(actor, PERMISSIONS.USER_READ);
  const centres = centresWhere(actor, PERMISSIONS.USER_READ);
  // Invitations to follow a referral online are not staff invitations: they are not listed here.
  return rows
    .filter((row) => (STAFF_ROLES as readonly string[]).includes(row.role))
    .filter((row) => wide || (row.centreId !== null && centres.includes(row.centreId)))
    .map((row) => ({
      ...row,
      role: row.role as StaffRole,
      createdAt: row.createdAt.toISOString(),
      expiresAt: row.expiresAt.toISOString(),
    }));
}

export async function revokeInvitation(db: Db, actor: Actor, id: string): Promise<void> {
  const invitation = await findInvitation(db, id, actor.organisationId);
  if (
    !invitation ||
    !mayManageRole(actor, { centreId: invitation.centreId, role: invitation.role as Role })
  ) {
    throw new NotFound('invitation');
  }
  await db.transaction(async (tx) => {
    await revokeInvitationRow(tx, id);
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'user.invitation_revoked',
      outcome: 'success',
      resourceType: 'invitation',
      resourceId: id,
      centreId: invitation.centreId,
    });
  });
}

const EXPIRED = 'This invitation link has expired or was already used. Ask for a new invitation.';

export async function showInvitation(db: Db, token: string) {
  const invitation = await findOpenInvitationByToken(db, tokenHash(token), new Date());
  if (!invitation) throw new NotFound('invitation', EXPIRED);
  return {
    email: invitation.email,
    organisationName: invitation.organisationName,
    centreName: invitation.centreName,
    role: invitation.role as Role,
  };
}

/** Creates the account and its role; the link then stops working, even under two requests at once. */
export async function acceptInvitation(
  db: Db,
  meta: RequestMeta,
  token: string,
  input: { displayName: string; password: string },
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  const userId = await db.transaction(async (tx) => {
    const invitation = await findOpenInvitationByToken(tx, tokenHash(token), new Date());
    if (!invitation || !(await markInvitationAccepted(tx, invitation.id))) return null;
    if (await findUserByEmail(tx, invitation.email)) {
      throw new Conflict(
        'There is already an account for this email address. Sign in instead.',
        'account_exists',
      );
    }
    const id = await insertUser(tx, {
      organisationId: invitation.organisationId,
      email: invitation.email,
      displayName: input.displayName,
      passwordHash,
      // The emailed link proved the address.
      emailVerifiedAt: new Date(),
    });
    await replaceRoles(tx, id, [{ centreId: invitation.centreId, role: invitation.role as Role }]);
    if (invitation.role === 'referrer') {
      await profileFromReferrals(tx, {
        userId: id,
        organisationId: invitation.organisationId,
        email: invitation.email,
      });
    }
    await recordAudit(
      tx,
      meta,
      { actorUserId: id, actorLabel: input.displayName, organisationId: invitation.organisationId },
      {
        action: 'user.invitation_accepted',
        outcome: 'success',
        resourceType: 'user',
        resourceId: id,
        centreId: invitation.centreId,
        detail: { invitationId: invitation.id, role: invitation.role },
      },
    );
    return id;
  });
  if (!userId) {
    await recordAudit(db, meta, ANONYMOUS, {
      action: 'user.invitation_accepted',
      outcome: 'refused',
      detail: { reason: 'bad_link' },
    });
    throw new NotFound('invitation', EXPIRED);
  }
}
