/**
 * One's own calendar feed through the API: made (its secret address shown once), read by a calendar app
 * without signing in as valid iCalendar with the person's shifts and the sessions they supervise —
 * initials and rooms only, never a family's names or contact details, never a family home's name —
 * replaced, turned off (404 from then on), and refused to someone whose roles give no feed.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, calendarFeeds, centres, staffChecks, users, venues } from '../db/schema.js';
import { addDays } from '../plans/recurrence.js';
import { localDay } from '../platform/local-time.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';
import { readICalendar, valueOf, type ReadComponent } from './read-ical.js';

const ZONE = 'Europe/London';
let t: TestApp;
let coordinator: Client;
let supervisor: Client;
let riverside: string;
let saturday: string;
let family: ReadyCase;
let bookingId: string;
const ids: Record<string, string> = {};

const pathOf = (url: string) => new URL(url).pathname;
const fetchFeed = (url: string) => t.anonymous().get(pathOf(url));
const events = (calendar: ReadComponent) => calendar.components.filter((c) => c.name === 'VEVENT');

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  supervisor = await t.as(DEMO.supervisor);
  riverside = (await t.database.db.select({ id: centres.id, name: centres.name }).from(centres)).find((c) =>
    c.name.startsWith('Riverside'),
  )!.id;
  for (const person of await t.database.db.select({ id: users.id, email: users.email }).from(users)) {
    ids[person.email] = person.id;
  }
  const today = localDay(new Date(), ZONE);
  await t.database.db.update(staffChecks).set({
    dbsNumber: '001234567890',
    dbsCheckedOn: addDays(today, -100),
    dbsRecheckBy: addDays(today, 900),
    trainingCompletedOn: addDays(today, -100),
    trainingExpiresOn: addDays(today, 900),
  });
  const occurrences = (
    await coordinator.get(
      `/api/centres/${riverside}/opening-sessions/occurrences?from=${addDays(today, 2)}&to=${addDays(today, 60)}`,
    )
  ).json().items as { name: string; date: string; closed: boolean }[];
  saturday = occurrences.find((o) => o.name === 'Saturday supported' && !o.closed)!.date;

  // Grace supervises the Hill family at 14:00 in the Garden room, and is on the rota for it.
  family = await readyCase(t, coordinator, riverside, {
    recurrence: { frequency: 'weekly', weekday: 6, startTime: '14:00' },
    startsOn: saturday,
  });
  const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
    id: string;
    name: string;
  }[];
  const booked = await coordinator.post(`/api/centres/${riverside}/cases/${family.caseId}/bookings`, {
    date: saturday,
    roomId: rooms.find((r) => r.name === 'Garden room')!.id,
    supervisorUserId: ids[DEMO.supervisor],
  });
  expect(booked.statusCode, booked.body).toBe(201);
  bookingId = booked.json().id;
  const mainVenue = (
    await t.database.db.select({ id: venues.id, centreId: venues.centreId, kind: venues.kind }).from(venues)
  ).find((v) => v.centreId === riverside && v.kind === 'centre')!.id;
  const onRota = await coordinator.post(`/api/centres/${riverside}/rota`, {
    userId: ids[DEMO.supervisor],
    date: saturday,
    role: 'supervisor',
    venueId: mainVenue,
    startTime: '13:30',
    endTime: '16:30',
  });
  expect(onRota.statusCode, onRota.body).toBe(201);
  // A home visit: the venue is the family's home, named after them, with their address.
  const home = await coordinator.post(`/api/centres/${riverside}/venues`, {
    name: 'Hill family home',
    kind: 'family_home',
    address: '3 Quiet Close, Riverside, RV2 4CD',
  });
  expect(home.statusCode, home.body).toBe(201);
  const visit = await coordinator.post(`/api/centres/${riverside}/rota`, {
    userId: ids[DEMO.supervisor],
    date: addDays(saturday, 1),
    role: 'supervisor',
    venueId: home.json().id,
    startTime: '10:00',
    endTime: '11:00',
  });
  expect(visit.statusCode, visit.body).toBe(201);
});
afterAll(() => t.close());

describe('a calendar feed', () => {
  let url: string;

  it('is made once, its address shown then and only its hash kept', async () => {
    expect((await supervisor.get('/api/my/calendar-feed')).json()).toEqual({
      exists: false,
      createdAt: null,
      lastUsedAt: null,
    });
    const made = await supervisor.post('/api/my/calendar-feed');
    expect(made.statusCode, made.body).toBe(201);
    url = made.json().url;
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const token = /calendar\/(.+)\.ics$/.exec(url)![1]!;
    const stored = await t.database.db
      .select()
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, ids[DEMO.supervisor]!));
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    const status = (await supervisor.get('/api/my/calendar-feed')).json();
    expect(status).toMatchObject({ exists: true, lastUsedAt: null });
    expect(JSON.stringify(status)).not.toContain(token);
  });

  it('answers valid iCalendar, without signing in, with the shifts and supervised sessions', async () => {
    const response = await fetchFeed(url);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(response.headers['cache-control']).toBe('no-store');
    // Folded somewhere (the session's description is long), and every line within 75 octets.
    expect(response.body).toMatch(/\r\n [^\r\n]/);
    const calendar = readICalendar(response.body);
    const found = events(calendar);
    const summaries = found.map((e) => valueOf(e, 'SUMMARY'));
    expect(summaries).toEqual([
      'On the rota: supervisor',
      'Supervised contact — L.H. / M.H. — Garden room',
      'On the rota: supervisor',
    ]);
    const session = found[1]!;
    expect(valueOf(session, 'UID')).toBe(`session-${bookingId}@neutral-ground`);
    expect(valueOf(session, 'DTSTART')).toMatch(/^\d{8}T\d{6}Z$/);
    expect(valueOf(session, 'DESCRIPTION')).toBe(
      'Arrivals and departures:\nL.H. 13:45–16:15\nM.H. 14:00–16:00',
    );
    expect(valueOf(found[2]!, 'LOCATION')).toBe('A family’s home (Riverside Contact Centre)');
    expect(new Set(found.map((e) => valueOf(e, 'UID'))).size).toBe(3);
  });

  it('carries no family’s names, contact details, case reference or home', async () => {
    const body = (await fetchFeed(url)).body.replace(/\r\n /g, '');
    for (const secret of [
      'Laura',
      'Mark',
      'Ayo',
      'Hill',
      'example.org',
      '07700',
      'Quiet Close',
      'Station Road',
      family.reference,
      'RV26F00123',
    ]) {
      expect(body, secret).not.toContain(secret);
    }
  });

  it('notes when a calendar app last fetched it, in the audit trail too', async () => {
    const status = (await supervisor.get('/api/my/calendar-feed')).json();
    expect(status.lastUsedAt).not.toBeNull();
    const reads = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'calendar_feed.read'));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]).toMatchObject({
      actorUserId: ids[DEMO.supervisor],
      actorLabel: 'Grace Bell (calendar feed)',
    });
  });

  it('drops a session once it is cancelled', async () => {
    const cancelled = await coordinator.post(`/api/centres/${riverside}/bookings/${bookingId}/cancel`, {
      by: 'centre',
      reason: 'Supervisor unwell',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const calendar = readICalendar((await fetchFeed(url)).body);
    expect(events(calendar).map((e) => valueOf(e, 'SUMMARY'))).toEqual([
      'On the rota: supervisor',
      'On the rota: supervisor',
    ]);
  });

  it('a new feed replaces the old, whose address stops working', async () => {
    const again = await supervisor.post('/api/my/calendar-feed');
    expect(again.statusCode).toBe(201);
    expect(again.json().url).not.toBe(url);
    expect((await fetchFeed(url)).statusCode).toBe(404);
    expect((await fetchFeed(again.json().url)).statusCode).toBe(200);
    url = again.json().url;
  });

  it('turned off, it answers 404 at once, like an address that never existed', async () => {
    expect((await supervisor.delete('/api/my/calendar-feed')).statusCode).toBe(204);
    const revoked = await fetchFeed(url);
    expect(revoked.statusCode).toBe(404);
    const unknown = await t.anonymous().get(`/api/calendar/${'b'.repeat(43)}.ics`);
    expect(unknown.statusCode).toBe(404);
    expect(revoked.json()).toEqual(unknown.json());
    expect((await t.anonymous().get('/api/calendar/short.ics')).statusCode).toBe(404);
    expect((await supervisor.get('/api/my/calendar-feed')).json().exists).toBe(false);
    // Turning off when there is none is fine.
    expect((await supervisor.delete('/api/my/calendar-feed')).statusCode).toBe(204);
  });
});

describe('who may have a feed', () => {
  it('a volunteer may, and sees their shifts; an organisation administrator may not', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const made = await volunteer.post('/api/my/calendar-feed');
    expect(made.statusCode).toBe(201);
    const calendar = readICalendar((await fetchFeed(made.json().url)).body);
    expect(events(calendar)).toEqual([]);
    const admin = await t.as(DEMO.admin);
    for (const response of [
      await admin.get('/api/my/calendar-feed'),
      await admin.post('/api/my/calendar-feed'),
      await admin.delete('/api/my/calendar-feed'),
    ]) {
      expect(response.statusCode).toBe(403);
    }
    expect((await t.anonymous().post('/api/my/calendar-feed')).statusCode).toBe(401);
  });

  it('a disabled account’s feed stops', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const made = await volunteer.post('/api/my/calendar-feed');
    expect((await fetchFeed(made.json().url)).statusCode).toBe(200);
    await t.database.db.update(users).set({ status: 'disabled' }).where(eq(users.id, ids[DEMO.volunteer]!));
    expect((await fetchFeed(made.json().url)).statusCode).toBe(404);
  });
});
