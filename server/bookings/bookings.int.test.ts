/**
 * Booking sessions through the API: only a ready case; staggered times from the plan; every hard
 * constraint refused with a sentence naming the conflict; clock changes; moving and cancelling; and
 * 50 conflicting requests at once, of which exactly one is booked.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookings, closures, rooms, staffChecks, users } from '../db/schema.js';
import { databaseErrorOf } from '../platform/database.js';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';
import { clockChanges, day, instant, plusDays } from '../test-support/dates.js';
import { longDate } from './service.js';

let t: TestApp;
let coordinator: Client;
let riverside: string;
let hillview: string;
let roomIds: Record<string, string>;
let supervisorId: string;
let coordinatorId: string;
let hills: ReadyCase;

const bookingsOf = (caseId: string) => `/api/centres/${riverside}/cases/${caseId}/bookings`;
const bookingPath = (id: string) => `/api/centres/${riverside}/bookings/${id}`;

interface Booking {
  id: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  endsAt: string;
  status: string;
  source: string;
  room: { id: string; name: string };
  supervisor: { id: string; displayName: string } | null;
  people: {
    firstName: string;
    arrives: string;
    leaves: string;
    broughtByPersonId: string | null;
    separated: boolean;
  }[];
  cancellation: { by: string; noticeHours: number; late: boolean; reason: string } | null;
}

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  hillview = centres.find((c) => c.name.startsWith('Hillview'))!.id;
  const roomList = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
    id: string;
    name: string;
  }[];
  roomIds = Object.fromEntries(roomList.map((room) => [room.name, room.id]));
  const staff = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  supervisorId = staff.find((u) => u.email === DEMO.supervisor)!.id;
  coordinatorId = staff.find((u) => u.email === DEMO.coordinator)!.id;
  await makeStaffChecksCurrent(t.database.db);
  hills = await readyCase(t, coordinator, riverside);
});
afterAll(() => t.close());

const firstRoom = () => Object.values(roomIds)[0]!;
const secondRoom = () => Object.values(roomIds)[1]!;

async function book(caseId: string, body: Record<string, unknown>) {
  return coordinator.post(bookingsOf(caseId), {
    roomId: firstRoom(),
    supervisorUserId: supervisorId,
    ...body,
  });
}

describe('only a ready case can be booked', () => {
  it('refuses a case that is not ready, naming what is missing', async () => {
    const sent = await t.anonymous().request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralFor(riverside),
      remoteAddress: '10.8.0.1',
    });
    const caseId = (
      await coordinator.post(`/api/centres/${riverside}/referrals/${sent.json().referralId}/accept`)
    ).json().caseId as string;
    const refused = await book(caseId, { date: day('2026-12-05') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_ready');
    expect(refused.json().message).toMatch(/^This family cannot be booked yet\. /);
    expect(refused.json().message).toContain('risk');
  });
});

describe('a booking from the plan', () => {
  let booked: Booking;

  it('books a session of the plan with each person’s staggered times', async () => {
    const response = await book(hills.caseId, { date: day('2026-12-05') });
    expect(response.statusCode, response.body).toBe(201);
    booked = response.json();
    expect(booked).toMatchObject({
      date: day('2026-12-05'),
      startTime: '10:00',
      endTime: '12:00',
      startsAt: instant('2026-12-05T10:00:00.000Z'),
      source: 'plan',
      status: 'booked',
      supervisor: { id: supervisorId },
    });
    const times = Object.fromEntries(booked.people.map((p) => [p.firstName, [p.arrives, p.leaves]]));
    expect(times).toEqual({ Laura: ['09:45', '12:15'], Mark: ['10:00', '12:00'], Ayo: ['09:45', '12:15'] });
    const ayo = booked.people.find((p) => p.firstName === 'Ayo')!;
    expect(ayo.broughtByPersonId).toBe(hills.people.Laura);
    expect(booked.people.find((p) => p.firstName === 'Mark')!.separated).toBe(true);
  });

  it('lists it in the timetable for the day, exactly as the booking answered', async () => {
    const list = await coordinator.get(
      `/api/centres/${riverside}/bookings?from=${day('2026-12-05')}&to=${day('2026-12-05')}`,
    );
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([booked]);
  });

  it('the database refuses a session lasting a day or more (queries for a span rely on it)', async () => {
    const error = await t.database.db
      .update(bookings)
      .set({ endsAt: sql`${bookings.startsAt} + interval '25 hours'` })
      .where(eq(bookings.id, booked.id))
      .then(
        () => null,
        (caught: unknown) => caught,
      );
    expect(databaseErrorOf(error).constraint).toBe('bookings_within_a_day');
  });

  it('refuses the same family twice at once, even in another room', async () => {
    const again = await book(hills.caseId, {
      date: day('2026-12-05'),
      roomId: secondRoom(),
      supervisorUserId: coordinatorId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'family_double_booked' });
    expect(again.json().message).toBe(
      `This family already has a session from 10:00 to 12:00 on ${longDate(day('2026-12-05'))}.`,
    );
  });

  it('keeps the session at 10:00 on the wall clock across the spring clock change', async () => {
    // The Saturdays either side of the Sunday the clocks go forward.
    const { forward } = clockChanges();
    const [saturdayBefore, saturdayAfter] = [plusDays(forward, -1), plusDays(forward, 6)];
    const before = await book(hills.caseId, { date: saturdayBefore });
    const after = await book(hills.caseId, { date: saturdayAfter });
    expect(before.statusCode, before.body).toBe(201);
    expect(after.statusCode, after.body).toBe(201);
    expect(before.json().startsAt).toBe(`${saturdayBefore}T10:00:00.000Z`);
    expect(after.json().startsAt).toBe(`${saturdayAfter}T09:00:00.000Z`);
    expect(after.json().startTime).toBe('10:00');
  });

  it('refuses a date outside the plan and a session already started', async () => {
    const early = await book(hills.caseId, { date: day('2026-11-28') });
    expect(early.statusCode).toBe(400);
    expect(early.json().details).toEqual([
      {
        field: 'date',
        message: `The plan starts on ${longDate(day('2026-12-05'))}: choose a date from then`,
      },
    ]);
  });

  it('adds a single session outside the pattern within the plan’s dates', async () => {
    const added = await book(hills.caseId, { date: day('2026-12-09'), startTime: '16:00' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ source: 'added', startTime: '16:00', endTime: '18:00' });
  });
});

describe('hard constraints, each refused with a sentence', () => {
  let other: ReadyCase;

  beforeAll(async () => {
    other = await readyCase(t, coordinator, riverside, {
      family: { resident: 'Nadia', other: 'Tom', child: 'Zara', surname: 'Patel' },
    });
  });

  it('a private room is never double-booked', async () => {
    const clash = await book(other.caseId, { date: day('2026-12-05'), supervisorUserId: coordinatorId });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('room_double_booked');
    const roomName = Object.entries(roomIds).find(([, id]) => id === firstRoom())![0];
    expect(clash.json().message).toBe(
      `The ${roomName} is already booked from 10:00 to 12:00 on ${longDate(day('2026-12-05'))} (${hills.reference}). Choose another room or time.`,
    );
  });

  it('a supervisor is never with two families at once', async () => {
    const clash = await book(other.caseId, { date: day('2026-12-05'), roomId: secondRoom() });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('supervisor_double_booked');
    expect(clash.json().message).toContain(`(${hills.reference})`);
  });

  it('supervised contact needs a named supervisor and a private room', async () => {
    const none = await book(other.caseId, {
      date: day('2026-12-12'),
      roomId: secondRoom(),
      supervisorUserId: null,
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().details).toEqual([
      { field: 'supervisorUserId', message: 'Choose the supervisor for this family' },
    ]);
    const [hall] = await t.database.db
      .update(rooms)
      .set({ usage: 'shared', capacity: 7 })
      .where(eq(rooms.id, Object.values(roomIds)[2]!))
      .returning();
    const shared = await book(other.caseId, {
      date: day('2026-12-12'),
      roomId: hall!.id,
      supervisorUserId: coordinatorId,
    });
    expect(shared.statusCode).toBe(422);
    expect(shared.json().code).toBe('supervised_needs_private_room');
  });

  it('adults of different families who must not meet are kept apart by the buffer', async () => {
    // A non-molestation order between Mark Hill and Nadia Patel: the coordinator keeps them apart, and
    // the session Mark already has on 5 December takes the pair into account.
    const added = await coordinator.post(`/api/centres/${riverside}/separations`, {
      personAId: hills.people.Mark,
      personBId: other.people.Nadia,
      reason: 'Non-molestation order between them',
    });
    expect(added.statusCode, added.body).toBe(201);
    const twice = await coordinator.post(`/api/centres/${riverside}/separations`, {
      personAId: other.people.Nadia,
      personBId: hills.people.Mark,
      reason: 'Again',
    });
    expect(twice.json()).toEqual({
      code: 'already_separated',
      message: 'Mark H. and Nadia P. are already kept apart.',
    });
    // Mark is on site 10:00–12:00 on 5 December. Nadia would arrive at 12:14 (15 minutes before a 12:29
    // start): within 15 minutes of his leaving.
    const tooSoon = await book(other.caseId, {
      date: day('2026-12-05'),
      startTime: '12:29',
      roomId: secondRoom(),
      supervisorUserId: coordinatorId,
    });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().code).toBe('must_not_meet');
    expect(tooSoon.json().message).toBe(
      `Nadia P. must not meet Mark H. (another family), who is at ${longDate(day('2026-12-05'))} from 10:00 to 12:00: keep 15 minutes between them.`,
    );
    const clear = await book(other.caseId, {
      date: day('2026-12-05'),
      startTime: '12:30',
      roomId: secondRoom(),
      supervisorUserId: coordinatorId,
    });
    expect(clear.statusCode, clear.body).toBe(201);
    const list = (await coordinator.get(`/api/centres/${riverside}/separations`)).json().items as {
      id: string;
      source: string;
      personA: { firstName: string };
      personB: { firstName: string };
    }[];
    const across = list.find((pair) => pair.source === 'coordinator')!;
    expect([across.personA.firstName, across.personB.firstName].sort()).toEqual(['Mark', 'Nadia']);
    // A pair from a risk assessment changes through the assessment, not here.
    const fromAssessment = list.find((pair) => pair.source === 'risk_assessment')!;
    const refused = await coordinator.post(`/api/centres/${riverside}/separations/${fromAssessment.id}/end`);
    expect(refused.statusCode).toBe(409);
    // A pair that would clash with sessions already booked is refused, naming the day.
    const tooClose = await coordinator.post(`/api/centres/${riverside}/separations`, {
      personAId: hills.people.Laura,
      personBId: other.people.Tom,
      minutes: 60,
      reason: 'Injunction',
    });
    expect(tooClose.statusCode).toBe(409);
    expect(tooClose.json().message).toMatch(
      new RegExp(`are both booked on ${longDate(day('2026-12-05'))} within 60 minutes of each other`),
    );
  });

  it('nothing is booked on a day the centre is closed', async () => {
    await t.database.db.insert(closures).values({
      centreId: riverside,
      startsOn: day('2026-12-19'),
      endsOn: day('2026-12-20'),
      reason: 'Staff training',
    });
    const closed = await book(hills.caseId, { date: day('2026-12-19') });
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toEqual({
      code: 'closed',
      message: `The centre is closed on ${longDate(day('2026-12-19'))} (Staff training).`,
    });
  });

  it('a shared hall never holds more people than its capacity', async () => {
    const hallId = Object.values(roomIds)[2]!;
    const supported = [] as ReadyCase[];
    for (const [i, surname] of ['Adams', 'Baker', 'Clark'].entries()) {
      supported.push(
        await readyCase(t, coordinator, riverside, {
          family: { resident: `R${i}`, other: `O${i}`, child: `C${i}`, surname },
          serviceType: 'supported',
          recurrence: { frequency: 'weekly', weekday: 0, startTime: '13:00' },
          startsOn: day('2026-12-06'),
        }),
      );
    }
    const results = [];
    for (const family of supported) {
      results.push(
        await coordinator.post(bookingsOf(family.caseId), { date: day('2026-12-06'), roomId: hallId }),
      );
    }
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 409]);
    // A shared room's session without a supervisor answers as the timetable lists it.
    const listed = await coordinator.get(
      `/api/centres/${riverside}/bookings?from=${day('2026-12-06')}&to=${day('2026-12-06')}&roomId=${hallId}`,
    );
    const byId = (a: Booking, b: Booking) => a.id.localeCompare(b.id);
    expect([...listed.json().items].sort(byId)).toEqual([results[0]!.json(), results[1]!.json()].sort(byId));
    expect(results[2]!.json().code).toBe('room_full');
    expect(results[2]!.json().message).toMatch(
      /holds 7 people; 6 are booked in at that time and this family is 3/,
    );
  });
});

describe('moving and cancelling one session', () => {
  let booking: Booking;

  beforeAll(async () => {
    booking = (await book(hills.caseId, { date: day('2027-01-09') })).json();
  });

  it('moves a session to another date with the times following the plan', async () => {
    const moved = await coordinator.patch(bookingPath(booking.id), { date: day('2027-01-16') });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ date: day('2027-01-16'), startTime: '10:00', source: 'plan' });
    expect(moved.json().people.find((p: Booking['people'][number]) => p.firstName === 'Laura').arrives).toBe(
      '09:45',
    );
  });

  it('refuses a move onto a clash with the sentence', async () => {
    await book(hills.caseId, { date: day('2027-01-23') });
    const clash = await coordinator.patch(bookingPath(booking.id), {
      date: day('2027-01-23'),
      roomId: secondRoom(),
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('family_double_booked');
  });

  it('cancels with who, why and the notice; the slot is free again', async () => {
    const cancelled = await coordinator.post(`${bookingPath(booking.id)}/cancel`, {
      by: 'party',
      personId: hills.people.Mark,
      reason: 'Working that weekend',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancellation: { by: 'party', reason: 'Working that weekend', late: false },
    });
    expect(cancelled.json().cancellation.noticeHours).toBeGreaterThan(24);
    const again = await coordinator.post(`${bookingPath(booking.id)}/cancel`, {
      by: 'centre',
      reason: 'Twice',
    });
    expect(again.statusCode).toBe(409);
    const rebook = await book(hills.caseId, { date: day('2027-01-16') });
    expect(rebook.statusCode, rebook.body).toBe(201);
    const child = await coordinator.post(`${bookingPath(rebook.json().id)}/cancel`, {
      by: 'party',
      personId: hills.people.Ayo,
      reason: 'Ill',
    });
    expect(child.statusCode).toBe(400);
    expect(child.json().details).toEqual([{ field: 'personId', message: 'Choose an adult of this family' }]);
  });
});

describe('concurrent requests', () => {
  it('50 conflicting bookings at once: exactly one is made, the rest answer 409', async () => {
    const families: ReadyCase[] = [];
    for (const [i, surname] of ['Evans', 'Fox', 'Green', 'Hughes', 'Irwin'].entries()) {
      families.push(
        await readyCase(t, coordinator, riverside, {
          family: { resident: `Rita${i}`, other: `Omar${i}`, child: `Kim${i}`, surname },
        }),
      );
    }
    const requests = Array.from({ length: 50 }, (_, i) =>
      coordinator.post(bookingsOf(families[i % 5]!.caseId), {
        date: day('2027-02-06'),
        roomId: Object.values(roomIds)[3]!,
        supervisorUserId: i % 2 === 0 ? supervisorId : coordinatorId,
      }),
    );
    const answers = await Promise.all(requests);
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const answer of answers.filter((a) => a.statusCode === 409)) {
      expect(answer.json().message.length).toBeGreaterThan(20);
    }
  });
});

describe('who may book', () => {
  it('a supervisor may see the timetable but not book; a volunteer sees neither; another centre answers 404', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    expect(
      (
        await supervisor.get(
          `/api/centres/${riverside}/bookings?from=${day('2026-12-01')}&to=${day('2026-12-31')}`,
        )
      ).statusCode,
    ).toBe(200);
    const refused = await supervisor.post(bookingsOf(hills.caseId), {
      date: day('2026-12-26'),
      roomId: firstRoom(),
    });
    expect(refused.statusCode).toBe(403);
    const volunteer = await t.as(DEMO.volunteer);
    expect(
      (
        await volunteer.get(
          `/api/centres/${riverside}/bookings?from=${day('2026-12-01')}&to=${day('2026-12-31')}`,
        )
      ).statusCode,
    ).toBe(403);
    const elsewhere = await t.as(DEMO.hillviewCoordinator);
    expect(
      (await elsewhere.post(bookingsOf(hills.caseId), { date: day('2026-12-26'), roomId: firstRoom() }))
        .statusCode,
    ).toBe(404);
    expect(hillview).toBeDefined();
  });

  it('a window that is too long or back to front is a 400 naming the field', async () => {
    const long = await coordinator.get(
      `/api/centres/${riverside}/bookings?from=2026-01-01&to=${day('2026-12-31')}`,
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().details[0].field).toBe('to');
  });
});

describe('who cannot be booked', () => {
  it('a supervisor whose training has expired is not put on a session, and the refusal says why', async () => {
    await t.database.db
      .update(staffChecks)
      .set({ trainingExpiresOn: '2026-01-31' })
      .where(eq(staffChecks.userId, coordinatorId));
    try {
      const refused = await book(hills.caseId, {
        date: day('2027-01-09'),
        roomId: secondRoom(),
        supervisorUserId: coordinatorId,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'staff_checks_not_current',
        message: expect.stringContaining(
          'cannot be put on this session: training expired on 31 January 2026',
        ),
      });
    } finally {
      await t.database.db
        .update(staffChecks)
        .set({ trainingExpiresOn: day('2028-06-01') })
        .where(eq(staffChecks.userId, coordinatorId));
    }
  });

  it('closing a case cancels its sessions to come, and it takes no new session', async () => {
    const closing = await readyCase(t, coordinator, riverside, {
      family: { resident: 'Rosa', other: 'Tom', child: 'Lily', surname: 'Grant' },
      remoteAddress: '10.9.0.77',
    });
    const booked = await book(closing.caseId, { date: day('2027-01-09'), roomId: secondRoom() });
    expect(booked.statusCode, booked.body).toBe(201);
    const closed = await coordinator.post(`/api/centres/${riverside}/cases/${closing.caseId}/close`, {
      outcome: 'withdrawn',
    });
    expect(closed.statusCode).toBe(200);
    // Its session still to come is cancelled by the centre.
    const listed = await coordinator.get(
      `/api/centres/${riverside}/bookings?from=${day('2027-01-09')}&to=${day('2027-01-09')}&caseId=${closing.caseId}&includeCancelled=true`,
    );
    const after = listed.json().items.find((b: Booking) => b.id === booked.json().id);
    expect(after).toMatchObject({
      status: 'cancelled',
      cancellation: { by: 'centre', reason: 'The case was closed.' },
    });
    const refused = await book(closing.caseId, { date: day('2027-01-16'), roomId: secondRoom() });
    expect(refused.statusCode).toBeGreaterThanOrEqual(409);
    expect(refused.json().message).toMatch(/closed/);
  });
});
