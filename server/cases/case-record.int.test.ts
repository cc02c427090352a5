/**
 * The rest of the case record through HTTP, on both engines: consent for each child's information, court
 * orders and professionals after the referral, closing a case (and every change refused after it) and
 * reopening it. Each transition, each refusal with its sentence, and who may do what.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralBody } from '../../shared/api/referrals.js';
import { auditEvents, outboxMessages } from '../db/schema.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { day, instant } from '../test-support/dates.js';
import { ageOnDay, localDay } from '../platform/local-time.js';

let t: TestApp;
let riverside: string;
let hillview: string;
let coordinator: Client;

interface Family {
  caseId: string;
  /** Person ids by first name. */
  ids: Record<string, string>;
  url: string;
}

/** Whole years ago from today, less a day: someone born then is exactly that age today. */
function bornYearsAgo(years: number): string {
  const today = new Date();
  const day = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() - 1));
  return day.toISOString().slice(0, 10);
}
const today = () => new Date().toISOString().slice(0, 10);
const daysFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

// Each referral comes from its own address, so the public form's flood limit stays out of the way.
let sender = 0;
async function openFamily(overrides: Partial<ReferralBody> = {}, centreId = riverside): Promise<Family> {
  sender++;
  const sent = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: referralFor(centreId, overrides),
    remoteAddress: `127.0.5.${sender}`,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepter = await t.as(centreId === riverside ? DEMO.coordinator : DEMO.hillviewCoordinator);
  const accepted = await accepter.post(`/api/centres/${centreId}/referrals/${sent.json().referralId}/accept`);
  expect(accepted.statusCode, accepted.body).toBe(200);
  const caseId = accepted.json().caseId as string;
  const detail = (await accepter.get(`/api/centres/${centreId}/cases/${caseId}`)).json();
  const ids = Object.fromEntries(
    (detail.people as { id: string; firstName: string }[]).map((p) => [p.firstName, p.id]),
  );
  return { caseId, ids, url: `/api/centres/${centreId}/cases/${caseId}` };
}

/** The Hills with three children: Ayo (7), Jamie (17) and Bea (16), and June, a grandmother who attends. */
const bigFamily = (): Partial<ReferralBody> => {
  const body = referralFor(riverside);
  body.adults.push({
    key: 'c',
    role: 'other_attendee',
    firstName: 'June',
    lastName: 'Hill',
    relationshipToChildren: 'grandmother',
  });
  return {
    adults: body.adults,
    children: [
      { firstName: 'Ayo', lastName: 'Hill', dateOfBirth: bornYearsAgo(7) },
      { firstName: 'Jamie', lastName: 'Hill', dateOfBirth: bornYearsAgo(17) },
      { firstName: 'Bea', lastName: 'Hill', dateOfBirth: bornYearsAgo(16) },
    ],
  };
};

async function auditOf(action: string, resourceId: string) {
  return t.database.db
    .select({ outcome: auditEvents.outcome, actorLabel: auditEvents.actorLabel, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId)));
}

interface ChildConsent {
  childPersonId: string;
  name: string;
  age: number | null;
  parentalConsentNeeded: boolean;
  current: {
    id: string;
    givenByName: string;
    ownConsent: boolean;
    givenOn: string;
    recordedBy: string;
  } | null;
  withdrawn: { id: string; withdrawnBy: string | null; withdrawnAt: string | null }[];
}
const consentOf = (file: { childConsents: ChildConsent[] }, childPersonId: string) =>
  file.childConsents.find((c) => c.childPersonId === childPersonId)!;

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name !== 'Riverside Contact Centre')!.id;
  coordinator = await t.as(DEMO.coordinator);
});
afterAll(() => t.close());

describe('consent for a child’s information', () => {
  let family: Family;
  beforeAll(async () => {
    family = await openFamily(bigFamily());
  });

  it('the case file shows each child’s age, whether a parent gives consent, and that none is recorded yet', async () => {
    const file = (await coordinator.get(family.url)).json();
    expect(file.parentalConsentUpToAge).toBe(16);
    expect(
      (file.childConsents as ChildConsent[]).map((c) => [c.name, c.age, c.parentalConsentNeeded, c.current]),
    ).toEqual([
      ['Ayo Hill', 7, true, null],
      ['Jamie Hill', 17, false, null],
      ['Bea Hill', 16, true, null],
    ]);
  });

  it('a parent gives consent for a child of 16 and under: recorded, shown, audited', async () => {
    const response = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Ayo,
      givenByPersonId: family.ids.Laura,
      givenOn: today(),
    });
    expect(response.statusCode, response.body).toBe(201);
    const ayo = consentOf(response.json(), family.ids.Ayo!);
    expect(ayo.current).toMatchObject({
      givenByName: 'Laura Hill',
      ownConsent: false,
      givenOn: today(),
      recordedBy: 'Priya Shah',
    });
    expect(await auditOf('case.consent_recorded', ayo.current!.id)).toEqual([
      {
        outcome: 'success',
        actorLabel: 'Priya Shah',
        detail: { caseId: family.caseId, childPersonId: family.ids.Ayo, ownConsent: false },
      },
    ]);
    // The other parent may give it too: Mark, for Bea (16, the last age a parent gives it).
    const bea = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Bea,
      givenByPersonId: family.ids.Mark,
      givenOn: today(),
    });
    expect(bea.statusCode, bea.body).toBe(201);
  });

  it('a child older than the centre’s age gives consent themselves; a parent’s is refused with the policy', async () => {
    const parent = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Jamie,
      givenByPersonId: family.ids.Laura,
      givenOn: today(),
    });
    expect(parent.statusCode).toBe(422);
    const sentence =
      'Jamie is 17: they give consent themselves; the centre’s policy asks a parent for children 16 and under.';
    expect(parent.json()).toEqual({
      code: 'child_gives_own_consent',
      message: sentence,
      details: [{ field: 'givenByPersonId', message: sentence }],
    });
    const own = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Jamie,
      givenByPersonId: family.ids.Jamie,
      givenOn: today(),
    });
    expect(own.statusCode, own.body).toBe(201);
    expect(consentOf(own.json(), family.ids.Jamie!).current).toMatchObject({
      givenByName: 'Jamie Hill',
      ownConsent: true,
    });
  });

  it('refuses, in plain sentences: a young child’s own consent, another adult, another case, a future date', async () => {
    const other = await openFamily();
    const ask = (body: Record<string, string>) => coordinator.post(`${other.url}/child-consents`, body);
    const cases: [Record<string, string>, number, string][] = [
      [
        { childPersonId: other.ids.Ayo!, givenByPersonId: other.ids.Ayo!, givenOn: today() },
        422,
        `Ayo is ${ageOnDay('2019-05-02', localDay(new Date(), 'Europe/London'))}: a parent gives consent for them; the centre’s policy asks a parent for children 16 and under.`,
      ],
      [
        { childPersonId: other.ids.Ayo!, givenByPersonId: family.ids.Laura!, givenOn: today() },
        422,
        'Choose a parent of this case, or the child themselves: that person is not part of it.',
      ],
      [
        { childPersonId: family.ids.Ayo!, givenByPersonId: other.ids.Laura!, givenOn: today() },
        422,
        'Choose a child of this case.',
      ],
      [
        { childPersonId: other.ids.Laura!, givenByPersonId: other.ids.Mark!, givenOn: today() },
        422,
        'Choose a child of this case.',
      ],
      [
        { childPersonId: other.ids.Ayo!, givenByPersonId: other.ids.Laura!, givenOn: daysFromToday(3) },
        422,
        'The date consent was given cannot be in the future',
      ],
    ];
    for (const [body, status, message] of cases) {
      const response = await ask(body);
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().message).toContain(message);
    }
    const grandmother = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Ayo,
      givenByPersonId: family.ids.June,
      givenOn: today(),
    });
    // Ayo's consent stands already: the second is refused first.
    expect(grandmother.statusCode).toBe(409);
    const third = await openFamily(bigFamily());
    const june = await coordinator.post(`${third.url}/child-consents`, {
      childPersonId: third.ids.Ayo,
      givenByPersonId: third.ids.June,
      givenOn: today(),
    });
    expect(june.statusCode).toBe(422);
    expect(june.json().message).toBe(
      'June Hill is not a parent in this case: consent for Ayo’s information is given by a parent with parental responsibility.',
    );
    const sibling = await coordinator.post(`${third.url}/child-consents`, {
      childPersonId: third.ids.Ayo,
      givenByPersonId: third.ids.Jamie,
      givenOn: today(),
    });
    expect(sibling.json().message).toBe(
      'Jamie Hill is a child: consent for Ayo’s information is given by a parent.',
    );
    const bad = await ask({
      childPersonId: 'nobody',
      givenByPersonId: other.ids.Laura!,
      givenOn: '14/03/2026',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['childPersonId', 'givenOn']);
    expect(consentOf((await coordinator.get(other.url)).json(), other.ids.Ayo!).current).toBeNull();
  });

  it('a second consent for the same child is refused while one stands; withdrawn, a new one may be given', async () => {
    const before = (await coordinator.get(family.url)).json();
    const standing = consentOf(before, family.ids.Ayo!).current!;
    const second = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Ayo,
      givenByPersonId: family.ids.Mark,
      givenOn: today(),
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toMatch(
      /^Consent for Ayo’s information is already recorded \(given by Laura Hill on \d{1,2} \w+ \d{4}\)\. Withdraw it before recording another\.$/,
    );

    const withdrawn = await coordinator.post(`${family.url}/child-consents/${standing.id}/withdraw`);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const ayo = consentOf(withdrawn.json(), family.ids.Ayo!);
    expect(ayo.current).toBeNull();
    expect(ayo.withdrawn).toEqual([
      expect.objectContaining({
        id: standing.id,
        withdrawnBy: 'Priya Shah',
        withdrawnAt: expect.any(String),
      }),
    ]);
    expect(await auditOf('case.consent_withdrawn', standing.id)).toHaveLength(1);
    const again = await coordinator.post(`${family.url}/child-consents/${standing.id}/withdraw`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^This consent was already withdrawn on /);
    expect((await coordinator.post(`${family.url}/child-consents/${randomUUID()}/withdraw`)).statusCode).toBe(
      404,
    );

    const renewed = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Ayo,
      givenByPersonId: family.ids.Mark,
      givenOn: today(),
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(consentOf(renewed.json(), family.ids.Ayo!).current?.givenByName).toBe('Mark Hill');
  });

  it('two consents for one child at the same moment: one is recorded, the other refused', async () => {
    const fresh = await openFamily();
    const body = { childPersonId: fresh.ids.Ayo, givenByPersonId: fresh.ids.Laura, givenOn: today() };
    const answers = await Promise.all(
      [0, 1, 2].map(() => coordinator.post(`${fresh.url}/child-consents`, body)),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409]);
  });

  it('a supervisor may read consents but not record them; another centre’s coordinator gets 404', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    const read = await supervisor.get(family.url);
    expect(read.statusCode).toBe(200);
    expect(read.json().childConsents).toHaveLength(3);
    const body = { childPersonId: family.ids.Bea, givenByPersonId: family.ids.Laura, givenOn: today() };
    expect((await supervisor.post(`${family.url}/child-consents`, body)).statusCode).toBe(403);
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    const theirs = await hillviewCoordinator.post(`${family.url}/child-consents`, body);
    expect(theirs.statusCode).toBe(404);
    const nowhere = await coordinator.post(
      `/api/centres/${riverside}/cases/${randomUUID()}/child-consents`,
      body,
    );
    expect(nowhere.statusCode).toBe(404);
  });
});

describe('court orders after the referral', () => {
  let family: Family;
  beforeAll(async () => {
    family = await openFamily();
  });

  it('a new interim order supersedes the one in force, which stays in the history', async () => {
    const response = await coordinator.post(`${family.url}/court-orders`, {
      kind: 'interim',
      court: 'Riverside Family Court',
      madeOn: '2026-11-03',
      caseNumber: 'RV26F00123',
      endsOn: day('2027-03-01'),
    });
    expect(response.statusCode, response.body).toBe(201);
    const orders = response.json().courtOrders as {
      id: string;
      madeOn: string;
      endsOn: string | null;
      supersededAt: string | null;
    }[];
    expect(orders.map((o) => [o.madeOn, o.endsOn, o.supersededAt === null])).toEqual([
      ['2026-11-03', day('2027-03-01'), true],
      ['2026-10-01', null, false],
    ]);
    expect(await auditOf('case.court_order_recorded', orders[0]!.id)).toEqual([
      {
        outcome: 'success',
        actorLabel: 'Priya Shah',
        detail: { caseId: family.caseId, kind: 'interim', supersedes: orders[1]!.id },
      },
    ]);
  });

  it('a final order needs its end date and the time limit agreed, in the referral form’s words', async () => {
    const response = await coordinator.post(`${family.url}/court-orders`, {
      kind: 'final',
      court: 'Riverside Family Court',
      madeOn: '2026-11-10',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: 'endsOn', message: 'Enter the end date of the final order' },
      {
        field: 'timeLimitAgreed',
        message: 'A final order is accepted only with a maximum time limit agreed in advance',
      },
    ]);
    const none = await coordinator.post(`${family.url}/court-orders`, { kind: 'none' });
    expect(none.statusCode).toBe(400);
    expect(none.json().details).toEqual([{ field: 'kind', message: 'Choose an interim or a final order' }]);
    const final = await coordinator.post(`${family.url}/court-orders`, {
      kind: 'final',
      court: 'Riverside Family Court',
      madeOn: '2026-11-10',
      endsOn: day('2027-11-10'),
      timeLimitAgreed: true,
    });
    expect(final.statusCode, final.body).toBe(201);
    expect(final.json().courtOrders[0]).toMatchObject({
      kind: 'final',
      timeLimitAgreed: true,
      supersededAt: null,
    });
    expect(final.json().courtOrders).toHaveLength(3);
  });

  it('refuses an order made in the future, or one older than the order in force', async () => {
    const future = await coordinator.post(`${family.url}/court-orders`, {
      kind: 'interim',
      court: 'Riverside Family Court',
      madeOn: daysFromToday(5),
    });
    expect(future.statusCode).toBe(422);
    expect(future.json()).toMatchObject({
      code: 'made_in_future',
      details: [{ field: 'madeOn' }],
    });
    expect(future.json().message).toMatch(/^An order cannot be made in the future: today is /);
    const older = await coordinator.post(`${family.url}/court-orders`, {
      kind: 'interim',
      court: 'Riverside Family Court',
      madeOn: '2026-10-15',
    });
    expect(older.statusCode).toBe(422);
    expect(older.json().message).toBe(
      'The order in force was made on 10 November 2026: record only an order made on or after that day.',
    );
    expect((await coordinator.get(family.url)).json().courtOrders).toHaveLength(3);
  });

  it('a supervisor cannot record an order; another centre gets 404', async () => {
    const body = { kind: 'interim', court: 'Riverside Family Court', madeOn: '2026-11-12' };
    expect((await (await t.as(DEMO.supervisor)).post(`${family.url}/court-orders`, body)).statusCode).toBe(
      403,
    );
    expect(
      (await (await t.as(DEMO.hillviewCoordinator)).post(`${family.url}/court-orders`, body)).statusCode,
    ).toBe(404);
  });
});

describe('professionals after the referral', () => {
  let family: Family;
  beforeAll(async () => {
    family = await openFamily();
  });

  it('adds a professional acting for one parent, and one for the court or the children', async () => {
    const solicitor = await coordinator.post(`${family.url}/professionals`, {
      role: 'solicitor',
      name: 'Raj Patel',
      organisation: 'Patel Family Law',
      email: 'Raj.Patel@Example.org',
      phone: '0161 496 0000',
      actingForPersonId: family.ids.Mark,
    });
    expect(solicitor.statusCode, solicitor.body).toBe(201);
    const guardian = await coordinator.post(`${family.url}/professionals`, {
      role: 'court_officer',
      name: 'Sandra Okoye',
      organisation: 'Cafcass',
      actingForPersonId: null,
    });
    expect(guardian.statusCode, guardian.body).toBe(201);
    const professionals = guardian.json().professionals as {
      id: string;
      name: string;
      email: string | null;
      actingForPersonId: string | null;
      endedAt: string | null;
    }[];
    expect(professionals.map((p) => [p.name, p.email, p.actingForPersonId, p.endedAt])).toEqual([
      ['Raj Patel', 'raj.patel@example.org', family.ids.Mark, null],
      ['Sandra Okoye', null, null, null],
    ]);
    expect(await auditOf('case.professional_added', professionals[0]!.id)).toEqual([
      { outcome: 'success', actorLabel: 'Priya Shah', detail: { caseId: family.caseId, role: 'solicitor' } },
    ]);
  });

  it('refuses a child or a person of another case as the one they act for, and bad fields by name', async () => {
    const child = await coordinator.post(`${family.url}/professionals`, {
      role: 'solicitor',
      name: 'Amy Lee',
      actingForPersonId: family.ids.Ayo,
    });
    expect(child.statusCode).toBe(422);
    expect(child.json().message).toBe(
      'Ayo Hill is a child: for a professional who acts for the children, choose the court or the children.',
    );
    const other = await openFamily();
    const stranger = await coordinator.post(`${family.url}/professionals`, {
      role: 'solicitor',
      name: 'Amy Lee',
      actingForPersonId: other.ids.Laura,
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().details).toEqual([
      {
        field: 'actingForPersonId',
        message: 'Choose an adult of this case, or the court or the children: that person is not part of it.',
      },
    ]);
    const bad = await coordinator.post(`${family.url}/professionals`, {
      role: 'judge',
      name: '',
      email: 'not an email',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['actingForPersonId', 'email', 'name', 'role']);
  });

  it('ends a professional’s part once; they stay in the record', async () => {
    const before = (await coordinator.get(family.url)).json();
    const raj = before.professionals.find((p: { name: string }) => p.name === 'Raj Patel');
    const ended = await coordinator.post(`${family.url}/professionals/${raj.id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const list = ended.json().professionals as { name: string; endedAt: string | null }[];
    // Those still involved first, then those whose part has ended.
    expect(list.map((p) => [p.name, p.endedAt !== null])).toEqual([
      ['Sandra Okoye', false],
      ['Raj Patel', true],
    ]);
    const again = await coordinator.post(`${family.url}/professionals/${raj.id}/end`);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('This professional’s part in the case has already ended.');
    expect((await coordinator.post(`${family.url}/professionals/${randomUUID()}/end`)).statusCode).toBe(404);
    expect(await auditOf('case.professional_ended', raj.id)).toHaveLength(1);
  });

  it('a supervisor cannot add or end professionals', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    const added = await supervisor.post(`${family.url}/professionals`, {
      role: 'other',
      name: 'Kim Ward',
      actingForPersonId: null,
    });
    expect(added.statusCode).toBe(403);
    expect((await supervisor.post(`${family.url}/professionals/${randomUUID()}/end`)).statusCode).toBe(403);
  });
});

describe('closing a case', () => {
  let family: Family;
  let consentId: string;
  let professionalId: string;
  let linkToken: string;
  beforeAll(async () => {
    family = await openFamily();
    // A link to accept the rules, emailed before the case closes.
    const sent = await coordinator.post(`${family.url}/rules-acceptances/links`, {
      personId: family.ids.Laura,
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const mail = await t.database.db
      .select({ bodyText: outboxMessages.bodyText })
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, 'laura.hill@example.org'));
    linkToken = /\/rules\/([A-Za-z0-9_-]+)/.exec(mail.map((m) => m.bodyText).join('\n'))![1]!;
    const consent = await coordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Ayo,
      givenByPersonId: family.ids.Laura,
      givenOn: today(),
    });
    consentId = consentOf(consent.json(), family.ids.Ayo!).current!.id;
    const professional = await coordinator.post(`${family.url}/professionals`, {
      role: 'social_worker',
      name: 'Tess Marsh',
      actingForPersonId: null,
    });
    professionalId = professional.json().professionals[0].id;
  });

  it('a supervisor cannot close a case; another centre’s coordinator gets 404', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.post(`${family.url}/close`, { outcome: 'withdrawn' })).statusCode).toBe(403);
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    expect((await hillviewCoordinator.post(`${family.url}/close`, { outcome: 'withdrawn' })).statusCode).toBe(
      404,
    );
    const unknown = await coordinator.post(`/api/centres/${riverside}/cases/${randomUUID()}/close`, {
      outcome: 'withdrawn',
    });
    expect(unknown.statusCode).toBe(404);
    const bad = await coordinator.post(`${family.url}/close`, { outcome: 'bored' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: 'outcome', message: 'Choose how the case ends' }]);
    expect((await coordinator.get(family.url)).json().status).toBe('open');
  });

  it('closes with its outcome and note: the closure (the retention clock’s start) is on the file, and audited', async () => {
    const response = await coordinator.post(`${family.url}/close`, {
      outcome: 'arranging_themselves',
      note: 'The parents now arrange handovers at the school gate.',
    });
    expect(response.statusCode, response.body).toBe(200);
    const file = response.json();
    expect(file.status).toBe('closed');
    expect(file.closure).toEqual({
      outcome: 'arranging_themselves',
      note: 'The parents now arrange handovers at the school gate.',
      closedAt: expect.any(String),
      closedBy: 'Priya Shah',
    });
    expect(Date.now() - Date.parse(file.closure.closedAt)).toBeLessThan(60_000);
    expect(await auditOf('case.closed', family.caseId)).toEqual([
      {
        outcome: 'success',
        actorLabel: 'Priya Shah',
        detail: { outcome: 'arranging_themselves', visitsCancelled: 0, sessionsCancelled: 0 },
      },
    ]);
    const list = (await coordinator.get(`/api/centres/${riverside}/cases`)).json().items as {
      id: string;
      status: string;
    }[];
    expect(list.find((c) => c.id === family.caseId)?.status).toBe('closed');
  });

  it('after closing, every change to the case answers 409 “This case is closed.”', async () => {
    const me = (await coordinator.get('/api/auth/session')).json().user.id as string;
    const none = { present: false };
    const changes: [string, string, unknown][] = [
      ['POST', `${family.url}/close`, { outcome: 'withdrawn' }],
      [
        'POST',
        `${family.url}/child-consents`,
        { childPersonId: family.ids.Ayo, givenByPersonId: family.ids.Mark, givenOn: today() },
      ],
      ['POST', `${family.url}/child-consents/${consentId}/withdraw`, undefined],
      [
        'POST',
        `${family.url}/court-orders`,
        { kind: 'interim', court: 'Riverside Family Court', madeOn: today() },
      ],
      ['POST', `${family.url}/professionals`, { role: 'other', name: 'Kim Ward', actingForPersonId: null }],
      ['POST', `${family.url}/professionals/${professionalId}/end`, undefined],
      ['PUT', `${family.url}/people/${family.ids.Laura}/contact-details/phone`, { value: '07700 900999' }],
      [
        'POST',
        `${family.url}/intake-visits`,
        { kind: 'adult', personId: family.ids.Laura, scheduledAt: instant('2030-03-14T10:15:00Z') },
      ],
      [
        'POST',
        `${family.url}/risk-assessments`,
        {
          replacesVersion: null,
          factors: {
            domestic_abuse: none,
            injunctions: none,
            substance_misuse: none,
            abduction_risk: none,
            mental_health: none,
            previous_incidents: none,
          },
          level: 'low',
          decision: 'supported',
          conditions: {},
        },
      ],
      [
        'POST',
        `${family.url}/plans`,
        {
          replacesVersion: null,
          serviceType: 'supervised',
          recurrence: { frequency: 'weekly', weekday: 6, startTime: '10:00' },
          lengthMinutes: 120,
          startsOn: day('2027-01-09'),
          attendeePersonIds: [family.ids.Mark, family.ids.Ayo],
          specialConditions: { giftsAllowed: false, foodAllowed: false, photographsAllowed: false },
        },
      ],
      ['POST', `${family.url}/rules-acceptances`, { personId: family.ids.Laura, witnessedByUserId: me }],
      ['POST', `${family.url}/rules-acceptances/links`, { personId: family.ids.Laura }],
    ];
    for (const [method, url, payload] of changes) {
      const response = await coordinator.request({ method, url, payload: payload as object });
      expect(response.statusCode, `${method} ${url}: ${response.body}`).toBe(409);
      expect(response.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    }
    // The link emailed before the case closed no longer changes it either.
    const throughLink = await t.anonymous().post(`/api/rules-links/${linkToken}/accept`);
    expect(throughLink.statusCode).toBe(409);
    expect(throughLink.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    const file = (await coordinator.get(family.url)).json();
    expect(consentOf(file, family.ids.Ayo!).current?.id).toBe(consentId);
    expect(file.professionals[0].endedAt).toBeNull();
    expect(file.courtOrders).toHaveLength(1);
    // Readable still, and readiness says why nothing can be booked.
    const readiness = (await coordinator.get(`${family.url}/readiness`)).json();
    expect(readiness.blockers[0]).toEqual({ code: 'case_closed', message: 'The case is closed.' });
  });

  it('a supervisor cannot reopen; the coordinator reopens with a reason, kept in the audit trail', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.post(`${family.url}/reopen`, { reason: 'closed_by_mistake' })).statusCode).toBe(
      403,
    );
    const noReason = await coordinator.post(`${family.url}/reopen`, {});
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].field).toBe('reason');

    const reopened = await coordinator.post(`${family.url}/reopen`, { reason: 'family_returned' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect(reopened.json()).toMatchObject({ status: 'open', closure: null });
    const [event] = await auditOf('case.reopened', family.caseId);
    expect(event).toMatchObject({
      outcome: 'success',
      detail: {
        reason: 'family_returned',
        previousOutcome: 'arranging_themselves',
        previouslyClosedAt: expect.any(String),
      },
    });
    const again = await coordinator.post(`${family.url}/reopen`, { reason: 'family_returned' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('This case is not closed, so there is nothing to reopen.');
    // Open again, it takes changes.
    const professional = await coordinator.post(`${family.url}/professionals`, {
      role: 'other',
      name: 'Kim Ward',
      actingForPersonId: null,
    });
    expect(professional.statusCode).toBe(201);
  });
});

describe('the centre’s age for parental consent', () => {
  it('follows the centre’s setting: at 18 and under, a parent gives consent for a child of 17', async () => {
    const changed = await coordinator.patch(`/api/centres/${hillview}/settings`, {
      parentalConsentUpToAge: 18,
    });
    expect(changed.statusCode).toBe(404);
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    expect(
      (await hillviewCoordinator.patch(`/api/centres/${hillview}/settings`, { parentalConsentUpToAge: 18 }))
        .statusCode,
    ).toBe(200);
    const family = await openFamily(
      { children: [{ firstName: 'Jamie', lastName: 'Hill', dateOfBirth: bornYearsAgo(17) }] },
      hillview,
    );
    const file = (await hillviewCoordinator.get(family.url)).json();
    expect(file.parentalConsentUpToAge).toBe(18);
    expect(consentOf(file, family.ids.Jamie!)).toMatchObject({ age: 17, parentalConsentNeeded: true });
    const own = await hillviewCoordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Jamie,
      givenByPersonId: family.ids.Jamie,
      givenOn: today(),
    });
    expect(own.json().message).toBe(
      'Jamie is 17: a parent gives consent for them; the centre’s policy asks a parent for children 18 and under.',
    );
    const parent = await hillviewCoordinator.post(`${family.url}/child-consents`, {
      childPersonId: family.ids.Jamie,
      givenByPersonId: family.ids.Laura,
      givenOn: today(),
    });
    expect(parent.statusCode, parent.body).toBe(201);
  });
});
