import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { desc } from 'drizzle-orm';
import { auditEvents, outboxMessages } from '../db/schema.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { DEMO, testApp, totpCodeFor, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function lastAudit(action: string) {
  const rows = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(50);
  return rows.find((row) => row.action === action);
}

function linkIn(body: string, path: string): string {
  const match = body.match(new RegExp(`${path}/([A-Za-z0-9_-]+)`));
  if (!match) throw new Error(`no ${path} link in mail`);
  return match[1]!;
}

async function newestMailTo(address: string) {
  const rows = await t.database.db.select().from(outboxMessages).orderBy(desc(outboxMessages.createdAt));
  const message = rows.find((row) => row.toAddress === address);
  if (!message) throw new Error(`no mail to ${address}`);
  return message;
}

describe('signing in', () => {
  it('takes a password then a two-factor code, and then shows the centres the person acts for', async () => {
    const client = t.anonymous();
    const first = await client.post('/api/auth/sign-in', {
      email: DEMO.coordinator,
      password: DEMO_PASSWORD,
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ stage: 'two-factor', centres: [] });
    // Before two-factor, nothing beyond sign-in is reachable.
    expect((await client.get('/api/admin/users')).statusCode).toBe(401);

    const second = await client.post('/api/auth/two-factor/verify', {
      code: await totpCodeFor('DEMOCOORDINATORAAAAAAAAAAAAAAAAA'),
    });
    expect(second.statusCode).toBe(200);
    const view = second.json();
    expect(view.stage).toBe('signed-in');
    expect(view.centres.map((c: { name: string }) => c.name)).toEqual(['Riverside Contact Centre']);
    expect(view.centres[0].permissions).toContain('case:read');
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    expect((await lastAudit('auth.two_factor'))?.outcome).toBe('success');
  });

  it('gives the same answer for an unknown email and a wrong password, and audits both', async () => {
    const unknown = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: 'nobody@example.org', password: 'whatever-it-is' });
    const wrong = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: DEMO.supervisor, password: 'not-the-password' });
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.json().message).toBe('The email or password is not right.');
    const rows = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(5);
    const failures = rows.filter((row) => row.action === 'auth.sign_in' && row.outcome === 'failure');
    expect(failures.map((row) => row.detail?.reason).sort()).toEqual(['unknown_account', 'wrong_password']);
  });

  it('refuses further attempts for an email after five failures, even with the right password', async () => {
    const client = t.anonymous();
    for (let i = 0; i < 5; i++) {
      expect(
        (await client.post('/api/auth/sign-in', { email: DEMO.safeguarding, password: `wrong-${i}` }))
          .statusCode,
      ).toBe(401);
    }
    const locked = await client.post('/api/auth/sign-in', {
      email: DEMO.safeguarding,
      password: DEMO_PASSWORD,
    });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/Wait 15 minutes/);
    expect((await lastAudit('auth.sign_in'))?.outcome).toBe('refused');
    // An unknown address is limited the same way, so the limit does not reveal which accounts exist.
    for (let i = 0; i < 5; i++)
      await client.post('/api/auth/sign-in', { email: 'ghost@example.org', password: 'x' });
    expect(
      (await client.post('/api/auth/sign-in', { email: 'ghost@example.org', password: 'x' })).statusCode,
    ).toBe(429);
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, and Secure behind https', async () => {
    const plain = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: DEMO.volunteer, password: DEMO_PASSWORD });
    const cookie = plain.cookies.find((c) => c.name === 'ng_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(cookie.path).toBe('/');

    const behindProxy = await testApp({ config: { trustProxy: true } });
    try {
      const secure = await behindProxy
        .anonymous()
        .post(
          '/api/auth/sign-in',
          { email: DEMO.volunteer, password: DEMO_PASSWORD },
          { 'x-forwarded-proto': 'https' },
        );
      expect(secure.cookies.find((c) => c.name === 'ng_session')!.secure).toBe(true);
    } finally {
      await behindProxy.close();
    }
  });

  it('refuses a change without the CSRF token, or from another site, and audits the refusal', async () => {
    const admin = await t.as(DEMO.admin);
    const withoutToken = await admin.post(
      '/api/admin/invitations',
      { email: 'x@example.org', role: 'organisation_admin', centreId: null },
      { 'x-csrf-token': 'forged' },
    );
    expect(withoutToken.statusCode).toBe(403);
    expect(withoutToken.json().code).toBe('csrf');
    expect((await lastAudit('access.refused'))?.detail).toMatchObject({ reason: 'csrf_token' });

    const crossSite = await admin.post(
      '/api/admin/invitations',
      { email: 'x@example.org', role: 'organisation_admin', centreId: null },
      { origin: 'https://evil.example' },
    );
    expect(crossSite.statusCode).toBe(403);
    expect((await lastAudit('access.refused'))?.detail).toMatchObject({ reason: 'cross_origin' });
  });

  it('accepts a two-factor code once only', async () => {
    const secret = 'DEMOSUPERVISORAAAAAAAAAAAAAAAAAA';
    const code = await totpCodeFor(secret);
    const first = t.anonymous();
    await first.post('/api/auth/sign-in', { email: DEMO.supervisor, password: DEMO_PASSWORD });
    expect((await first.post('/api/auth/two-factor/verify', { code })).statusCode).toBe(200);
    const second = t.anonymous();
    await second.post('/api/auth/sign-in', { email: DEMO.supervisor, password: DEMO_PASSWORD });
    const replay = await second.post('/api/auth/two-factor/verify', { code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().details[0].field).toBe('code');
  });

  it('ends the session on the server at sign-out', async () => {
    const client = t.anonymous();
    await client.post('/api/auth/sign-in', { email: DEMO.hillviewCoordinator, password: DEMO_PASSWORD });
    await client.post('/api/auth/two-factor/verify', {
      code: await totpCodeFor('DEMOHILLVIEWAAAAAAAAAAAAAAAAAAAA'),
    });
    const cookie = client.cookie;
    expect((await client.get('/api/admin/users')).statusCode).toBe(200);
    expect((await client.post('/api/auth/sign-out')).statusCode).toBe(204);
    // The old cookie, replayed, no longer works.
    client.cookie = cookie;
    expect((await client.get('/api/admin/users')).statusCode).toBe(401);
    expect((await lastAudit('auth.sign_out'))?.outcome).toBe('success');
  });
});

describe('invitation, two-factor set-up and password reset', () => {
  it('an admin invites a coordinator, who accepts, sets up two-factor and signs in', async () => {
    const admin = await t.as(DEMO.admin);
    const centres = (await admin.get('/api/admin/centres')).json().items;
    const hillview = centres.find((c: { name: string }) => c.name === 'Hillview Contact Centre');
    const invite = await admin.post('/api/admin/invitations', {
      email: 'New.Person@Example.org',
      role: 'coordinator',
      centreId: hillview.id,
    });
    expect(invite.statusCode).toBe(201);
    expect(invite.json().email).toBe('new.person@example.org');

    const mail = await newestMailTo('new.person@example.org');
    expect(mail.subject).toMatch(/invited/);
    const token = linkIn(mail.bodyText, '/invitation');
    const anonymous = t.anonymous();
    expect((await anonymous.get(`/api/invitations/${token}`)).json()).toMatchObject({
      role: 'coordinator',
      centreName: 'Hillview Contact Centre',
    });
    const short = await anonymous.post(`/api/invitations/${token}/accept`, {
      displayName: 'Nia Evans',
      password: 'short',
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().details).toEqual([{ field: 'password', message: 'Use at least 12 characters' }]);
    expect(
      (
        await anonymous.post(`/api/invitations/${token}/accept`, {
          displayName: 'Nia Evans',
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(204);
    // The link works once.
    expect(
      (
        await anonymous.post(`/api/invitations/${token}/accept`, {
          displayName: 'Nia Evans',
          password: 'a long enough password',
        })
      ).statusCode,
    ).toBe(404);

    const signIn = await anonymous.post('/api/auth/sign-in', {
      email: 'new.person@example.org',
      password: 'a long enough password',
    });
    expect(signIn.json().stage).toBe('two-factor-setup');
    const setup = await anonymous.post('/api/auth/two-factor/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUri } = setup.json();
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    const wrong = await anonymous.post('/api/auth/two-factor/confirm', { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    const confirmed = await anonymous.post('/api/auth/two-factor/confirm', {
      code: await generate({ secret }),
    });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().stage).toBe('signed-in');
    expect(confirmed.json().centres.map((c: { name: string }) => c.name)).toEqual([
      'Hillview Contact Centre',
    ]);
  });

  it('resets a password by a single-use emailed link and ends existing sessions', async () => {
    const before = await t.as(DEMO.volunteer);
    expect(
      (await before.get('/api/centres/' + (await centreId('Riverside Contact Centre')) + '/rooms'))
        .statusCode,
    ).toBe(200);
    const anonymous = t.anonymous();
    const asked = await anonymous.post('/api/auth/password-reset', { email: DEMO.volunteer });
    expect(asked.statusCode).toBe(202);
    const unknown = await anonymous.post('/api/auth/password-reset', { email: 'nobody@example.org' });
    expect(unknown.json()).toEqual(asked.json());

    const token = linkIn((await newestMailTo(DEMO.volunteer)).bodyText, '/reset-password');
    expect(
      (await anonymous.post('/api/auth/password-reset/complete', { token, password: 'a brand new password' }))
        .statusCode,
    ).toBe(204);
    const again = await anonymous.post('/api/auth/password-reset/complete', {
      token,
      password: 'another new password',
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().message).toMatch(/expired or was already used/);
    // The session from before the reset has ended.
    expect((await before.get('/api/admin/centres')).statusCode).toBe(401);
    expect(
      (await anonymous.post('/api/auth/sign-in', { email: DEMO.volunteer, password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(401);
    expect(
      (await anonymous.post('/api/auth/sign-in', { email: DEMO.volunteer, password: 'a brand new password' }))
        .statusCode,
    ).toBe(200);
  });
});

async function centreId(name: string): Promise<string> {
  const admin = await t.as(DEMO.admin);
  return (await admin.get('/api/admin/centres')).json().items.find((c: { name: string }) => c.name === name)
    .id;
}
