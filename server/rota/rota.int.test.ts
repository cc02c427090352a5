/**
 * The rota through the API: who may read and change it, every refusal with its sentence (checks not
 * current that day, a role the person does not hold, two shifts at once — here or at another centre,
 * under concurrent requests too — a closed day, a venue or person of another centre), and the staffing
 * warnings of a Saturday: below the minimum staff, too many families per volunteer, a supervisor not on
 * the rota.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, centres, rotaShifts, staffChecks, users, venues } from '../db/schema.js';
import { addDays, zonedInstant } from '../plans/recurrence.js';
import { databaseErrorOf } from '../platform/database.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { readyCase } from '../test-support/ready-case.js';
import { staffOnDutyAt } from './service.js';
import { dayOfWeekAndMonth } from './staffing.js';

const ZONE = 'Europe/London';
let t: TestApp;
let coordinator: Client;
let supervisor: Client;
let volunteer: Client;
let hillviewCoordinator: Client;
let riverside: string;
let hillview: string;
let mainVenue: string;
let hillviewVenue: string;
let saturdaySession: string;
/** The first Saturday supported session from the day after tomorrow, not closed. */
let saturday: string;
/** A Sunday supported session at Hillview after it. */
let sunday: string;
const ids: Record<string, string> = {};

const rota = (centreId = riverside) => `/api/centres/${centreId}/rota`;
const longDate = (date: string) =>
  `${['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][new Date(`${date}T12:00:00Z`).getUTCDay()]} ${spokenDay(date)}`;

/** The first day from `from` that no closure of the centre covers. */
async function openDay(from: string): Promise<string> {
  const list = (await coordinator.get(`/api/centres/${riverside}/closures`)).json().items as {
    startsOn: string;
    endsOn: string;
  }[];
  let day = from;
  while (list.some((c) => c.startsOn <= day && day <= c.endsOn)) day = addDays(day, 1);
  return day;
}

async function firstOccurrence(client: Client, centreId: string, name: string, from: string) {
  const found = await client.get(
    `/api/centres/${centreId}/opening-sessions/occurrences?from=${from}&to=${addDays(from, 60)}`,
  );
  expect(found.statusCode, found.body).toBe(200);
  const items = found.json().items as { name: string; date: string; closed: boolean }[];
  return items.find((o) => o.name === name && !o.closed)!.date;
}

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  supervisor = await t.as(DEMO.supervisor);
  volunteer = await t.as(DEMO.volunteer);
  hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
  const list = await t.database.db.select({ id: centres.id, name: centres.name }).from(centres);
  riverside = list.find((c) => c.name.startsWith('Riverside'))!.id;
  hillview = list.find((c) => c.name.startsWith('Hillview'))!.id;
  const places = await t.database.db
    .select({ id: venues.id, centreId: venues.centreId, kind: venues.kind })
    .from(venues);
  mainVenue = places.find((v) => v.centreId === riverside && v.kind === 'centre')!.id;
  hillviewVenue = places.find((v) => v.centreId === hillview && v.kind === 'centre')!.id;
  for (const person of await t.database.db.select({ id: users.id, email: users.email }).from(users)) {
    ids[person.email] = person.id;
  }
  // Everyone's checks current for years, whatever day the test runs; one test lets one lapse.
  const today = localDay(new Date(), ZONE);
  await t.database.db.update(staffChecks).set({
    dbsNumber: '001234567890',
    dbsCheckedOn: addDays(today, -100),
    dbsRecheckBy: addDays(today, 900),
    trainingCompletedOn: addDays(today, -100),
    trainingExpiresOn: addDays(today, 900),
  });
  saturday = await firstOccurrence(coordinator, riverside, 'Saturday supported', addDays(today, 2));
  sunday = await firstOccurrence(hillviewCoordinator, hillview, 'Sunday supported', addDays(saturday, 1));
  const sessions = (await coordinator.get(`/api/centres/${riverside}/opening-sessions`)).json().items as {
    id: string;
    name: string;
  }[];
  saturdaySession = sessions.find((s) => s.name === 'Saturday supported')!.id;
});
afterAll(() => t.close());

const shiftOf = (email: string, overrides: Record<string, unknown> = {}) => ({
  userId: ids[email],
  date: saturday,
  role: 'volunteer',
  venueId: mainVenue,
  startTime: '09:30',
  endTime: '12:30',
  ...overrides,
});

describe('who may see and change the rota', () => {
  it('a volunteer may neither read nor change it; a supervisor may read it only', async () => {
    const window = `?from=${saturday}&to=${saturday}`;
    expect((await volunteer.get(`${rota()}${window}`)).statusCode).toBe(403);
    const added = await volunteer.post(rota(), shiftOf(DEMO.volunteer));
    expect(added.statusCode).toBe(403);
    expect(added.json().code).toBe('not_allowed');
    expect((await supervisor.get(`${rota()}${window}`)).statusCode).toBe(200);
    expect((await supervisor.post(rota(), shiftOf(DEMO.supervisor))).statusCode).toBe(403);
    expect((await supervisor.get(`${rota()}/staff?date=${saturday}`)).statusCode).toBe(403);
  });

  it('another centre’s rota answers 404, and so does a shift of another centre', async () => {
    const window = `?from=${saturday}&to=${saturday}`;
    expect((await hillviewCoordinator.get(`${rota()}${window}`)).statusCode).toBe(404);
    expect((await hillviewCoordinator.post(rota(), shiftOf(DEMO.volunteer))).statusCode).toBe(404);
    const theirs = await hillviewCoordinator.post(rota(hillview), {
      userId: ids[DEMO.supervisor],
      date: sunday,
      role: 'supervisor',
      venueId: hillviewVenue,
      startTime: '12:30',
      endTime: '15:30',
    });
    expect(theirs.statusCode, theirs.body).toBe(201);
    const missing = await coordinator.delete(`${rota()}/00000000-0000-4000-8000-000000000009`);
    const elsewhere = await coordinator.delete(`${rota()}/${theirs.json().id}`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual(missing.json());
    expect((await hillviewCoordinator.delete(`${rota()}/${theirs.json().id}`)).statusCode).toBe(404);
  });

  it('lists the centre’s staff with whether their checks are current that day', async () => {
    const staff = await coordinator.get(`${rota()}/staff?date=${saturday}`);
    expect(staff.statusCode, staff.body).toBe(200);
    const names = staff.json().items.map((p: { displayName: string }) => p.displayName);
    expect(names).toEqual(expect.arrayContaining(['Priya Shah', 'Grace Bell', 'Sam Carter', 'Dee Walsh']));
    expect(names).not.toContain('Tom Okafor');
    const sam = staff.json().items.find((p: { displayName: string }) => p.displayName === 'Sam Carter');
    expect(sam).toMatchObject({ roles: ['volunteer'], shiftRoles: ['volunteer'], checks: { current: true } });
  });
});

describe('a Saturday on the rota', () => {
  it('with nobody on it, the session is below its minimum staff', async () => {
    const day = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    expect(day.statusCode, day.body).toBe(200);
    expect(day.json().shifts).toEqual([]);
    expect(day.json().sessions).toEqual([
      expect.objectContaining({
        name: 'Saturday supported',
        date: saturday,
        startTime: '10:00',
        endTime: '12:00',
        minimumStaff: 3,
        staffOnShift: 0,
        families: 0,
      }),
    ]);
    expect(day.json().warnings.map((w: { message: string }) => w.message)).toEqual([
      `${dayOfWeekAndMonth(saturday)} 10:00–12:00, Saturday supported: no staff on the rota — at least 3 needed`,
    ]);
  });

  it('staff go on for the session (its venue and times) or for times of their own', async () => {
    const priya = await coordinator.post(rota(), {
      userId: ids[DEMO.coordinator],
      date: saturday,
      role: 'coordinator',
      openingSessionId: saturdaySession,
    });
    expect(priya.statusCode, priya.body).toBe(201);
    expect(priya.json()).toMatchObject({
      displayName: 'Priya Shah',
      role: 'coordinator',
      venue: { id: mainVenue },
      openingSession: { id: saturdaySession, name: 'Saturday supported' },
      date: saturday,
      startTime: '10:00',
      endTime: '12:00',
      startsAt: zonedInstant(saturday, '10:00', ZONE).toISOString(),
    });
    const sam = await coordinator.post(rota(), {
      userId: ids[DEMO.volunteer],
      date: saturday,
      role: 'volunteer',
      openingSessionId: saturdaySession,
      startTime: '09:30',
    });
    expect(sam.statusCode, sam.body).toBe(201);
    expect(sam.json()).toMatchObject({ startTime: '09:30', endTime: '12:00' });
    const day = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    expect(day.json().warnings.map((w: { message: string }) => w.message)).toEqual([
      `${dayOfWeekAndMonth(saturday)} 10:00–12:00, Saturday supported: 2 staff on the rota — at least 3 needed`,
    ]);
    // Grace helps in the hall until half past eleven: short of the minimum for the last half hour.
    const grace = await coordinator.post(rota(), shiftOf(DEMO.supervisor, { endTime: '11:30' }));
    expect(grace.statusCode, grace.body).toBe(201);
    const after = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    expect(after.json().shifts.map((s: { displayName: string }) => s.displayName)).toEqual([
      'Grace Bell',
      'Sam Carter',
      'Priya Shah',
    ]);
    expect(after.json().warnings.map((w: { message: string }) => w.message)).toEqual([
      `${dayOfWeekAndMonth(saturday)} 10:00–12:00, Saturday supported: 2 staff on the rota from 11:30 to 12:00 — at least 3 needed`,
    ]);
  });

  it('too many families for the volunteers on shift is a warning naming both numbers', async () => {
    await coordinator.patch(`/api/centres/${riverside}/opening-sessions/${saturdaySession}`, {
      familiesPerVolunteer: 1,
    });
    const hall = (
      (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
        id: string;
        name: string;
      }[]
    ).find((r) => r.name === 'Main hall')!.id;
    const surnames = [
      { resident: 'Laura', other: 'Mark', child: 'Ayo', surname: 'Hill' },
      { resident: 'Nadia', other: 'Tom', child: 'Zara', surname: 'Patel' },
      { resident: 'Ruth', other: 'Ben', child: 'Ola', surname: 'Okoro' },
    ];
    for (const family of surnames) {
      const ready = await readyCase(t, coordinator, riverside, {
        family,
        serviceType: 'supported',
        recurrence: { frequency: 'weekly', weekday: 6, startTime: '10:00' },
        startsOn: saturday,
      });
      const booked = await coordinator.post(`/api/centres/${riverside}/cases/${ready.caseId}/bookings`, {
        date: saturday,
        roomId: hall,
      });
      expect(booked.statusCode, booked.body).toBe(201);
    }
    const day = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    expect(day.json().sessions[0]).toMatchObject({ families: 3, staffOnShift: 3 });
    const messages = day.json().warnings.map((w: { message: string }) => w.message);
    // Sam and Grace are rostered as volunteers until 11:30; Sam alone after that.
    expect(messages).toContain(
      `${dayOfWeekAndMonth(saturday)} 10:00–12:00, Saturday supported: 3 families and 1 volunteer from 11:30 to 12:00 — up to 1 family per volunteer`,
    );
    expect(JSON.stringify(day.json())).not.toMatch(/Hill|Patel|Okoro|Laura|Nadia|Ruth/);
  });

  it('a supervised session whose supervisor is not on the rota is a warning offering the shift', async () => {
    const ready = await readyCase(t, coordinator, riverside, {
      family: { resident: 'Ama', other: 'Kofi', child: 'Esi', surname: 'Mensah' },
      recurrence: { frequency: 'weekly', weekday: 6, startTime: '14:00' },
      startsOn: saturday,
    });
    const garden = (
      (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
        id: string;
        name: string;
      }[]
    ).find((r) => r.name === 'Garden room')!.id;
    const booked = await coordinator.post(`/api/centres/${riverside}/cases/${ready.caseId}/bookings`, {
      date: saturday,
      roomId: garden,
      supervisorUserId: ids[DEMO.supervisor],
    });
    expect(booked.statusCode, booked.body).toBe(201);
    const day = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    const warning = day.json().warnings.find((w: { kind: string }) => w.kind === 'supervisor_not_on_rota');
    expect(warning).toEqual({
      kind: 'supervisor_not_on_rota',
      date: saturday,
      bookingId: booked.json().id,
      openingSessionId: null,
      message: `${dayOfWeekAndMonth(saturday)} 14:00–16:00, Garden room (${ready.reference}): Grace Bell supervises, but is not on the rota`,
      suggestedShift: {
        userId: ids[DEMO.supervisor],
        displayName: 'Grace Bell',
        role: 'supervisor',
        venueId: mainVenue,
        date: saturday,
        startTime: '13:45',
        endTime: '16:15',
      },
    });
    const { displayName: _name, ...suggested } = warning.suggestedShift;
    const added = await coordinator.post(rota(), suggested);
    expect(added.statusCode, added.body).toBe(201);
    const after = await coordinator.get(`${rota()}?from=${saturday}&to=${saturday}`);
    expect(after.json().warnings.map((w: { kind: string }) => w.kind)).not.toContain(
      'supervisor_not_on_rota',
    );
  });
});

describe('who cannot be put on the rota, and why', () => {
  it('someone whose training has lapsed by that day, naming what lapsed', async () => {
    await t.database.db
      .update(staffChecks)
      .set({ trainingExpiresOn: addDays(saturday, -1) })
      .where(eq(staffChecks.userId, ids[DEMO.safeguarding]!));
    const refused = await coordinator.post(
      rota(),
      shiftOf(DEMO.safeguarding, { startTime: '13:00', endTime: '14:00' }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      code: 'staff_checks_not_current',
      message: `Dee Walsh cannot be put on the rota on ${longDate(saturday)}: training expired on ${spokenDay(addDays(saturday, -1))}.`,
    });
    // Still current the day before (when the centre is open that day).
    const friday = addDays(saturday, -1);
    if ((await openDay(friday)) === friday) {
      const dayBefore = await coordinator.post(
        rota(),
        shiftOf(DEMO.safeguarding, { date: friday, startTime: '13:00', endTime: '14:00' }),
      );
      expect(dayBefore.statusCode, dayBefore.body).toBe(201);
    }
    await t.database.db
      .update(staffChecks)
      .set({ dbsCheckedOn: null, dbsRecheckBy: null, dbsNumber: null })
      .where(eq(staffChecks.userId, ids[DEMO.safeguarding]!));
    const both = await coordinator.post(
      rota(),
      shiftOf(DEMO.safeguarding, { startTime: '13:00', endTime: '14:00' }),
    );
    expect(both.json().message).toBe(
      `Dee Walsh cannot be put on the rota on ${longDate(saturday)}: no criminal record check recorded; training expired on ${spokenDay(addDays(saturday, -1))}.`,
    );
  });

  it('someone in a role they do not hold', async () => {
    const refused = await coordinator.post(
      rota(),
      shiftOf(DEMO.volunteer, { role: 'supervisor', date: addDays(saturday, 7) }),
    );
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toEqual({
      code: 'role_not_held',
      message: 'Sam Carter is a volunteer at this centre, so cannot be on the rota as a supervisor.',
    });
  });

  it('someone already on a shift then, here or at another centre', async () => {
    const here = await coordinator.post(
      rota(),
      shiftOf(DEMO.volunteer, { startTime: '11:00', endTime: '13:00' }),
    );
    expect(here.statusCode).toBe(409);
    expect(here.json()).toEqual({
      code: 'shift_overlaps',
      message:
        'Sam Carter is already on the rota from 09:30 to 12:00 that day: a person is on one shift at a time.',
    });
    const there = await coordinator.post(
      rota(),
      shiftOf(DEMO.supervisor, { date: sunday, startTime: '11:00', endTime: '13:00' }),
    );
    expect(there.statusCode).toBe(409);
    expect(there.json().message).toBe(
      'Grace Bell is already on the rota at Hillview Contact Centre from 12:30 to 15:30 that day: a person is on one shift at a time.',
    );
    // Back to back is not overlapping.
    const after = await coordinator.post(
      rota(),
      shiftOf(DEMO.volunteer, { startTime: '12:00', endTime: '13:00' }),
    );
    expect(after.statusCode, after.body).toBe(201);
  });

  it('of twenty overlapping shifts for one person sent at once, exactly one is made', async () => {
    const date = await openDay(addDays(saturday, 14));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        coordinator.post(
          rota(),
          shiftOf(DEMO.coordinator, {
            date,
            role: 'coordinator',
            startTime: `${String(9 + (index % 3)).padStart(2, '0')}:00`,
            endTime: '13:00',
          }),
        ),
      ),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
    for (const refused of answers.filter((a) => a.statusCode === 409)) {
      expect(refused.json().code).toBe('shift_overlaps');
    }
    // The database holds the rule on its own: a second overlapping row is refused by the constraint.
    const [made] = await t.database.db
      .select()
      .from(rotaShifts)
      .where(and(eq(rotaShifts.userId, ids[DEMO.coordinator]!), eq(rotaShifts.localDate, date)));
    const error = await t.database.db
      .insert(rotaShifts)
      .values({ ...made!, id: undefined, startsAt: new Date(made!.startsAt.getTime() + 60_000) })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseErrorOf(error)).toEqual({ code: '23P01', constraint: 'rota_shifts_once' });
  });

  it('a person or venue of another centre, a day the centre is closed, a session not on that day, a past day', async () => {
    const tom = await coordinator.post(rota(), shiftOf(DEMO.hillviewCoordinator, { role: 'coordinator' }));
    expect(tom.statusCode).toBe(400);
    expect(tom.json().details).toEqual([
      { field: 'userId', message: 'Choose a member of staff of this centre' },
    ]);
    const venue = await coordinator.post(
      rota(),
      shiftOf(DEMO.coordinator, { role: 'coordinator', date: addDays(saturday, 1), venueId: hillviewVenue }),
    );
    expect(venue.statusCode).toBe(400);
    expect(venue.json().details).toEqual([
      { field: 'venueId', message: "Choose one of this centre's venues" },
    ]);

    const closedOn = await openDay(addDays(saturday, 21));
    const closure = await coordinator.post(`/api/centres/${riverside}/closures`, {
      venueId: null,
      startsOn: closedOn,
      endsOn: closedOn,
      reason: 'Boiler repair',
    });
    expect(closure.statusCode, closure.body).toBe(201);
    const closed = await coordinator.post(
      rota(),
      shiftOf(DEMO.coordinator, { role: 'coordinator', date: closedOn }),
    );
    expect(closed.statusCode).toBe(409);
    expect(closed.json()).toEqual({
      code: 'closed',
      message: `The centre is closed on ${longDate(closedOn)} (Boiler repair).`,
    });

    const notThatDay = await coordinator.post(rota(), {
      userId: ids[DEMO.coordinator],
      date: addDays(saturday, 7),
      role: 'coordinator',
      openingSessionId: saturdaySession,
    });
    expect(notThatDay.statusCode).toBe(400);
    expect(notThatDay.json().details).toEqual([
      {
        field: 'openingSessionId',
        message: `Saturday supported does not run on ${longDate(addDays(saturday, 7))}`,
      },
    ]);

    const past = await coordinator.post(
      rota(),
      shiftOf(DEMO.coordinator, { role: 'coordinator', date: addDays(localDay(new Date(), ZONE), -1) }),
    );
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ field: 'date', message: 'Choose today or a later day' }]);

    const noTimes = await coordinator.post(rota(), {
      userId: ids[DEMO.coordinator],
      date: saturday,
      role: 'coordinator',
    });
    expect(noTimes.statusCode).toBe(400);
    expect(
      noTimes
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['endTime', 'startTime', 'venueId']);
    const backwards = await coordinator.post(
      rota(),
      shiftOf(DEMO.coordinator, { startTime: '12:00', endTime: '10:00' }),
    );
    expect(backwards.json().details).toEqual([
      { field: 'endTime', message: 'The shift must end after it starts' },
    ]);
  });

  it('refusals are in the audit trail', async () => {
    const refused = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'rota.shift_added'), eq(auditEvents.outcome, 'refused')));
    const reasons = refused.map((r) => (r.detail as { reason: string }).reason);
    expect(reasons).toEqual(
      expect.arrayContaining(['staff_checks_not_current', 'role_not_held', 'shift_overlaps', 'closed']),
    );
  });
});

describe('who is on duty now', () => {
  it('staff on a shift under way at the centre, for the fire roll call', async () => {
    const now = new Date();
    const clock = (instant: Date) =>
      instant.toLocaleTimeString('en-GB', {
        timeZone: ZONE,
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
    const start = clock(new Date(now.getTime() - 30 * 60_000));
    const end = clock(new Date(now.getTime() + 30 * 60_000));
    const today = localDay(now, ZONE);
    // Too close to midnight for a shift within the day either side of now: nothing to check then.
    if (!(start < end) || localDay(new Date(now.getTime() - 30 * 60_000), ZONE) !== today) return;
    const here = await coordinator.post(
      rota(),
      shiftOf(DEMO.coordinator, { role: 'coordinator', date: today, startTime: start, endTime: end }),
    );
    if (here.statusCode === 409 && here.json().code === 'closed') return;
    expect(here.statusCode, here.body).toBe(201);
    expect(await staffOnDutyAt(t.database.db, riverside)).toEqual([
      { userId: ids[DEMO.coordinator], name: 'Priya Shah', venue: here.json().venue.name, since: start },
    ]);
    expect(await staffOnDutyAt(t.database.db, hillview)).toEqual([]);
    expect(await staffOnDutyAt(t.database.db, riverside, new Date(now.getTime() + 45 * 60_000))).toEqual([]);
  });
});

describe('taking a shift off the rota', () => {
  it('a coordinator takes a future shift off; one that has ended stays', async () => {
    const date = await openDay(addDays(saturday, 2));
    const added = await coordinator.post(rota(), shiftOf(DEMO.coordinator, { role: 'coordinator', date }));
    expect(added.statusCode, added.body).toBe(201);
    expect((await volunteer.delete(`${rota()}/${added.json().id}`)).statusCode).toBe(403);
    const removed = await coordinator.delete(`${rota()}/${added.json().id}`);
    expect(removed.statusCode).toBe(204);
    expect((await coordinator.delete(`${rota()}/${added.json().id}`)).statusCode).toBe(404);
    const week = await coordinator.get(`${rota()}?from=${date}&to=${date}`);
    expect(week.json().shifts).toEqual([]);

    const yesterday = addDays(localDay(new Date(), ZONE), -1);
    const [ended] = await t.database.db
      .insert(rotaShifts)
      .values({
        centreId: riverside,
        venueId: mainVenue,
        userId: ids[DEMO.volunteer]!,
        role: 'volunteer',
        localDate: yesterday,
        startsAt: zonedInstant(yesterday, '10:00', ZONE),
        endsAt: zonedInstant(yesterday, '12:00', ZONE),
      })
      .returning({ id: rotaShifts.id });
    const kept = await coordinator.delete(`${rota()}/${ended!.id}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.json()).toEqual({
      code: 'shift_ended',
      message: 'This shift has ended: it stays on the rota as the record of who was on duty.',
    });
  });

  it('a window that ends before it starts, or is too long, is refused naming the field', async () => {
    const backwards = await coordinator.get(`${rota()}?from=${saturday}&to=${addDays(saturday, -1)}`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([
      { field: 'to', message: 'The end must be on or after the start' },
    ]);
    expect((await coordinator.get(`${rota()}?from=${saturday}&to=${addDays(saturday, 40)}`)).statusCode).toBe(
      400,
    );
  });
});
