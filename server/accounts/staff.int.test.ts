import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { DEMO, testApp, totpCodeFor, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

interface UserView {
  id: string;
  email: string;
  status: string;
  twoFactorEnabled: boolean;
  roles: { centreId: string | null; centreName: string | null; role: string }[];
}

async function userByEmail(email: string): Promise<UserView> {
  const admin = await t.as(DEMO.admin);
  return (await admin.get('/api/admin/users')).json().items.find((u: UserView) => u.email === email);
}

async function centreId(name: string): Promise<string> {
  const admin = await t.as(DEMO.admin);
  return (await admin.get('/api/admin/centres')).json().items.find((c: { name: string }) => c.name === name)
    .id;
}

describe('staff accounts', () => {
  it('an admin sees everyone; a coordinator sees only the people of their centre and only those roles', async () => {
    const admin = await t.as(DEMO.admin);
    const all = (await admin.get('/api/admin/users')).json().items as UserView[];
    expect(all).toHaveLength(6);
    expect(all.every((u) => u.twoFactorEnabled)).toBe(true);

    const coordinator = await t.as(DEMO.coordinator);
    const seen = (await coordinator.get('/api/admin/users')).json().items as UserView[];
    expect(seen.map((u) => u.email).sort()).toEqual(
      [DEMO.coordinator, DEMO.supervisor, DEMO.volunteer, DEMO.safeguarding].sort(),
    );
    const grace = seen.find((u) => u.email === DEMO.supervisor)!;
    // Grace also supervises at Hillview; the Riverside coordinator is not told.
    expect(grace.roles.map((r) => r.centreName)).toEqual(['Riverside Contact Centre']);
  });

  it('a coordinator invites to their own centre, and another centre answers not found', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const ok = await coordinator.post('/api/admin/invitations', {
      email: 'helper@example.org',
      role: 'volunteer',
      centreId: await centreId('Riverside Contact Centre'),
    });
    expect(ok.statusCode).toBe(201);
    const elsewhere = await coordinator.post('/api/admin/invitations', {
      email: 'helper2@example.org',
      role: 'volunteer',
      centreId: await centreId('Hillview Contact Centre'),
    });
    expect(elsewhere.statusCode).toBe(404);
    const noCentre = await coordinator.post('/api/admin/invitations', {
      email: 'helper3@example.org',
      role: 'volunteer',
      centreId: null,
    });
    expect(noCentre.statusCode).toBe(400);
    expect(noCentre.json().details[0].field).toBe('centreId');
    const existing = await coordinator.post('/api/admin/invitations', {
      email: DEMO.volunteer,
      role: 'volunteer',
      centreId: await centreId('Riverside Contact Centre'),
    });
    expect(existing.statusCode).toBe(409);
    const listed = (await coordinator.get('/api/admin/invitations'))
      .json()
      .items.map((i: { email: string }) => i.email);
    expect(listed).toEqual(['helper@example.org']);
    const revoked = await coordinator.delete(`/api/admin/invitations/${ok.json().id}`);
    expect(revoked.statusCode).toBe(204);
    expect((await coordinator.get('/api/admin/invitations')).json().items).toEqual([]);
  });

  it('changing roles keeps the roles in centres the coordinator does not manage', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const grace = await userByEmail(DEMO.supervisor);
    const riverside = await centreId('Riverside Contact Centre');
    const changed = await coordinator.put(`/api/admin/users/${grace.id}/roles`, {
      roles: [
        { centreId: riverside, role: 'supervisor' },
        { centreId: riverside, role: 'safeguarding_lead' },
      ],
    });
    expect(changed.statusCode).toBe(200);
    const after = await userByEmail(DEMO.supervisor);
    expect(after.roles.map((r) => `${r.role}@${r.centreName}`).sort()).toEqual([
      'safeguarding_lead@Riverside Contact Centre',
      'supervisor@Hillview Contact Centre',
      'supervisor@Riverside Contact Centre',
    ]);
  });

  it('disabling an account ends its sessions and stops sign-in until it is enabled again', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const riverside = await centreId('Riverside Contact Centre');
    expect((await volunteer.get(`/api/centres/${riverside}/rooms`)).statusCode).toBe(200);
    const admin = await t.as(DEMO.admin);
    const sam = await userByEmail(DEMO.volunteer);
    const disabled = await admin.post(`/api/admin/users/${sam.id}/disable`);
    expect(disabled.json().status).toBe('disabled');
    expect((await volunteer.get(`/api/centres/${riverside}/rooms`)).statusCode).toBe(401);
    const refused = await t
      .anonymous()
      .post('/api/auth/sign-in', { email: DEMO.volunteer, password: DEMO_PASSWORD });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().message).toBe('The email or password is not right.');
    expect((await admin.post(`/api/admin/users/${sam.id}/enable`)).json().status).toBe('active');
    expect(
      (await t.anonymous().post('/api/auth/sign-in', { email: DEMO.volunteer, password: DEMO_PASSWORD }))
        .statusCode,
    ).toBe(200);
  });

  it('nobody disables themselves, and a coordinator cannot disable someone who also works elsewhere', async () => {
    const admin = await t.as(DEMO.admin);
    const self = await userByEmail(DEMO.admin);
    const own = await admin.post(`/api/admin/users/${self.id}/disable`);
    expect(own.statusCode).toBe(422);
    const coordinator = await t.as(DEMO.coordinator);
    const grace = await userByEmail(DEMO.supervisor);
    expect((await coordinator.post(`/api/admin/users/${grace.id}/disable`)).statusCode).toBe(403);
  });

  it('resetting two-factor makes the person set it up again at their next sign-in', async () => {
    const admin = await t.as(DEMO.admin);
    const tom = await userByEmail(DEMO.hillviewCoordinator);
    const reset = await admin.post(`/api/admin/users/${tom.id}/reset-two-factor`);
    expect(reset.json().twoFactorEnabled).toBe(false);
    const client = t.anonymous();
    const signIn = await client.post('/api/auth/sign-in', {
      email: DEMO.hillviewCoordinator,
      password: DEMO_PASSWORD,
    });
    expect(signIn.json().stage).toBe('two-factor-setup');
    // The old authenticator no longer works.
    const old = await client.post('/api/auth/two-factor/verify', {
      code: await totpCodeFor('DEMOHILLVIEWAAAAAAAAAAAAAAAAAAAA'),
    });
    expect(old.statusCode).toBe(422);
  });
});
