import { asc, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentBody } from '../../shared/api/risk.js';
import { auditEvents, riskAssessments } from '../db/schema.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { currentRiskAssessment, HIGH_RISK_NOT_SUPPORTED, SAVED_AT_THE_SAME_MOMENT } from './service.js';

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

// Each referral comes from its own address, so the public form's flood limit stays out of the way.
let sender = 0;
async function openFamily(
  centreId = riverside,
  coordinatorEmail: string = DEMO.coordinator,
): Promise<Family> {
  sender++;
  const sent = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: referralFor(centreId),
    remoteAddress: `127.0.3.${sender}`,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepter = await t.as(coordinatorEmail);
  const accepted = await accepter.post(`/api/centres/${centreId}/referrals/${sent.json().referralId}/accept`);
  const caseId = accepted.json().caseId as string;
  const detail = (await accepter.get(`/api/centres/${centreId}/cases/${caseId}`)).json();
  const ids = Object.fromEntries(
    (detail.people as { id: string; firstName: string }[]).map((p) => [p.firstName, p.id]),
  );
  return { caseId, ids, url: `/api/centres/${centreId}/cases/${caseId}/risk-assessments` };
}

const noFactor = { present: false };

/** A realistic assessment of the Hills: a non-molestation order, so supervised with the parents kept apart. */
function assessment(family: Family, overrides: Partial<AssessmentBody> = {}): AssessmentBody {
  return {
    replacesVersion: null,
    factors: {
      domestic_abuse: { present: true, evidence: 'Police call-outs in 2025, described in the referral.' },
      injunctions: { present: true, evidence: 'Non-molestation order until 1 October 2027.' },
      substance_misuse: noFactor,
      abduction_risk: noFactor,
      mental_health: noFactor,
      previous_incidents: { present: false, evidence: 'None known to the centre.' },
    },
    level: 'medium',
    decision: 'supervised',
    conditions: {
      staggerMinutes: 15,
      separateEntrances: true,
      separateWaitingRooms: true,
      mustNotMeet: [[family.ids.Laura!, family.ids.Mark!]],
      mayAttend: [family.ids.Mark!, family.ids.Ayo!],
    },
    ...overrides,
  };
}

async function lastAudit(action: string) {
  const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.sort((a, b) => b.seq - a.seq)[0];
}

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!.id;
  coordinator = await t.as(DEMO.coordinator);
});
afterAll(() => t.close());

describe('the risk assessment, versioned', () => {
  let family: Family;
  beforeAll(async () => {
    family = await openFamily();
  });

  it('the first assessment is version 1, in force, with its factors, level, decision and conditions', async () => {
    expect(await currentRiskAssessment(t.database.db, family.caseId)).toBeNull();
    const saved = await coordinator.post(family.url, assessment(family));
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      caseId: family.caseId,
      version: 1,
      current: true,
      level: 'medium',
      decision: 'supervised',
      assessedBy: 'Priya Shah',
      supersededAt: null,
      factors: {
        domestic_abuse: { present: true, evidence: 'Police call-outs in 2025, described in the referral.' },
        substance_misuse: { present: false, evidence: null },
        previous_incidents: { present: false, evidence: 'None known to the centre.' },
      },
      conditions: {
        staggerMinutes: 15,
        separateEntrances: true,
        separateWaitingRooms: true,
        mustNotMeet: [[family.ids.Laura, family.ids.Mark]],
        mayAttend: [family.ids.Mark, family.ids.Ayo],
      },
    });
    expect(await lastAudit('risk.assessed')).toMatchObject({
      outcome: 'success',
      resourceType: 'risk_assessment',
      resourceId: saved.json().id,
      centreId: riverside,
      actorLabel: 'Priya Shah',
      // The level and decision stay out of the trail.
      detail: { caseId: family.caseId, version: 1 },
    });
  });

  it('a new assessment supersedes the one in force; the old one stays readable as it was', async () => {
    const saved = await coordinator.post(
      family.url,
      assessment(family, {
        replacesVersion: 1,
        level: 'high',
        decision: 'handover_only',
        conditions: { staggerMinutes: 30, mustNotMeet: [[family.ids.Laura!, family.ids.Mark!]] },
      }),
    );
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json()).toMatchObject({
      version: 2,
      current: true,
      // Conditions left out take their defaults.
      conditions: {
        staggerMinutes: 30,
        separateEntrances: false,
        separateWaitingRooms: false,
        mayAttend: [],
      },
    });
    const list = await coordinator.get(family.url);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as {
      version: number;
      current: boolean;
      level: string;
      decision: string;
      supersededAt: string | null;
      conditions: { staggerMinutes: number };
    }[];
    expect(items.map((a) => [a.version, a.current, a.level, a.decision])).toEqual([
      [2, true, 'high', 'handover_only'],
      [1, false, 'medium', 'supervised'],
    ]);
    expect(items[1]!.supersededAt).not.toBeNull();
    expect(items[1]!.conditions.staggerMinutes).toBe(15);
    expect(await lastAudit('risk.read')).toMatchObject({
      resourceType: 'case',
      resourceId: family.caseId,
      centreId: riverside,
      detail: { count: 2 },
    });
    expect(await currentRiskAssessment(t.database.db, family.caseId)).toEqual({
      version: 2,
      level: 'high',
      decision: 'handover_only',
      conditions: {
        staggerMinutes: 30,
        separateEntrances: false,
        separateWaitingRooms: false,
        mustNotMeet: [[family.ids.Laura, family.ids.Mark]],
        mayAttend: [],
      },
    });
  });

  it('a save based on an older version is refused: someone else has saved since', async () => {
    for (const replacesVersion of [null, 1, 3]) {
      const stale = await coordinator.post(family.url, assessment(family, { replacesVersion }));
      expect(stale.statusCode, String(replacesVersion)).toBe(409);
      expect(stale.json()).toEqual({ code: 'assessment_changed', message: SAVED_AT_THE_SAME_MOMENT });
    }
    expect((await currentRiskAssessment(t.database.db, family.caseId))?.version).toBe(2);
  });

  it('five saves at once: one is version 3, the other four are refused, and the versions stay contiguous', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        coordinator.post(
          family.url,
          assessment(family, { replacesVersion: 2, conditions: { staggerMinutes: n } }),
        ),
      ),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(refused.json()).toEqual({ code: 'assessment_changed', message: SAVED_AT_THE_SAME_MOMENT });
    }
    const rows = await t.database.db
      .select({ version: riskAssessments.version, supersededAt: riskAssessments.supersededAt })
      .from(riskAssessments)
      .where(eq(riskAssessments.caseId, family.caseId))
      .orderBy(asc(riskAssessments.version));
    expect(rows.map((r) => [r.version, r.supersededAt === null])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    const winner = results.find((r) => r.statusCode === 201)!.json();
    expect(await currentRiskAssessment(t.database.db, family.caseId)).toMatchObject({
      version: 3,
      conditions: { staggerMinutes: winner.conditions.staggerMinutes },
    });
  });

  it('five first assessments at once: exactly one becomes version 1', async () => {
    const fresh = await openFamily();
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => coordinator.post(fresh.url, assessment(fresh))),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const refused of results.filter((r) => r.statusCode === 409)) {
      expect(refused.json().message).toBe(SAVED_AT_THE_SAME_MOMENT);
    }
    const rows = await t.database.db
      .select({ version: riskAssessments.version })
      .from(riskAssessments)
      .where(eq(riskAssessments.caseId, fresh.caseId));
    expect(rows).toEqual([{ version: 1 }]);
  });
});

describe('what an assessment must say', () => {
  let family: Family;
  beforeAll(async () => {
    family = await openFamily();
  });

  it('a factor marked present needs its evidence, named by field', async () => {
    const body = assessment(family);
    body.factors.substance_misuse = { present: true };
    body.factors.mental_health = { present: true, evidence: '   ' };
    const response = await coordinator.post(family.url, body);
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: 'factors.substance_misuse.evidence', message: 'Write down the evidence of substance misuse' },
      { field: 'factors.mental_health.evidence', message: 'Write down the evidence of mental health' },
    ]);
  });

  it('every factor is answered, and conditions stay within bounds', async () => {
    const body = assessment(family) as unknown as {
      factors: Record<string, unknown>;
      conditions: Record<string, unknown>;
    };
    delete body.factors.abduction_risk;
    body.conditions.staggerMinutes = 121;
    body.conditions.mustNotMeet = [[family.ids.Laura, family.ids.Laura]];
    const response = await coordinator.post(family.url, body);
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['conditions.mustNotMeet.0', 'conditions.staggerMinutes', 'factors.abduction_risk']);
    const missing = assessment(family) as Partial<AssessmentBody>;
    delete missing.replacesVersion;
    const noVersion = await coordinator.post(family.url, missing);
    expect(noVersion.statusCode).toBe(400);
    expect(noVersion.json().details.map((d: { field: string }) => d.field)).toEqual(['replacesVersion']);
  });

  it('a high risk cannot be met with supported contact', async () => {
    const response = await coordinator.post(
      family.url,
      assessment(family, { level: 'high', decision: 'supported' }),
    );
    expect(response.statusCode).toBe(422);
    expect(response.json()).toEqual({ code: 'high_risk_supported', message: HIGH_RISK_NOT_SUPPORTED });
    expect(HIGH_RISK_NOT_SUPPORTED).toBe(
      'A high risk cannot be met with supported contact: choose supervised, handover only, indirect only or decline.',
    );
    // Medium risk with supported contact is the coordinator's call.
    const medium = await coordinator.post(
      family.url,
      assessment(family, { level: 'medium', decision: 'supported' }),
    );
    expect(medium.statusCode).toBe(201);
  });

  it('conditions may name only people of this case, and the refusal names the one that is not', async () => {
    const other = await openFamily();
    const current = (await currentRiskAssessment(t.database.db, family.caseId))?.version ?? null;
    const notMeet = await coordinator.post(
      family.url,
      assessment(family, {
        replacesVersion: current,
        conditions: { mustNotMeet: [[family.ids.Laura!, other.ids.Mark!]] },
      }),
    );
    expect(notMeet.statusCode).toBe(422);
    expect(notMeet.json()).toEqual({
      code: 'not_in_case',
      message: `${other.ids.Mark} is not one of the people of this case: the conditions may name only them.`,
    });
    const stranger = randomUUID();
    const attend = await coordinator.post(
      family.url,
      assessment(family, {
        replacesVersion: current,
        conditions: { mayAttend: [family.ids.Mark!, stranger] },
      }),
    );
    expect(attend.statusCode).toBe(422);
    expect(attend.json().message).toContain(stranger);
    expect((await currentRiskAssessment(t.database.db, family.caseId))?.version ?? null).toBe(current);
  });

  it('a closed case’s assessment no longer changes, though it can still be read', async () => {
    const closed = await openFamily();
    expect((await coordinator.post(closed.url, assessment(closed))).statusCode).toBe(201);
    const close = await coordinator.post(`/api/centres/${riverside}/cases/${closed.caseId}/close`, {
      outcome: 'court_decision',
    });
    expect(close.statusCode, close.body).toBe(200);
    const response = await coordinator.post(closed.url, assessment(closed, { replacesVersion: 1 }));
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    expect((await coordinator.get(closed.url)).json().items).toHaveLength(1);
  });
});

describe('who may see and make assessments', () => {
  let family: Family;
  let hillviewFamily: Family;
  beforeAll(async () => {
    family = await openFamily();
    hillviewFamily = await openFamily(hillview, DEMO.hillviewCoordinator);
    expect((await coordinator.post(family.url, assessment(family))).statusCode).toBe(201);
  });

  it('a volunteer is refused; a supervisor may read but not assess', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(family.url)).statusCode).toBe(403);
    expect((await volunteer.post(family.url, assessment(family, { replacesVersion: 1 }))).statusCode).toBe(
      403,
    );
    const supervisor = await t.as(DEMO.supervisor);
    const read = await supervisor.get(family.url);
    expect(read.statusCode).toBe(200);
    expect(read.json().items).toHaveLength(1);
    expect((await supervisor.post(family.url, assessment(family, { replacesVersion: 1 }))).statusCode).toBe(
      403,
    );
    expect((await currentRiskAssessment(t.database.db, family.caseId))?.version).toBe(1);
  });

  it('another centre’s coordinator gets 404, exactly as for a case that does not exist', async () => {
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    expect((await hillviewCoordinator.get(family.url)).statusCode).toBe(404);
    expect(
      (await hillviewCoordinator.post(family.url, assessment(family, { replacesVersion: 1 }))).statusCode,
    ).toBe(404);
    // A Riverside case reached through Hillview's own address is not found either, like a missing one.
    const sideways = await hillviewCoordinator.get(
      `/api/centres/${hillview}/cases/${family.caseId}/risk-assessments`,
    );
    const missing = await hillviewCoordinator.get(
      `/api/centres/${hillview}/cases/${randomUUID()}/risk-assessments`,
    );
    expect(sideways.statusCode).toBe(404);
    expect(sideways.json()).toEqual(missing.json());
    const reached = `/api/centres/${riverside}/cases/${hillviewFamily.caseId}/risk-assessments`;
    expect((await coordinator.get(reached)).statusCode).toBe(404);
    const written = await coordinator.post(reached, assessment(hillviewFamily));
    expect(written.statusCode).toBe(404);
    expect(written.json()).toEqual({ code: 'not_found', message: 'That case was not found.' });
    expect(await currentRiskAssessment(t.database.db, hillviewFamily.caseId)).toBeNull();
  });
});
