/**
 * The session day through the API: the roster a volunteer sees (first names, times, room, safety flags
 * and nothing more), arrivals with lateness, a child never checked in or out without the adult who
 * brings them, departures prompted in order, and who is on site now.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bookingPeople, bookings, rotaShifts, users, venues } from '../db/schema.js';
import { localDay } from '../platform/local-time.js';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';
import { day } from '../test-support/dates.js';

let t: TestApp;
let coordinator: Client;
let volunteer: Client;
let riverside: string;
let family: ReadyCase;
let bookingId: string;
let futureBookingId: string;

const roster = () => `/api/centres/${riverside}/roster`;
const tap = (personId: string, what: 'arrive' | 'leave', body: Record<string, unknown> = {}) =>
  volunteer.post(`${roster()}/${bookingId}/people/${personId}/${what}`, body);

/** Moves a booked session to today, started ten minutes ago, keeping its staggered times. */
async function startItNow(id: string) {
  const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, id));
  const start = new Date(Date.now() - 10 * 60_000);
  const shift = start.getTime() - row!.startsAt.getTime();
  await t.database.db
    .update(bookings)
    .set({
      localDate: localDay(new Date(), 'Europe/London'),
      startsAt: start,
      endsAt: new Date(row!.endsAt.getTime() + shift),
    })
    .where(eq(bookings.id, id));
  await t.database.db
    .update(bookingPeople)
    .set({
      plannedArriveAt: sql`${bookingPeople.plannedArriveAt} + make_interval(secs => ${shift / 1000})`,
      plannedLeaveAt: sql`${bookingPeople.plannedLeaveAt} + make_interval(secs => ${shift / 1000})`,
    })
    .where(eq(bookingPeople.bookingId, id));
}

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  volunteer = await t.as(DEMO.volunteer);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  const staff = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  await makeStaffChecksCurrent(t.database.db);
  family = await readyCase(t, coordinator, riverside);
  const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as { id: string }[];
  const supervisorId = staff.find((u) => u.email === DEMO.supervisor)!.id;
  const book = (date: string) =>
    coordinator.post(`/api/centres/${riverside}/cases/${family.caseId}/bookings`, {
      date,
      roomId: rooms[0]!.id,
      supervisorUserId: supervisorId,
    });
  const booked = await book(day('2026-12-05'));
  expect(booked.statusCode, booked.body).toBe(201);
  bookingId = booked.json().id;
  futureBookingId = (await book(day('2026-12-12'))).json().id;
  await startItNow(bookingId);
});
afterAll(() => t.close());

describe('the roster', () => {
  it('shows a volunteer first names, times, room and safety flags only', async () => {
    const response = await volunteer.get(roster());
    expect(response.statusCode, response.body).toBe(200);
    const day = response.json();
    expect(day.sessions).toHaveLength(1);
    const session = day.sessions[0];
    expect(Object.keys(session).sort()).toEqual(
      [
        'bookingId',
        'endTime',
        'nextToLeave',
        'people',
        'room',
        'serviceType',
        'startTime',
        'supervisor',
        'venue',
      ].sort(),
    );
    for (const person of session.people) {
      expect(Object.keys(person).sort()).toEqual(
        [
          'arrivedAt',
          'broughtByPersonId',
          'firstName',
          'flags',
          'kind',
          'leftAt',
          'minutesLate',
          'personId',
          'plannedArrival',
          'plannedDeparture',
        ].sort(),
      );
    }
    expect(JSON.stringify(day)).not.toMatch(/Hill|example\.org|07700|Quiet Close|C-20/);
    const mark = session.people.find((p: { firstName: string }) => p.firstName === 'Mark');
    expect(mark.flags).toEqual(['keep_apart', 'separate_entrance', 'separate_waiting_room']);
    const ayo = session.people.find((p: { firstName: string }) => p.firstName === 'Ayo');
    expect(ayo).toMatchObject({ kind: 'child', broughtByPersonId: family.people.Laura, flags: [] });
  });

  it('a session on another day is not checked in today', async () => {
    const refused = await volunteer.post(
      `${roster()}/${futureBookingId}/people/${family.people.Laura}/arrive`,
      {},
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('not_today');
  });
});

describe('arrivals and departures', () => {
  it('a child is not checked in before the adult who brings them', async () => {
    const refused = await tap(family.people.Ayo!, 'arrive');
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'child_without_adult',
      message: 'Ayo can only be checked in with Laura: check Laura in first.',
    });
  });

  it('records arrivals with the time and lateness, once', async () => {
    const laura = await tap(family.people.Laura!, 'arrive');
    expect(laura.statusCode, laura.body).toBe(200);
    expect((await tap(family.people.Ayo!, 'arrive')).statusCode).toBe(200);
    const mark = await tap(family.people.Mark!, 'arrive');
    expect(mark.statusCode).toBe(200);
    // Mark was due at the start, ten minutes ago.
    expect(mark.json().prompt).toMatch(/^Mark arrived (9|10) minutes late\.$/);
    const again = await tap(family.people.Mark!, 'arrive');
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toMatch(/^Mark was checked in at \d\d:\d\d\.$/);
  });

  it('lists everyone on site now, with the supervisor and whoever is on the rota, for a fire roll call', async () => {
    // Sam Carter, the volunteer, is on shift now; Grace Bell supervises and is counted once.
    const db = t.database.db;
    const [sam] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO.volunteer));
    const [venue] = await db.select({ id: venues.id }).from(venues).where(eq(venues.centreId, riverside));
    const at = Date.now();
    await db.insert(rotaShifts).values({
      centreId: riverside,
      venueId: venue!.id,
      userId: sam!.id,
      role: 'volunteer',
      localDate: localDay(new Date(at), 'Europe/London'),
      startsAt: new Date(at - 30 * 60_000),
      endsAt: new Date(at + 90 * 60_000),
    });
    const now = await volunteer.get(`/api/centres/${riverside}/on-site`);
    expect(now.statusCode).toBe(200);
    const names = now.json().people.map((p: { name: string; kind: string }) => `${p.kind}: ${p.name}`);
    expect(names.sort()).toEqual(
      ['adult: Laura H.', 'adult: Mark H.', 'child: Ayo H.', 'staff: Grace Bell', 'staff: Sam Carter'].sort(),
    );
    expect(now.json().count).toBe(5);
  });

  it('an adult does not leave before the children they take home; departures are prompted in order', async () => {
    const early = await tap(family.people.Laura!, 'leave');
    expect(early.statusCode).toBe(409);
    expect(early.json()).toEqual({
      code: 'children_still_here',
      message: 'Laura takes Ayo home: check them out first.',
    });
    const mark = await tap(family.people.Mark!, 'leave');
    expect(mark.statusCode).toBe(200);
    expect(mark.json().prompt).toMatch(/^Next to leave: Laura, planned for \d\d:\d\d\.$/);
    expect((await tap(family.people.Ayo!, 'leave')).statusCode).toBe(200);
    const laura = await tap(family.people.Laura!, 'leave');
    expect(laura.statusCode).toBe(200);
    expect(laura.json().prompt).toBeNull();
    expect(laura.json().session.people.every((p: { leftAt: string | null }) => p.leftAt)).toBe(true);
    expect((await tap(family.people.Laura!, 'leave')).json().code).toBe('already_left');
  });

  it('a tap made by mistake is taken back, in the order the building allows, and audited', async () => {
    const undo = (personId: string, what: 'arrive' | 'leave') =>
      volunteer.post(`${roster()}/${bookingId}/people/${personId}/undo-${what}`, {});
    // Everyone has left (the test before). Ayo cannot be back in the building without Laura.
    const child = await undo(family.people.Ayo!, 'leave');
    expect(child.statusCode).toBe(409);
    expect(child.json()).toEqual({
      code: 'child_without_adult',
      message: 'Ayo left with Laura: undo Laura’s check-out first.',
    });
    expect((await undo(family.people.Laura!, 'arrive')).json()).toEqual({
      code: 'already_left',
      message: 'Laura has already left: undo the check-out first.',
    });
    const laura = await undo(family.people.Laura!, 'leave');
    expect(laura.statusCode, laura.body).toBe(200);
    const lauraNow = laura
      .json()
      .session.people.find((p: { personId: string }) => p.personId === family.people.Laura);
    expect(lauraNow).toMatchObject({ leftAt: null });
    expect(lauraNow.arrivedAt).not.toBeNull();
    expect((await undo(family.people.Ayo!, 'leave')).statusCode).toBe(200);
    expect((await undo(family.people.Laura!, 'arrive')).json()).toEqual({
      code: 'children_still_here',
      message: 'Laura brought Ayo: undo their check-in first.',
    });
    expect((await undo(family.people.Ayo!, 'arrive')).statusCode).toBe(200);
    const back = await undo(family.people.Laura!, 'arrive');
    expect(back.statusCode).toBe(200);
    expect(
      back.json().session.people.find((p: { personId: string }) => p.personId === family.people.Laura),
    ).toMatchObject({ arrivedAt: null, leftAt: null });
    expect((await undo(family.people.Laura!, 'arrive')).json().code).toBe('not_arrived');
    expect((await undo(family.people.Mark!, 'arrive')).json().code).toBe('already_left');
    expect((await undo(family.people.Mark!, 'leave')).statusCode).toBe(200);
    // On site now: Mark only, as the screen now says.
    const onSite = (await volunteer.get(`/api/centres/${riverside}/on-site`)).json();
    expect(
      onSite.people.filter((p: { kind: string }) => p.kind !== 'staff').map((p: { name: string }) => p.name),
    ).toEqual(['Mark H.']);
    const audited = await t.database.db
      .select({ action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(eq(auditEvents.resourceId, bookingId));
    const undone = audited.filter((event) => event.action.endsWith('_undone'));
    expect(undone.map((event) => event.action).sort()).toEqual([
      'roster.arrival_undone',
      'roster.arrival_undone',
      'roster.departure_undone',
      'roster.departure_undone',
      'roster.departure_undone',
    ]);
    for (const event of undone)
      expect(event.detail).toMatchObject({ recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });

  it('a time in the future is refused, naming the field', async () => {
    const refused = await tap(family.people.Mark!, 'arrive', {
      at: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([{ field: 'at', message: 'The time cannot be in the future' }]);
  });
});

describe('taps at two doors at once', () => {
  it('a child is never left checked in without the adult, whichever tap lands first', async () => {
    const undo = (personId: string, what: 'arrive' | 'leave') =>
      volunteer.post(`${roster()}/${bookingId}/people/${personId}/undo-${what}`, {});
    const where = async () => {
      const day = (await volunteer.get(roster())).json();
      const session = day.sessions.find((s: { bookingId: string }) => s.bookingId === bookingId);
      const of = (id: string) =>
        session.people.find((p: { personId: string }) => p.personId === id) as { arrivedAt: string | null };
      return { laura: of(family.people.Laura!).arrivedAt, ayo: of(family.people.Ayo!).arrivedAt };
    };
    expect((await tap(family.people.Laura!, 'arrive')).statusCode).toBe(200);
    for (let round = 0; round < 6; round++) {
      const answers = await Promise.all([
        undo(family.people.Laura!, 'arrive'),
        tap(family.people.Ayo!, 'arrive'),
      ]);
      // One of the two is refused, or the undo waits for the child's check-in and is then refused.
      expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
      const now = await where();
      if (now.ayo) expect(now.laura).not.toBeNull();
      if (now.ayo) expect((await undo(family.people.Ayo!, 'arrive')).statusCode).toBe(200);
      if (!now.laura) expect((await tap(family.people.Laura!, 'arrive')).statusCode).toBe(200);
    }
  });
});

describe('who may use the roster', () => {
  it('an organisation admin (no roster) is refused; another centre’s coordinator gets 404; reads are audited', async () => {
    const admin = await t.as(DEMO.admin);
    expect((await admin.get(roster())).statusCode).toBe(403);
    const undoPath = `${roster()}/${bookingId}/people/${family.people.Mark!}/undo-leave`;
    expect((await admin.post(undoPath, {})).statusCode).toBe(403);
    const elsewhere = await t.as(DEMO.hillviewCoordinator);
    expect((await elsewhere.get(roster())).statusCode).toBe(404);
    expect((await elsewhere.post(undoPath, {})).statusCode).toBe(404);
    const reads = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'roster.read'));
    expect(reads.length).toBeGreaterThan(0);
  });
});
