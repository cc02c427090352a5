import { and, eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralBody } from '../../shared/api/referrals.js';
import { auditEvents, outboxMessages } from '../db/schema.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';
import { referralFor } from '../test-support/factories.js';
import { intakeStatus } from './service.js';

let t: TestApp;
let riverside: string;
let hillview: string;
let staffIds: Record<string, string>;

interface Family {
  caseId: string;
  /** Person ids by first name. */
  ids: Record<string, string>;
  url: string;
}

// Each referral comes from its own address, so the public form's flood limit stays out of the way.
let sender = 0;
async function openFamily(centreId: string, coordinatorEmail: string, body: ReferralBody): Promise<Family> {
  sender++;
  const sent = await t.anonymous().request({
    method: 'POST',
    url: '/api/referrals',
    payload: body,
    remoteAddress: `127.0.2.${sender}`,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const coordinator = await t.as(coordinatorEmail);
  const accepted = await coordinator.post(
    `/api/centres/${centreId}/referrals/${sent.json().referralId}/accept`,
  );
  expect(accepted.statusCode, accepted.body).toBe(200);
  const caseId = accepted.json().caseId as string;
  const detail = (await coordinator.get(`/api/centres/${centreId}/cases/${caseId}`)).json();
  const ids = Object.fromEntries(
    (detail.people as { id: string; firstName: string }[]).map((p) => [p.firstName, p.id]),
  );
  return { caseId, ids, url: `/api/centres/${centreId}/cases/${caseId}/intake-visits` };
}

/** The Hills: Laura (lives with Ayo), Mark (Ayo's father), and June, a grandmother with no email. */
const hills = (centreId: string): ReferralBody => {
  const body = referralFor(centreId);
  body.adults.push({
    key: 'c',
    role: 'other_attendee',
    firstName: 'June',
    lastName: 'Hill',
    relationshipToChildren: 'grandmother',
  });
  return body;
};

async function mailIds(): Promise<Set<string>> {
  return new Set(
    (await t.database.db.select({ id: outboxMessages.id }).from(outboxMessages)).map((m) => m.id),
  );
}

async function mailSince(before: Set<string>) {
  return (await t.database.db.select().from(outboxMessages)).filter((m) => !before.has(m.id));
}

async function lastAudit(action: string) {
  const rows = await t.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));
  return rows.sort((a, b) => b.seq - a.seq)[0];
}

/** Thursday 14 March 2030 at 10:15 in London (GMT), and Saturday 6 July 2030 at 10:30 (BST). */
const WINTER = '2030-03-14T10:15:00Z';
const SUMMER = '2030-07-06T09:30:00Z';

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name === 'Riverside Contact Centre')!.id;
  hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!.id;
  const staff = (await (await t.as(DEMO.admin)).get('/api/admin/users')).json().items as {
    id: string;
    email: string;
  }[];
  staffIds = Object.fromEntries(staff.map((u) => [u.email, u.id]));
});
afterAll(() => t.close());

describe('booking intake visits', () => {
  let family: Family;
  let coordinator: Client;
  beforeAll(async () => {
    family = await openFamily(riverside, DEMO.coordinator, hills(riverside));
    coordinator = await t.as(DEMO.coordinator);
  });

  it('books each adult separately and mails each only their own date and time, in the centre’s time zone', async () => {
    const before = await mailIds();
    const laura = await coordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.Laura,
      scheduledAt: WINTER,
      place: 'Garden room',
      staffUserId: staffIds[DEMO.supervisor],
    });
    expect(laura.statusCode, laura.body).toBe(201);
    expect(laura.json()).toMatchObject({
      kind: 'adult',
      personId: family.ids.Laura,
      personName: 'Laura Hill',
      scheduledAt: '2030-03-14T10:15:00.000Z',
      place: 'Garden room',
      staffName: 'Grace Bell',
      status: 'scheduled',
      attendedPersonIds: null,
      mailed: true,
    });
    const mark = await coordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.Mark,
      scheduledAt: SUMMER,
    });
    expect(mark.statusCode, mark.body).toBe(201);
    expect(mark.json().mailed).toBe(true);

    const mails = await mailSince(before);
    expect(mails.map((m) => m.toAddress).sort()).toEqual(['laura.hill@example.org', 'mark.hill@example.org']);
    const toLaura = mails.find((m) => m.toAddress === 'laura.hill@example.org')!;
    expect(toLaura.subject).toBe('Your visit with Riverside Contact Centre: Thu 14 March 2030, 10:15');
    expect(toLaura.bodyText).toContain('Dear Laura,');
    expect(toLaura.bodyText).toContain('When: Thu 14 March 2030, 10:15');
    expect(toLaura.bodyText).toContain('Where: Garden room');
    expect(toLaura.bodyText).toContain('With: Grace Bell');
    const toMark = mails.find((m) => m.toAddress === 'mark.hill@example.org')!;
    // 09:30 UTC is 10:30 in London in July (British Summer Time).
    expect(toMark.bodyText).toContain('When: Sat 6 July 2030, 10:30');
    expect(toMark.bodyText).toContain('Where: Riverside Contact Centre, 12 Mill Lane, Riverside, RV1 2AB');
    // Neither mail holds anything of the other parent: not their name, nor any of their details.
    for (const [mail, other] of [
      [toLaura, ['Mark', 'mark.hill', '07700 900222', 'Station Road', 'July']],
      [toMark, ['Laura', 'laura.hill', '07700 900111', 'Quiet Close', 'March', 'Garden room', 'Grace']],
    ] as const) {
      for (const text of other) expect(`${mail.subject}\n${mail.bodyText}`).not.toContain(text);
    }
    expect(await lastAudit('intake.scheduled')).toMatchObject({
      outcome: 'success',
      resourceType: 'intake_visit',
      resourceId: mark.json().id,
      centreId: riverside,
      actorLabel: 'Priya Shah',
      detail: { caseId: family.caseId, kind: 'adult', mailed: true },
    });
  });

  it('an adult with no email of their own is booked, not mailed, and the answer says so', async () => {
    const before = await mailIds();
    const june = await coordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.June,
      scheduledAt: '2030-03-15T14:00:00Z',
    });
    expect(june.statusCode, june.body).toBe(201);
    expect(june.json()).toMatchObject({ personName: 'June Hill', status: 'scheduled', mailed: false });
    expect(await mailSince(before)).toEqual([]);
  });

  it('mails the current address only, never one that was replaced', async () => {
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    const changed = await coordinator.put(
      `/api/centres/${riverside}/cases/${other.caseId}/people/${other.ids.Mark}/contact-details/email`,
      { value: 'mark.new@example.org' },
    );
    expect(changed.statusCode).toBe(200);
    const before = await mailIds();
    const booked = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Mark,
      scheduledAt: WINTER,
    });
    expect(booked.json().mailed).toBe(true);
    expect((await mailSince(before)).map((m) => m.toAddress)).toEqual(['mark.new@example.org']);
  });

  it('a visit entered after it took place is booked without a mail', async () => {
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    const before = await mailIds();
    const past = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Laura,
      scheduledAt: '2025-01-10T10:00:00Z',
    });
    expect(past.statusCode).toBe(201);
    expect(past.json().mailed).toBe(false);
    expect(await mailSince(before)).toEqual([]);
  });

  it('refuses a child as the subject of an adult visit, or as the adult who brings the children', async () => {
    const asAdult = await coordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.Ayo,
      scheduledAt: WINTER,
    });
    expect(asAdult.statusCode).toBe(422);
    expect(asAdult.json()).toEqual({
      code: 'not_an_adult',
      message:
        'Ayo Hill is a child: a child cannot be the subject of an adult visit. Book the children’s introduction visit instead.',
    });
    const bringing = await coordinator.post(family.url, {
      kind: 'children_introduction',
      personId: family.ids.Ayo,
      scheduledAt: WINTER,
    });
    expect(bringing.statusCode).toBe(422);
    expect(bringing.json().message).toBe(
      'Ayo Hill is a child: choose the adult who brings the children to their introduction visit.',
    );
  });

  it('refuses a person of another case, or nobody at all', async () => {
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    for (const personId of [other.ids.Laura, randomUUID()]) {
      const response = await coordinator.post(family.url, { kind: 'adult', personId, scheduledAt: WINTER });
      expect(response.statusCode).toBe(422);
      expect(response.json()).toEqual({
        code: 'not_in_case',
        message: 'Choose an adult of this case: that person is not part of it.',
      });
    }
  });

  it('refuses staff who may not read case files, or who do not work at this centre', async () => {
    for (const email of [DEMO.volunteer, DEMO.hillviewCoordinator, DEMO.admin]) {
      const response = await coordinator.post(family.url, {
        kind: 'children_introduction',
        personId: family.ids.Laura,
        scheduledAt: WINTER,
        staffUserId: staffIds[email],
      });
      expect(response.statusCode, email).toBe(422);
      expect(response.json()).toEqual({
        code: 'staff_not_eligible',
        message:
          'Choose a member of staff of this centre who may read case files (a coordinator, supervisor or safeguarding lead).',
      });
    }
  });

  it('refuses a second visit for an adult who already has one waiting', async () => {
    const again = await coordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.Laura,
      scheduledAt: SUMMER,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'already_booked',
      message:
        'Laura Hill already has an intake visit booked for Thu 14 March 2030, 10:15. Cancel it before booking another.',
    });
  });

  it('names the bad field of a malformed booking', async () => {
    const response = await coordinator.post(family.url, {
      kind: 'home',
      personId: family.ids.Laura,
      scheduledAt: 'next Tuesday',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['kind', 'scheduledAt']);
  });

  it('closing a case cancels the visits still waiting, telling each adult; a closed case takes no new visits', async () => {
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    const waiting = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Mark,
      scheduledAt: SUMMER,
    });
    expect(waiting.statusCode, waiting.body).toBe(201);
    const before = await mailIds();
    const closed = await coordinator.post(`/api/centres/${riverside}/cases/${other.caseId}/close`, {
      outcome: 'withdrawn',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const visits = (await coordinator.get(other.url)).json().items as { id: string; status: string }[];
    expect(visits.map((v) => v.status)).toEqual(['cancelled']);
    const mail = await mailSince(before);
    expect(mail.map((m) => [m.toAddress, m.subject])).toEqual([
      ['mark.hill@example.org', 'Visit cancelled: Sat 6 July 2030, 10:30'],
    ]);
    expect((await lastAudit('intake.cancelled'))!.detail).toMatchObject({ reason: 'case_closed' });

    const response = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Laura,
      scheduledAt: WINTER,
    });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    const cancel = await coordinator.post(`${other.url}/${visits[0]!.id}/cancel`);
    expect(cancel.json()).toEqual({ code: 'case_closed', message: 'This case is closed.' });
    expect((await coordinator.get(other.url)).json().items).toHaveLength(1);
  });
});

describe('recording what happened', () => {
  let family: Family;
  let coordinator: Client;
  const book = async (kind: string, personId: string, scheduledAt = WINTER) => {
    const response = await coordinator.post(family.url, { kind, personId, scheduledAt });
    expect(response.statusCode, response.body).toBe(201);
    return response.json().id as string;
  };
  beforeAll(async () => {
    family = await openFamily(riverside, DEMO.coordinator, hills(riverside));
    coordinator = await t.as(DEMO.coordinator);
  });

  it('an adult visit is with one adult only: the other parent cannot be recorded as attending', async () => {
    const visitId = await book('adult', family.ids.Laura!);
    const together = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Laura, family.ids.Mark],
      outcome: 'Talked through the rules.',
    });
    expect(together.statusCode).toBe(422);
    expect(together.json()).toEqual({
      code: 'adults_together',
      message:
        'An intake visit is with one adult only: Mark Hill cannot attend Laura Hill’s visit. Book Mark Hill a visit of their own.',
    });
    const grandmother = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Laura, family.ids.June],
      outcome: 'Talked through the rules.',
    });
    expect(grandmother.statusCode).toBe(422);
    expect(grandmother.json().code).toBe('adults_together');
  });

  it('the adult the visit is with must be recorded as attending, and only people of the case', async () => {
    const visitId = await book('adult', family.ids.Mark!);
    const absent = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [],
      outcome: 'Did not come.',
    });
    expect(absent.statusCode).toBe(422);
    expect(absent.json()).toEqual({
      code: 'subject_absent',
      message:
        'Record Mark Hill as attending: the visit is with them. If they did not come, cancel the visit.',
    });
    const stranger = randomUUID();
    const unknown = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Mark, stranger],
      outcome: 'Fine.',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toEqual({
      code: 'not_in_case',
      message: `${stranger} is not one of the people of this case.`,
    });
    const empty = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Mark],
      outcome: '   ',
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().details).toEqual([{ field: 'outcome', message: 'Say what came of the visit' }]);
  });

  it('completes a visit once: after that it can be neither completed nor cancelled', async () => {
    const visitId = await book('adult', family.ids.June!);
    const done = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.June, family.ids.June],
      outcome: 'Rules explained and agreed; June will bring Ayo on alternate Saturdays.',
      notes: 'Prefers a phone call to a letter.',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      attendedPersonIds: [family.ids.June],
      outcome: 'Rules explained and agreed; June will bring Ayo on alternate Saturdays.',
      notes: 'Prefers a phone call to a letter.',
    });
    expect(done.json().completedAt).not.toBeNull();
    expect(await lastAudit('intake.completed')).toMatchObject({
      resourceId: visitId,
      detail: { caseId: family.caseId, kind: 'adult', attended: 1 },
    });
    const again = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.June],
      outcome: 'Again.',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'visit_finished',
      message: 'This visit has already been recorded as done.',
    });
    const cancel = await coordinator.post(`${family.url}/${visitId}/cancel`);
    expect(cancel.statusCode).toBe(409);
    expect(cancel.json().message).toBe('This visit has already been recorded as done.');
  });

  it('cancels a visit once, telling the adult; a cancelled visit cannot be completed', async () => {
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    const booked = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Laura,
      scheduledAt: WINTER,
    });
    const visitId = booked.json().id as string;
    const before = await mailIds();
    const cancelled = await coordinator.post(`${other.url}/${visitId}/cancel`);
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', mailed: true });
    const mails = await mailSince(before);
    expect(mails.map((m) => m.toAddress)).toEqual(['laura.hill@example.org']);
    expect(mails[0]!.bodyText).toContain(
      'The visit booked for Thu 14 March 2030, 10:15 with Riverside Contact Centre is cancelled.',
    );
    expect(await lastAudit('intake.cancelled')).toMatchObject({
      resourceId: visitId,
      detail: { caseId: other.caseId, kind: 'adult', mailed: true },
    });

    const again = await coordinator.post(`${other.url}/${visitId}/cancel`);
    expect(again.statusCode).toBe(409);
    expect(again.json()).toEqual({
      code: 'visit_finished',
      message: 'This visit has been cancelled. Book a new visit instead.',
    });
    const complete = await coordinator.post(`${other.url}/${visitId}/complete`, {
      attendedPersonIds: [other.ids.Laura],
      outcome: 'Came anyway.',
    });
    expect(complete.statusCode).toBe(409);
    expect(complete.json().message).toBe('This visit has been cancelled. Book a new visit instead.');
    // Once it is cancelled, another time can be booked.
    const rebooked = await coordinator.post(other.url, {
      kind: 'adult',
      personId: other.ids.Laura,
      scheduledAt: SUMMER,
    });
    expect(rebooked.statusCode).toBe(201);
  });

  it('the children’s introduction needs the children and the adult who brings them', async () => {
    const visitId = await book('children_introduction', family.ids.Laura!);
    const noChildren = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Laura],
      outcome: 'Ayo was unwell.',
    });
    expect(noChildren.statusCode).toBe(422);
    expect(noChildren.json()).toEqual({
      code: 'no_children',
      message: 'Record the children who came: the introduction visit is for the children.',
    });
    const noAdult = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Ayo],
      outcome: 'Came alone.',
    });
    expect(noAdult.statusCode).toBe(422);
    expect(noAdult.json().message).toBe(
      'Record Laura Hill as attending: the children come with the adult who brings them.',
    );
    const second = await coordinator.post(family.url, {
      kind: 'children_introduction',
      personId: family.ids.June,
      scheduledAt: SUMMER,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().message).toBe(
      'The children’s introduction visit is already booked for Thu 14 March 2030, 10:15. Cancel it before booking another.',
    );
    const done = await coordinator.post(`${family.url}/${visitId}/complete`, {
      attendedPersonIds: [family.ids.Laura, family.ids.Ayo],
      outcome: 'Ayo saw the rooms and met Grace.',
    });
    expect(done.statusCode, done.body).toBe(200);
  });

  it('lists the visits with whom intake has seen, as intakeStatus reports for the readiness check', async () => {
    const response = await coordinator.get(family.url);
    expect(response.statusCode).toBe(200);
    const { items, progress } = response.json();
    expect(
      (items as { personName: string; kind: string; status: string }[]).map(
        (v) => `${v.personName} ${v.kind} ${v.status}`,
      ),
    ).toEqual([
      'Laura Hill adult scheduled',
      'Mark Hill adult scheduled',
      'June Hill adult done',
      'Laura Hill children_introduction done',
    ]);
    const expected = {
      adultsVisited: ['June Hill'],
      adultsToVisit: ['Laura Hill', 'Mark Hill'],
      childrenIntroduced: true,
    };
    expect(progress).toEqual(expected);
    expect(await intakeStatus(t.database.db, family.caseId)).toEqual(expected);
    expect(await lastAudit('intake.read')).toMatchObject({
      resourceType: 'case',
      resourceId: family.caseId,
      centreId: riverside,
      actorLabel: 'Priya Shah',
    });
    const fresh = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    expect(await intakeStatus(t.database.db, fresh.caseId)).toEqual({
      adultsVisited: [],
      adultsToVisit: ['Laura Hill', 'Mark Hill'],
      childrenIntroduced: false,
    });
  });
});

describe('who may see and book visits', () => {
  let family: Family;
  let hillviewFamily: Family;
  let visitId: string;
  beforeAll(async () => {
    family = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    hillviewFamily = await openFamily(hillview, DEMO.hillviewCoordinator, referralFor(hillview));
    const booked = await (
      await t.as(DEMO.coordinator)
    ).post(family.url, {
      kind: 'adult',
      personId: family.ids.Laura,
      scheduledAt: WINTER,
    });
    visitId = booked.json().id;
  });

  it('a volunteer is refused; a supervisor may look but not book', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(family.url)).statusCode).toBe(403);
    const refused = await volunteer.post(family.url, {
      kind: 'adult',
      personId: family.ids.Mark,
      scheduledAt: WINTER,
    });
    expect(refused.statusCode).toBe(403);
    expect((await volunteer.post(`${family.url}/${visitId}/cancel`)).statusCode).toBe(403);
    const supervisor = await t.as(DEMO.supervisor);
    expect((await supervisor.get(family.url)).statusCode).toBe(200);
    const booking = await supervisor.post(family.url, {
      kind: 'adult',
      personId: family.ids.Mark,
      scheduledAt: WINTER,
    });
    expect(booking.statusCode).toBe(403);
    expect(
      (
        await supervisor.post(`${family.url}/${visitId}/complete`, {
          attendedPersonIds: [family.ids.Laura],
          outcome: 'x',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('another centre’s coordinator gets 404, exactly as for a case that does not exist', async () => {
    const hillviewCoordinator = await t.as(DEMO.hillviewCoordinator);
    const theirs = await hillviewCoordinator.get(family.url);
    expect(theirs.statusCode).toBe(404);
    const booking = await hillviewCoordinator.post(family.url, {
      kind: 'adult',
      personId: family.ids.Mark,
      scheduledAt: WINTER,
    });
    expect(booking.statusCode).toBe(404);
    expect((await hillviewCoordinator.post(`${family.url}/${visitId}/cancel`)).statusCode).toBe(404);
    // Through their own centre, a Riverside case is not found either.
    const sideways = `/api/centres/${hillview}/cases/${family.caseId}/intake-visits`;
    const missing = `/api/centres/${hillview}/cases/${randomUUID()}/intake-visits`;
    expect((await hillviewCoordinator.get(sideways)).json()).toEqual(
      (await hillviewCoordinator.get(missing)).json(),
    );
    expect((await hillviewCoordinator.get(sideways)).statusCode).toBe(404);
    const riversideCoordinator = await t.as(DEMO.coordinator);
    const reached = `/api/centres/${riverside}/cases/${hillviewFamily.caseId}/intake-visits`;
    expect((await riversideCoordinator.get(reached)).statusCode).toBe(404);
    expect(
      (
        await riversideCoordinator.post(reached, {
          kind: 'adult',
          personId: hillviewFamily.ids.Mark,
          scheduledAt: WINTER,
        })
      ).statusCode,
    ).toBe(404);
  });

  it('a visit reached through another case is not found, and is not changed', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const other = await openFamily(riverside, DEMO.coordinator, referralFor(riverside));
    const response = await coordinator.post(`${other.url}/${visitId}/cancel`);
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'not_found', message: 'That visit was not found.' });
    const list = (await coordinator.get(family.url)).json().items as { id: string; status: string }[];
    expect(list.find((v) => v.id === visitId)?.status).toBe('scheduled');
    const rows = await t.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'intake.cancelled'), eq(auditEvents.resourceId, visitId)));
    expect(rows).toEqual([]);
  });
});
