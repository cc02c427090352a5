import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import {
  auditEvents,
  casePeople,
  contactDetails,
  courtOrders,
  nonDisclosures,
  outboxMessages,
} from '../db/schema.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { day } from '../test-support/dates.js';

let t: TestApp;
let riverside: string;
let hillview: string;
beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!.id;
});
afterAll(() => t.close());

// Each send comes from its own address, as real referrers do, so the flood limit stays out of the way.
let sender = 0;
async function send(body = referralFor(riverside)) {
  sender++;
  const response = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: body,
    remoteAddress: `127.0.1.${sender}`,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { referralId: string; reference: string; message: string };
}

describe('the online referral form', () => {
  it('anyone can send a referral; the referrer is told the reference and when to expect an answer', async () => {
    const sent = await send();
    expect(sent.reference).toMatch(/^R-\d{4}-\d{4}$/);
    expect(sent.message).toMatch(/within 5 working days/);
    const [mail] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, 'helen.brooks@example.org'))
      .orderBy(desc(outboxMessages.createdAt));
    expect(mail!.subject).toContain(sent.reference);
    const [event] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({
      action: 'referral.submitted',
      centreId: riverside,
      resourceId: sent.referralId,
    });
  });

  it('a final order needs an end date and the agreed time limit; each problem names its field', async () => {
    const response = await t.anonymous().post(
      '/api/referrals',
      referralFor(riverside, {
        courtOrder: { kind: 'final', court: 'Riverside Family Court', madeOn: '2026-01-10' },
      }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        { field: 'courtOrder.endsOn', message: 'Enter the end date of the final order' },
        {
          field: 'courtOrder.timeLimitAgreed',
          message: 'A final order is accepted only with a maximum time limit agreed in advance',
        },
      ]),
    );
    const ok = await t.anonymous().post(
      '/api/referrals',
      referralFor(riverside, {
        courtOrder: {
          kind: 'final',
          court: 'Riverside Family Court',
          madeOn: '2026-01-10',
          endsOn: day('2027-01-10'),
          timeLimitAgreed: true,
        },
      }),
    );
    expect(ok.statusCode).toBe(201);
  });

  it('refuses a referral without both parents, a child, or with a protective order between unknown adults', async () => {
    const base = referralFor(riverside);
    const response = await t.anonymous().post('/api/referrals', {
      ...base,
      adults: [
        base.adults[0]!,
        { ...base.adults[0]!, key: 'c', role: 'other_attendee', email: 'not-an-email' },
      ],
      children: [],
      risks: { factors: [], protectiveOrders: [{ kind: 'injunction', between: ['a', 'z'] }] },
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['adults.1.email', 'children']));
    const unknownCentre = await t
      .anonymous()
      .post('/api/referrals', referralFor('00000000-0000-4000-8000-000000000000'));
    expect(unknownCentre.statusCode).toBe(404);
  });

  it('saves a draft as you go, resumable only with its token', async () => {
    const client = t.anonymous();
    const created = await client.post('/api/referrals/drafts', {
      centreId: riverside,
      answers: { step: 1, referrer: { name: 'Helen' } },
    });
    expect(created.statusCode).toBe(201);
    const { draftId, resumeToken } = created.json();
    const saved = await client.request({
      method: 'PUT',
      url: `/api/referrals/drafts/${draftId}`,
      payload: { centreId: riverside, answers: { step: 2 } },
      headers: { 'x-resume-token': resumeToken },
    });
    expect(saved.json().answers).toEqual({ step: 2 });
    const resumed = await client.get(`/api/referrals/drafts/${draftId}`, { 'x-resume-token': resumeToken });
    expect(resumed.json().answers).toEqual({ step: 2 });
    expect(
      (await client.get(`/api/referrals/drafts/${draftId}`, { 'x-resume-token': 'guess' })).statusCode,
    ).toBe(404);
    expect((await client.get(`/api/referrals/drafts/${draftId}`)).statusCode).toBe(404);
    // Deleted after sending, or to start again: it cannot be read again.
    expect((await client.delete(`/api/referrals/drafts/${draftId}`)).statusCode).toBe(404);
    const deleted = await client.request({
      method: 'DELETE',
      url: `/api/referrals/drafts/${draftId}`,
      headers: { 'x-resume-token': resumeToken },
    });
    expect(deleted.statusCode).toBe(204);
    expect(
      (await client.get(`/api/referrals/drafts/${draftId}`, { 'x-resume-token': resumeToken })).statusCode,
    ).toBe(404);
  });

  it('needs the interpreter’s language, and a protective order between two different adults', async () => {
    const base = referralFor(riverside);
    const response = await t.anonymous().post('/api/referrals', {
      ...base,
      needs: { interpreterNeeded: true },
      risks: { factors: [], protectiveOrders: [{ kind: 'injunction', between: ['a', 'a'] }] },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual(
      expect.arrayContaining([
        { field: 'needs.interpreterLanguage', message: 'Enter the language for the interpreter' },
        { field: 'risks.protectiveOrders.0.between', message: 'Choose two different adults' },
      ]),
    );
  });
});

describe('the referral inbox', () => {
  it('lists the centre’s referrals and flags a possible duplicate (same child name and date of birth)', async () => {
    const first = await send();
    const second = await send(
      referralFor(riverside, {
        children: [{ firstName: 'AYO', lastName: 'hill', dateOfBirth: '2019-05-02' }],
      }),
    );
    const other = await send(
      referralFor(riverside, {
        children: [{ firstName: 'Bea', lastName: 'Stone', dateOfBirth: '2018-01-01' }],
      }),
    );
    const coordinator = await t.as(DEMO.coordinator);
    const list = await coordinator.get(`/api/centres/${riverside}/referrals?status=new`);
    expect(list.statusCode).toBe(200);
    const byId = new Map(list.json().items.map((r: { id: string }) => [r.id, r]));
    expect(byId.get(first.referralId)).toMatchObject({
      possibleDuplicate: true,
      childrenNames: ['Ayo Hill'],
    });
    expect(byId.get(second.referralId)).toMatchObject({ possibleDuplicate: true });
    expect(byId.get(other.referralId)).toMatchObject({ possibleDuplicate: false });
    const detail = await coordinator.get(`/api/centres/${riverside}/referrals/${second.referralId}`);
    expect(detail.json().duplicates.map((d: { reference: string }) => d.reference)).toContain(
      first.reference,
    );
  });

  it('accepting opens the case with its people, contact details, court order, and the parents hidden from each other', async () => {
    const sent = await send();
    const coordinator = await t.as(DEMO.coordinator);
    const accepted = await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`);
    expect(accepted.statusCode).toBe(200);
    const { caseId, caseReference } = accepted.json();
    expect(caseReference).toMatch(/^C-\d{4}-\d{4}$/);

    const people = await t.database.db.select().from(casePeople).where(eq(casePeople.caseId, caseId));
    expect(people.map((p) => `${p.role}:${p.firstName}`).sort()).toEqual([
      'child:Ayo',
      'non_resident_parent:Mark',
      'resident_parent:Laura',
    ]);
    const laura = people.find((p) => p.firstName === 'Laura')!;
    const mark = people.find((p) => p.firstName === 'Mark')!;
    const lauraDetails = await t.database.db
      .select()
      .from(contactDetails)
      .where(eq(contactDetails.personId, laura.id));
    expect(lauraDetails.map((d) => d.kind).sort()).toEqual(['address', 'email', 'phone']);
    const hidden = await t.database.db
      .select()
      .from(nonDisclosures)
      .where(eq(nonDisclosures.centreId, riverside));
    expect(hidden).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ personId: laura.id, hiddenFromPersonId: mark.id }),
        expect.objectContaining({ personId: mark.id, hiddenFromPersonId: laura.id }),
      ]),
    );
    const orders = await t.database.db.select().from(courtOrders).where(eq(courtOrders.caseId, caseId));
    expect(orders).toHaveLength(1);

    const again = await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe(`Referral ${sent.reference} has already been accepted.`);
    const detail = await coordinator.get(`/api/centres/${riverside}/referrals/${sent.referralId}`);
    expect(detail.json()).toMatchObject({ status: 'accepted', caseId });
  });

  it('two coordinators accepting at once open exactly one case', async () => {
    const sent = await send();
    const coordinator = await t.as(DEMO.coordinator);
    const results = await Promise.all(
      [1, 2, 3].map(() => coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
  });

  it('asks for more information and declines with a reason, telling the referrer each time', async () => {
    const sent = await send();
    const coordinator = await t.as(DEMO.coordinator);
    const asked = await coordinator.post(
      `/api/centres/${riverside}/referrals/${sent.referralId}/request-information`,
      {
        message: 'Please send a copy of the interim order.',
      },
    );
    expect(asked.json().status).toBe('awaiting_information');
    const empty = await coordinator.post(
      `/api/centres/${riverside}/referrals/${sent.referralId}/request-information`,
      { message: '' },
    );
    expect(empty.json().details[0]).toEqual({ field: 'message', message: 'Say what information you need' });
    const declined = await coordinator.post(
      `/api/centres/${riverside}/referrals/${sent.referralId}/decline`,
      {
        reason: 'above_risk_threshold',
        note: 'We suggest a supervised service with more staff.',
      },
    );
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'above_risk_threshold' });
    const mails = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, 'helen.brooks@example.org'))
      .orderBy(desc(outboxMessages.createdAt));
    expect(mails[0]!.bodyText).toMatch(/risks are above what the centre can safely manage/);
    expect(mails[1]!.bodyText).toMatch(/copy of the interim order/);
    expect(
      (await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).statusCode,
    ).toBe(409);
  });

  it('a volunteer cannot open the inbox; another centre’s referral answers not found; reads are audited', async () => {
    const sent = await send();
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(`/api/centres/${riverside}/referrals`)).statusCode).toBe(403);
    expect((await volunteer.get(`/api/centres/${riverside}/referrals/${sent.referralId}`)).statusCode).toBe(
      403,
    );
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    expect(
      (await hillviewCoordinator.get(`/api/centres/${riverside}/referrals/${sent.referralId}`)).statusCode,
    ).toBe(404);
    expect(
      (await hillviewCoordinator.get(`/api/centres/${hillview}/referrals/${sent.referralId}`)).statusCode,
    ).toBe(404);
    expect(
      (await hillviewCoordinator.post(`/api/centres/${hillview}/referrals/${sent.referralId}/accept`))
        .statusCode,
    ).toBe(404);
    const supervisor = await t.as(DEMO.supervisor);
    expect(
      (await supervisor.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).statusCode,
    ).toBe(403);
    const coordinator = await t.as(DEMO.coordinator);
    await coordinator.get(`/api/centres/${riverside}/referrals/${sent.referralId}`);
    const [event] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({
      action: 'referral.read',
      resourceId: sent.referralId,
      centreId: riverside,
    });
  });
});

describe('a flood of referrals', () => {
  it('is refused after ten sends an hour from one address', async () => {
    const flood = await testApp();
    try {
      const centre = (await flood.anonymous().get('/api/public/centres')).json().items[0].id;
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++)
        statuses.push((await flood.anonymous().post('/api/referrals', referralFor(centre))).statusCode);
      expect(statuses.slice(0, 10).every((s) => s === 201)).toBe(true);
      const last = await flood.anonymous().post('/api/referrals', referralFor(centre));
      expect(last.statusCode).toBe(429);
      expect(last.json().message).toMatch(/Wait an hour/);
    } finally {
      await flood.close();
    }
  });
});
