/**
 * Pre-contact (intake) visits: each adult is seen on their own, and the children are introduced to the
 * centre with the adult who brings them. Booking a visit mails that adult its date and time, and only
 * them; the readiness check asks `intakeStatus` whom intake has seen.
 */
import type { z } from 'zod';
import { PERMISSIONS, roleGrants, type Role } from '../../shared/access.js';
import type { completeVisitBody, scheduleVisitBody } from '../../shared/api/intake.js';
import type { Actor } from '../access/actor.js';
import { displayNamesOf, staffMemberAtCentre } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange, ownEmailOf, peopleInCase } from '../cases/service.js';
import { queueMail } from '../mail/service.js';
import { centreContact } from '../organisation/service.js';
import { readAll, type Db, type Executor, type Tx } from '../platform/database.js';
import { Conflict, NotFound, RuleRefused } from '../platform/errors.js';
import { localDateTime } from '../platform/local-time.js';
import {
  doneVisits,
  findVisit,
  insertVisit,
  listVisits,
  lockScheduledVisits,
  lockVisit,
  scheduledVisitOf,
  updateVisit,
  type VisitRow,
} from './repository.js';

type ScheduleInput = z.output<typeof scheduleVisitBody>;
type CompleteInput = z.output<typeof completeVisitBody>;
type Person = Awaited<ReturnType<typeof peopleInCase>>[number];
/** The centre as a visit's mail needs it. */
type Centre = { organisationId: string; name: string; address: string | null; timeZone: string };

const ADULT_ROLES: readonly Person['role'][] = ['resident_parent', 'non_resident_parent', 'other_attendee'];
const isAdult = (person: Pick<Person, 'role'>) => ADULT_ROLES.includes(person.role);
const fullName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName}`;

export interface IntakeStatus {
  /** Full names of the adults whose own visit is done, as the readiness sentences name them. */
  adultsVisited: string[];
  /** Full names of the adults still to be seen on their own. */
  adultsToVisit: string[];
  /** Whether the children's introduction visit is done. */
  childrenIntroduced: boolean;
}

/**
 * Whom intake has seen: for the check that a case is ready to book. A caller that is reading the case's
 * people already passes them in (or the promise of them).
 */
export async function intakeStatus(
  db: Executor,
  caseId: string,
  known?: Person[] | Promise<Person[]>,
): Promise<IntakeStatus> {
  const [people, done] = await readAll(db, [
    async () => known ?? peopleInCase(db, caseId),
    () => doneVisits(db, caseId),
  ]);
  return progressOf(people, done);
}

function progressOf(
  people: Person[],
  done: { kind: 'adult' | 'children_introduction'; personId: string }[],
): IntakeStatus {
  const seen = new Set(done.filter((v) => v.kind === 'adult').map((v) => v.personId));
  const adults = people.filter(isAdult);
  return {
    adultsVisited: adults.filter((a) => seen.has(a.id)).map(fullName),
    adultsToVisit: adults.filter((a) => !seen.has(a.id)).map(fullName),
    childrenIntroduced: done.some((v) => v.kind === 'children_introduction'),
  };
}

const iso = (value: Date | null) => value?.toISOString() ?? null;

/** Visits as the screens show them: with the names of the adult visited and of the member of staff. */
async function visitViews(db: Executor, caseId: string, rows: VisitRow[], people?: Person[]) {
  const [everyone, staff] = await readAll(db, [
    async () => people ?? peopleInCase(db, caseId),
    () =>
      displayNamesOf(
        db,
        rows.map((row) => row.staffUserId),
      ),
  ]);
  const names = new Map(everyone.map((person) => [person.id, person.name]));
  return rows.map((row) => visitView(row, names.get(row.personId) ?? '', staff));
}

const visitView = (row: VisitRow, personName: string, staff: Map<string, string>) => ({
  id: row.id,
  caseId: row.caseId,
  kind: row.kind,
  personId: row.personId,
  personName,
  scheduledAt: row.scheduledAt.toISOString(),
  place: row.place,
  staffUserId: row.staffUserId,
  staffName: row.staffUserId ? (staff.get(row.staffUserId) ?? null) : null,
  status: row.status,
  attendedPersonIds: row.attendedPersonIds,
  outcome: row.outcome,
  notes: row.notes,
  createdAt: row.createdAt.toISOString(),
  completedAt: iso(row.completedAt),
});

async function centreOf(executor: Executor, centreId: string): Promise<Centre> {
  const centre = await centreContact(executor, centreId);
  if (!centre) throw new NotFound('case');
  return centre;
}

async function visitOf(executor: Executor, caseId: string, visitId: string) {
  const row = await findVisit(executor, caseId, visitId);
  if (!row) throw new NotFound('visit');
  return (await visitViews(executor, caseId, [row]))[0]!;
}

export async function listVisitsOf(db: Db, actor: Actor, centreId: string, caseId: string) {
  await caseOfCentre(db, centreId, caseId);
  const [rows, people] = await Promise.all([listVisits(db, caseId), peopleInCase(db, caseId)]);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'intake.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return {
    items: await visitViews(db, caseId, rows, people),
    progress: progressOf(
      people,
      rows.filter((row) => row.status === 'done'),
    ),
  };
}

/** Roles that may hold a visit: those who may read the case file. */
const mayHoldVisits = (role: string) => roleGrants(role as Role, PERMISSIONS.CASE_READ);

export async function scheduleVisit(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: ScheduleInput,
) {
  const scheduledAt = new Date(input.scheduledAt);
  const { visitId, mailed } = await db.transaction(async (tx) => {
    // Locked, so that the case cannot close, nor a second visit be booked, while this one is.
    await caseOpenForChange(tx, centreId, caseId);
    const centre = await centreOf(tx, centreId);
    const people = await peopleInCase(tx, caseId);
    const person = people.find((p) => p.id === input.personId);
    if (!person) {
      throw new RuleRefused('Choose an adult of this case: that person is not part of it.', 'not_in_case');
    }
    if (!isAdult(person)) {
      throw new RuleRefused(
        input.kind === 'adult'
          ? `${fullName(person)} is a child: a child cannot be the subject of an adult visit. Book the children’s introduction visit instead.`
          : `${fullName(person)} is a child: choose the adult who brings the children to their introduction visit.`,
        'not_an_adult',
      );
    }
    let staffName: string | null = null;
    if (input.staffUserId) {
      const staff = await staffMemberAtCentre(tx, centreId, input.staffUserId);
      if (!staff || staff.status !== 'active' || !staff.roles.some(mayHoldVisits)) {
        throw new RuleRefused(
          'Choose a member of staff of this centre who may read case files (a coordinator, supervisor or safeguarding lead).',
          'staff_not_eligible',
        );
      }
      staffName = staff.displayName;
    }
    const waiting = await scheduledVisitOf(
      tx,
      caseId,
      input.kind,
      input.kind === 'adult' ? person.id : undefined,
    );
    if (waiting) {
      const when = localDateTime(waiting.scheduledAt, centre.timeZone);
      throw new Conflict(
        input.kind === 'adult'
          ? `${fullName(person)} already has an intake visit booked for ${when}. Cancel it before booking another.`
          : `The children’s introduction visit is already booked for ${when}. Cancel it before booking another.`,
        'already_booked',
      );
    }
    const id = await insertVisit(tx, {
      caseId,
      centreId,
      kind: input.kind,
      personId: person.id,
      scheduledAt,
      place: input.place ?? null,
      staffUserId: input.staffUserId ?? null,
    });
    const sent = await tellTheAdult(tx, centreId, centre, person, {
      subject: (when) =>
        input.kind === 'adult'
          ? `Your visit with ${centre.name}: ${when}`
          : `The children’s introduction visit at ${centre.name}: ${when}`,
      lines: (when) => [
        input.kind === 'adult'
          ? `${centre.name} would like to meet you on your own before contact begins, to talk about how it will work and to hear any worries you have.`
          : `Before contact begins, the children are invited to visit ${centre.name} with you, to see the rooms and meet the staff.`,
        '',
        `When: ${when}`,
        `Where: ${input.place ?? [centre.name, centre.address].filter(Boolean).join(', ')}`,
        ...(staffName ? [`With: ${staffName}`] : []),
        '',
        'If you cannot come at this time, please tell the centre as soon as you can.',
      ],
      scheduledAt,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'intake.scheduled',
      outcome: 'success',
      resourceType: 'intake_visit',
      resourceId: id,
      centreId,
      detail: { caseId, kind: input.kind, mailed: sent },
    });
    return { visitId: id, mailed: sent };
  });
  return { ...(await visitOf(db, caseId, visitId)), mailed };
}

/**
 * Mails one adult about their own visit, at their own current email address and nowhere else; the
 * message names nobody but them, the centre and its staff. No mail without an address of their own,
 * nor for a visit already past (a visit entered after the event).
 */
async function tellTheAdult(
  tx: Tx,
  centreId: string,
  centre: Centre,
  person: Person,
  message: { subject: (when: string) => string; lines: (when: string) => string[]; scheduledAt: Date },
): Promise<boolean> {
  if (message.scheduledAt.getTime() <= Date.now()) return false;
  const address = await ownEmailOf(tx, person.id);
  if (!address) return false;
  const when = localDateTime(message.scheduledAt, centre.timeZone);
  await queueMail(tx, {
    organisationId: centre.organisationId,
    centreId,
    toAddress: address,
    subject: message.subject(when),
    bodyText: [`Dear ${person.firstName},`, '', ...message.lines(when), '', centre.name].join('\n'),
  });
  return true;
}

export async function completeVisit(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  visitId: string,
  input: CompleteInput,
) {
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const visit = await lockVisit(tx, caseId, visitId);
    if (!visit) throw new NotFound('visit');
    refuseIfFinished(visit.status);
    const people = await peopleInCase(tx, caseId);
    const byId = new Map(people.map((p) => [p.id, p]));
    const attended = [...new Set(input.attendedPersonIds)];
    const stranger = attended.find((id) => !byId.has(id));
    if (stranger) {
      throw new RuleRefused(`${stranger} is not one of the people of this case.`, 'not_in_case');
    }
    const subject = byId.get(visit.personId)!;
    if (!attended.includes(subject.id)) {
      throw new RuleRefused(
        visit.kind === 'adult'
          ? `Record ${fullName(subject)} as attending: the visit is with them. If they did not come, cancel the visit.`
          : `Record ${fullName(subject)} as attending: the children come with the adult who brings them.`,
        'subject_absent',
      );
    }
    if (visit.kind === 'adult') {
      const otherAdult = attended.map((id) => byId.get(id)!).find((p) => p.id !== subject.id && isAdult(p));
      if (otherAdult) {
        throw new RuleRefused(
          `An intake visit is with one adult only: ${fullName(otherAdult)} cannot attend ${fullName(subject)}’s visit. Book ${fullName(otherAdult)} a visit of their own.`,
          'adults_together',
        );
      }
    } else if (!attended.some((id) => byId.get(id)!.role === 'child')) {
      throw new RuleRefused(
        'Record the children who came: the introduction visit is for the children.',
        'no_children',
      );
    }
    await updateVisit(tx, visitId, {
      status: 'done',
      attendedPersonIds: attended,
      outcome: input.outcome,
      notes: input.notes ?? null,
      completedAt: new Date(),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'intake.completed',
      outcome: 'success',
      resourceType: 'intake_visit',
      resourceId: visitId,
      centreId,
      detail: { caseId, kind: visit.kind, attended: attended.length },
    });
  });
  return visitOf(db, caseId, visitId);
}

export async function cancelVisit(db: Db, actor: Actor, centreId: string, caseId: string, visitId: string) {
  const mailed = await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const centre = await centreOf(tx, centreId);
    const visit = await lockVisit(tx, caseId, visitId);
    if (!visit) throw new NotFound('visit');
    refuseIfFinished(visit.status);
    await updateVisit(tx, visitId, { status: 'cancelled' });
    const people = await peopleInCase(tx, caseId);
    const person = people.find((p) => p.id === visit.personId)!;
    const sent = await tellTheAdult(tx, centreId, centre, person, {
      subject: (when) => `Visit cancelled: ${when}`,
      lines: (when) => [
        `The visit booked for ${when} with ${centre.name} is cancelled.`,
        'The centre will be in touch to arrange another time.',
      ],
      scheduledAt: visit.scheduledAt,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'intake.cancelled',
      outcome: 'success',
      resourceType: 'intake_visit',
      resourceId: visitId,
      centreId,
      detail: { caseId, kind: visit.kind, mailed: sent },
    });
    return sent;
  });
  return { ...(await visitOf(db, caseId, visitId)), mailed };
}

/**
 * When a case closes: every visit still waiting to happen is cancelled, and each adult told of their own
 * visit as when one visit is cancelled (the case's closing is not mentioned). Runs inside the closing's
 * transaction, which holds the case locked; answers how many were cancelled.
 */
export async function cancelVisitsOnClosure(
  tx: Tx,
  actor: Actor,
  centreId: string,
  caseId: string,
): Promise<number> {
  const waiting = await lockScheduledVisits(tx, caseId);
  if (waiting.length === 0) return 0;
  const [centre, people] = await readAll(tx, [() => centreOf(tx, centreId), () => peopleInCase(tx, caseId)]);
  for (const visit of waiting) {
    await updateVisit(tx, visit.id, { status: 'cancelled' });
    const person = people.find((p) => p.id === visit.personId)!;
    const sent = await tellTheAdult(tx, centreId, centre, person, {
      subject: (when) => `Visit cancelled: ${when}`,
      lines: (when) => [
        `The visit booked for ${when} with ${centre.name} is cancelled.`,
        'If you have any questions, please contact the centre.',
      ],
      scheduledAt: visit.scheduledAt,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'intake.cancelled',
      outcome: 'success',
      resourceType: 'intake_visit',
      resourceId: visit.id,
      centreId,
      detail: { caseId, kind: visit.kind, mailed: sent, reason: 'case_closed' },
    });
  }
  return waiting.length;
}

function refuseIfFinished(status: 'scheduled' | 'done' | 'cancelled') {
  if (status === 'done') {
    throw new Conflict('This visit has already been recorded as done.', 'visit_finished');
  }
  if (status === 'cancelled') {
    throw new Conflict('This visit has been cancelled. Book a new visit instead.', 'visit_finished');
  }
}
