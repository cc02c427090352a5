/**
 * Notices through a real SMTP server on loopback, read as they arrived: a cancellation tells the other
 * party and the professionals, once each, in neutral words and with nothing of the other side; a move
 * tells everyone their own new times; reminders go to each attending adult once however often (and
 * however concurrently) the job runs, never for a cancelled session, as the centre's setting says. Then
 * attendance per adult and recording no-shows, with every refusal.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../access/actor.js';
import {
  auditEvents,
  bookingNotices,
  bookingPeople,
  bookings,
  closures,
  jobs,
  outboxMessages,
  users,
} from '../db/schema.js';
import { addDays, dayNumber, localReading, weekdayOfDay } from '../plans/recurrence.js';
import { localDay } from '../platform/local-time.js';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { noticeOfCancellation, REMINDER_JOB, sendReminders } from './service.js';
import { mailsTo, read, type ReadMail } from './test-mail.js';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

const ZONE = 'Europe/London';
const LAURA = { email: 'laura.hill@example.org', phone: '07700 900111', address: '3 Quiet Close' };
const MARK = { email: 'mark.hill@example.org', phone: '07700 900222', address: '18 Station Road' };
const PRIYA = 'priya.shah@example.org'; // Mark's solicitor
const SAM = 'sam.okafor@example.org'; // court officer, for the children
const OLD = 'old.solicitor@example.org'; // Laura's former solicitor: no longer involved

let smtp: Smtp;
let t: TestApp;
let coordinator: Client;
let riverside: string;
let roomIds: string[];
let supervisorId: string;
let actor: Actor;
let hills: ReadyCase;
let s1: string;

const today = () => localDay(new Date(), ZONE);
function saturdayAfter(date: string): string {
  let day = addDays(date, 1);
  while (weekdayOfDay(dayNumber(day)) !== 6) day = addDays(day, 1);
  return day;
}

const casePath = () => `/api/centres/${riverside}/cases/${hills.caseId}`;
const bookingPath = (id: string) => `/api/centres/${riverside}/bookings/${id}`;

async function book(date: string, extra: Record<string, unknown> = {}) {
  const response = await coordinator.post(`${casePath()}/bookings`, {
    date,
    roomId: roomIds[0],
    supervisorUserId: supervisorId,
    ...extra,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; startsAt: string };
}

/** Sends everything waiting in the outbox to the SMTP server. */
async function deliver() {
  while ((await t.worker.runDue()) > 0);
}

/** What arrived since `mark`, for each address. */
function since(mark: number, address: string): ReadMail[] {
  return mailsTo(smtp.received.slice(mark), address);
}

/** The other side's details never appear in a message to this address. */
function expectNothingOfTheOtherSide(mail: ReadMail) {
  const text = `${mail.subject}\n${mail.body}`;
  const theirs = mail.to.includes(LAURA.email)
    ? [MARK]
    : mail.to.includes(MARK.email) || mail.to.includes(PRIYA)
      ? [LAURA]
      : [LAURA, MARK];
  for (const side of theirs) {
    expect(text).not.toContain(side.email);
    expect(text).not.toContain(side.phone);
    expect(text).not.toContain(side.address);
  }
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await testApp({ config: { smtpUrl: smtp.url, mailFrom: 'Riverside <no-reply@example.org>' } });
  coordinator = await t.as(DEMO.coordinator);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  roomIds = (
    (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as { id: string; usage: string }[]
  )
    .filter((room) => room.usage === 'private')
    .map((room) => room.id);
  const staff = await t.database.db
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users);
  supervisorId = staff.find((u) => u.email === DEMO.supervisor)!.id;
  const me = staff.find((u) => u.email === DEMO.coordinator)!;
  actor = {
    meta: { requestId: 'test', clientAddress: null },
    userId: me.id,
    organisationId: me.organisationId,
    displayName: 'Test',
    organisationRoles: [],
    centreRoles: new Map(),
    organisationCentreIds: [],
  };
  await makeStaffChecksCurrent(t.database.db);
  // The demo's Christmas closure would refuse sessions booked in late December: these tests are about
  // notices, whenever they run.
  await t.database.db.delete(closures);
  hills = await readyCase(t, coordinator, riverside, { startsOn: today() });
  s1 = saturdayAfter(addDays(today(), 2));
  const addProfessional = async (body: Record<string, unknown>) => {
    const response = await coordinator.post(`${casePath()}/professionals`, body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { professionals: { id: string; name: string }[] };
  };
  await addProfessional({
    role: 'solicitor',
    name: 'Priya Shah',
    email: PRIYA,
    actingForPersonId: hills.people.Mark,
  });
  await addProfessional({ role: 'court_officer', name: 'Sam Okafor', email: SAM, actingForPersonId: null });
  await addProfessional({ role: 'social_worker', name: 'Jo Nomail', actingForPersonId: hills.people.Laura });
  const file = await addProfessional({
    role: 'solicitor',
    name: 'Old Solicitor',
    email: OLD,
    actingForPersonId: hills.people.Laura,
  });
  const old = file.professionals.find((p) => p.name === 'Old Solicitor')!;
  expect((await coordinator.post(`${casePath()}/professionals/${old.id}/end`)).statusCode).toBe(200);
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('cancelling a session', () => {
  let cancelledId: string;

  it('a parent cancels: the other parent and the professionals are told, in neutral words, nothing of the other side', async () => {
    const mark = smtp.received.length;
    const booking = await book(s1);
    cancelledId = booking.id;
    const cancelled = await coordinator.post(`${bookingPath(booking.id)}/cancel`, {
      by: 'party',
      personId: hills.people.Mark,
      reason: 'Mark is working at 12 Secret Lane that day',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await deliver();

    const toLaura = since(mark, LAURA.email);
    expect(toLaura).toHaveLength(1);
    expect(toLaura[0]!.subject).toMatch(/^Session cancelled: Saturday /);
    expect(toLaura[0]!.body).toContain('Dear Laura,');
    expect(toLaura[0]!.body).toContain(
      '(you were due to arrive at 09:45) has been cancelled by the other parent.',
    );
    expect(toLaura[0]!.body).not.toMatch(/Mark|Secret Lane|working/);
    expect(since(mark, MARK.email)).toHaveLength(0);

    const toPriya = since(mark, PRIYA);
    expect(toPriya).toHaveLength(1);
    expect(toPriya[0]!.body).toContain(`for Ayo (case ${hills.reference})`);
    expect(toPriya[0]!.body).toContain('10:00 to 12:00, has been cancelled by your client.');
    const toSam = since(mark, SAM);
    expect(toSam).toHaveLength(1);
    expect(toSam[0]!.body).toContain('has been cancelled by the non-resident parent.');
    expect(since(mark, OLD)).toHaveLength(0);

    for (const mail of smtp.received.slice(mark).map(read)) {
      expectNothingOfTheOtherSide(mail);
      expect(mail.body).not.toContain('Secret Lane');
    }
    const rows = await t.database.db
      .select({ recipientId: bookingNotices.recipientId })
      .from(bookingNotices)
      .where(and(eq(bookingNotices.bookingId, booking.id), eq(bookingNotices.kind, 'cancellation')));
    expect(rows).toHaveLength(3);
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'notice.sent'), eq(auditEvents.resourceId, hills.caseId)));
    expect(audit!.detail).toMatchObject({
      kind: 'cancellation',
      adults: 1,
      professionals: 2,
      withoutEmail: 0,
    });
  });

  it('a second attempt at the same notice sends nothing again', async () => {
    const before = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages))[0]!.n;
    const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, cancelledId));
    const told = await t.database.db.transaction((tx) =>
      noticeOfCancellation(tx, actor, row!, { by: 'party', personId: hills.people.Mark! }),
    );
    expect(told).toMatchObject({ adults: [], professionals: 0 });
    const after = (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages))[0]!.n;
    expect(after).toBe(before);
  });

  it('the centre cancels: every adult is told it was the centre', async () => {
    const mark = smtp.received.length;
    const booking = await book(addDays(s1, 7));
    const cancelled = await coordinator.post(`${bookingPath(booking.id)}/cancel`, {
      by: 'centre',
      reason: 'The heating has failed',
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await deliver();
    for (const address of [LAURA.email, MARK.email]) {
      const mails = since(mark, address);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.body).toContain('has been cancelled by the centre.');
      expect(mails[0]!.body).not.toContain('heating');
    }
    expect(since(mark, MARK.email)[0]!.body).toContain('(you were due to arrive at 10:00)');
    for (const mail of smtp.received.slice(mark).map(read)) expectNothingOfTheOtherSide(mail);
  });
});

describe('moving a session', () => {
  let movedId: string;

  it('tells each adult their own new times only, and the professionals the session’s', async () => {
    const booking = await book(addDays(s1, 14));
    movedId = booking.id;
    const mark = smtp.received.length;
    const moved = await coordinator.patch(bookingPath(booking.id), { date: addDays(s1, 21) });
    expect(moved.statusCode, moved.body).toBe(200);
    await deliver();
    const [toLaura] = since(mark, LAURA.email);
    expect(toLaura!.subject).toMatch(/^Session moved: now Saturday .*, 09:45$/);
    expect(toLaura!.body).toContain('Please arrive at 09:45 and leave at 12:15.');
    expect(toLaura!.body).toContain('Please bring Ayo with you.');
    // Mark's times (10:00 and 12:00) are his own: Laura never reads them.
    expect(toLaura!.body).not.toMatch(/10:00|12:00/);
    const [toMark] = since(mark, MARK.email);
    expect(toMark!.body).toContain('Please arrive at 10:00 and leave at 12:00.');
    expect(toMark!.body).not.toMatch(/09:45|12:15|Please bring/);
    expect(since(mark, PRIYA)[0]!.body).toContain('10:00 to 12:00');
    expect(since(mark, SAM)).toHaveLength(1);
    for (const mail of smtp.received.slice(mark).map(read)) expectNothingOfTheOtherSide(mail);
  });

  it('a change of room alone tells nobody; a second move is told again', async () => {
    let mark = smtp.received.length;
    const room = await coordinator.patch(bookingPath(movedId), { roomId: roomIds[1] });
    expect(room.statusCode, room.body).toBe(200);
    await deliver();
    expect(smtp.received.length).toBe(mark);
    mark = smtp.received.length;
    const again = await coordinator.patch(bookingPath(movedId), { date: addDays(s1, 28) });
    expect(again.statusCode, again.body).toBe(200);
    await deliver();
    expect(since(mark, LAURA.email)).toHaveLength(1);
    expect(since(mark, MARK.email)).toHaveLength(1);
  });
});

describe('reminders', () => {
  const remind = () => sendReminders(t.database.db)({ id: 0, kind: REMINDER_JOB, payload: {}, attempts: 1 });
  let remindedId: string;
  let cancelledId: string;

  it('the centre sets how many days before (0 to 14)', async () => {
    const bad = await coordinator.patch(`/api/centres/${riverside}/settings`, { reminderDaysBefore: 15 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toEqual({
      field: 'reminderDaysBefore',
      message: 'Enter a number of days from 0 to 14',
    });
    const good = await coordinator.patch(`/api/centres/${riverside}/settings`, { reminderDaysBefore: 14 });
    expect(good.statusCode).toBe(200);
    expect(good.json().reminderDaysBefore).toBe(14);
    expect((await coordinator.get(`/api/centres/${riverside}/settings`)).json().reminderDaysBefore).toBe(14);
  });

  it('reminds each attending adult once, even when the job runs twice at once', async () => {
    remindedId = (await book(s1)).id;
    cancelledId = (await book(addDays(s1, 7))).id;
    expect(
      (
        await coordinator.post(`${bookingPath(cancelledId)}/cancel`, {
          by: 'centre',
          reason: 'Staff training',
        })
      ).statusCode,
    ).toBe(200);
    await deliver();
    const mark = smtp.received.length;
    await Promise.all([remind(), remind()]);
    await remind();
    await deliver();
    const toLaura = since(mark, LAURA.email);
    const toMark = since(mark, MARK.email);
    expect(toLaura).toHaveLength(1);
    expect(toMark).toHaveLength(1);
    // Professionals are not reminded; the cancelled session and the one beyond 14 days are not either.
    expect(since(mark, PRIYA)).toHaveLength(0);
    const rows = await t.database.db
      .select({ bookingId: bookingNotices.bookingId })
      .from(bookingNotices)
      .where(eq(bookingNotices.kind, 'reminder'));
    expect(rows.map((r) => r.bookingId)).toEqual([remindedId, remindedId]);
  });

  it('says each adult’s own times, the place and what to bring, with no detail of the other side', async () => {
    const [toLaura] = mailsTo(smtp.received, LAURA.email).filter((m) => m.subject.startsWith('Reminder:'));
    expect(toLaura!.subject).toMatch(/^Reminder: your contact session on Saturday .*, 09:45$/);
    expect(toLaura!.body).toContain('Please arrive at 09:45 and leave at 12:15.');
    expect(toLaura!.body).toContain('Please bring Ayo with you.');
    expect(toLaura!.body).toMatch(/Where: .+\(.+\)/);
    expect(toLaura!.body).toContain('You may bring a small gift.');
    expect(toLaura!.body).toContain('Please do not take photographs.');
    expect(toLaura!.body).toContain('Recordings of any kind are not allowed.');
    // Her own phone, for the day; never his.
    expect(toLaura!.body).toContain(`we will call ${LAURA.phone}.`);
    expect(toLaura!.body).not.toMatch(/10:00|12:00/);
    expectNothingOfTheOtherSide(toLaura!);
    const [toMark] = mailsTo(smtp.received, MARK.email).filter((m) => m.subject.startsWith('Reminder:'));
    expect(toMark!.body).toContain('Please arrive at 10:00 and leave at 12:00.');
    expect(toMark!.body).toContain(`we will call ${MARK.phone}.`);
    expect(toMark!.body).not.toMatch(/09:45|12:15|Ayo/);
    expectNothingOfTheOtherSide(toMark!);
  });

  it('sends none while the setting is 0, and catches up when it is set again', async () => {
    await coordinator.patch(`/api/centres/${riverside}/settings`, { reminderDaysBefore: 0 });
    const later = await book(s1, { startTime: '14:00' });
    const mark = smtp.received.length;
    await remind();
    await deliver();
    expect(smtp.received.length).toBe(mark);
    await coordinator.patch(`/api/centres/${riverside}/settings`, { reminderDaysBefore: 14 });
    await remind();
    await deliver();
    expect(since(mark, LAURA.email)).toHaveLength(1);
    const rows = await t.database.db
      .select()
      .from(bookingNotices)
      .where(and(eq(bookingNotices.bookingId, later.id), eq(bookingNotices.kind, 'reminder')));
    expect(rows).toHaveLength(2);
  });

  it('is a recurring job: one run waits at a time, whoever schedules it', async () => {
    await t.worker.scheduleRecurring();
    await t.worker.scheduleRecurring();
    const waiting = await t.database.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(and(eq(jobs.kind, REMINDER_JOB), sql`${jobs.doneAt} is null`));
    expect(waiting).toHaveLength(1);
  });
});

describe('attendance and no-shows', () => {
  let startedId: string;
  let futureId: string;
  const noShow = (client: Client, bookingId: string, personId: string) =>
    client.post(`/api/centres/${riverside}/roster/${bookingId}/people/${personId}/no-show`);

  /** Moves a booked session to today, started ten minutes ago, keeping its staggered times. */
  async function startItNow(id: string) {
    const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, id));
    const start = new Date(Date.now() - 10 * 60_000);
    const shift = start.getTime() - row!.startsAt.getTime();
    await t.database.db
      .update(bookings)
      .set({ localDate: today(), startsAt: start, endsAt: new Date(row!.endsAt.getTime() + shift) })
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
    startedId = (await book(addDays(s1, 35))).id;
    futureId = (await book(addDays(s1, 42))).id;
    await startItNow(startedId);
  });

  it('records that an adult did not come, once, and only an adult who did not arrive', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const arrived = await volunteer.post(
      `/api/centres/${riverside}/roster/${startedId}/people/${hills.people.Laura}/arrive`,
      {},
    );
    expect(arrived.statusCode, arrived.body).toBe(200);
    const came = await noShow(coordinator, startedId, hills.people.Laura!);
    expect(came.statusCode).toBe(409);
    expect(came.json().message).toMatch(/^Laura was checked in at \d\d:\d\d\.$/);
    const child = await noShow(coordinator, startedId, hills.people.Ayo!);
    expect(child.statusCode).toBe(422);
    expect(child.json().message).toBe('Record the adult who did not come: Ayo comes with an adult.');
    const recorded = await noShow(volunteer, startedId, hills.people.Mark!);
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json().noShowRecordedAt).not.toBeNull();
    const twice = await noShow(coordinator, startedId, hills.people.Mark!);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('Mark is already recorded as not coming.');
  });

  it('refuses before the planned arrival, on a cancelled session, and for someone not in it', async () => {
    const early = await noShow(coordinator, futureId, hills.people.Mark!);
    expect(early.statusCode).toBe(422);
    expect(early.json().message).toMatch(
      /^Mark is not due until 10:00 on Saturday \d+ \w+ \d{4}: record that they did not come after that\.$/,
    );
    const [cancelled] = await t.database.db
      .select({ id: bookings.id })
      .from(bookings)
      .where(and(eq(bookings.caseId, hills.caseId), eq(bookings.status, 'cancelled')))
      .limit(1);
    const onCancelled = await noShow(coordinator, cancelled!.id, hills.people.Mark!);
    expect(onCancelled.statusCode).toBe(409);
    expect(onCancelled.json().message).toBe(
      'This session was cancelled, so nobody can be recorded as not coming.',
    );
    const stranger = await noShow(coordinator, startedId, '00000000-0000-4000-8000-000000000009');
    expect(stranger.statusCode).toBe(404);
  });

  it('counts per adult: sessions attended, late arrivals, cancellations (late ones) and no-shows', async () => {
    // A late cancellation: Laura calls off a session a few hours away (clear of the one under way, and
    // at 06:00 or later, when sessions may start).
    const quarter = 15 * 60_000;
    const soon = new Date(Math.ceil((Date.now() + 150 * 60_000) / quarter) * quarter);
    const reading = localReading(soon, ZONE);
    const added = await book(reading.date, { startTime: reading.time < '06:00' ? '06:00' : reading.time });
    const late = await coordinator.post(`${bookingPath(added.id)}/cancel`, {
      by: 'party',
      personId: hills.people.Laura,
      reason: 'Ill',
    });
    expect(late.statusCode, late.body).toBe(200);

    const response = await coordinator.get(`${casePath()}/attendance`);
    expect(response.statusCode, response.body).toBe(200);
    const view = response.json();
    expect(view.lateNoticeHours).toBe(24);
    const byName = Object.fromEntries(
      view.adults.map((a: { firstName: string }) => [a.firstName, a]),
    ) as Record<string, Record<string, unknown>>;
    expect(byName.Laura).toMatchObject({
      attended: 1,
      lateArrivals: 1,
      cancellations: 1,
      lateCancellations: 1,
      noShows: 0,
    });
    expect(byName.Mark).toMatchObject({
      attended: 0,
      lateArrivals: 0,
      cancellations: 1,
      lateCancellations: 0,
      noShows: 1,
    });
    expect(view.cancelledByCentre).toBeGreaterThanOrEqual(2);
    const [session] = view.recentSessions;
    expect(session.bookingId).toBe(startedId);
    const statuses = Object.fromEntries(
      session.people.map((p: { firstName: string; status: string }) => [p.firstName, p.status]),
    );
    expect(statuses).toEqual({ Laura: 'arrived', Mark: 'no_show' });
    expect(JSON.stringify(view)).not.toMatch(/example\.org|07700|Quiet Close|Station Road/);
  });

  it('undoes a no-show recorded by mistake', async () => {
    const path = `/api/centres/${riverside}/roster/${startedId}/people/${hills.people.Mark}/no-show`;
    const undone = await coordinator.delete(path);
    expect(undone.statusCode, undone.body).toBe(200);
    expect(undone.json().noShowRecordedAt).toBeNull();
    const again = await coordinator.delete(path);
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('Mark is not recorded as not coming.');
    const view = (await coordinator.get(`${casePath()}/attendance`)).json();
    expect(view.adults.find((a: { firstName: string }) => a.firstName === 'Mark').noShows).toBe(0);
  });

  it('someone recorded as not coming who turns up late is checked in, and is no longer a no-show', async () => {
    const base = `/api/centres/${riverside}/roster/${startedId}/people/${hills.people.Mark}`;
    expect((await coordinator.post(`${base}/no-show`)).statusCode).toBe(200);
    const arrived = await coordinator.post(`${base}/arrive`, {});
    expect(arrived.statusCode, arrived.body).toBe(200);
    const view = (await coordinator.get(`${casePath()}/attendance`)).json();
    expect(view.adults.find((a: { firstName: string }) => a.firstName === 'Mark').noShows).toBe(0);
  });

  it('refuses those without the permission, and another centre alike with 404', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(`${casePath()}/attendance`)).statusCode).toBe(403);
    const hillview = await t.as(DEMO.hillviewCoordinator);
    expect((await hillview.get(`${casePath()}/attendance`)).statusCode).toBe(404);
    expect((await noShow(hillview, startedId, hills.people.Mark!)).statusCode).toBe(404);
    const admin = await t.as(DEMO.admin);
    expect((await noShow(admin, startedId, hills.people.Mark!)).statusCode).toBe(403);
    const missing = await coordinator.get(
      `/api/centres/${riverside}/cases/00000000-0000-4000-8000-000000000009/attendance`,
    );
    expect(missing.statusCode).toBe(404);
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.get(`${casePath()}/attendance`)).statusCode).toBe(200);
  });
});
