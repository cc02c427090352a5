/**
 * Session records through the API, on a real database: observation records of supervised contact (by the
 * session's supervisor or a coordinator, once it has started; corrections as new records), incidents
 * recorded from the roster by a volunteer who cannot read them back, follow-ups marked done, indirect
 * contact items through their steps in order; every refusal, another centre's records, the closed case,
 * and the audit trail.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { hashPassword } from '../accounts/secrets.js';
import { createAccount } from '../accounts/staff.js';
import { auditEvents, bookingPeople, bookings, indirectItems, users } from '../db/schema.js';
import { databaseErrorOf } from '../platform/database.js';
import { localDay } from '../platform/local-time.js';
import { makeStaffChecksCurrent } from '../test-support/staff.js';
import { DEMO, testApp, totpCodeFor, type Client, type TestApp } from '../test-support/app.js';
import { readyCase, type ReadyCase } from '../test-support/ready-case.js';

let t: TestApp;
let coordinator: Client;
let supervisor: Client;
let volunteer: Client;
let safeguarding: Client;
let hillviewCoordinator: Client;
let riverside: string;
let hillview: string;
let hills: ReadyCase;
let patels: ReadyCase;
/** The Hills' supervised session, started ten minutes ago; the next one (not started); one cancelled. */
let started: string;
let future: string;
let cancelled: string;
/** The Patels' supported session, started ten minutes ago. */
let supported: string;
let coordinatorId: string;
let supervisorId: string;

const LONDON = 'Europe/London';
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A Saturday at least three days away, with the two after it clear of the demo's Christmas closure. */
function firstSaturday(): string {
  const clear = (date: string) => date.slice(5) < '12-24' && date.slice(5) > '01-02';
  let day = addDays(localDay(new Date(), LONDON), 3);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
  while (![0, 7, 14].every((d) => clear(addDays(day, d)))) day = addDays(day, 7);
  return day;
}

/** Moves a booked session to today, started ten minutes ago, keeping its staggered times. */
async function startItNow(id: string) {
  const [row] = await t.database.db.select().from(bookings).where(eq(bookings.id, id));
  const start = new Date(Date.now() - 10 * 60_000);
  const shift = start.getTime() - row!.startsAt.getTime();
  await t.database.db
    .update(bookings)
    .set({
      localDate: localDay(new Date(), LONDON),
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

const observationsOf = (bookingId: string) => `/api/centres/${riverside}/bookings/${bookingId}/observations`;
const incidentsAt = (bookingId: string) => `/api/centres/${riverside}/bookings/${bookingId}/incidents`;
const caseRecords = (caseId: string, what: string) => `/api/centres/${riverside}/cases/${caseId}/${what}`;
const item = (itemId: string, step: string) => `/api/centres/${riverside}/indirect-items/${itemId}/${step}`;

async function audited(action: string, outcome: 'success' | 'refused' = 'success') {
  return t.database.db
    .select({
      detail: auditEvents.detail,
      resourceId: auditEvents.resourceId,
      actorLabel: auditEvents.actorLabel,
    })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.outcome, outcome)));
}

async function auditCount(): Promise<number> {
  const [row] = await t.database.db.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
  return Number(row!.count);
}

beforeAll(async () => {
  t = await testApp();
  coordinator = await t.as(DEMO.coordinator);
  supervisor = await t.as(DEMO.supervisor);
  volunteer = await t.as(DEMO.volunteer);
  safeguarding = await t.as(DEMO.safeguarding);
  hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  hillview = centres.find((c) => c.name.startsWith('Hillview'))!.id;
  const staff = await t.database.db.select({ id: users.id, email: users.email }).from(users);
  await makeStaffChecksCurrent(t.database.db);
  coordinatorId = staff.find((u) => u.email === DEMO.coordinator)!.id;
  supervisorId = staff.find((u) => u.email === DEMO.supervisor)!.id;

  const saturday = firstSaturday();
  hills = await readyCase(t, coordinator, riverside, { startsOn: saturday });
  patels = await readyCase(t, coordinator, riverside, {
    family: { resident: 'Nadia', other: 'Tom', child: 'Zara', surname: 'Patel' },
    serviceType: 'supported',
    startsOn: saturday,
  });
  const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
    id: string;
    name: string;
  }[];
  const room = (name: string) => rooms.find((r) => r.name === name)!.id;
  const book = async (caseId: string, date: string, roomName: string, supervisorUserId: string | null) => {
    const booked = await coordinator.post(`/api/centres/${riverside}/cases/${caseId}/bookings`, {
      date,
      roomId: room(roomName),
      supervisorUserId,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    return booked.json().id as string;
  };
  started = await book(hills.caseId, saturday, 'Garden room', supervisorId);
  future = await book(hills.caseId, addDays(saturday, 7), 'Garden room', supervisorId);
  cancelled = await book(hills.caseId, addDays(saturday, 14), 'Garden room', supervisorId);
  supported = await book(patels.caseId, saturday, 'Main hall', null);
  const cancel = await coordinator.post(`/api/centres/${riverside}/bookings/${cancelled}/cancel`, {
    by: 'centre',
    reason: 'Heating broken',
  });
  expect(cancel.statusCode, cancel.body).toBe(200);
  await startItNow(started);
  await startItNow(supported);
});
afterAll(() => t.close());

describe('observation records', () => {
  let firstId: string;

  it('the session’s supervisor writes one once the session has started', async () => {
    const written = await supervisor.post(observationsOf(started), {
      notes: '  Mark arrived on time and played a board game with Ayo. Warm and calm throughout.  ',
    });
    expect(written.statusCode, written.body).toBe(201);
    const record = written.json();
    firstId = record.id;
    expect(record).toMatchObject({
      caseId: hills.caseId,
      session: { bookingId: started, serviceType: 'supervised' },
      notes: 'Mark arrived on time and played a board game with Ayo. Warm and calm throughout.',
      correctsId: null,
      correctedById: null,
      writtenBy: 'Grace Bell',
    });
    expect(record.session.date).toBe(localDay(new Date(), LONDON));
    const events = await audited('observation.written');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ resourceId: started, actorLabel: 'Grace Bell' });
    expect(JSON.stringify(events[0]!.detail)).not.toContain('board game');
  });

  it('a coordinator writes one too', async () => {
    const written = await coordinator.post(observationsOf(started), {
      notes: 'Looked in at 10:30: all well.',
    });
    expect(written.statusCode, written.body).toBe(201);
    expect(written.json().writtenBy).toBe('Priya Shah');
  });

  it('a correction is a new record naming the one it corrects; the old one stays readable', async () => {
    const corrected = await supervisor.post(observationsOf(started), {
      notes: 'Mark arrived five minutes late and played a board game with Ayo. Warm and calm throughout.',
      correctsId: firstId,
    });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().correctsId).toBe(firstId);
    const list = (await coordinator.get(observationsOf(started))).json().items as {
      id: string;
      notes: string;
      correctedById: string | null;
      correctsId: string | null;
    }[];
    expect(list).toHaveLength(3);
    const first = list.find((r) => r.id === firstId)!;
    expect(first.notes).toContain('arrived on time');
    expect(first.correctedById).toBe(corrected.json().id);

    const again = await supervisor.post(observationsOf(started), {
      notes: 'Another go.',
      correctsId: firstId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'already_corrected',
      message: 'That record has already been corrected: correct its latest version instead.',
    });
  });

  it('a correction must name a record of the same session', async () => {
    const other = await coordinator.post(observationsOf(started), {
      notes: 'Correcting a record of another session.',
      correctsId: '00000000-0000-4000-8000-000000000001',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().details).toEqual([
      { field: 'correctsId', message: 'Choose an observation record of this session to correct' },
    ]);
  });

  it('the case lists every record of its sessions, and the reads are audited', async () => {
    const list = await safeguarding.get(caseRecords(hills.caseId, 'observations'));
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toHaveLength(3);
    const reads = await audited('observations.read');
    expect(reads.some((r) => r.resourceId === hills.caseId)).toBe(true);
    expect(reads.some((r) => r.resourceId === started)).toBe(true);
  });

  it('not before the session has started', async () => {
    const early = await supervisor.post(observationsOf(future), { notes: 'Too soon.' });
    expect(early.statusCode).toBe(422);
    expect(early.json()).toEqual({
      code: 'not_started',
      message: 'This session has not started yet: observation records are written once it is under way.',
    });
  });

  it('none for supported contact or a handover', async () => {
    const refused = await coordinator.post(observationsOf(supported), { notes: 'Played in the hall.' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().message).toBe(
      'Observation records are kept for supervised contact only, and this session is supported contact.',
    );
    await t.database.db.update(bookings).set({ serviceType: 'handover' }).where(eq(bookings.id, supported));
    const handover = await coordinator.post(observationsOf(supported), { notes: 'Handed over.' });
    expect(handover.json().message).toBe(
      'Observation records are kept for supervised contact only, and this session is a handover.',
    );
    await t.database.db.update(bookings).set({ serviceType: 'supported' }).where(eq(bookings.id, supported));
  });

  it('not for a cancelled session', async () => {
    const refused = await coordinator.post(observationsOf(cancelled), { notes: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('cancelled');
  });

  it('a supervisor who is not the session’s supervisor is refused (403), and the refusal audited', async () => {
    await t.database.db
      .update(bookings)
      .set({ supervisorUserId: coordinatorId })
      .where(eq(bookings.id, started));
    try {
      const refused = await supervisor.post(observationsOf(started), { notes: 'Not my family.' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().message).toBe(
        "Only this session's supervisor or a coordinator can write its observation records.",
      );
      // They may still read the case's records.
      expect((await supervisor.get(observationsOf(started))).statusCode).toBe(200);
    } finally {
      await t.database.db
        .update(bookings)
        .set({ supervisorUserId: supervisorId })
        .where(eq(bookings.id, started));
    }
    const refusals = await audited('observation.written', 'refused');
    expect(refusals.some((r) => (r.detail as { reason: string }).reason === 'not_allowed')).toBe(true);
  });

  it('a volunteer neither writes nor reads them; a safeguarding lead reads but does not write', async () => {
    expect((await volunteer.post(observationsOf(started), { notes: 'x' })).statusCode).toBe(403);
    expect((await volunteer.get(observationsOf(started))).statusCode).toBe(403);
    expect((await volunteer.get(caseRecords(hills.caseId, 'observations'))).statusCode).toBe(403);
    expect((await safeguarding.post(observationsOf(started), { notes: 'x' })).statusCode).toBe(403);
  });

  it('notes are required and size-limited', async () => {
    const empty = await supervisor.post(observationsOf(started), { notes: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([{ field: 'notes', message: 'Write what you observed' }]);
    const long = await supervisor.post(observationsOf(started), { notes: 'a'.repeat(10_001) });
    expect(long.statusCode).toBe(400);
    expect(long.json().details).toEqual([{ field: 'notes', message: 'Use at most 10000 characters' }]);
  });
});

describe('incidents', () => {
  let volunteersIncident: string;

  it('a volunteer records one from the roster, naming someone of that session, and reads nothing back', async () => {
    const roster = (await volunteer.get(`/api/centres/${riverside}/roster`)).json();
    const session = roster.sessions.find((s: { bookingId: string }) => s.bookingId === started);
    const mark = session.people.find((p: { firstName: string }) => p.firstName === 'Mark');
    const recorded = await volunteer.post(incidentsAt(started), {
      kind: 'language',
      personId: mark.personId,
      description: 'Shouted at the door when asked to wait.',
      actionTaken: 'session_ended',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(Object.keys(recorded.json()).sort()).toEqual(['id', 'message']);
    expect(recorded.json().message).toBe(
      'The incident is recorded and the session marked as ended. Check everyone out on the roster in the order it shows, so that nobody meets at the door.',
    );
    volunteersIncident = recorded.json().id;

    expect((await volunteer.get(caseRecords(hills.caseId, 'incidents'))).statusCode).toBe(403);
    expect((await volunteer.get(`/api/centres/${riverside}/incidents?open=true`)).statusCode).toBe(403);
  });

  it('"session ended" records no departures: people still leave through the roster, in order', async () => {
    const people = await t.database.db
      .select({ leftAt: bookingPeople.leftAt })
      .from(bookingPeople)
      .where(eq(bookingPeople.bookingId, started));
    expect(people.every((p) => p.leftAt === null)).toBe(true);
  });

  it('the case lists it for those who read case files, with who, what and the action', async () => {
    const list = await supervisor.get(caseRecords(hills.caseId, 'incidents'));
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: volunteersIncident,
        caseReference: hills.reference,
        kind: 'language',
        personId: hills.people.Mark,
        personName: 'Mark Hill',
        actionTaken: 'session_ended',
        followUp: null,
        recordedBy: 'Sam Carter',
        session: expect.objectContaining({ bookingId: started, serviceType: 'supervised' }),
      }),
    ]);
    expect((await audited('incidents.read')).some((r) => r.resourceId === hills.caseId)).toBe(true);
  });

  it('the person must be one of that session’s people; the time on its day, not in the future', async () => {
    const stranger = await volunteer.post(incidentsAt(started), {
      kind: 'behaviour',
      personId: patels.people.Tom,
      description: 'x',
      actionTaken: 'none',
    });
    expect(stranger.statusCode).toBe(400);
    expect(stranger.json().details).toEqual([
      { field: 'personId', message: 'Choose someone who is in this session' },
    ]);
    const later = await coordinator.post(incidentsAt(started), {
      kind: 'behaviour',
      description: 'x',
      actionTaken: 'none',
      occurredAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().details[0].field).toBe('occurredAt');
    const bad = await coordinator.post(incidentsAt(started), {
      kind: 'fighting',
      description: '',
      actionTaken: 'shouted',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['actionTaken', 'description', 'kind'].sort());
  });

  it('from the roster, only on the day of the session; never at a cancelled one', async () => {
    const notToday = await volunteer.post(incidentsAt(future), {
      kind: 'behaviour',
      description: 'x',
      actionTaken: 'none',
    });
    expect(notToday.statusCode).toBe(403);
    expect(notToday.json().message).toBe(
      'Incidents are recorded from the roster on the day of the session. Ask the coordinator to record this one.',
    );
    const atCancelled = await coordinator.post(incidentsAt(cancelled), {
      kind: 'behaviour',
      description: 'x',
      actionTaken: 'none',
    });
    expect(atCancelled.statusCode).toBe(409);
  });

  it('a follow-up shows in the coordinator’s open list until a coordinator marks it done', async () => {
    const recorded = await supervisor.post(incidentsAt(started), {
      kind: 'child_distressed',
      personId: hills.people.Ayo,
      description: 'Ayo cried when it was time to go and could not be settled.',
      actionTaken: 'none',
      followUp: 'Call Laura to talk about the next session.',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    const id = recorded.json().id as string;
    const open = await coordinator.get(`/api/centres/${riverside}/incidents?open=true`);
    expect(open.statusCode, open.body).toBe(200);
    expect(open.json().items.map((i: { id: string }) => i.id)).toEqual([id]);
    expect(open.json().items[0]).toMatchObject({
      followUp: 'Call Laura to talk about the next session.',
      followUpDoneAt: null,
      caseReference: hills.reference,
    });
    const all = await coordinator.get(`/api/centres/${riverside}/incidents`);
    expect(all.json().items).toHaveLength(2);
    // The home page's count: a number, not audited, refused like the list to those who may not read cases.
    const countPath = `/api/centres/${riverside}/incidents/open-count`;
    const auditedBefore = await auditCount();
    const counted = await coordinator.get(countPath);
    expect(counted.statusCode, counted.body).toBe(200);
    expect(counted.json()).toEqual({ count: 1 });
    expect(await auditCount()).toBe(auditedBefore);
    expect((await volunteer.get(countPath)).statusCode).toBe(403);

    const done = `/api/centres/${riverside}/incidents/${id}/follow-up-done`;
    expect((await supervisor.post(done, {})).statusCode).toBe(403);
    expect((await volunteer.post(done, {})).statusCode).toBe(403);
    const marked = await coordinator.post(done, {});
    expect(marked.statusCode, marked.body).toBe(200);
    expect(marked.json()).toMatchObject({ followUpDoneBy: 'Priya Shah' });
    expect(marked.json().followUpDoneAt).not.toBeNull();
    const twice = await coordinator.post(done, {});
    expect(twice.statusCode).toBe(409);
    expect(twice.json().message).toBe('This follow-up is already marked as done.');
    const none = await coordinator.post(
      `/api/centres/${riverside}/incidents/${volunteersIncident}/follow-up-done`,
      {},
    );
    expect(none.statusCode).toBe(422);
    expect(none.json().message).toBe('This incident has no follow-up to mark as done.');
    expect((await coordinator.get(`/api/centres/${riverside}/incidents?open=true`)).json().items).toEqual([]);
    expect((await coordinator.get(countPath)).json()).toEqual({ count: 0 });
  });
});

describe('indirect contact items', () => {
  let cardId: string;

  it('a coordinator records a card received from an adult of the case for a child', async () => {
    const received = await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
      kind: 'card',
      fromPersonId: hills.people.Mark,
      forPersonId: hills.people.Ayo,
      description: 'Birthday card in a sealed envelope.',
    });
    expect(received.statusCode, received.body).toBe(201);
    cardId = received.json().id;
    expect(received.json()).toMatchObject({
      kind: 'card',
      fromName: 'Mark Hill',
      forName: 'Ayo Hill',
      receivedBy: 'Priya Shah',
      checkedAt: null,
      outcome: null,
    });
  });

  it('refuses an outcome before the check, with a sentence', async () => {
    const passOn = await coordinator.post(item(cardId, 'pass-on'), {});
    expect(passOn.statusCode).toBe(422);
    expect(passOn.json().message).toBe('Check the item before passing it on.');
    const holdBack = await coordinator.post(item(cardId, 'hold-back'), { reason: 'x' });
    expect(holdBack.statusCode).toBe(422);
    expect(holdBack.json().message).toBe('Check the item before recording that it is held back.');
  });

  it('checked, then passed on; no step twice', async () => {
    const checked = await coordinator.post(item(cardId, 'check'), {
      notes: 'Opened with Laura: a card and a drawing.',
    });
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json()).toMatchObject({
      checkedBy: 'Priya Shah',
      checkNotes: 'Opened with Laura: a card and a drawing.',
    });
    expect((await coordinator.post(item(cardId, 'check'), { notes: 'Again' })).statusCode).toBe(409);
    const passed = await coordinator.post(item(cardId, 'pass-on'), {});
    expect(passed.statusCode, passed.body).toBe(200);
    expect(passed.json()).toMatchObject({ outcome: 'passed_on', passedOnBy: 'Priya Shah' });
    const after = await coordinator.post(item(cardId, 'hold-back'), { reason: 'Changed my mind' });
    expect(after.statusCode).toBe(409);
    expect(after.json().message).toMatch(/^This item has already been passed on \(/);
  });

  it('held back, with the reason kept after the check notes', async () => {
    const letter = await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
      kind: 'letter',
      fromPersonId: hills.people.Mark,
      description: 'A two-page letter.',
    });
    expect(letter.statusCode, letter.body).toBe(201);
    expect(letter.json().forName).toBeNull();
    const id = letter.json().id as string;
    expect((await coordinator.post(item(id, 'check'), { notes: 'Read it.' })).statusCode).toBe(200);
    const held = await coordinator.post(item(id, 'hold-back'), {
      reason: 'It names the children’s new school.',
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json()).toMatchObject({
      outcome: 'held_back',
      checkNotes: 'Read it.\n\nHeld back: It names the children’s new school.',
      passedOnAt: null,
    });
    expect((await coordinator.post(item(id, 'pass-on'), {})).statusCode).toBe(409);
    const list = await supervisor.get(caseRecords(hills.caseId, 'indirect-items'));
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(2);
    expect((await audited('indirect_items.read')).length).toBeGreaterThan(0);
    expect((await audited('indirect_item.held_back')).length).toBe(1);
  });

  it('from an adult of the case, for a child of the case; not in the future', async () => {
    const wrong = await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
      kind: 'gift',
      fromPersonId: hills.people.Ayo,
      forPersonId: hills.people.Laura,
      description: 'A teddy.',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().details).toEqual([
      { field: 'fromPersonId', message: 'Choose the adult of this family who sent it' },
      { field: 'forPersonId', message: 'Choose a child of this family' },
    ]);
    const otherFamily = await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
      kind: 'gift',
      fromPersonId: patels.people.Tom,
      description: 'A teddy.',
    });
    expect(otherFamily.statusCode).toBe(400);
    const later = await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
      kind: 'gift',
      fromPersonId: hills.people.Mark,
      description: 'A teddy.',
      receivedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(later.statusCode).toBe(400);
    expect(later.json().details).toEqual([
      { field: 'receivedAt', message: 'The time cannot be in the future' },
    ]);
  });

  it('a supervisor reads them but handles none; a volunteer does neither', async () => {
    const body = { kind: 'card', fromPersonId: hills.people.Mark, description: 'A card.' };
    expect((await supervisor.post(caseRecords(hills.caseId, 'indirect-items'), body)).statusCode).toBe(403);
    expect((await supervisor.post(item(cardId, 'check'), { notes: 'x' })).statusCode).toBe(403);
    expect((await supervisor.post(item(cardId, 'pass-on'), {})).statusCode).toBe(403);
    expect((await supervisor.post(item(cardId, 'hold-back'), { reason: 'x' })).statusCode).toBe(403);
    expect((await volunteer.get(caseRecords(hills.caseId, 'indirect-items'))).statusCode).toBe(403);
    expect((await safeguarding.post(caseRecords(hills.caseId, 'indirect-items'), body)).statusCode).toBe(403);
  });

  it('the database refuses an outcome before a check', async () => {
    const [row] = await t.database.db
      .select({
        caseId: indirectItems.caseId,
        fromPersonId: indirectItems.fromPersonId,
        by: indirectItems.receivedByUserId,
      })
      .from(indirectItems)
      .limit(1);
    const error = await t.database.db
      .insert(indirectItems)
      .values({
        centreId: riverside,
        caseId: row!.caseId,
        kind: 'gift',
        fromPersonId: row!.fromPersonId,
        description: 'Not checked',
        receivedAt: new Date(),
        receivedByUserId: row!.by,
        outcome: 'passed_on',
      })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(databaseErrorOf(error)).toMatchObject({
      code: '23514',
      constraint: 'indirect_items_checked_first',
    });
  });
});

describe('another centre, people outside the staff, and a closed case', () => {
  it('another centre’s case or session answers 404, as if it did not exist', async () => {
    const at = (path: string) => `/api/centres/${hillview}${path}`;
    expect((await hillviewCoordinator.get(at(`/bookings/${started}/observations`))).statusCode).toBe(404);
    expect(
      (await hillviewCoordinator.post(at(`/bookings/${started}/observations`), { notes: 'x' })).statusCode,
    ).toBe(404);
    expect(
      (
        await hillviewCoordinator.post(at(`/bookings/${started}/incidents`), {
          kind: 'other',
          description: 'x',
          actionTaken: 'none',
        })
      ).statusCode,
    ).toBe(404);
    for (const what of ['observations', 'incidents', 'indirect-items']) {
      expect((await hillviewCoordinator.get(at(`/cases/${hills.caseId}/${what}`))).statusCode).toBe(404);
    }
    expect(
      (
        await hillviewCoordinator.post(at(`/cases/${hills.caseId}/indirect-items`), {
          kind: 'card',
          fromPersonId: hills.people.Mark,
          description: 'x',
        })
      ).statusCode,
    ).toBe(404);
    const [card] = await t.database.db.select({ id: indirectItems.id }).from(indirectItems).limit(1);
    expect(
      (await hillviewCoordinator.post(at(`/indirect-items/${card!.id}/check`), { notes: 'x' })).statusCode,
    ).toBe(404);
    // Riverside's coordinator does not work for Hillview: the centre itself answers 404.
    expect((await coordinator.get(at(`/cases/${hills.caseId}/incidents`))).statusCode).toBe(404);
    expect((await hillviewCoordinator.get(at('/incidents?open=true'))).json().items).toEqual([]);
  });

  it('a referrer is refused everything', async () => {
    const organisationId = (await t.database.db.select({ id: users.organisationId }).from(users).limit(1))[0]!
      .id;
    const secret = 'TESTREFERRERBBBBBBBBBBBBBBBBBBBB';
    await t.database.db.transaction(async (tx) => {
      const id = await createAccount(tx, {
        organisationId,
        email: 'records.referrer@example.org',
        displayName: 'Robin Referrer',
        passwordHash: await hashPassword(DEMO_PASSWORD),
        roles: [{ centreId: null, role: 'referrer' }],
      });
      await tx.update(users).set({ totpSecret: secret, totpEnabledAt: new Date() }).where(eq(users.id, id));
    });
    const referrer = t.anonymous();
    await referrer.post('/api/auth/sign-in', {
      email: 'records.referrer@example.org',
      password: DEMO_PASSWORD,
    });
    const verified = await referrer.post('/api/auth/two-factor/verify', { code: await totpCodeFor(secret) });
    expect(verified.statusCode, verified.body).toBe(200);
    const answers = [
      await referrer.get(observationsOf(started)),
      await referrer.post(observationsOf(started), { notes: 'x' }),
      await referrer.post(incidentsAt(started), { kind: 'other', description: 'x', actionTaken: 'none' }),
      await referrer.get(caseRecords(hills.caseId, 'incidents')),
      await referrer.get(caseRecords(hills.caseId, 'indirect-items')),
      await referrer.post(caseRecords(hills.caseId, 'indirect-items'), {
        kind: 'card',
        fromPersonId: hills.people.Mark,
        description: 'x',
      }),
    ];
    // The referrer works for no centre: every centre answers as if it did not exist.
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
  });

  it('a closed case takes no new record and no step', async () => {
    const [open] = await t.database.db
      .select({ id: indirectItems.id })
      .from(indirectItems)
      .where(and(eq(indirectItems.caseId, hills.caseId), sql`${indirectItems.checkedAt} is null`));
    const pending =
      open?.id ??
      (
        await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
          kind: 'other',
          fromPersonId: hills.people.Laura,
          description: 'A photo album.',
        })
      ).json().id;
    const closed = await coordinator.post(`/api/centres/${riverside}/cases/${hills.caseId}/close`, {
      outcome: 'arranging_themselves',
    });
    expect(closed.statusCode, closed.body).toBeLessThan(300);
    const answers = [
      await supervisor.post(observationsOf(started), { notes: 'After closing.' }),
      await volunteer.post(incidentsAt(started), { kind: 'other', description: 'x', actionTaken: 'none' }),
      await coordinator.post(caseRecords(hills.caseId, 'indirect-items'), {
        kind: 'card',
        fromPersonId: hills.people.Mark,
        description: 'x',
      }),
      await coordinator.post(item(pending, 'check'), { notes: 'x' }),
    ];
    for (const answer of answers) {
      expect(answer.statusCode, answer.body).toBe(409);
      expect(answer.json().message).toBe('This case is closed.');
    }
    // What was written stays readable.
    expect((await coordinator.get(caseRecords(hills.caseId, 'observations'))).json().items).toHaveLength(3);
  });
});
