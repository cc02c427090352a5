import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanBody } from '../../shared/api/plans.js';
import type { ReferralBody } from '../../shared/api/referrals.js';
import { auditEvents, centreSettings, contactPlans, riskAssessments } from '../db/schema.js';
import { databaseErrorOf } from '../platform/database.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { clockChanges, day, plusDays } from '../test-support/dates.js';
import { spokenDay } from '../platform/local-time.js';

let t: TestApp;
let riverside: string;
let hillview: string;

interface Family {
  caseId: string;
  laura: string;
  mark: string;
  ayo: string;
}

let sender = 0;

/** Sends a referral and accepts it, as the referrer and the centre's coordinator would. */
async function familyAt(
  centreId: string,
  coordinator: string,
  overrides: Partial<ReferralBody> = {},
): Promise<Family> {
  // Each referral comes from its own address, so the public form's flood limit stays out of the way.
  sender++;
  const sent = (
    await t.anonymous().request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralFor(centreId, overrides),
      remoteAddress: `127.0.4.${sender}`,
    })
  ).json();
  const client = await t.as(coordinator);
  const accepted = await client.post(`/api/centres/${centreId}/referrals/${sent.referralId}/accept`);
  expect(accepted.statusCode).toBe(200);
  const caseId = accepted.json().caseId as string;
  const people = (await client.get(`/api/centres/${centreId}/cases/${caseId}`)).json().people as {
    id: string;
    firstName: string;
  }[];
  const idOf = (name: string) => people.find((p) => p.firstName === name)!.id;
  return { caseId, laura: idOf('Laura'), mark: idOf('Mark'), ayo: idOf('Ayo') };
}

/** A supervised fortnightly Saturday plan: Mark comes 15 minutes early and stays 15 minutes after. */
function planFor(family: Family, overrides: Partial<PlanBody> = {}): PlanBody {
  return {
    replacesVersion: null,
    serviceType: 'supervised',
    recurrence: { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
    lengthMinutes: 120,
    startsOn: day('2027-01-09'),
    endsOn: null,
    attendeePersonIds: [family.mark, family.ayo, family.laura],
    timings: { [family.mark]: { arriveMinutes: -15, leaveMinutes: 15 } },
    handoverArrangements: 'Laura brings Ayo to the side entrance once Mark is in the family room.',
    specialConditions: {
      interpreter: null,
      giftsAllowed: true,
      foodAllowed: true,
      photographsAllowed: false,
      noRecordings: true,
    },
    ...overrides,
  };
}

const plansUrl = (centreId: string, caseId: string) => `/api/centres/${centreId}/cases/${caseId}/plans`;
const occurrencesUrl = (centreId: string, caseId: string, from: string, to: string) =>
  `${plansUrl(centreId, caseId)}/current/occurrences?from=${from}&to=${to}`;

async function auditOf(action: string, resourceId: string) {
  return t.database.db
    .select({ outcome: auditEvents.outcome, actorLabel: auditEvents.actorLabel, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId)));
}

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name !== 'Riverside Contact Centre')!.id;
});
afterAll(() => t.close());

describe('agreeing a contact plan', () => {
  let family: Family;
  beforeAll(async () => {
    family = await familyAt(riverside, DEMO.coordinator);
  });

  it('agrees version 1, with the centre’s review cadence and every adult’s times', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(plansUrl(riverside, family.caseId), planFor(family));
    expect(response.statusCode).toBe(201);
    const plan = response.json();
    expect(plan).toMatchObject({
      caseId: family.caseId,
      version: 1,
      current: true,
      serviceType: 'supervised',
      recurrence: { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
      firstReviewAfterSessions: 6,
      // The sixth fortnightly Saturday from 9 January 2027.
      expectedFirstReviewOn: day('2027-03-20'),
      agreedBy: 'Priya Shah',
      supersededAt: null,
      specialConditions: { interpreter: null, giftsAllowed: true, phonesAllowed: false, noRecordings: true },
    });
    expect(plan.timings).toEqual({
      [family.mark]: { arriveMinutes: -15, leaveMinutes: 15 },
      [family.laura]: { arriveMinutes: 0, leaveMinutes: 0 },
    });
    expect(await auditOf('plan.agreed', plan.id)).toEqual([
      {
        outcome: 'success',
        actorLabel: 'Priya Shah',
        detail: { caseId: family.caseId, version: 1, serviceType: 'supervised' },
      },
    ]);
  });

  it('a new version supersedes the old, which stays readable; the list is newest first with the current flagged', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const second = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 1, lengthMinutes: 90, firstReviewAfterSessions: 8 }),
    );
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({
      version: 2,
      current: true,
      lengthMinutes: 90,
      firstReviewAfterSessions: 8,
    });

    const list = await coordinator.get(plansUrl(riverside, family.caseId));
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      version: number;
      current: boolean;
      lengthMinutes: number;
      supersededAt: string | null;
    }[];
    expect(items.map((p) => [p.version, p.current, p.lengthMinutes, p.supersededAt === null])).toEqual([
      [2, true, 90, true],
      [1, false, 120, false],
    ]);
    expect(await auditOf('plan.listed', family.caseId)).toEqual([
      { outcome: 'success', actorLabel: 'Priya Shah', detail: { count: 2 } },
    ]);
    // A supervisor may read the plan (case:read), not change it.
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.get(plansUrl(riverside, family.caseId))).statusCode).toBe(200);
    const change = await supervisor.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 2 }),
    );
    expect(change.statusCode).toBe(403);
  });

  it('a save based on a version that is no longer the newest is refused, and nothing changes', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const stale = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 1 }),
    );
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      code: 'plan_conflict',
      message: expect.stringMatching(/Reload and try again/),
    });
    const fresh = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: null }),
    );
    expect(fresh.statusCode).toBe(409);
    const refusals = await auditOf('plan.agreed', family.caseId);
    expect(refusals).toEqual([
      { outcome: 'refused', actorLabel: 'Priya Shah', detail: { reason: 'plan_conflict' } },
      { outcome: 'refused', actorLabel: 'Priya Shah', detail: { reason: 'plan_conflict' } },
    ]);
    expect((await coordinator.get(plansUrl(riverside, family.caseId))).json().items).toHaveLength(2);
  });

  it('people who are not in this case are refused, naming the field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const other = await familyAt(riverside, DEMO.coordinator, {
      children: [{ firstName: 'Ayo', lastName: 'Okafor', dateOfBirth: '2018-02-11' }],
    });
    const response = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 2, attendeePersonIds: [family.mark, other.ayo, randomUUID()] }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'invalid_input',
      details: [
        { field: 'attendeePersonIds.1', message: 'Choose people named in this case' },
        { field: 'attendeePersonIds.2', message: 'Choose people named in this case' },
        { field: 'attendeePersonIds', message: 'Choose at least one child' },
      ],
    });
    // Times for a child, and for someone who does not attend, are refused too.
    const timings = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, {
        replacesVersion: 2,
        attendeePersonIds: [family.mark, family.ayo],
        timings: {
          [family.ayo]: { arriveMinutes: 0, leaveMinutes: 0 },
          [family.laura]: { arriveMinutes: 0, leaveMinutes: 0 },
        },
      }),
    );
    expect(timings.statusCode).toBe(400);
    expect(timings.json().details).toEqual([
      { field: `timings.${family.laura}`, message: 'Give times only for people who attend' },
    ]);
  });

  it('a plan that allows recordings is refused: the centre never permits them', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, {
        replacesVersion: 2,
        specialConditions: {
          interpreter: 'Yoruba',
          giftsAllowed: false,
          foodAllowed: false,
          photographsAllowed: false,
          noRecordings: false,
        },
      }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'recordings_never_allowed',
      message: 'The centre never permits recordings, so a plan cannot allow them.',
      details: [{ field: 'specialConditions.noRecordings' }],
    });
  });

  it('bad input gets a 400 naming each field, never a 500', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, {
        replacesVersion: 2,
        recurrence: { frequency: 'weekly', weekday: 7, startTime: '25:00' },
        lengthMinutes: 10,
        startsOn: day('2027-02-01'),
        endsOn: day('2027-01-01'),
      }),
    );
    expect(response.statusCode).toBe(400);
    const fields = (response.json().details as { field: string }[]).map((d) => d.field);
    expect(fields).toEqual(
      expect.arrayContaining(['recurrence.weekday', 'recurrence.startTime', 'lengthMinutes']),
    );
    const empty = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, {
        replacesVersion: 2,
        recurrence: { frequency: 'weekly', weekday: 3, startTime: '10:00' },
        startsOn: day('2027-01-09'),
        endsOn: day('2027-01-12'),
      }),
    );
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([
      { field: 'recurrence.weekday', message: expect.stringMatching(/No session falls/) },
    ]);
  });
});

describe('a final court order', () => {
  let family: Family;
  beforeAll(async () => {
    family = await familyAt(riverside, DEMO.coordinator, {
      courtOrder: {
        kind: 'final',
        court: 'Riverside Family Court',
        madeOn: '2026-11-02',
        endsOn: day('2027-06-30'),
        timeLimitAgreed: true,
      },
    });
  });

  it('needs the plan to have an end date', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { endsOn: null }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      code: 'final_order_needs_end',
      message: 'The court order is final, so the plan needs an end date.',
      details: [{ field: 'endsOn' }],
    });
  });

  it('and that end date is never after the order’s', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const late = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { endsOn: day('2027-07-01') }),
    );
    expect(late.statusCode).toBe(422);
    expect(late.json().message).toBe(
      `The court order is final and ends on ${spokenDay(day('2027-06-30'))}, so the plan must end by then.`,
    );
    const within = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { endsOn: day('2027-06-30') }),
    );
    expect(within.statusCode).toBe(201);
    expect(within.json()).toMatchObject({ version: 1, endsOn: day('2027-06-30') });
  });
});

describe('two coordinators saving at the same moment', () => {
  let family: Family;

  it('five saves at once: one is agreed, the others are told to reload', async () => {
    family = await familyAt(riverside, DEMO.coordinator);
    const coordinator = await t.as(DEMO.coordinator);
    const responses = await Promise.all(
      [60, 75, 90, 105, 120].map((lengthMinutes) =>
        coordinator.post(plansUrl(riverside, family.caseId), planFor(family, { lengthMinutes })),
      ),
    );
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409]);
    for (const refused of responses.filter((r) => r.statusCode === 409)) {
      expect(refused.json().code).toBe('plan_conflict');
      expect(refused.json().message).toMatch(/Reload and try again\.$/);
    }
    const stored = await t.database.db
      .select({ version: contactPlans.version, lengthMinutes: contactPlans.lengthMinutes })
      .from(contactPlans)
      .where(eq(contactPlans.caseId, family.caseId));
    const agreed = responses.find((r) => r.statusCode === 201)!.json();
    expect(stored).toEqual([{ version: 1, lengthMinutes: agreed.lengthMinutes }]);
  });

  it('the database itself refuses a second plan of the same version, under the name the service answers 409 for', async () => {
    const row = {
      caseId: family.caseId,
      centreId: riverside,
      version: 1,
      serviceType: 'supported',
      recurrence: { frequency: 'weekly', weekday: 6, startTime: '10:00' },
      lengthMinutes: 120,
      startsOn: day('2027-01-09'),
      attendeePersonIds: [family.mark, family.ayo],
      timings: {},
      firstReviewAfterSessions: 6,
      specialConditions: { noRecordings: true },
    };
    const error = await t.database.db
      .insert(contactPlans)
      .values(row)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseErrorOf(error)).toEqual({ code: '23505', constraint: 'contact_plans_version' });
  });
});

describe('adults who must not meet', () => {
  it('are kept apart by the risk assessment’s stagger', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    // Written directly, in the shape shared/api/risk.ts gives conditions (pairs, and a stagger), so that
    // this test does not depend on the risk module's routes, written alongside this one.
    await t.database.db.insert(riskAssessments).values({
      caseId: family.caseId,
      centreId: riverside,
      version: 1,
      factors: [{ factor: 'domestic_abuse', present: true, evidence: 'Non-molestation order' }],
      level: 'high',
      decision: 'supervised',
      conditions: { mustNotMeet: [[family.laura, family.mark]], staggerMinutes: 20 },
    });
    const coordinator = await t.as(DEMO.coordinator);
    const close = await coordinator.post(plansUrl(riverside, family.caseId), planFor(family));
    expect(close.statusCode).toBe(422);
    expect(close.json()).toMatchObject({
      code: 'not_staggered',
      message:
        'Laura and Mark must not meet: their arrivals and departures must be at least 20 minutes apart.',
    });
    expect(close.json().details.map((d: { field: string }) => d.field)).toEqual([`timings.${family.mark}`]);
    const apart = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { timings: { [family.mark]: { arriveMinutes: -20, leaveMinutes: 20 } } }),
    );
    expect(apart.statusCode).toBe(201);
  });
});

describe('the sessions a plan produces', () => {
  let family: Family;
  beforeAll(async () => {
    family = await familyAt(riverside, DEMO.coordinator);
  });

  it('a case without a plan has none to give', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.get(
      occurrencesUrl(riverside, family.caseId, day('2027-03-01'), day('2027-04-30')),
    );
    expect(response.statusCode).toBe(404);
    expect(response.json().message).toBe('This case has no agreed contact plan yet.');
  });

  it('a weekly Sunday 10:00 session is 10:00 local on both sides of the March clock change, and an hour apart in UTC', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const { forward, back } = clockChanges();
    const agreed = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, {
        serviceType: 'supported',
        recurrence: { frequency: 'weekly', weekday: 0, startTime: '10:00' },
        startsOn: plusDays(forward, -14),
        endsOn: plusDays(back, 7),
      }),
    );
    expect(agreed.statusCode).toBe(201);
    const response = await coordinator.get(
      occurrencesUrl(riverside, family.caseId, plusDays(forward, -8), plusDays(forward, 7)),
    );
    expect(response.statusCode).toBe(200);
    const session = (number: number, date: string, utcHour: string) => ({
      number,
      date,
      startTime: '10:00',
      endTime: '12:00',
      startsAt: `${date}T${utcHour}:00:00.000Z`,
      endsAt: `${date}T${Number(utcHour) + 2}:00:00.000Z`,
    });
    // The clocks go forward on the Sunday `forward` (the last Sunday of March).
    expect(response.json()).toEqual({
      planId: agreed.json().id,
      version: 1,
      timeZone: 'Europe/London',
      from: plusDays(forward, -8),
      to: plusDays(forward, 7),
      items: [
        session(2, plusDays(forward, -7), '10'),
        session(3, forward, '09'),
        session(4, plusDays(forward, 7), '09'),
      ],
    });
    // And back again on the last Sunday of October; nothing after the plan's end a week later.
    const autumn = (
      await coordinator.get(occurrencesUrl(riverside, family.caseId, plusDays(back, -7), plusDays(back, 30)))
    ).json();
    expect(autumn.items.map((o: { date: string; startsAt: string }) => [o.date, o.startsAt])).toEqual([
      [plusDays(back, -7), `${plusDays(back, -7)}T09:00:00.000Z`],
      [back, `${back}T10:00:00.000Z`],
      [plusDays(back, 7), `${plusDays(back, 7)}T10:00:00.000Z`],
    ]);
    expect(await auditOf('plan.occurrences_read', agreed.json().id)).toHaveLength(2);
  });

  it('a window the wrong way round, or longer than a year, is refused naming the field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const backwards = await coordinator.get(
      occurrencesUrl(riverside, family.caseId, day('2027-04-01'), day('2027-03-01')),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([{ field: 'to', message: expect.any(String) }]);
    const long = await coordinator.get(
      occurrencesUrl(riverside, family.caseId, day('2027-01-01'), day('2028-06-01')),
    );
    expect(long.statusCode).toBe(400);
    expect(
      (await coordinator.get(occurrencesUrl(riverside, family.caseId, 'soon', 'later'))).statusCode,
    ).toBe(400);
  });
});

describe('who may see and agree plans', () => {
  let family: Family;
  let elsewhere: Family;
  beforeAll(async () => {
    family = await familyAt(riverside, DEMO.coordinator);
    elsewhere = await familyAt(hillview, DEMO.hillviewCoordinator);
  });

  it('a volunteer is refused: no case files', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(plansUrl(riverside, family.caseId))).statusCode).toBe(403);
    expect((await volunteer.post(plansUrl(riverside, family.caseId), planFor(family))).statusCode).toBe(403);
    expect(
      (await volunteer.get(occurrencesUrl(riverside, family.caseId, day('2027-01-01'), day('2027-02-01'))))
        .statusCode,
    ).toBe(403);
  });

  it('another centre’s coordinator gets the same 404 as for a centre that does not exist', async () => {
    const other = await t.as(DEMO.hillviewCoordinator);
    const theirs = await other.get(plansUrl(riverside, family.caseId));
    const nowhere = await other.get(plansUrl(randomUUID(), family.caseId));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(nowhere.json());
    expect((await other.post(plansUrl(riverside, family.caseId), planFor(family))).statusCode).toBe(404);
    expect(
      (await other.get(occurrencesUrl(riverside, family.caseId, day('2027-01-01'), day('2027-02-01'))))
        .statusCode,
    ).toBe(404);
  });

  it('a case of another centre reached through one’s own centre is not found, and gets no plan', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const theirs = await coordinator.post(plansUrl(riverside, elsewhere.caseId), planFor(elsewhere));
    const missing = await coordinator.post(plansUrl(riverside, randomUUID()), planFor(elsewhere));
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json()).toEqual(missing.json());
    expect((await coordinator.get(plansUrl(riverside, elsewhere.caseId))).statusCode).toBe(404);
    const stored = await t.database.db
      .select()
      .from(contactPlans)
      .where(eq(contactPlans.caseId, elsewhere.caseId));
    expect(stored).toEqual([]);
  });

  it('the review cadence defaults to the centre’s own setting', async () => {
    await t.database.db.insert(centreSettings).values({ centreId: hillview, reviewAfterSessions: 7 });
    const coordinator = await t.as(DEMO.hillviewCoordinator);
    const response = await coordinator.post(plansUrl(hillview, elsewhere.caseId), planFor(elsewhere));
    expect(response.statusCode).toBe(201);
    expect(response.json().firstReviewAfterSessions).toBe(7);
  });
});

describe('the risk assessment’s decision and who may attend', () => {
  const none = { present: false };
  async function assess(
    family: Family,
    decision: string,
    mayAttend: string[],
    replacesVersion: number | null,
  ) {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(
      `/api/centres/${riverside}/cases/${family.caseId}/risk-assessments`,
      {
        replacesVersion,
        factors: {
          domestic_abuse: none,
          injunctions: none,
          substance_misuse: none,
          abduction_risk: none,
          mental_health: none,
          previous_incidents: none,
        },
        level: 'low',
        decision,
        conditions: { mayAttend },
      },
    );
    expect(response.statusCode, response.body).toBe(201);
  }

  it('the plan’s attendees must be among those the assessment names, and the refusal names who is not', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    await assess(family, 'supervised', [family.mark, family.ayo], null);
    const coordinator = await t.as(DEMO.coordinator);
    const refused = await coordinator.post(plansUrl(riverside, family.caseId), planFor(family));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      code: 'not_allowed_to_attend',
      message:
        'The risk assessment does not name Laura Hill among the people who may attend. Choose only people it names, or record a new assessment.',
      details: [
        {
          field: 'attendeePersonIds',
          message:
            'The risk assessment does not name Laura Hill among the people who may attend. Choose only people it names, or record a new assessment.',
        },
      ],
    });
    const within = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { attendeePersonIds: [family.mark, family.ayo] }),
    );
    expect(within.statusCode, within.body).toBe(201);
  });

  it('the service must fit the decision: supervised contact is not met by supported contact', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    await assess(family, 'supervised', [], null);
    const coordinator = await t.as(DEMO.coordinator);
    const refused = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { serviceType: 'supported' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'service_not_in_decision',
      message:
        'The risk assessment decided on supervised contact, so the plan must be supervised contact, a virtual (video) session or an observed visit, not supported contact.',
      details: [{ field: 'serviceType' }],
    });
    // A supported decision is met by supervised contact: more care, never less.
    await assess(family, 'supported', [], 1);
    expect((await coordinator.post(plansUrl(riverside, family.caseId), planFor(family))).statusCode).toBe(
      201,
    );
  });

  it('handover only allows handover; indirect only or a decline allows no plan of sessions', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    const coordinator = await t.as(DEMO.coordinator);
    await assess(family, 'handover_only', [], null);
    const supervised = await coordinator.post(plansUrl(riverside, family.caseId), planFor(family));
    expect(supervised.json().message).toBe(
      'The risk assessment decided on handover only, so the plan must be handover, not supervised contact.',
    );
    await assess(family, 'indirect_only', [], 1);
    const indirect = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { serviceType: 'indirect' }),
    );
    expect(indirect.statusCode).toBe(422);
    expect(indirect.json()).toMatchObject({
      code: 'decision_allows_no_sessions',
      message:
        'The risk assessment decided on indirect contact only (letters, cards and gifts passed on by the centre), so no plan of sessions can be agreed.',
    });
    await assess(family, 'decline', [], 2);
    const declined = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { serviceType: 'handover' }),
    );
    expect(declined.json().message).toBe(
      'The risk assessment decided to decline contact, so no plan of sessions can be agreed.',
    );
    await assess(family, 'handover_only', [], 3);
    const handover = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { serviceType: 'handover' }),
    );
    expect(handover.statusCode, handover.body).toBe(201);
    expect((await auditOf('plan.agreed', family.caseId)).map((row) => row.detail)).toEqual([
      { reason: 'service_not_in_decision' },
      { reason: 'decision_allows_no_sessions' },
      { reason: 'decision_allows_no_sessions' },
    ]);
  });
});

describe('a plan and the case record', () => {
  it('a closed case’s plan can no longer change: 409, and the refusal is audited', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    const coordinator = await t.as(DEMO.coordinator);
    expect((await coordinator.post(plansUrl(riverside, family.caseId), planFor(family))).statusCode).toBe(
      201,
    );
    const closed = await coordinator.post(`/api/centres/${riverside}/cases/${family.caseId}/close`, {
      outcome: 'arranging_themselves',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const refused = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 1 }),
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    expect(await auditOf('plan.agreed', family.caseId)).toEqual([
      { outcome: 'refused', actorLabel: 'Priya Shah', detail: { reason: 'case_closed' } },
    ]);
    // It can still be read.
    expect((await coordinator.get(plansUrl(riverside, family.caseId))).json().items).toHaveLength(1);
  });

  it('a final order made after the plan is recorded, the case warns, and the next plan must follow it', async () => {
    const family = await familyAt(riverside, DEMO.coordinator);
    const coordinator = await t.as(DEMO.coordinator);
    const caseUrl = `/api/centres/${riverside}/cases/${family.caseId}`;
    expect((await coordinator.post(plansUrl(riverside, family.caseId), planFor(family))).statusCode).toBe(
      201,
    );
    const order = await coordinator.post(`${caseUrl}/court-orders`, {
      kind: 'final',
      court: 'Riverside Family Court',
      madeOn: '2026-11-20',
      endsOn: day('2027-06-30'),
      timeLimitAgreed: true,
    });
    expect(order.statusCode, order.body).toBe(201);
    const warning = {
      code: 'plan_past_final_order',
      message: `The final court order ends on ${spokenDay(day('2027-06-30'))}, but the contact plan has no end date. Agree a new version of the plan that ends by then.`,
    };
    expect(order.json().warnings).toEqual([warning]);
    expect((await coordinator.get(caseUrl)).json().warnings).toEqual([warning]);

    const still = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 1, endsOn: day('2027-12-31') }),
    );
    expect(still.json().message).toBe(
      `The court order is final and ends on ${spokenDay(day('2027-06-30'))}, so the plan must end by then.`,
    );
    const following = await coordinator.post(
      plansUrl(riverside, family.caseId),
      planFor(family, { replacesVersion: 1, endsOn: day('2027-06-30') }),
    );
    expect(following.statusCode, following.body).toBe(201);
    expect((await coordinator.get(caseUrl)).json().warnings).toEqual([]);
  });
});
