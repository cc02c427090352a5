/**
 * Premises and the calendar frame through HTTP: venues, rooms in them, opening sessions, closures and
 * the occurrences with closures marked; each refusal with its sentence. Staff checks are in
 * server/staff/staff-checks.int.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bookings } from '../db/schema.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { localReading } from '../plans/recurrence.js';
import { closureOn, sessionOccurrencesBetween } from './service.js';
import { day } from '../test-support/dates.js';
import { spokenDay } from '../platform/local-time.js';

let t: TestApp;
let riverside: string;
let hillview: string;

const url = (centreId: string, path: string) => `/api/centres/${centreId}/${path}`;
const NOT_ALLOWED = { code: 'not_allowed', message: 'Your role does not allow this.' };

interface Venue {
  id: string;
  name: string;
  kind: string;
  main: boolean;
  active: boolean;
  address: string | null;
  addressWithheld: boolean;
}

async function venuesAt(centreId: string, who: string = DEMO.coordinator): Promise<Venue[]> {
  return (await (await t.as(who)).get(url(centreId, 'venues'))).json().items as Venue[];
}

async function auditCount(action: string, resourceId: string) {
  const rows = await t.database.db
    .select({ seq: auditEvents.seq })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.resourceId, resourceId)));
  return rows.length;
}

/** A session booked (straight into the table) at a room of the venue, a week from now. */
async function bookedSessionIn(room: { id: string; venueId: string }): Promise<string> {
  const sent = (await t.anonymous().post('/api/referrals', referralFor(riverside))).json();
  const accepted = await (
    await t.as(DEMO.coordinator)
  ).post(url(riverside, `referrals/${sent.referralId}/accept`));
  expect(accepted.statusCode).toBe(200);
  const startsAt = new Date(Date.now() + 7 * 86_400_000);
  const [row] = await t.database.db
    .insert(bookings)
    .values({
      centreId: riverside,
      caseId: accepted.json().caseId as string,
      venueId: room.venueId,
      roomId: room.id,
      localDate: startsAt.toISOString().slice(0, 10),
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      serviceType: 'supervised',
      source: 'added',
      exclusive: true,
      headcount: 3,
    })
    .returning({ id: bookings.id });
  return row!.id;
}

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  hillview = centres.find((c) => c.name.startsWith('Hillview'))!.id;
});
afterAll(() => t.close());

describe('venues', () => {
  it('lists the centre’s own building first, then its alternative venues', async () => {
    const venues = await venuesAt(riverside);
    expect(venues.map((v) => [v.name, v.kind, v.main, v.active])).toEqual([
      ['Riverside Contact Centre', 'centre', true, true],
      ['Northgate Library community room', 'library', false, true],
    ]);
    // A volunteer may see the premises (they work in them).
    expect((await venuesAt(riverside, DEMO.volunteer)).length).toBe(2);
  });

  it('a coordinator adds and changes a venue; it is audited; names are unique per centre', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const added = await coordinator.post(url(riverside, 'venues'), {
      name: 'St Anne’s church hall',
      kind: 'community_room',
      address: '5 Church Lane, Riverside',
      accessibilityNotes: '',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'St Anne’s church hall',
      kind: 'community_room',
      address: '5 Church Lane, Riverside',
      accessibilityNotes: null,
      active: true,
      main: false,
    });
    const id = added.json().id as string;
    expect(await auditCount('venue.created', id)).toBe(1);

    const changed = await coordinator.patch(url(riverside, `venues/${id}`), {
      accessibilityNotes: 'Ramp at the side door.',
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      address: '5 Church Lane, Riverside',
      accessibilityNotes: 'Ramp at the side door.',
    });
    expect(await auditCount('venue.changed', id)).toBe(1);

    const again = await coordinator.post(url(riverside, 'venues'), {
      name: 'St Anne’s church hall',
      kind: 'other',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'duplicate_name',
      message: 'This centre already has a venue with that name. Choose another name.',
    });
  });

  it('a bad venue is a 400 naming each field', async () => {
    const response = await (
      await t.as(DEMO.coordinator)
    ).post(url(riverside, 'venues'), { name: ' ', kind: 'castle' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: 'name', message: 'Enter the name of the venue' },
      { field: 'kind', message: 'Choose the kind of venue' },
    ]);
  });

  it('a volunteer cannot add a venue (403)', async () => {
    const response = await (
      await t.as(DEMO.volunteer)
    ).post(url(riverside, 'venues'), {
      name: 'Volunteer’s venue',
      kind: 'other',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(NOT_ALLOWED);
  });

  it('another centre’s venue answers 404, exactly like one that does not exist', async () => {
    const hillviewVenue = (await venuesAt(hillview, DEMO.admin))[0]!;
    const coordinator = await t.as(DEMO.coordinator);
    const through = await coordinator.patch(url(riverside, `venues/${hillviewVenue.id}`), {
      name: 'Mine now',
    });
    const missing = await coordinator.patch(url(riverside, `venues/${randomUUID()}`), { name: 'Mine now' });
    expect(through.statusCode).toBe(404);
    expect(through.json()).toEqual(missing.json());
    const direct = await coordinator.get(url(hillview, 'venues'));
    expect(direct.statusCode).toBe(404);
    expect((await venuesAt(hillview, DEMO.admin))[0]!.name).toBe(hillviewVenue.name);
  });

  it('a family’s home address is shown only to people who may read contact details', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const home = await coordinator.post(url(riverside, 'venues'), {
      name: 'The Hill family home',
      kind: 'family_home',
      address: '3 Quiet Close, Riverside',
    });
    expect(home.json()).toMatchObject({ address: '3 Quiet Close, Riverside', addressWithheld: false });
    const seenByVolunteer = (await venuesAt(riverside, DEMO.volunteer)).find((v) => v.id === home.json().id)!;
    expect(seenByVolunteer).toMatchObject({ address: null, addressWithheld: true });
    // The library's address is not personal: everyone sees it.
    const library = (await venuesAt(riverside, DEMO.volunteer)).find((v) => v.kind === 'library')!;
    expect(library.address).toContain('Northgate Library');
  });

  it('the centre’s own building stays a centre building and cannot be taken out of use', async () => {
    const building = (await venuesAt(riverside)).find((v) => v.main)!;
    const coordinator = await t.as(DEMO.coordinator);
    const kind = await coordinator.patch(url(riverside, `venues/${building.id}`), { kind: 'library' });
    expect(kind.statusCode).toBe(409);
    expect(kind.json().code).toBe('main_venue');
    const off = await coordinator.post(url(riverside, `venues/${building.id}/deactivate`));
    expect(off.statusCode).toBe(409);
    expect(off.json()).toEqual({
      code: 'main_venue',
      message:
        "Riverside Contact Centre is the centre's own building and cannot be taken out of use. Change its name or address instead.",
    });
  });

  it('a venue with opening sessions still running, or sessions booked, cannot be taken out of use (409)', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const venue = (
      await coordinator.post(url(riverside, 'venues'), {
        name: 'Eastside community room',
        kind: 'community_room',
      })
    ).json() as Venue;
    const session = await coordinator.post(url(riverside, 'opening-sessions'), {
      venueId: venue.id,
      name: 'Eastside Wednesdays',
      serviceType: 'supervised',
      recurrence: { frequency: 'weekly', weekday: 3 },
      startTime: '16:00',
      endTime: '18:00',
      startsOn: day('2031-01-01'),
    });
    expect(session.statusCode).toBe(201);

    const refused = await coordinator.post(url(riverside, `venues/${venue.id}/deactivate`));
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'venue_in_use',
      message:
        'Eastside community room still has opening sessions (Eastside Wednesdays). End them first, then take the venue out of use.',
    });

    // Ended before their first day, the sessions are withdrawn; but a session is still booked there next week.
    const today = localReading(new Date(), 'Europe/London').date;
    const ended = await coordinator.post(url(riverside, `opening-sessions/${session.json().id}/end`), {
      lastDay: today,
    });
    expect(ended.json()).toMatchObject({ active: false, ended: true });
    const room = (
      await coordinator.post(url(riverside, 'rooms'), {
        name: 'Eastside room',
        capacity: 6,
        venueId: venue.id,
      })
    ).json() as { id: string; venueId: string };
    const bookingId = await bookedSessionIn(room);
    const stillBooked = await coordinator.post(url(riverside, `venues/${venue.id}/deactivate`));
    expect(stillBooked.statusCode).toBe(409);
    expect(stillBooked.json()).toEqual({
      code: 'venue_in_use',
      message: 'Eastside community room has 1 session booked from today. Move or cancel it first.',
    });
    // The room cannot go out of use either while the session is booked in it.
    const roomOff = await coordinator.patch(url(riverside, `rooms/${room.id}`), { active: false });
    expect(roomOff.statusCode).toBe(409);
    expect(roomOff.json().code).toBe('room_in_use');

    await t.database.db
      .update(bookings)
      .set({ status: 'cancelled', cancelledAt: new Date(), cancelledBy: 'centre' })
      .where(eq(bookings.id, bookingId));
    const off = await coordinator.post(url(riverside, `venues/${venue.id}/deactivate`));
    expect(off.statusCode).toBe(200);
    expect(off.json()).toMatchObject({ active: false });
    expect(await auditCount('venue.deactivated', venue.id)).toBe(1);

    // Out of use: no new rooms or sessions there; back in use, they are allowed again.
    const roomThere = await coordinator.post(url(riverside, 'rooms'), {
      name: 'Eastside annexe',
      capacity: 4,
      venueId: venue.id,
    });
    expect(roomThere.statusCode).toBe(400);
    expect(roomThere.json().details).toEqual([
      { field: 'venueId', message: 'Eastside community room is out of use. Choose another venue.' },
    ]);
    const back = await coordinator.post(url(riverside, `venues/${venue.id}/reactivate`));
    expect(back.json()).toMatchObject({ active: true });
  });
});

describe('rooms in venues', () => {
  it('lists each room’s venue, usage, waiting room and whether it is in use', async () => {
    const rooms = (await (await t.as(DEMO.volunteer)).get(url(riverside, 'rooms'))).json().items as {
      name: string;
      usage: string;
      capacity: number;
      hasSeparateEntrance: boolean;
      hasSeparateWaitingRoom: boolean;
      venueId: string;
      active: boolean;
    }[];
    const venues = await venuesAt(riverside);
    const hall = rooms.find((r) => r.name === 'Main hall')!;
    expect(hall).toMatchObject({
      usage: 'shared',
      capacity: 30,
      active: true,
      venueId: venues.find((v) => v.main)!.id,
    });
    expect(rooms.find((r) => r.name === 'Garden room')).toMatchObject({
      usage: 'private',
      hasSeparateEntrance: true,
      hasSeparateWaitingRoom: true,
    });
    expect(rooms.find((r) => r.name === 'Library community room')!.venueId).toBe(
      venues.find((v) => v.kind === 'library')!.id,
    );
  });

  it('a shared hall needs room for at least 2 people, checked on the room as a whole', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const tiny = await coordinator.post(url(riverside, 'rooms'), {
      name: 'Tiny hall',
      capacity: 1,
      usage: 'shared',
    });
    expect(tiny.statusCode).toBe(400);
    expect(tiny.json().details).toEqual([
      { field: 'capacity', message: 'A shared hall holds at least 2 people' },
    ]);

    const booth = await coordinator.post(url(riverside, 'rooms'), { name: 'Phone booth', capacity: 1 });
    expect(booth.statusCode).toBe(201);
    expect(booth.json()).toMatchObject({ usage: 'private', hasSeparateWaitingRoom: false, active: true });
    const shared = await coordinator.patch(url(riverside, `rooms/${booth.json().id}`), { usage: 'shared' });
    expect(shared.statusCode).toBe(400);
    expect(shared.json().details).toEqual([
      { field: 'capacity', message: 'A shared hall holds at least 2 people' },
    ]);
  });

  it('a change keeps every field it does not name', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const garden = (
      (await coordinator.get(url(riverside, 'rooms'))).json().items as { id: string; name: string }[]
    ).find((r) => r.name === 'Garden room')!;
    const changed = await coordinator.patch(url(riverside, `rooms/${garden.id}`), { capacity: 9 });
    expect(changed.json()).toMatchObject({
      capacity: 9,
      hasSeparateEntrance: true,
      hasSeparateWaitingRoom: true,
      usage: 'private',
    });
  });

  it('a room goes only in one of this centre’s venues', async () => {
    const hillviewVenue = (await venuesAt(hillview, DEMO.admin))[0]!;
    const response = await (
      await t.as(DEMO.coordinator)
    ).post(url(riverside, 'rooms'), {
      name: 'Borrowed room',
      capacity: 4,
      venueId: hillviewVenue.id,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([
      { field: 'venueId', message: "Choose one of this centre's venues" },
    ]);
  });
});

describe('opening sessions', () => {
  const saturday = (venueId: string) => ({
    venueId,
    name: 'Saturday morning',
    serviceType: 'supported',
    recurrence: { frequency: 'fortnightly', weekday: 6 },
    startTime: '10:00',
    endTime: '12:00',
    startsOn: day('2027-01-09'),
  });

  it('a coordinator adds, changes and ends sessions; a supervisor may see them; each change is audited', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const library = (await venuesAt(riverside)).find((v) => v.kind === 'library')!;
    const added = await coordinator.post(url(riverside, 'opening-sessions'), saturday(library.id));
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      venueName: 'Northgate Library community room',
      recurrence: { frequency: 'fortnightly', weekday: 6 },
      startTime: '10:00',
      endTime: '12:00',
      endsOn: null,
      minimumStaff: 2,
      familiesPerVolunteer: 3,
      active: true,
      ended: false,
    });
    const id = added.json().id as string;

    const changed = await coordinator.patch(url(riverside, `opening-sessions/${id}`), {
      endTime: '12:30',
      minimumStaff: 4,
    });
    expect(changed.json()).toMatchObject({ startTime: '10:00', endTime: '12:30', minimumStaff: 4 });

    const supervisor = await t.as(DEMO.supervisor);
    const seen = (await supervisor.get(url(riverside, 'opening-sessions'))).json().items as {
      id: string;
      name: string;
    }[];
    expect(seen.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Saturday supported',
        'Tuesday supervised',
        'Thursday supervised',
        'Saturday morning',
      ]),
    );
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(url(riverside, 'opening-sessions'))).statusCode).toBe(403);

    const past = await coordinator.post(url(riverside, `opening-sessions/${id}/end`), {
      lastDay: '2020-01-01',
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().details).toEqual([{ field: 'lastDay', message: 'Choose today or a later day' }]);
    const ended = await coordinator.post(url(riverside, `opening-sessions/${id}/end`), {
      lastDay: day('2027-02-28'),
    });
    expect(ended.json()).toMatchObject({ endsOn: day('2027-02-28'), active: true });
    const later = await coordinator.post(url(riverside, `opening-sessions/${id}/end`), {
      lastDay: day('2027-03-31'),
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().details[0].message).toBe(
      `These sessions already end on ${spokenDay(day('2027-02-28'))}. Choose that day or an earlier one.`,
    );
    expect(await auditCount('opening_session.created', id)).toBe(1);
    expect(await auditCount('opening_session.changed', id)).toBe(1);
    expect(await auditCount('opening_session.ended', id)).toBe(1);
  });

  it('bad times are a 400 naming the field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const building = (await venuesAt(riverside)).find((v) => v.main)!;
    const backwards = await coordinator.post(url(riverside, 'opening-sessions'), {
      ...saturday(building.id),
      startTime: '12:00',
      endTime: '10:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([
      { field: 'endTime', message: 'The session must end after it starts' },
    ]);

    const nonsense = await coordinator.post(url(riverside, 'opening-sessions'), {
      ...saturday(building.id),
      startTime: '25:00',
    });
    expect(nonsense.json().details).toEqual([{ field: 'startTime', message: 'Enter a time like 10:00' }]);

    const night = await coordinator.post(url(riverside, 'opening-sessions'), {
      ...saturday(building.id),
      startTime: '03:00',
    });
    expect(night.json().details).toEqual([
      { field: 'startTime', message: 'Sessions start at 06:00 or later' },
    ]);

    // A change is checked as a whole: an end before the start it keeps.
    const session = (
      await coordinator.post(url(riverside, 'opening-sessions'), saturday(building.id))
    ).json();
    const earlier = await coordinator.patch(url(riverside, `opening-sessions/${session.id}`), {
      endTime: '09:30',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json().details).toEqual([
      { field: 'endTime', message: 'The session must end after it starts' },
    ]);

    const elsewhere = await coordinator.post(url(riverside, 'opening-sessions'), {
      ...saturday((await venuesAt(hillview, DEMO.admin))[0]!.id),
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().details).toEqual([
      { field: 'venueId', message: "Choose one of this centre's venues" },
    ]);
  });

  it('a supervisor cannot add sessions (403); another centre’s session answers 404', async () => {
    const building = (await venuesAt(riverside)).find((v) => v.main)!;
    const supervisor = await t.as(DEMO.supervisor);
    const refused = await supervisor.post(url(riverside, 'opening-sessions'), saturday(building.id));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toEqual(NOT_ALLOWED);

    const hillviewSession = (
      (await (await t.as(DEMO.hillviewCoordinator)).get(url(hillview, 'opening-sessions'))).json().items as {
        id: string;
      }[]
    )[0]!;
    const coordinator = await t.as(DEMO.coordinator);
    const through = await coordinator.patch(url(riverside, `opening-sessions/${hillviewSession.id}`), {
      name: 'Mine',
    });
    expect(through.statusCode).toBe(404);
    expect(through.json()).toEqual(
      (await coordinator.patch(url(riverside, `opening-sessions/${randomUUID()}`), { name: 'Mine' })).json(),
    );
  });
});

describe('the calendar: occurrences with closures marked', () => {
  it('lays out each session on the centre’s clock across the October clock change', async () => {
    const coordinator = await t.as(DEMO.hillviewCoordinator);
    const response = await coordinator.get(
      url(hillview, 'opening-sessions/occurrences?from=2026-10-18&to=2026-10-31'),
    );
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      timeZone: 'Europe/London',
      from: '2026-10-18',
      to: '2026-10-31',
      items: [
        expect.objectContaining({
          name: 'Sunday supported',
          date: '2026-10-18',
          startTime: '13:00',
          endTime: '15:00',
          startsAt: '2026-10-18T12:00:00.000Z',
          endsAt: '2026-10-18T14:00:00.000Z',
          closed: false,
          closure: null,
        }),
        expect.objectContaining({
          date: '2026-10-25',
          startTime: '13:00',
          startsAt: '2026-10-25T13:00:00.000Z',
          endsAt: '2026-10-25T15:00:00.000Z',
        }),
      ],
    });
  });

  it('sessions on a closure are marked closed with its reason, not dropped; closures may overlap', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const library = (await venuesAt(riverside)).find((v) => v.kind === 'library')!;
    const christmas = await coordinator.post(url(riverside, 'closures'), {
      startsOn: day('2030-12-24'),
      endsOn: day('2031-01-02'),
      reason: 'Christmas',
    });
    expect(christmas.statusCode).toBe(201);
    expect(christmas.json()).toMatchObject({
      venueId: null,
      venueName: null,
      reason: 'Christmas',
      createdBy: 'Priya Shah',
    });
    const works = await coordinator.post(url(riverside, 'closures'), {
      venueId: library.id,
      startsOn: day('2030-12-01'),
      endsOn: day('2031-01-31'),
      reason: 'Library refurbishment',
    });
    expect(works.statusCode).toBe(201);
    expect(works.json().venueName).toBe('Northgate Library community room');

    const response = await coordinator.get(
      url(riverside, `opening-sessions/occurrences?from=${day('2030-12-20')}&to=${day('2031-01-04')}`),
    );
    const items = response.json().items as {
      name: string;
      date: string;
      closed: boolean;
      closure: { reason: string; wholeCentre: boolean } | null;
    }[];
    const demo = items.filter((o) =>
      ['Saturday supported', 'Tuesday supervised', 'Thursday supervised'].includes(o.name),
    );
    expect(
      demo.map((o) => `${o.date} ${o.name}: ${o.closed ? `Closed: ${o.closure!.reason}` : 'open'}`),
    ).toEqual([
      `${day('2030-12-24')} Tuesday supervised: Closed: Christmas`,
      `${day('2030-12-26')} Thursday supervised: Closed: Christmas`,
      `${day('2030-12-28')} Saturday supported: Closed: Christmas`,
      `${day('2030-12-31')} Tuesday supervised: Closed: Christmas`,
      `${day('2031-01-02')} Thursday supervised: Closed: Christmas`,
    ]);
    // The demo's sessions are in the centre's own building: the library's works do not close them.
    expect(items.filter((o) => o.closure?.reason === 'Library refurbishment')).toEqual([]);

    // The same through the functions bookings use.
    const listed = await sessionOccurrencesBetween(
      t.database.db,
      riverside,
      day('2030-12-17'),
      day('2030-12-19'),
    );
    expect(listed.map((o) => [o.name, o.closed])).toEqual([
      ['Tuesday supervised', false],
      ['Thursday supervised', false],
    ]);
    expect((await closureOn(t.database.db, riverside, library.id, day('2030-12-25')))?.reason).toBe(
      'Christmas',
    );
    expect((await closureOn(t.database.db, riverside, library.id, day('2030-12-05')))?.reason).toBe(
      'Library refurbishment',
    );
    expect(await closureOn(t.database.db, riverside, library.id, day('2031-02-01'))).toBeUndefined();
  });

  it('a window longer than 92 days, or back to front, is a 400 naming the field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const long = await coordinator.get(
      url(riverside, `opening-sessions/occurrences?from=${day('2027-01-01')}&to=${day('2027-04-03')}`),
    );
    expect(long.statusCode).toBe(400);
    expect(long.json().details).toEqual([{ field: 'to', message: 'Ask for at most 92 days at a time' }]);
    const longest = await coordinator.get(
      url(riverside, `opening-sessions/occurrences?from=${day('2027-01-01')}&to=${day('2027-04-02')}`),
    );
    expect(longest.statusCode).toBe(200);
    const backwards = await coordinator.get(
      url(riverside, `opening-sessions/occurrences?from=${day('2027-01-02')}&to=${day('2027-01-01')}`),
    );
    expect(backwards.json().details[0]).toEqual({
      field: 'to',
      message: 'The end of the window must be on or after its start',
    });
  });

  it('a volunteer does not see the opening times (403)', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const response = await volunteer.get(
      url(riverside, `opening-sessions/occurrences?from=${day('2027-01-01')}&to=${day('2027-01-31')}`),
    );
    expect(response.statusCode).toBe(403);
  });
});

describe('closures', () => {
  it('a supervisor cannot add a closure (403)', async () => {
    const response = await (
      await t.as(DEMO.supervisor)
    ).post(url(riverside, 'closures'), {
      startsOn: day('2031-04-01'),
      endsOn: day('2031-04-01'),
      reason: 'Staff training',
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual(NOT_ALLOWED);
  });

  it('bad closures are a 400 naming the field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const backwards = await coordinator.post(url(riverside, 'closures'), {
      startsOn: day('2031-04-02'),
      endsOn: day('2031-04-01'),
      reason: '',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().details).toEqual([
      { field: 'reason', message: 'Say why it is closed, like Christmas' },
      { field: 'endsOn', message: 'The last day must be on or after the first day' },
    ]);
    const elsewhere = await coordinator.post(url(riverside, 'closures'), {
      venueId: (await venuesAt(hillview, DEMO.admin))[0]!.id,
      startsOn: day('2031-04-01'),
      endsOn: day('2031-04-01'),
      reason: 'Not ours',
    });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().details[0].field).toBe('venueId');
  });

  it('a coordinator lists and deletes closures; another centre’s closure answers 404', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const added = (
      await coordinator.post(url(riverside, 'closures'), {
        startsOn: day('2031-05-05'),
        endsOn: day('2031-05-05'),
        reason: 'Bank holiday',
      })
    ).json();
    const listed = (await coordinator.get(url(riverside, `closures?from=${day('2031-05-01')}`))).json()
      .items as {
      id: string;
      reason: string;
    }[];
    expect(listed.map((c) => c.reason)).toEqual(['Bank holiday']);

    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    const across = await hillviewCoordinator.delete(url(hillview, `closures/${added.id}`));
    expect(across.statusCode).toBe(404);
    expect((await hillviewCoordinator.delete(url(riverside, `closures/${added.id}`))).statusCode).toBe(404);

    const removed = await coordinator.delete(url(riverside, `closures/${added.id}`));
    expect(removed.statusCode).toBe(204);
    expect(await auditCount('closure.deleted', added.id)).toBe(1);
    const again = await coordinator.delete(url(riverside, `closures/${added.id}`));
    expect(again.statusCode).toBe(404);
    expect(again.json()).toEqual({ code: 'not_found', message: 'That closure was not found.' });
  });

  it('the demo closes both centres for Christmas', async () => {
    for (const [centreId, who] of [
      [riverside, DEMO.coordinator],
      [hillview, DEMO.hillviewCoordinator],
    ] as const) {
      const closures = (await (await t.as(who)).get(url(centreId, 'closures'))).json().items as {
        startsOn: string;
        endsOn: string;
        reason: string;
        venueId: string | null;
      }[];
      const christmas = closures.find((c) => c.reason === 'Christmas' && c.startsOn.endsWith('-12-24'))!;
      expect(christmas.venueId).toBeNull();
      expect(christmas.endsOn).toBe(`${Number(christmas.startsOn.slice(0, 4)) + 1}-01-02`);
    }
  });
});
