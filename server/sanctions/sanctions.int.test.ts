/**
 * Sanctions through the API: a suspension cancels the family's booked sessions it covers (by the centre,
 * with its reason on the timetable) and tells the adults and the professionals by mail, with nothing of
 * the other side and no reason; while it holds, no session is booked or moved onto its days; lifting it
 * lets them be booked again. A suspension holding today and a revocation block readiness. Every refusal
 * and permission.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, bookingNotices, closures, users } from '../db/schema.js';
import { addDays, dayNumber, weekdayOfDay } from '../plans/recurrence.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { dayInWords } from '../notices/messages.js';
import { mailsTo, read } from '../notices/test-mail.js';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

const LAURA = { email: 'laura.hill@example.org', phone: '07700 900111', address: '3 Quiet Close' };
const MARK = { email: 'mark.hill@example.org', phone: '07700 900222', address: '18 Station Road' };
const PRIYA = 'priya.shah@example.org';
const REASON = 'Mark shouted at a volunteer in the car park';

let smtp: Smtp;
let t: TestApp;
let coordinator: Client;
let riverside: string;
let hillview: string;
let roomId: string;
let supervisorId: string;
let hills: ReadyCase;
let today: string;
let s1: string;
const booked: Record<string, string> = {};

function saturdayAfter(date: string): string {
  let day = addDays(date, 1);
  while (weekdayOfDay(dayNumber(day)) !== 6) day = addDays(day, 1);
  return day;
}

const casePath = () => `/api/centres/${riverside}/cases/${hills.caseId}`;
const sanctionsPath = () => `${casePath()}/sanctions`;

async function book(date: string) {
  return coordinator.post(`${casePath()}/bookings`, { date, roomId, supervisorUserId: supervisorId });
}

async function deliver() {
  while ((await t.worker.runDue()) > 0);
}

async function statusOf(date: string) {
  const list = await coordinator.get(
    `/api/centres/${riverside}/bookings?from=${date}&to=${date}&caseId=${hills.caseId}&includeCancelled=true`,
  );
  return (list.json().items as { status: string; cancellation: { by: string; reason: string } | null }[]).map(
    (b) => ({ status: b.status, by: b.cancellation?.by, reason: b.cancellation?.reason }),
  );
}

async function readiness() {
  return (await coordinator.get(`${casePath()}/readiness`)).json() as {
    ready: boolean;
    blockers: { code: string; message: string }[];
  };
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
  hillview = centres.find((c) => c.name.startsWith('Hillview'))!.id;
  const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
    id: string;
    usage: string;
  }[];
  roomId = rooms.find((room) => room.usage === 'private')!.id;
  today = localDay(new Date(), 'Europe/London');
  const staff = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  supervisorId = staff.find((u) => u.email === DEMO.supervisor)!.id;
  await makeStaffChecksCurrent(t.database.db);
  await t.database.db.delete(closures);
  hills = await readyCase(t, coordinator, riverside, { startsOn: today });
  const pro = await coordinator.post(`${casePath()}/professionals`, {
    role: 'solicitor',
    name: 'Priya Shah',
    email: PRIYA,
    actingForPersonId: hills.people.Mark,
  });
  expect(pro.statusCode, pro.body).toBe(201);
  s1 = saturdayAfter(addDays(today, 2));
  for (const week of [0, 7, 14, 21]) {
    const response = await book(addDays(s1, week));
    expect(response.statusCode, response.body).toBe(201);
    booked[addDays(s1, week)] = response.json().id;
  }
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

describe('who may sanction', () => {
  const body = () => ({
    kind: 'suspension',
    startsOn: addDays(s1, 7),
    endsOn: addDays(s1, 14),
    reason: REASON,
  });

  it('only those with sanctions:manage; another centre answers as if the case did not exist', async () => {
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.post(sanctionsPath(), body())).statusCode).toBe(403);
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.post(sanctionsPath(), body())).statusCode).toBe(403);
    expect((await volunteer.get(sanctionsPath())).statusCode).toBe(403);
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    expect((await hillviewCoordinator.post(sanctionsPath(), body())).statusCode).toBe(404);
    expect((await hillviewCoordinator.get(sanctionsPath())).statusCode).toBe(404);
    // A Hillview case asked for through Riverside.
    const sent = await t.anonymous().request({
      method: 'POST',
      url: '/api/referrals',
      payload: referralFor(hillview),
      remoteAddress: '10.7.0.1',
    });
    const accepted = await hillviewCoordinator.post(
      `/api/centres/${hillview}/referrals/${sent.json().referralId}/accept`,
    );
    const theirs = accepted.json().caseId as string;
    const elsewhere = await coordinator.post(`/api/centres/${riverside}/cases/${theirs}/sanctions`, body());
    expect(elsewhere.statusCode).toBe(404);
    expect((await coordinator.get(`/api/centres/${riverside}/cases/${theirs}/sanctions`)).statusCode).toBe(
      404,
    );
    // A supervisor reads the case's sanctions (case:read), and nothing was made.
    const list = await supervisor.get(sanctionsPath());
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toEqual([]);
  });

  it('refuses bad answers, naming the field', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ endsOn: undefined }, 'endsOn', 'Enter the last day of the suspension'],
      [{ endsOn: addDays(s1, 6) }, 'endsOn', 'The suspension must end on or after the day it starts'],
      [
        { kind: 'revocation' },
        'endsOn',
        'A revocation has no last day: leave it empty, and lift it if contact may start again',
      ],
      [{ reason: ' ' }, 'reason', 'Give the reason for the decision'],
      [
        { startsOn: addDays(today, -1), endsOn: today },
        'startsOn',
        `It cannot start before today (${spokenDay(today)})`,
      ],
      [{ personId: hills.people.Ayo }, 'personId', 'Choose an adult of this family'],
      [
        { incidentId: '00000000-0000-4000-8000-000000000009' },
        'incidentId',
        'Choose an incident of this family',
      ],
    ];
    for (const [change, field, message] of cases) {
      const response = await coordinator.post(sanctionsPath(), { ...body(), ...change });
      expect(response.statusCode, JSON.stringify(change)).toBe(400);
      expect(response.json().details).toContainEqual({ field, message });
    }
  });
});

describe('a suspension', () => {
  let sanctionId: string;

  it('cancels the sessions it covers, tells everyone once without the reason or the other side, and is audited', async () => {
    const mark = smtp.received.length;
    const from = addDays(s1, 7);
    const until = addDays(s1, 14);
    const made = await coordinator.post(sanctionsPath(), {
      kind: 'suspension',
      startsOn: from,
      endsOn: until,
      reason: REASON,
      personId: hills.people.Mark,
    });
    expect(made.statusCode, made.body).toBe(201);
    const outcome = made.json();
    sanctionId = outcome.sanction.id;
    expect(outcome.sanction).toMatchObject({
      kind: 'suspension',
      status: 'scheduled',
      startsOn: from,
      endsOn: until,
      reason: REASON,
      person: { id: hills.people.Mark, name: 'Mark Hill' },
      createdBy: expect.any(String),
    });
    expect(outcome.cancelledSessions.map((s: { date: string }) => s.date)).toEqual([from, until]);
    expect(outcome.told).toEqual({ adults: ['Laura Hill', 'Mark Hill'], professionals: 1, withoutEmail: [] });

    expect(await statusOf(s1)).toEqual([{ status: 'booked', by: undefined, reason: undefined }]);
    expect(await statusOf(addDays(s1, 21))).toEqual([{ status: 'booked', by: undefined, reason: undefined }]);
    expect(await statusOf(from)).toEqual([
      { status: 'cancelled', by: 'centre', reason: `Contact suspended until ${spokenDay(until)}: ${REASON}` },
    ]);

    await deliver();
    for (const address of [LAURA.email, MARK.email, PRIYA]) {
      const mails = mailsTo(smtp.received.slice(mark), address);
      expect(mails, address).toHaveLength(1);
      const [mail] = mails;
      expect(mail!.subject).toBe(
        `Contact at Riverside Contact Centre is suspended until ${dayInWords(until)}`,
      );
      expect(mail!.body).toContain('These sessions are cancelled:');
      expect(mail!.body).not.toMatch(/shouted|car park|volunteer/);
    }
    for (const mail of smtp.received.slice(mark).map(read)) {
      const theirs = mail.to.includes(LAURA.email) ? MARK : mail.to.includes(MARK.email) ? LAURA : LAURA;
      for (const detail of [theirs.email, theirs.phone, theirs.address])
        expect(mail.body).not.toContain(detail);
    }
    const notices = await t.database.db
      .select()
      .from(bookingNotices)
      .where(eq(bookingNotices.kind, 'sanction'));
    expect(notices).toHaveLength(6);
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'sanction.created'), eq(auditEvents.resourceId, sanctionId)));
    expect(audit!.detail).toMatchObject({ caseId: hills.caseId, kind: 'suspension', sessionsCancelled: 2 });
    expect(JSON.stringify(audit!.detail)).not.toContain('shouted');
  });

  it('stops sessions on its days: booking or moving onto one is refused with the sentence', async () => {
    expect((await readiness()).ready).toBe(true);
    const refused = await book(addDays(s1, 7));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({
      code: 'sanctioned',
      message: `This family’s contact is suspended until ${spokenDay(addDays(s1, 14))}: choose a day after that, or lift the suspension first.`,
    });
    const moved = await coordinator.patch(`/api/centres/${riverside}/bookings/${booked[s1]}`, {
      date: addDays(s1, 14),
    });
    expect(moved.statusCode).toBe(422);
    expect(moved.json().code).toBe('sanctioned');
  });

  it('refuses a second suspension over the same days', async () => {
    const again = await coordinator.post(sanctionsPath(), {
      kind: 'suspension',
      startsOn: addDays(s1, 10),
      endsOn: addDays(s1, 20),
      reason: 'Again',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('sanction_clash');
  });

  it('is lifted with a reason; everyone is told, and its days can be booked again', async () => {
    const mark = smtp.received.length;
    const lifted = await coordinator.post(`${sanctionsPath()}/${sanctionId}/lift`, {
      reason: 'Agreed at the review meeting',
    });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json().sanction).toMatchObject({
      status: 'lifted',
      liftReason: 'Agreed at the review meeting',
      liftedBy: expect.any(String),
    });
    // The two sessions it called off are offered again, in their room, at their time, with their supervisor.
    expect(lifted.json().toBookAgain).toEqual(
      [addDays(s1, 7), addDays(s1, 14)].map((date) => ({
        date,
        startTime: '10:00',
        roomId,
        roomName: expect.any(String),
        supervisorUserId: supervisorId,
      })),
    );
    await deliver();
    const [toLaura] = mailsTo(smtp.received.slice(mark), LAURA.email);
    expect(toLaura!.subject).toBe('Contact at Riverside Contact Centre: the suspension is lifted');
    expect(toLaura!.body).not.toContain('review meeting');
    expect(mailsTo(smtp.received.slice(mark), PRIYA)).toHaveLength(1);
    const twice = await coordinator.post(`${sanctionsPath()}/${sanctionId}/lift`, { reason: 'Again' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toMatch(/^This suspension was lifted on /);
    const offered = lifted.json().toBookAgain[0];
    const rebooked = await coordinator.post(`${casePath()}/bookings`, {
      date: offered.date,
      startTime: offered.startTime,
      roomId: offered.roomId,
      supervisorUserId: offered.supervisorUserId,
    });
    expect(rebooked.statusCode, rebooked.body).toBe(201);
    expect(rebooked.json().source).toBe('plan');
    const missing = await coordinator.post(`${sanctionsPath()}/00000000-0000-4000-8000-000000000009/lift`, {
      reason: 'x',
    });
    expect(missing.statusCode).toBe(404);
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.post(`${sanctionsPath()}/${sanctionId}/lift`, { reason: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('holding today, it blocks the case’s readiness, so nothing is booked until it ends or is lifted', async () => {
    const made = await coordinator.post(sanctionsPath(), {
      kind: 'suspension',
      startsOn: today,
      endsOn: addDays(today, 1),
      reason: 'A cooling-off day after the incident',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().cancelledSessions).toEqual([]);
    const state = await readiness();
    expect(state.ready).toBe(false);
    expect(state.blockers).toEqual([
      {
        code: 'contact_suspended',
        message: `The family’s contact is suspended until ${spokenDay(addDays(today, 1))}.`,
      },
    ]);
    const refused = await book(addDays(s1, 28));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('not_ready');
    const list = (await coordinator.get(sanctionsPath())).json().items as { id: string; status: string }[];
    expect(list.map((s) => s.status)).toEqual(['in_force', 'lifted']);
    const lifted = await coordinator.post(`${sanctionsPath()}/${made.json().sanction.id}/lift`, {
      reason: 'Spoke to both parents',
    });
    expect(lifted.statusCode).toBe(200);
    expect((await readiness()).ready).toBe(true);
  });
});

describe('a revocation', () => {
  it('cancels every session from its first day, blocks readiness, and refuses any other sanction', async () => {
    const made = await coordinator.post(sanctionsPath(), {
      kind: 'revocation',
      startsOn: today,
      reason: REASON,
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().cancelledSessions.map((s: { date: string }) => s.date)).toEqual([
      s1,
      addDays(s1, 7),
      addDays(s1, 21),
    ]);
    expect((await readiness()).blockers).toEqual([
      { code: 'contact_revoked', message: `The family’s contact was revoked from ${spokenDay(today)}.` },
    ]);
    const suspension = await coordinator.post(sanctionsPath(), {
      kind: 'suspension',
      startsOn: addDays(today, 30),
      endsOn: addDays(today, 40),
      reason: 'More',
    });
    expect(suspension.statusCode).toBe(409);
    expect(suspension.json().message).toMatch(/^This family’s contact is already revoked from /);
    const lifted = await coordinator.post(`${sanctionsPath()}/${made.json().sanction.id}/lift`, {
      reason: 'Decision withdrawn on appeal',
    });
    expect(lifted.statusCode).toBe(200);
    expect((await readiness()).ready).toBe(true);
  });

  it('a closed case takes no sanction', async () => {
    const closed = await coordinator.post(`${casePath()}/close`, { outcome: 'ended_by_centre' });
    expect(closed.statusCode, closed.body).toBe(200);
    const refused = await coordinator.post(sanctionsPath(), {
      kind: 'revocation',
      startsOn: today,
      reason: REASON,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().message).toBe('This case is closed.');
  });
});
