/**
 * The timetable assistant through the API: a proposal for several ready families on a Tuesday evening
 * (the demo centre's supervised opening, 16:00 to 18:00), with a family moved just enough to keep two
 * parents of different families apart; accepting it books each session through the booking rules; the
 * sentences for families it cannot place; bad input and permissions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';

let t: TestApp;
let coordinator: Client;
let riverside: string;
let hills: ReadyCase;
let parks: ReadyCase;
let khans: ReadyCase;
let lees: ReadyCase;
let tuesday: string;

const assistant = () => `/api/centres/${riverside}/timetable/assistant`;

/** A Tuesday at least a week ahead and outside the demo's Christmas closure (24 December to 2 January). */
function comingTuesday(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  for (;;) {
    const date = day.toISOString().slice(0, 10);
    const monthDay = date.slice(5);
    if (day.getUTCDay() === 2 && !(monthDay >= '12-24' || monthDay <= '01-02')) return date;
    day.setUTCDate(day.getUTCDate() + 1);
  }
}

interface Proposal {
  caseId: string;
  startTime: string;
  endTime: string;
  movedMinutes: number;
  source: string;
  room: { id: string; name: string; usage: string };
  supervisor: { id: string; displayName: string } | null;
  people: { firstName: string; arrives: string; leaves: string }[];
}

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  await makeStaffChecksCurrent(t.database.db);
  tuesday = comingTuesday();
  const evening = {
    recurrence: { frequency: 'weekly' as const, weekday: 2, startTime: '16:00' },
    startsOn: tuesday,
    lengthMinutes: 45,
  };
  hills = await readyCase(t, coordinator, riverside, { ...evening, remoteAddress: '10.7.0.1' });
  parks = await readyCase(t, coordinator, riverside, {
    ...evening,
    family: { resident: 'Nadia', other: 'Omar', child: 'Zara', surname: 'Patel' },
    remoteAddress: '10.7.0.2',
  });
  khans = await readyCase(t, coordinator, riverside, {
    ...evening,
    family: { resident: 'Amina', other: 'Bilal', child: 'Sami', surname: 'Khan' },
    remoteAddress: '10.7.0.3',
  });
  lees = await readyCase(t, coordinator, riverside, {
    ...evening,
    family: { resident: 'Rosa', other: 'Ken', child: 'Mei', surname: 'Lee' },
    remoteAddress: '10.7.0.4',
  });
  // A non-molestation order between Mark Hill and Nadia Patel.
  const apart = await coordinator.post(`/api/centres/${riverside}/separations`, {
    personAId: hills.people.Mark,
    personBId: parks.people.Nadia,
    reason: 'Non-molestation order between them',
  });
  expect(apart.statusCode, apart.body).toBe(201);
});
afterAll(() => t.close());

describe('a proposal for several families', () => {
  let proposals: Proposal[];

  it('places each family, moving one just enough to keep two parents of different families apart', async () => {
    const response = await coordinator.post(assistant(), {
      date: tuesday,
      caseIds: [hills.caseId, parks.caseId, khans.caseId],
    });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json() as { refusals: unknown[]; proposals: Proposal[]; timeZone: string };
    expect(plan.refusals).toEqual([]);
    expect(plan.timeZone).toBe('Europe/London');
    proposals = plan.proposals;
    const byCase = new Map(proposals.map((p) => [p.caseId, p]));
    const hill = byCase.get(hills.caseId)!;
    const park = byCase.get(parks.caseId)!;
    const khan = byCase.get(khans.caseId)!;
    expect(hill).toMatchObject({ startTime: '16:00', endTime: '16:45', movedMinutes: 0, source: 'plan' });
    expect(khan).toMatchObject({ startTime: '16:00', movedMinutes: 0 });
    // Mark leaves at 16:45; Nadia arrives 15 minutes before the Patels' start, 15 minutes after he leaves.
    expect(park).toMatchObject({ startTime: '17:15', endTime: '18:00', movedMinutes: 75, source: 'added' });
    const times = (p: Proposal) =>
      Object.fromEntries(p.people.map((x) => [x.firstName, [x.arrives, x.leaves]]));
    expect(times(hill)).toEqual({
      Laura: ['15:45', '17:00'],
      Mark: ['16:00', '16:45'],
      Ayo: ['15:45', '17:00'],
    });
    expect(times(park)).toEqual({
      Nadia: ['17:00', '18:15'],
      Omar: ['17:15', '18:00'],
      Zara: ['17:00', '18:15'],
    });
    // Two families at 16:00: two private rooms and two supervisors.
    expect(hill.room.id).not.toBe(khan.room.id);
    expect(hill.supervisor!.id).not.toBe(khan.supervisor!.id);
    for (const p of proposals) expect(p.room.usage).toBe('private');
  });

  it('accepting books each session through the booking rules and reports each family', async () => {
    const sessions = proposals.map((p) => ({
      caseId: p.caseId,
      startTime: p.startTime,
      roomId: p.room.id,
      supervisorUserId: p.supervisor?.id ?? null,
    }));
    const accepted = await coordinator.post(`${assistant()}/accept`, { date: tuesday, sessions });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const items = accepted.json().items as {
      caseId: string;
      status: string;
      booking: { startTime: string };
    }[];
    expect(items.map((i) => i.status)).toEqual(['booked', 'booked', 'booked']);
    const list = await coordinator.get(`/api/centres/${riverside}/bookings?from=${tuesday}&to=${tuesday}`);
    const booked = list.json().items as { caseId: string; startTime: string; source: string }[];
    expect(booked.map((b) => [b.caseId, b.startTime, b.source]).sort()).toEqual(
      [
        [hills.caseId, '16:00', 'plan'],
        [khans.caseId, '16:00', 'plan'],
        [parks.caseId, '17:15', 'added'],
      ].sort(),
    );

    // The same again: every family is refused by the booking rules, each with its own sentence.
    const again = await coordinator.post(`${assistant()}/accept`, { date: tuesday, sessions });
    expect(again.statusCode).toBe(200);
    const refused = again.json().items as { status: string; refusal: { code: string; message: string } }[];
    expect(refused.map((i) => i.status)).toEqual(['refused', 'refused', 'refused']);
    for (const item of refused) {
      expect(item.refusal.code).toBe('family_double_booked');
      expect(item.refusal.message).toMatch(
        /^This family already has a session from \d\d:\d\d to \d\d:\d\d on /,
      );
    }
  });
});

describe('families it cannot place, each with the constraint named', () => {
  it('a parent who must not meet parents already booked on either side of every free time', async () => {
    for (const other of [hills.people.Mark!, parks.people.Nadia!]) {
      const apart = await coordinator.post(`/api/centres/${riverside}/separations`, {
        personAId: lees.people.Rosa,
        personBId: other,
        reason: 'Injunction',
      });
      expect(apart.statusCode, apart.body).toBe(201);
    }
    const response = await coordinator.post(assistant(), {
      date: tuesday,
      requests: [{ caseId: lees.caseId, preferredStartTime: '16:30' }],
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().proposals).toEqual([]);
    expect(response.json().refusals).toEqual([
      {
        caseId: lees.caseId,
        caseReference: lees.reference,
        reason: 'must_not_meet',
        message:
          'Rosa L. must not meet Mark H., who is on site 16:00–16:45; Rosa L. must not meet Nadia P., who is on site 17:00–18:15: no time between 16:00 and 18:00 keeps them apart.',
      },
    ]);
  });

  it('a family not ready to book, and a day the centre is not open', async () => {
    const sent = await t.anonymous().request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralFor(riverside),
      remoteAddress: '10.7.0.9',
    });
    const notReady = (
      await coordinator.post(`/api/centres/${riverside}/referrals/${sent.json().referralId}/accept`)
    ).json().caseId as string;
    const response = await coordinator.post(assistant(), { date: tuesday, caseIds: [notReady] });
    expect(response.statusCode, response.body).toBe(200);
    const [refusal] = response.json().refusals;
    expect(refusal.reason).toBe('not_ready');
    expect(refusal.message).toMatch(/^This family cannot be booked yet\. /);

    // The Wednesday after: no opening session at all.
    const wednesday = new Date(Date.parse(tuesday) + 86_400_000).toISOString().slice(0, 10);
    const closed = await coordinator.post(assistant(), { date: wednesday, caseIds: [khans.caseId] });
    expect(closed.json().refusals[0]).toMatchObject({ reason: 'closed' });
    expect(closed.json().refusals[0].message).toMatch(
      /^No venue of the centre is open for sessions on Wednesday /,
    );
  });

  it('lists the families ready to book, with whether their plan meets that day', async () => {
    const response = await coordinator.get(`${assistant()}/families?date=${tuesday}`);
    expect(response.statusCode, response.body).toBe(200);
    const items = response.json().items as { caseId: string; onPattern: boolean; booked: boolean }[];
    const lee = items.find((i) => i.caseId === lees.caseId)!;
    const hill = items.find((i) => i.caseId === hills.caseId)!;
    expect(lee).toMatchObject({
      onPattern: true,
      booked: false,
      startTime: '16:00',
      serviceType: 'supervised',
    });
    expect(hill).toMatchObject({ booked: true });
  });
});

describe('the rota', () => {
  it('a supervisor on duty at the venue for the family’s whole stay is proposed first', async () => {
    const later = new Date(Date.parse(tuesday) + 7 * 86_400_000).toISOString().slice(0, 10);
    const ask = async () => {
      const response = await coordinator.post(assistant(), { date: later, caseIds: [lees.caseId] });
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { proposals: Proposal[] }).proposals[0]!;
    };
    const first = await ask();
    const staff = (await coordinator.get(`/api/centres/${riverside}/rota/staff?date=${later}`)).json()
      .items as { userId: string; roles: string[] }[];
    const other = staff.find(
      (s) =>
        s.userId !== first.supervisor!.id && s.roles.some((r) => r === 'supervisor' || r === 'coordinator'),
    )!;
    const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
      id: string;
      venueId: string;
    }[];
    const venueId = rooms.find((room) => room.id === first.room.id)!.venueId;
    // The Lees stay from 15:45 to 17:00: a shift from 15:30 to 17:30 there covers them.
    const onShift = async (role: 'supervisor' | 'volunteer') => {
      const shift = await coordinator.post(`/api/centres/${riverside}/rota`, {
        userId: other.userId,
        date: later,
        role,
        venueId,
        startTime: '15:30',
        endTime: '17:30',
      });
      expect(shift.statusCode, shift.body).toBe(201);
      return shift.json().id as string;
    };
    // Rostered as a volunteer, they are busy in the hall: no reason to prefer them.
    const asVolunteer = await onShift('volunteer');
    expect((await ask()).supervisor!.id).toBe(first.supervisor!.id);
    const removed = await coordinator.delete(`/api/centres/${riverside}/rota/${asVolunteer}`);
    expect(removed.statusCode, removed.body).toBe(204);
    await onShift('supervisor');
    expect((await ask()).supervisor!.id).toBe(other.userId);
  });
});

describe('bad input answers 400 naming each field', () => {
  it('a date that is not one, no families, and both ways of naming them', async () => {
    const bad = await coordinator.post(assistant(), { date: 'next Tuesday', caseIds: [] });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['caseIds', 'date']);
    const both = await coordinator.post(assistant(), {
      date: tuesday,
      caseIds: [hills.caseId],
      requests: [{ caseId: hills.caseId }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().details).toEqual([
      { field: 'caseIds', message: 'Choose the families: send caseIds or requests, not both' },
    ]);
    const twice = await coordinator.post(assistant(), {
      date: tuesday,
      caseIds: [hills.caseId, hills.caseId],
    });
    expect(twice.json().details).toEqual([{ field: 'caseIds.1', message: 'This family is already listed' }]);
    const time = await coordinator.post(assistant(), {
      date: tuesday,
      requests: [{ caseId: hills.caseId, preferredStartTime: '25:00' }],
    });
    expect(time.statusCode).toBe(400);
    expect(time.json().details[0].field).toBe('requests.0.preferredStartTime');
  });

  it('a family of another centre (or none), and a day already past', async () => {
    const unknown = await coordinator.post(assistant(), {
      date: tuesday,
      caseIds: [hills.caseId, '00000000-0000-4000-8000-000000000009'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().details).toEqual([
      { field: 'caseIds.1', message: 'Choose a family of this centre' },
    ]);
    const past = await coordinator.post(assistant(), { date: '2020-01-07', caseIds: [hills.caseId] });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ field: 'date', message: 'Choose today or a later day' }]);
    const accept = await coordinator.post(`${assistant()}/accept`, {
      date: tuesday,
      sessions: [{ caseId: hills.caseId, startTime: '4pm', roomId: 'blue' }],
    });
    expect(accept.statusCode).toBe(400);
    expect((accept.json().details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'sessions.0.roomId',
      'sessions.0.startTime',
    ]);
  });
});

describe('who may use it', () => {
  it('a supervisor and a volunteer are refused; another centre’s coordinator is told it does not exist', async () => {
    const body = { date: tuesday, caseIds: [hills.caseId] };
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.post(assistant(), body)).statusCode).toBe(403);
    expect((await supervisor.get(`${assistant()}/families?date=${tuesday}`)).statusCode).toBe(403);
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.post(assistant(), body)).statusCode).toBe(403);
    expect(
      (
        await volunteer.post(`${assistant()}/accept`, {
          date: tuesday,
          sessions: [{ caseId: hills.caseId, startTime: '16:00', roomId: hills.caseId }],
        })
      ).statusCode,
    ).toBe(403);
    const elsewhere = await t.as(DEMO.hillviewCoordinator);
    expect((await elsewhere.post(assistant(), body)).statusCode).toBe(404);
    expect((await elsewhere.get(`${assistant()}/families?date=${tuesday}`)).statusCode).toBe(404);
  });
});
