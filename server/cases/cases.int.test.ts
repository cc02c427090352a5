import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';

let t: TestApp;
let riverside: string;
let caseId: string;

interface Person {
  id: string;
  role: string;
  firstName: string;
  contactDetails: {
    kind: string;
    value: string | null;
    supersededAt: string | null;
    recordedBy: string | null;
    supersededBy: string | null;
  }[];
  hiddenFrom: string[];
}

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  const body = referralFor(riverside);
  body.adults[1] = {
    ...body.adults[1]!,
    solicitorName: 'Raj Patel',
    solicitorEmail: 'raj.patel@example.org',
  };
  const sent = (await t.anonymous().post('/api/referrals', body)).json();
  const coordinator = await t.as(DEMO.coordinator);
  caseId = (await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).json()
    .caseId;
});
afterAll(() => t.close());

describe('the case record', () => {
  it('shows the family at a glance: people, children, court order, professionals, who is hidden from whom', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const list = await coordinator.get(`/api/centres/${riverside}/cases`);
    const listed = list.json().items.find((c: { id: string }) => c.id === caseId);
    expect(listed).toMatchObject({ familyName: 'Hill', childrenNames: ['Ayo Hill'] });
    const response = await coordinator.get(`/api/centres/${riverside}/cases/${caseId}`);
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      familyName: 'Hill',
      childrenNames: ['Ayo Hill'],
      contactDetailsShown: true,
    });
    const laura = detail.people.find((p: Person) => p.firstName === 'Laura') as Person;
    const mark = detail.people.find((p: Person) => p.firstName === 'Mark') as Person;
    expect(laura.hiddenFrom).toEqual([mark.id]);
    expect(mark.hiddenFrom).toEqual([laura.id]);
    expect(laura.contactDetails.find((d) => d.kind === 'address')!.value).toBe(
      '3 Quiet Close, Riverside, RV2 4CD',
    );
    expect(detail.professionals).toEqual([
      expect.objectContaining({ role: 'solicitor', name: 'Raj Patel', actingForPersonId: mark.id }),
    ]);
    expect(detail.courtOrders[0]).toMatchObject({
      kind: 'interim',
      court: 'Riverside Family Court',
      supersededAt: null,
    });
  });

  it('a supervisor opens the case but sees no contact details; a volunteer cannot open it', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    const detail = (await supervisor.get(`/api/centres/${riverside}/cases/${caseId}`)).json();
    expect(detail.contactDetailsShown).toBe(false);
    const values = detail.people.flatMap((p: Person) => p.contactDetails.map((d) => d.value));
    expect(values.length).toBeGreaterThan(0);
    expect(values.every((v: string | null) => v === null)).toBe(true);
    expect(JSON.stringify(detail)).not.toContain('Quiet Close');
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(`/api/centres/${riverside}/cases/${caseId}`)).statusCode).toBe(403);
    const hillview = await t.as(DEMO.hillviewCoordinator);
    expect((await hillview.get(`/api/centres/${riverside}/cases/${caseId}`)).statusCode).toBe(404);
  });

  it('a changed address keeps the old one, with who changed it', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const before = (await coordinator.get(`/api/centres/${riverside}/cases/${caseId}`)).json();
    const laura = before.people.find((p: Person) => p.firstName === 'Laura') as Person;
    const changed = await coordinator.put(
      `/api/centres/${riverside}/cases/${caseId}/people/${laura.id}/contact-details/address`,
      { value: '9 Safe Street, Riverside, RV9 9ZZ' },
    );
    expect(changed.statusCode).toBe(200);
    const after = (changed.json().people as Person[]).find((p) => p.id === laura.id)!;
    const addresses = after.contactDetails.filter((d) => d.kind === 'address');
    expect(addresses.map((a) => [a.value, a.supersededAt === null])).toEqual([
      ['9 Safe Street, Riverside, RV9 9ZZ', true],
      ['3 Quiet Close, Riverside, RV2 4CD', false],
    ]);
    expect(addresses[0]!.recordedBy).toBe('Priya Shah');
    expect(addresses[1]!.supersededBy).toBe('Priya Shah');
    const supervisor = await t.as(DEMO.supervisor);
    expect(
      (
        await supervisor.put(
          `/api/centres/${riverside}/cases/${caseId}/people/${laura.id}/contact-details/address`,
          { value: 'x' },
        )
      ).statusCode,
    ).toBe(403);
  });
});
