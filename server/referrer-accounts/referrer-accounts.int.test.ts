/**
 * Referrer accounts through HTTP, with mail delivered to a real SMTP server on loopback: a solicitor
 * registers, proves the address, signs in with two-factor and sees the referrals they made (and nothing
 * else); an address that has an account gets the same answer and a different mail; a coordinator
 * invites the referrer of a referral.
 */
import { and, desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralBody } from '../../shared/api/referrals.js';
import {
  auditEvents,
  emailVerifications,
  invitations,
  referrals,
  referrerProfiles,
  roleAssignments,
  users,
} from '../db/schema.js';
import { DEMO, testApp, totpCodeFor, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { pruneReferrerAccounts } from './service.js';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

let smtp: Smtp;
let t: TestApp;
let riverside: string;
let hillview: string;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await testApp({ config: { smtpUrl: smtp.url, mailFrom: 'Neutral Ground <no-reply@example.org>' } });
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

// Each public request comes from its own address, so the per-connection limits stay out of the way
// except where they are tested.
let connection = 0;
const nextAddress = () => `127.0.2.${++connection}`;

const SOLICITOR = 'sam.okafor@example.org';
const SOLICITOR_PASSWORD = 'sam chooses a long password';

function registration(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Sam Okafor',
    email: SOLICITOR,
    password: SOLICITOR_PASSWORD,
    organisation: 'Okafor Family Law',
    role: 'solicitor',
    phone: '0117 496 0101',
    ...overrides,
  };
}

async function register(body: Record<string, unknown>, client: Client = t.anonymous()) {
  return client.request({
    method: 'POST',
    url: '/api/referrer-accounts',
    payload: body,
    remoteAddress: nextAddress(),
  });
}

/** The text of a delivered message (nodemailer sends long lines as quoted-printable). */
function textOf(raw: string): string {
  const split = raw.search(/\r?\n\r?\n/);
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body, 'base64').toString('utf8');
  return body;
}

/** Runs the mail worker and returns what has arrived for `address` so far, oldest first. */
async function mailTo(address: string) {
  while ((await t.worker.runDue()) > 0) {
    // Until the queue is empty.
  }
  return smtp.received
    .filter((mail) => mail.to.includes(address))
    .map((mail) => ({
      subject: /^Subject: (.*)$/im.exec(mail.raw)?.[1] ?? '',
      text: textOf(mail.raw),
    }));
}

const CONFIRM_SUBJECT = 'Confirm your email address for Neutral Ground';

/** The mails with a link to confirm the address (the referral form's acknowledgements left out). */
async function linkMailsTo(address: string) {
  return (await mailTo(address)).filter((mail) => mail.subject === CONFIRM_SUBJECT);
}

const linkIn = (text: string) => /\/referrer\/verify\/([A-Za-z0-9_-]{43})/.exec(text)?.[1];

async function verify(token: string, password: string) {
  return t.anonymous().request({
    method: 'POST',
    url: '/api/referrer-accounts/verify',
    payload: { token, password },
    remoteAddress: nextAddress(),
  });
}

async function signInWithPassword(email: string, password: string) {
  const client = t.anonymous();
  const response = await client.request({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: nextAddress(),
  });
  return { client, response };
}

/** First sign-in of a new account: password, then two-factor set up with the key the server shows. */
async function signInFirstTime(email: string, password: string): Promise<{ client: Client; secret: string }> {
  const { client, response } = await signInWithPassword(email, password);
  expect(response.statusCode, response.body).toBe(200);
  expect(response.json().stage).toBe('two-factor-setup');
  const setup = await client.post('/api/auth/two-factor/setup');
  expect(setup.statusCode).toBe(200);
  const secret = setup.json().secret as string;
  const confirmed = await client.post('/api/auth/two-factor/confirm', { code: await totpCodeFor(secret) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  expect(confirmed.json()).toMatchObject({
    stage: 'signed-in',
    organisationRoles: ['referrer'],
    centres: [],
  });
  return { client, secret };
}

async function sendReferral(body: ReferralBody, client: Client = t.anonymous()) {
  const response = await client.request({
    method: 'POST',
    url: '/api/referrals',
    payload: body,
    remoteAddress: nextAddress(),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { referralId: string; reference: string };
}

const otherReferrer = (email: string, name: string): Partial<ReferralBody> => ({
  referrer: { name, role: 'social_worker', email, organisation: 'Riverside Council' },
});

async function userRow(email: string) {
  const [row] = await t.database.db.select().from(users).where(eq(users.email, email));
  return row;
}

async function lastAudit(action: string) {
  const [row] = await t.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.action, action))
    .orderBy(desc(auditEvents.seq))
    .limit(1);
  return row;
}

describe('a solicitor creates an account, proves the address and follows their referrals', () => {
  let solicitor: Client;
  let fromPublicForm: { referralId: string; reference: string };
  let someoneElses: { referralId: string; reference: string };
  let signedIn: { referralId: string; reference: string };

  it('registers: the answer says to check the email, and the link arrives by mail', async () => {
    // Sent before the account existed, from the public form, with the address they will prove.
    fromPublicForm = await sendReferral(
      referralFor(riverside, {
        referrer: { name: 'Sam Okafor', role: 'solicitor', email: SOLICITOR },
        children: [
          { firstName: 'Ayo', lastName: 'Hill', dateOfBirth: '2019-05-02' },
          { firstName: 'Tomi', lastName: 'Hill', dateOfBirth: '2021-07-11' },
        ],
      }),
    );
    someoneElses = await sendReferral(
      referralFor(hillview, otherReferrer('priya.jones@example.org', 'Priya Jones')),
    );

    const response = await register(registration());
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json().message).toBe(
      `We have sent an email to ${SOLICITOR}. Open the link in it within 24 hours to confirm your address.`,
    );
    const user = await userRow(SOLICITOR);
    expect(user).toMatchObject({ displayName: 'Sam Okafor', emailVerifiedAt: null, status: 'active' });
    expect(user!.passwordHash).not.toContain(SOLICITOR_PASSWORD);
    const roles = await t.database.db
      .select({ role: roleAssignments.role, centreId: roleAssignments.centreId })
      .from(roleAssignments)
      .where(eq(roleAssignments.userId, user!.id));
    expect(roles).toEqual([{ role: 'referrer', centreId: null }]);
    const [profile] = await t.database.db
      .select()
      .from(referrerProfiles)
      .where(eq(referrerProfiles.userId, user!.id));
    expect(profile).toMatchObject({
      organisation: 'Okafor Family Law',
      role: 'solicitor',
      phone: '0117 496 0101',
    });

    const [mail] = await linkMailsTo(SOLICITOR);
    expect(mail!.subject).toBe(CONFIRM_SUBJECT);
    expect(mail!.text).toContain('Hello Sam Okafor,');
    const token = linkIn(mail!.text);
    expect(token).toBeDefined();
    // Only the hash of the link is kept.
    const [link] = await t.database.db
      .select()
      .from(emailVerifications)
      .where(eq(emailVerifications.userId, user!.id));
    expect(link!.tokenHash).not.toContain(token!);
    expect(link!.expiresAt.getTime() - link!.createdAt.getTime()).toBeCloseTo(24 * 60 * 60 * 1000, -4);
  });

  it('signing in before proving the address: a wrong password gets the usual answer; the right one is told to use the link, and a fresh one is sent', async () => {
    const wrong = await signInWithPassword(SOLICITOR, 'not the password at all');
    const unknown = await signInWithPassword('nobody.here@example.org', 'not the password at all');
    expect(wrong.response.statusCode).toBe(401);
    expect(wrong.response.json()).toEqual(unknown.response.json());
    expect(wrong.response.json().message).toBe('The email or password is not right.');
    expect(await linkMailsTo(SOLICITOR)).toHaveLength(1);

    const right = await signInWithPassword(SOLICITOR, SOLICITOR_PASSWORD);
    expect(right.response.statusCode).toBe(403);
    expect(right.response.json()).toMatchObject({
      code: 'email_not_verified',
      message:
        'Your email address is not confirmed yet. We have sent you a new link: open it to confirm your address, then sign in. It works for 24 hours.',
    });
    // No session was started.
    expect(right.response.cookies.find((c) => c.name === 'ng_session')).toBeUndefined();
    const mails = await linkMailsTo(SOLICITOR);
    expect(mails).toHaveLength(2);
    expect(linkIn(mails[1]!.text)).not.toBe(linkIn(mails[0]!.text));
    expect(await lastAudit('auth.sign_in')).toMatchObject({
      outcome: 'refused',
      detail: { reason: 'email_not_verified', linkSent: true },
    });
  });

  it('the link needs the password chosen; it then proves the address once, and every other link stops working', async () => {
    const [first, second] = await linkMailsTo(SOLICITOR);
    const token = linkIn(second!.text)!;

    const wrongPassword = await verify(token, 'somebody else’s password');
    expect(wrongPassword.statusCode).toBe(422);
    expect(wrongPassword.json()).toMatchObject({
      code: 'wrong_password',
      details: [{ field: 'password' }],
    });
    expect((await userRow(SOLICITOR))!.emailVerifiedAt).toBeNull();

    const verified = await verify(token, SOLICITOR_PASSWORD);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toEqual({ email: SOLICITOR });
    expect((await userRow(SOLICITOR))!.emailVerifiedAt).toBeInstanceOf(Date);

    const used = await verify(token, SOLICITOR_PASSWORD);
    expect(used.statusCode).toBe(422);
    expect(used.json()).toMatchObject({
      code: 'link_expired',
      message:
        'This link has expired or was already used. If you have already confirmed your address, sign in. If not, ask for a new link.',
    });
    const older = await verify(linkIn(first!.text)!, SOLICITOR_PASSWORD);
    expect(older.statusCode).toBe(422);
    expect(older.json().code).toBe('link_expired');
  });

  it('signs in with two-factor, then sees the referral sent earlier from the public form, not someone else’s', async () => {
    ({ client: solicitor } = await signInFirstTime(SOLICITOR, SOLICITOR_PASSWORD));
    const list = await solicitor.get('/api/my/referrals');
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { id: string }[];
    expect(items.map((r) => r.id)).toEqual([fromPublicForm.referralId]);
    expect(list.json().items[0]).toEqual({
      id: fromPublicForm.referralId,
      reference: fromPublicForm.reference,
      centreName: 'Riverside Contact Centre',
      sentAt: expect.any(String),
      serviceRequested: 'supervised',
      childrenFirstNames: ['Ayo', 'Tomi'],
      status: 'new',
      informationRequested: null,
      declineReason: null,
      declineNote: null,
      decidedAt: null,
    });
    // Nothing of the case: no surnames, no parents, no addresses.
    expect(list.body).not.toMatch(/Hill|Laura|Mark|Quiet Close|Station Road|07700/);
    expect(items.map((r) => r.id)).not.toContain(someoneElses.referralId);
  });

  it('a referral sent while signed in is theirs, and the form can be filled in from their profile', async () => {
    const profile = await solicitor.get('/api/my/profile');
    expect(profile.statusCode).toBe(200);
    expect(profile.json()).toEqual({
      name: 'Sam Okafor',
      email: SOLICITOR,
      organisation: 'Okafor Family Law',
      role: 'solicitor',
      phone: '0117 496 0101',
    });

    // Sent signed in, giving a different address for replies: it is still theirs.
    signedIn = await sendReferral(
      referralFor(riverside, {
        referrer: { name: 'Sam Okafor', role: 'solicitor', email: 'office@okafor-law.example.org' },
        serviceRequested: 'handover',
      }),
      solicitor,
    );
    const [row] = await t.database.db
      .select({ submittedByUserId: referrals.submittedByUserId })
      .from(referrals)
      .where(eq(referrals.id, signedIn.referralId));
    expect(row!.submittedByUserId).toBe((await userRow(SOLICITOR))!.id);

    const items = (await solicitor.get('/api/my/referrals')).json().items as {
      id: string;
      serviceRequested: string;
    }[];
    expect(items.map((r) => r.id).sort()).toEqual([fromPublicForm.referralId, signedIn.referralId].sort());
    expect(items.find((r) => r.id === signedIn.referralId)?.serviceRequested).toBe('handover');
    expect(await lastAudit('referral.listed_own')).toMatchObject({
      outcome: 'success',
      actorUserId: (await userRow(SOLICITOR))!.id,
      detail: { count: 2 },
    });
  });

  it('follows the centre’s request for information and its decline, as the emails told them', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const asked = await coordinator.post(
      `/api/centres/${riverside}/referrals/${fromPublicForm.referralId}/request-information`,
      { message: 'Please send us a copy of the interim order.' },
    );
    expect(asked.statusCode).toBe(200);
    // The staff page shows the request too.
    expect(asked.json().decisionNote).toBe('Please send us a copy of the interim order.');
    const declined = await coordinator.post(
      `/api/centres/${riverside}/referrals/${signedIn.referralId}/decline`,
      { reason: 'not_a_fit', note: 'A handover service is not offered at Riverside.' },
    );
    expect(declined.statusCode).toBe(200);

    const waiting = await solicitor.get(`/api/my/referrals/${fromPublicForm.referralId}`);
    expect(waiting.statusCode).toBe(200);
    expect(waiting.json()).toMatchObject({
      status: 'awaiting_information',
      informationRequested: 'Please send us a copy of the interim order.',
      declineReason: null,
    });
    const refused = await solicitor.get(`/api/my/referrals/${signedIn.referralId}`);
    expect(refused.json()).toMatchObject({
      status: 'declined',
      informationRequested: null,
      declineReason: 'not_a_fit',
      declineNote: 'A handover service is not offered at Riverside.',
      decidedAt: expect.any(String),
    });
    expect(await lastAudit('referral.read_own')).toMatchObject({
      resourceType: 'referral',
      resourceId: signedIn.referralId,
      centreId: riverside,
    });

    // Accepting answers the request: the referrer no longer sees it.
    expect(
      (await coordinator.post(`/api/centres/${riverside}/referrals/${fromPublicForm.referralId}/accept`))
        .statusCode,
    ).toBe(200);
    expect((await solicitor.get(`/api/my/referrals/${fromPublicForm.referralId}`)).json()).toMatchObject({
      status: 'accepted',
      informationRequested: null,
    });
  });

  it('someone else’s referral answers 404, like one that does not exist; staff routes are refused', async () => {
    const other = await solicitor.get(`/api/my/referrals/${someoneElses.referralId}`);
    const missing = await solicitor.get(`/api/my/referrals/${crypto.randomUUID()}`);
    expect(other.statusCode).toBe(404);
    expect(other.json()).toEqual(missing.json());

    for (const url of [
      '/api/admin/users',
      '/api/admin/invitations',
      '/api/audit/events',
      '/api/admin/outbox',
    ]) {
      expect((await solicitor.get(url)).statusCode, url).toBe(403);
    }
    // A centre's routes answer as for a centre that does not exist: they work at none.
    for (const url of [
      `/api/centres/${riverside}/referrals`,
      `/api/centres/${riverside}/referrals/${fromPublicForm.referralId}`,
      `/api/centres/${riverside}/rooms`,
    ]) {
      expect((await solicitor.get(url)).statusCode, url).toBe(404);
    }
    const staff = await t.as(DEMO.coordinator);
    expect((await staff.get('/api/my/referrals')).statusCode).toBe(403);
    expect((await staff.get('/api/my/profile')).statusCode).toBe(403);
  });
});

describe('an address that already has an account gets the same answer and a different mail', () => {
  it('a staff address: the same answer, a note with a way to reset the password, and nothing changes', async () => {
    const before = await userRow(DEMO.coordinator);
    const response = await register(
      registration({ email: DEMO.coordinator, password: 'a takeover attempt' }),
    );
    const fresh = await register(registration({ email: 'new.person@example.org' }));
    expect(response.statusCode).toBe(202);
    expect(fresh.statusCode).toBe(202);
    expect(response.json().message.replace(DEMO.coordinator, 'ADDRESS')).toBe(
      fresh.json().message.replace('new.person@example.org', 'ADDRESS'),
    );

    const [note] = await mailTo(DEMO.coordinator);
    expect(note!.subject).toBe('You already have a Neutral Ground account');
    expect(note!.text).toContain('http://localhost:3000/forgot-password');
    expect(linkIn(note!.text)).toBeUndefined();
    const after = await userRow(DEMO.coordinator);
    expect(after).toEqual(before);
    expect(
      await t.database.db.select().from(referrerProfiles).where(eq(referrerProfiles.userId, before!.id)),
    ).toEqual([]);
    expect((await t.as(DEMO.coordinator)).csrfToken).toBeTruthy();
  });

  it('a referrer who has proven the address: the same note, and their password still works', async () => {
    const response = await register(registration({ name: 'Not Sam', password: 'someone else entirely' }));
    expect(response.statusCode).toBe(202);
    const mails = await mailTo(SOLICITOR);
    expect(mails.at(-1)!.subject).toBe('You already have a Neutral Ground account');
    expect((await userRow(SOLICITOR))!.displayName).toBe('Sam Okafor');
    expect((await signInWithPassword(SOLICITOR, SOLICITOR_PASSWORD)).response.statusCode).toBe(200);
  });

  it('an address nobody has proven yet: the latest registration replaces the earlier one, and only its link and password work', async () => {
    const address = 'first.come@example.org';
    expect(
      (await register(registration({ email: address, password: 'the squatter password' }))).statusCode,
    ).toBe(202);
    expect(
      (await register(registration({ email: address, name: 'Real Owner', password: 'the owner password' })))
        .statusCode,
    ).toBe(202);
    const mails = await mailTo(address);
    expect(mails).toHaveLength(2);
    const owners = mails.find((mail) => mail.text.includes('Hello Real Owner,'));
    const squatters = mails.find((mail) => mail !== owners);
    expect((await verify(linkIn(squatters!.text)!, 'the squatter password')).json().code).toBe(
      'link_expired',
    );
    const withOld = await verify(linkIn(owners!.text)!, 'the squatter password');
    expect(withOld.json().code).toBe('wrong_password');
    expect((await verify(linkIn(owners!.text)!, 'the owner password')).statusCode).toBe(200);
    expect((await userRow(address))!.displayName).toBe('Real Owner');
  });
});

describe('expired links and new ones', () => {
  it('an expired link is refused with a sentence; a new one can be asked for, with the same answer for any address', async () => {
    const address = 'late.reader@example.org';
    await register(registration({ email: address }));
    const [mail] = await mailTo(address);
    const user = await userRow(address);
    await t.database.db
      .update(emailVerifications)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(emailVerifications.userId, user!.id));
    const expired = await verify(linkIn(mail!.text)!, SOLICITOR_PASSWORD);
    expect(expired.statusCode).toBe(422);
    expect(expired.json().code).toBe('link_expired');

    const solicitorMails = (await mailTo(SOLICITOR)).length;
    const resend = (email: string) =>
      t.anonymous().request({
        method: 'POST',
        url: '/api/referrer-accounts/verify/resend',
        payload: { email },
        remoteAddress: nextAddress(),
      });
    const asked = await resend(address);
    const unknown = await resend('never.registered@example.org');
    const proven = await resend(SOLICITOR);
    for (const response of [asked, unknown, proven]) expect(response.statusCode).toBe(202);
    expect(asked.json().message.replace(address, 'X')).toBe(
      unknown.json().message.replace('never.registered@example.org', 'X'),
    );
    expect(asked.json().message.replace(address, 'X')).toBe(proven.json().message.replace(SOLICITOR, 'X'));

    const fresh = (await mailTo(address)).at(-1)!;
    expect(linkIn(fresh.text)).not.toBe(linkIn(mail!.text));
    expect((await verify(linkIn(fresh.text)!, SOLICITOR_PASSWORD)).statusCode).toBe(200);
    expect(await mailTo('never.registered@example.org')).toEqual([]);
    expect(await mailTo(SOLICITOR)).toHaveLength(solicitorMails);
  });

  it('at most three links an hour go to one account, whoever asks; the answer does not change', async () => {
    const address = 'many.links@example.org';
    await register(registration({ email: address }));
    for (let n = 0; n < 4; n++) {
      const response = await t.anonymous().request({
        method: 'POST',
        url: '/api/referrer-accounts/verify/resend',
        payload: { email: address },
        remoteAddress: nextAddress(),
      });
      expect(response.statusCode).toBe(202);
    }
    expect(await mailTo(address)).toHaveLength(3);
  });

  it('accounts never proven are removed after a week; proven ones stay', async () => {
    const address = 'never.confirmed@example.org';
    await register(registration({ email: address }));
    const user = await userRow(address);
    await t.database.db
      .update(users)
      .set({ createdAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })
      .where(eq(users.id, user!.id));
    await pruneReferrerAccounts(t.database.db)();
    expect(await userRow(address)).toBeUndefined();
    expect(await userRow(SOLICITOR)).toBeDefined();
    expect(await lastAudit('referrer_account.removed_unproven')).toMatchObject({ resourceId: user!.id });
  });
});

describe('a coordinator invites the referrer of a referral to follow it online', () => {
  const INVITED = 'rosa.mendes@example.org';
  let sent: { referralId: string; reference: string };

  it('only someone who manages people at the referral’s centre, and can open it, may invite', async () => {
    const rosa: Partial<ReferralBody> = {
      referrer: {
        name: 'Rosa Mendes',
        role: 'social_worker',
        email: INVITED,
        organisation: 'Riverside Council Children’s Services',
        phone: '01632 960 777',
      },
    };
    sent = await sendReferral(referralFor(riverside, rosa));
    const url = `/api/centres/${riverside}/referrals/${sent.referralId}/invite-referrer`;
    expect((await (await t.as(DEMO.volunteer)).post(url)).statusCode).toBe(403);
    expect((await (await t.as(DEMO.hillviewCoordinator)).post(url)).statusCode).toBe(404);
    // The administrator manages people but cannot open referrals: to them it does not exist.
    expect((await (await t.as(DEMO.admin)).post(url)).statusCode).toBe(404);
    // Through the coordinator's own centre, another centre's referral is not found.
    const coordinator = await t.as(DEMO.coordinator);
    const hillviewReferral = await sendReferral(referralFor(hillview, rosa));
    expect(
      (
        await coordinator.post(
          `/api/centres/${riverside}/referrals/${hillviewReferral.referralId}/invite-referrer`,
        )
      ).statusCode,
    ).toBe(404);
    expect(await t.database.db.select().from(invitations).where(eq(invitations.email, INVITED))).toEqual([]);
  });

  it('the invitation is mailed; accepting it makes a proven referrer account with a profile from the referral', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(
      `/api/centres/${riverside}/referrals/${sent.referralId}/invite-referrer`,
    );
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({
      email: INVITED,
      message: 'We have emailed Rosa Mendes a link to create an account. It works for 7 days.',
    });
    const [row] = await t.database.db.select().from(invitations).where(eq(invitations.email, INVITED));
    expect(row).toMatchObject({ role: 'referrer', centreId: null });
    expect(await lastAudit('user.invited')).toMatchObject({
      centreId: riverside,
      detail: { role: 'referrer', referralId: sent.referralId },
    });
    // Staff invitation lists are for staff: this one is not among them, and the lists still answer.
    const listed = await (await t.as(DEMO.admin)).get('/api/admin/invitations');
    expect(listed.statusCode).toBe(200);
    expect((listed.json().items as { email: string }[]).map((i) => i.email)).not.toContain(INVITED);

    const mails = await mailTo(INVITED);
    const invitation = mails.find((m) => m.subject === `Follow referral ${sent.reference} online`);
    expect(invitation?.text).toContain('Priya Shah at Riverside Contact Centre has invited you');
    const token = /\/invitation\/([A-Za-z0-9_-]{43})/.exec(invitation!.text)![1]!;
    const shown = await t.anonymous().get(`/api/invitations/${token}`);
    expect(shown.json()).toMatchObject({ email: INVITED, role: 'referrer', centreName: null });
    const accepted = await t.anonymous().post(`/api/invitations/${token}/accept`, {
      displayName: 'Rosa Mendes',
      password: 'rosa has a long password',
    });
    expect(accepted.statusCode, accepted.body).toBe(204);

    const user = await userRow(INVITED);
    expect(user!.emailVerifiedAt).toBeInstanceOf(Date);
    const [profile] = await t.database.db
      .select()
      .from(referrerProfiles)
      .where(eq(referrerProfiles.userId, user!.id));
    expect(profile).toMatchObject({
      organisation: 'Riverside Council Children’s Services',
      role: 'social_worker',
      phone: '01632 960 777',
    });

    // No link to confirm: the invitation proved the address. They see their referrals, not Sam's.
    const { client } = await signInFirstTime(INVITED, 'rosa has a long password');
    const items = (await client.get('/api/my/referrals')).json().items as { reference: string }[];
    expect(items.map((r) => r.reference)).toContain(sent.reference);
    const sams = await t.database.db
      .select({ id: referrals.id })
      .from(referrals)
      .where(and(eq(referrals.referrerEmail, SOLICITOR)));
    expect((await client.get(`/api/my/referrals/${sams[0]!.id}`)).statusCode).toBe(404);
  });

  it('an address that already has an account is refused with a sentence, and nothing is sent', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const mailsBefore = (await mailTo(INVITED)).length;
    const again = await coordinator.post(
      `/api/centres/${riverside}/referrals/${sent.referralId}/invite-referrer`,
    );
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'already_has_account',
      message: 'They already have an account; they will see this referral when they sign in.',
    });
    expect(await mailTo(INVITED)).toHaveLength(mailsBefore);

    const fromStaff = await sendReferral(
      referralFor(riverside, otherReferrer(DEMO.safeguarding, 'Sara Lee')),
    );
    const staff = await coordinator.post(
      `/api/centres/${riverside}/referrals/${fromStaff.referralId}/invite-referrer`,
    );
    expect(staff.statusCode).toBe(409);
    expect(staff.json().code).toBe('staff_account');
  });

  it('a coordinator still cannot give staff roles beyond their centre by invitation', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const elsewhere = await coordinator.post('/api/admin/invitations', {
      email: 'elsewhere@example.org',
      role: 'coordinator',
      centreId: hillview,
    });
    expect(elsewhere.statusCode).toBe(404);
    const referrerRole = await coordinator.post('/api/admin/invitations', {
      email: 'elsewhere@example.org',
      role: 'referrer',
      centreId: null,
    });
    expect(referrerRole.statusCode).toBe(400);
  });
});

describe('registration is limited per connection, like the referral form', () => {
  it('the eleventh registration in an hour from one connection is refused', async () => {
    const statuses: number[] = [];
    for (let n = 0; n < 11; n++) {
      const response = await t.anonymous().request({
        method: 'POST',
        url: '/api/referrer-accounts',
        payload: registration({ email: `flood.${n}@example.org` }),
        remoteAddress: '127.0.9.9',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses[10]).toBe(429);
  });

  it('bad answers are named field by field', async () => {
    const response = await register({
      name: '',
      email: 'not an address',
      password: 'short',
      role: 'judge',
    });
    expect(response.statusCode).toBe(400);
    expect((response.json().details as { field: string }[]).map((d) => d.field).sort()).toEqual(
      ['email', 'name', 'password', 'role'].sort(),
    );
  });
});
