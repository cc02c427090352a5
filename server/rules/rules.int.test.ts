import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { outboxMessages } from '../db/schema.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';

let t: TestApp;
let riverside: string;
let caseId: string;
let laura: string;
let mark: string;

interface Acceptance {
  personId: string;
  name: string;
  acceptedVersion: number | null;
  method: string | null;
  witnessedBy: string | null;
  upToDate: boolean;
}

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  const sent = (await t.anonymous().post('/api/referrals', referralFor(riverside))).json();
  const coordinator = await t.as(DEMO.coordinator);
  caseId = (await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).json()
    .caseId;
  const list = (await coordinator.get(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances`)).json();
  laura = list.items.find((a: Acceptance) => a.name === 'Laura Hill').personId;
  mark = list.items.find((a: Acceptance) => a.name === 'Mark Hill').personId;
});
afterAll(() => t.close());

const acceptances = async () =>
  (
    await (await t.as(DEMO.coordinator)).get(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances`)
  ).json() as {
    currentVersion: number;
    items: Acceptance[];
  };

describe('centre rules', () => {
  it('a centre starts with the default rules as version 1, which staff can read', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const rules = (await volunteer.get(`/api/centres/${riverside}/rules`)).json();
    expect(rules.version).toBe(1);
    expect(rules.body).toMatch(/No recordings of any kind/);
    expect(
      (await volunteer.put(`/api/centres/${riverside}/rules`, { body: 'x'.repeat(30) })).statusCode,
    ).toBe(403);
  });

  it('an adult accepts in person, witnessed by a named member of staff', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const users = (await coordinator.get('/api/admin/users')).json().items as { id: string; email: string }[];
    const sam = users.find((u) => u.email === DEMO.volunteer)!;
    const response = await coordinator.post(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances`, {
      personId: laura,
      witnessedByUserId: sam.id,
    });
    expect(response.statusCode).toBe(200);
    const lauras = (response.json().items as Acceptance[]).find((a) => a.personId === laura)!;
    expect(lauras).toMatchObject({
      acceptedVersion: 1,
      method: 'in_person',
      witnessedBy: 'Sam Carter',
      upToDate: true,
    });
    const tom = (await (await t.as(DEMO.admin)).get('/api/admin/users'))
      .json()
      .items.find((u: { email: string }) => u.email === DEMO.hillviewCoordinator);
    const outsider = await coordinator.post(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances`, {
      personId: laura,
      witnessedByUserId: tom.id,
    });
    expect(outsider.statusCode).toBe(422);
    expect(outsider.json().message).toBe('The witness must be a member of staff at this centre.');
  });

  it('an adult accepts online through a single-use link sent only to their own email', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const sent = await coordinator.post(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances/links`, {
      personId: mark,
    });
    expect(sent.statusCode).toBe(200);
    const [mail] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, 'mark.hill@example.org'))
      .orderBy(desc(outboxMessages.createdAt));
    expect(mail!.bodyText).not.toMatch(/Laura|Quiet Close|laura\.hill/);
    const token = mail!.bodyText.match(/\/rules\/([A-Za-z0-9_-]+)/)![1]!;
    const anonymous = t.anonymous();
    const page = await anonymous.get(`/api/rules-links/${token}`);
    expect(page.json()).toMatchObject({
      firstName: 'Mark',
      version: 1,
      centreName: 'Riverside Contact Centre',
    });
    expect((await anonymous.post(`/api/rules-links/${token}/accept`)).statusCode).toBe(204);
    expect((await anonymous.post(`/api/rules-links/${token}/accept`)).statusCode).toBe(404);
    const marks = (await acceptances()).items.find((a) => a.personId === mark)!;
    expect(marks).toMatchObject({ acceptedVersion: 1, method: 'online', upToDate: true });
  });

  it('a new version makes earlier acceptances out of date', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const published = await coordinator.put(`/api/centres/${riverside}/rules`, {
      body: 'Version two of the rules: be on time, be kind, no recordings of any kind.',
    });
    expect(published.json()).toMatchObject({ version: 2, publishedBy: 'Priya Shah' });
    const after = await acceptances();
    expect(after.currentVersion).toBe(2);
    expect(
      after.items.filter((a) => a.personId === laura || a.personId === mark).every((a) => !a.upToDate),
    ).toBe(true);
  });

  it('refuses a person outside the case, a case of another centre, and settings out of range', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const stranger = await coordinator.post(
      `/api/centres/${riverside}/cases/${caseId}/rules-acceptances/links`,
      {
        personId: '00000000-0000-4000-8000-000000000009',
      },
    );
    expect(stranger.statusCode).toBe(422);
    const hillview = await t.as(DEMO.hillviewCoordinator);
    expect(
      (await hillview.get(`/api/centres/${riverside}/cases/${caseId}/rules-acceptances`)).statusCode,
    ).toBe(404);
    const bad = await coordinator.patch(`/api/centres/${riverside}/settings`, { reviewAfterSessions: 9 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({ field: 'reviewAfterSessions', message: 'Use 6, 7 or 8' });
    const good = await coordinator.patch(`/api/centres/${riverside}/settings`, { reviewAfterSessions: 8 });
    expect(good.json()).toEqual({
      reviewAfterSessions: 8,
      parentalConsentUpToAge: 16,
      separationBufferMinutes: 15,
      reminderDaysBefore: 2,
    });
  });
});
