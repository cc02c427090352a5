/**
 * The first half of the life of a case through the API, end to end: from an accepted referral to a case
 * that is ready to book, with readiness naming what is missing at each step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { day, instant } from '../test-support/dates.js';

let t: TestApp;
let coordinator: Client;
let riverside: string;
let caseId: string;
const people: Record<string, string> = {};

const casePath = () => `/api/centres/${riverside}/cases/${caseId}`;
const blockers = async () =>
  (await coordinator.get(`${casePath()}/readiness`)).json() as {
    ready: boolean;
    blockers: { code: string }[];
  };

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  const sent = (await t.anonymous().post('/api/referrals', referralFor(riverside))).json();
  caseId = (await coordinator.post(`/api/centres/${riverside}/referrals/${sent.referralId}/accept`)).json()
    .caseId;
  const detail = (await coordinator.get(casePath())).json() as {
    people: { id: string; firstName: string }[];
  };
  for (const person of detail.people) people[person.firstName] = person.id;
});
afterAll(() => t.close());

async function visit(kind: 'adult' | 'children_introduction', personId: string, attended: string[]) {
  const scheduled = await coordinator.post(`${casePath()}/intake-visits`, {
    kind,
    personId,
    scheduledAt: instant('2026-12-05T10:00:00.000Z'),
    place: 'Garden room',
  });
  expect(scheduled.statusCode, scheduled.body).toBe(201);
  const visitId = scheduled.json().visit?.id ?? scheduled.json().id;
  const done = await coordinator.post(`${casePath()}/intake-visits/${visitId}/complete`, {
    attendedPersonIds: attended,
    outcome: 'Went through the rules and what to expect.',
  });
  expect(done.statusCode, done.body).toBe(200);
}

describe('from accepted referral to ready to book', () => {
  it('starts with every step missing, in plain words', async () => {
    const first = await blockers();
    expect(first.ready).toBe(false);
    expect(first.blockers.map((b) => b.code)).toEqual([
      'intake_visit_missing',
      'children_not_introduced',
      'consent_missing',
      'risk_not_assessed',
      'plan_not_agreed',
    ]);
  });

  it('a child whose consent is not recorded blocks booking until a parent gives it', async () => {
    const before = (await coordinator.get(`${casePath()}/readiness`)).json() as {
      blockers: { code: string; message: string }[];
    };
    expect(before.blockers.find((b) => b.code === 'consent_missing')).toEqual({
      code: 'consent_missing',
      message: 'Consent for Ayo Hill’s information has not been recorded.',
    });
    const consent = await coordinator.post(`${casePath()}/child-consents`, {
      childPersonId: people.Ayo,
      givenByPersonId: people.Laura,
      givenOn: '2026-11-02',
    });
    expect(consent.statusCode, consent.body).toBe(201);
    expect((await blockers()).blockers.map((b) => b.code)).not.toContain('consent_missing');
  });

  it('becomes ready once visits, risk assessment, plan and both adults’ acceptance of the rules are done', async () => {
    await visit('adult', people.Laura!, [people.Laura!]);
    await visit('adult', people.Mark!, [people.Mark!]);
    await visit('children_introduction', people.Laura!, [people.Laura!, people.Ayo!]);
    expect((await blockers()).blockers.map((b) => b.code)).toEqual(['risk_not_assessed', 'plan_not_agreed']);

    const none = { present: false };
    const assessed = await coordinator.post(`${casePath()}/risk-assessments`, {
      replacesVersion: null,
      factors: {
        domestic_abuse: { present: true, evidence: 'Non-molestation order, October 2026.' },
        injunctions: { present: true, evidence: 'Order in force until October 2027.' },
        substance_misuse: none,
        abduction_risk: none,
        mental_health: none,
        previous_incidents: none,
      },
      level: 'medium',
      decision: 'supervised',
      conditions: {
        staggerMinutes: 15,
        separateEntrances: true,
        separateWaitingRooms: true,
        mustNotMeet: [[people.Laura!, people.Mark!]],
        mayAttend: [people.Laura!, people.Mark!, people.Ayo!],
      },
    });
    expect(assessed.statusCode, assessed.body).toBe(201);

    const agreed = await coordinator.post(`${casePath()}/plans`, {
      replacesVersion: null,
      serviceType: 'supervised',
      recurrence: { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
      lengthMinutes: 120,
      startsOn: day('2026-12-12'),
      attendeePersonIds: [people.Laura!, people.Mark!, people.Ayo!],
      timings: {
        [people.Laura!]: { arriveMinutes: -15, leaveMinutes: 15 },
        [people.Mark!]: { arriveMinutes: 0, leaveMinutes: 0 },
      },
      handoverArrangements:
        'Laura brings Ayo to the garden room and leaves by the side path before Mark arrives.',
      specialConditions: { giftsAllowed: true, foodAllowed: true, photographsAllowed: false },
    });
    expect(agreed.statusCode, agreed.body).toBe(201);
    const waiting = await blockers();
    expect(waiting.blockers.map((b) => b.code)).toEqual(['rules_not_accepted']);

    const me = (await coordinator.get('/api/auth/session')).json().user.id;
    for (const personId of [people.Laura!, people.Mark!]) {
      const accepted = await coordinator.post(`${casePath()}/rules-acceptances`, {
        personId,
        witnessedByUserId: me,
      });
      expect(accepted.statusCode, accepted.body).toBe(200);
    }
    expect(await blockers()).toEqual({ ready: true, blockers: [] });
  });

  it('a new version of the rules makes the case not ready again', async () => {
    await coordinator.put(`/api/centres/${riverside}/rules`, {
      body: 'New rules: be on time, be kind, and never record.',
    });
    const after = await blockers();
    expect(after.ready).toBe(false);
    expect(after.blockers).toEqual([
      {
        code: 'rules_not_accepted',
        message: 'Laura Hill and Mark Hill have not accepted the current rules (version 2).',
      },
    ]);
  });

  it('a closed case says so; reopened, it is ready again', async () => {
    const closed = await coordinator.post(`${casePath()}/close`, { outcome: 'ended_by_centre' });
    expect(closed.statusCode, closed.body).toBe(200);
    const after = (await coordinator.get(`${casePath()}/readiness`)).json();
    expect(after.ready).toBe(false);
    expect(after.blockers[0]).toEqual({ code: 'case_closed', message: 'The case is closed.' });
    const reopened = await coordinator.post(`${casePath()}/reopen`, { reason: 'closed_by_mistake' });
    expect(reopened.statusCode, reopened.body).toBe(200);
    expect((await blockers()).blockers.map((b) => b.code)).toEqual(['rules_not_accepted']);
  });

  it('a volunteer is refused and another centre answers not found', async () => {
    expect((await (await t.as(DEMO.volunteer)).get(`${casePath()}/readiness`)).statusCode).toBe(403);
    expect((await (await t.as(DEMO.hillviewCoordinator)).get(`${casePath()}/readiness`)).statusCode).toBe(
      404,
    );
  });
});
