/**
 * A case taken through the API from referral to ready to book: accepted, both adults and the children
 * visited, risk assessed (the parents must not meet), a plan agreed with staggered times, the rules
 * accepted, and consent recorded where the centre asks for it.
 */
import { expect } from 'vitest';
import type { ReferralBody } from '../../shared/api/referrals.js';
import type { Client, TestApp } from './app.js';
import { referralFor } from './factories.js';
import { day } from './dates.js';

export interface ReadyCase {
  caseId: string;
  reference: string;
  /** Person ids by first name. */
  people: Record<string, string>;
}

export interface ReadyCaseOptions {
  /** A different family (names and child), so that several cases can be ready at once. */
  family?: { resident: string; other: string; child: string; surname: string };
  serviceType?: 'supported' | 'supervised';
  recurrence?: { frequency: 'weekly' | 'fortnightly'; weekday: number; startTime: string };
  startsOn?: string;
  lengthMinutes?: number;
  staggerMinutes?: number;
  /** Minutes from the session's start and end for the resident and the other parent. */
  timings?: { resident: [number, number]; other: [number, number] };
  remoteAddress?: string;
}

export async function readyCase(
  t: TestApp,
  coordinator: Client,
  centreId: string,
  options: ReadyCaseOptions = {},
): Promise<ReadyCase> {
  const family = options.family ?? { resident: 'Laura', other: 'Mark', child: 'Ayo', surname: 'Hill' };
  const base = referralFor(centreId);
  const referral: ReferralBody = {
    ...base,
    adults: [
      { ...base.adults[0]!, firstName: family.resident, lastName: family.surname },
      { ...base.adults[1]!, firstName: family.other, lastName: family.surname },
    ],
    children: [{ firstName: family.child, lastName: family.surname, dateOfBirth: '2019-05-02' }],
    serviceRequested: options.serviceType ?? 'supervised',
  };
  // The public form allows a few referrals an hour from one address: each case comes from its own.
  const sent = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: referral,
    remoteAddress:
      options.remoteAddress ?? `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepted = await coordinator.post(
    `/api/centres/${centreId}/referrals/${sent.json().referralId}/accept`,
  );
  expect(accepted.statusCode, accepted.body).toBe(200);
  const caseId = accepted.json().caseId as string;
  const path = `/api/centres/${centreId}/cases/${caseId}`;
  const file = (await coordinator.get(path)).json() as {
    reference: string;
    people: { id: string; firstName: string; role: string }[];
  };
  const people = Object.fromEntries(file.people.map((person) => [person.firstName, person.id]));
  const resident = people[family.resident]!;
  const other = people[family.other]!;
  const child = people[family.child]!;

  const visit = async (kind: 'adult' | 'children_introduction', personId: string, attended: string[]) => {
    const scheduled = await coordinator.post(`${path}/intake-visits`, {
      kind,
      personId,
      scheduledAt: '2026-11-20T10:00:00.000Z',
      place: 'Garden room',
    });
    expect(scheduled.statusCode, scheduled.body).toBe(201);
    const visitId = scheduled.json().visit?.id ?? scheduled.json().id;
    const done = await coordinator.post(`${path}/intake-visits/${visitId}/complete`, {
      attendedPersonIds: attended,
      outcome: 'Went through the rules and what to expect.',
    });
    expect(done.statusCode, done.body).toBe(200);
  };
  await visit('adult', resident, [resident]);
  await visit('adult', other, [other]);
  await visit('children_introduction', resident, [resident, child]);

  const none = { present: false };
  const assessed = await coordinator.post(`${path}/risk-assessments`, {
    replacesVersion: null,
    factors: {
      domestic_abuse: { present: true, evidence: 'Non-molestation order.' },
      injunctions: none,
      substance_misuse: none,
      abduction_risk: none,
      mental_health: none,
      previous_incidents: none,
    },
    level: 'medium',
    decision: options.serviceType ?? 'supervised',
    conditions: {
      staggerMinutes: options.staggerMinutes ?? 15,
      separateEntrances: true,
      separateWaitingRooms: true,
      mustNotMeet: [[resident, other]],
      mayAttend: [resident, other, child],
    },
  });
  expect(assessed.statusCode, assessed.body).toBe(201);

  const [ra, rl] = options.timings?.resident ?? [-15, 15];
  const [oa, ol] = options.timings?.other ?? [0, 0];
  const agreed = await coordinator.post(`${path}/plans`, {
    replacesVersion: null,
    serviceType: options.serviceType ?? 'supervised',
    recurrence: options.recurrence ?? { frequency: 'weekly', weekday: 6, startTime: '10:00' },
    lengthMinutes: options.lengthMinutes ?? 120,
    startsOn: options.startsOn ?? day('2026-12-05'),
    attendeePersonIds: [resident, other, child],
    timings: {
      [resident]: { arriveMinutes: ra, leaveMinutes: rl },
      [other]: { arriveMinutes: oa, leaveMinutes: ol },
    },
    handoverArrangements: `${family.resident} brings ${family.child} and leaves before ${family.other} arrives.`,
    specialConditions: { giftsAllowed: true, foodAllowed: true, photographsAllowed: false },
  });
  expect(agreed.statusCode, agreed.body).toBe(201);

  const me = (await coordinator.get('/api/auth/session')).json().user.id as string;
  for (const personId of [resident, other]) {
    const accepted = await coordinator.post(`${path}/rules-acceptances`, { personId, witnessedByUserId: me });
    expect(accepted.statusCode, accepted.body).toBe(200);
  }
  const readiness = (await coordinator.get(`${path}/readiness`)).json() as {
    ready: boolean;
    blockers: { code: string }[];
  };
  if (readiness.blockers.some((b) => b.code.includes('consent'))) {
    const consent = await coordinator.post(`${path}/child-consents`, {
      childPersonId: child,
      givenByPersonId: resident,
      givenOn: '2026-11-20',
    });
    expect(consent.statusCode, consent.body).toBeLessThan(300);
  }
  const after = (await coordinator.get(`${path}/readiness`)).json();
  expect(after).toEqual({ ready: true, blockers: [] });
  return { caseId, reference: file.reference, people };
}
