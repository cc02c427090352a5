/**
 * The timetable assistant around the pure planner: gathers the day (the families' current plans, the
 * rooms, the staff whose checks are current and their shifts on the rota, the openings, the sessions
 * already booked and every pair kept apart) from each module's service, asks the planner, and answers in
 * the centre's local time. Accepting books each session through the booking service, which checks every
 * rule again.
 * See docs/decisions/012-timetable-assistant.md.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type {
  AcceptBody,
  AcceptResult,
  AssistantBody,
  AssistantFamilies,
  AssistantPlan,
  AssistantRefusal,
} from '../../shared/api/assistant.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { listSeparations } from '../bookings/separations.js';
import { bookSession, listBookings, longDate } from '../bookings/service.js';
import { caseOfCentre, listCasesOf, peopleInCase } from '../cases/service.js';
import { roomsOf } from '../organisation/service.js';
import { separationOf } from '../plans/agreement-rules.js';
import { localReading, sessionDates, zonedInstant } from '../plans/recurrence.js';
import { currentPlan, type ContactPlan } from '../plans/service.js';
import type { Db } from '../platform/database.js';
import { AppError, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { readinessOf } from '../readiness/service.js';
import { currentRiskAssessment } from '../risk/service.js';
import { centreSettingsOf } from '../rules/service.js';
import { shiftsOn } from '../rota/service.js';
import { currentStaffOn, todayIn } from '../staff/service.js';
import { sessionOccurrencesBetween } from '../venues/service.js';
import {
  planDay,
  type AssistantService,
  type BookedSession,
  type DayInput,
  type SeparationRule,
  type SessionRequest,
} from './planner.js';
import { centreTimeZone } from '../organisation/time-zone.js';

const BOOKABLE: readonly string[] = ['supported', 'supervised', 'handover'];
const SERVICE_WORDS: Record<string, string> = {
  indirect: 'indirect contact',
  virtual: 'virtual contact',
  observed_visit: 'an outside officer’s observed visit',
};

const shortName = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName.slice(0, 1)}.`;

function notInThePast(date: string, timeZone: string) {
  if (date < todayIn(timeZone)) {
    throw new InvalidInput([{ field: 'date', message: 'Choose today or a later day' }]);
  }
}

/** A family as the planner needs it, or the sentence saying why it cannot be planned. */
type Gathered =
  | {
      kind: 'request';
      request: SessionRequest;
      plan: ContactPlan;
      preferredStartTime: string;
      people: Awaited<ReturnType<typeof peopleInCase>>;
      assessed: { personAId: string; personBId: string; minutes: number }[];
    }
  | { kind: 'refused'; refusal: AssistantRefusal };

async function gatherFamily(
  db: Db,
  centreId: string,
  caseId: string,
  preferred: string | undefined,
  date: string,
  timeZone: string,
  bufferMinutes: number,
): Promise<Gathered> {
  const found = await caseOfCentre(db, centreId, caseId);
  const refused = (reason: AssistantRefusal['reason'], message: string): Gathered => ({
    kind: 'refused',
    refusal: { caseId, caseReference: found.reference, reason, message },
  });
  const readiness = await readinessOf(db, centreId, caseId);
  if (!readiness.ready) {
    return refused(
      'not_ready',
      `This family cannot be booked yet. ${readiness.blockers.map((b) => b.message).join(' ')}`,
    );
  }
  const plan = await currentPlan(db, caseId);
  if (!plan) return refused('not_ready', 'This family has no agreed contact plan yet.');
  if (!BOOKABLE.includes(plan.serviceType)) {
    return refused(
      'not_bookable',
      `This family’s plan is for ${SERVICE_WORDS[plan.serviceType] ?? plan.serviceType}, which has no sessions to book in the timetable.`,
    );
  }
  if (date < plan.startsOn || (plan.endsOn && date > plan.endsOn)) {
    return refused(
      'outside_plan',
      plan.endsOn
        ? `The plan runs from ${longDate(plan.startsOn)} to ${longDate(plan.endsOn)}, so this day is outside it.`
        : `The plan starts on ${longDate(plan.startsOn)}, so this day is before it.`,
    );
  }
  const people = (await peopleInCase(db, caseId)).filter((p) => plan.attendeePersonIds.includes(p.id));
  const preferredStartTime = preferred ?? plan.recurrence.startTime;
  // The assessment's pairs, as booking will make them: its stagger, never under the centre's buffer.
  const separation = separationOf((await currentRiskAssessment(db, caseId))?.conditions);
  const gap = Math.max(separation.staggerMinutes ?? 0, bufferMinutes);
  const assessed = separation.pairs.map(([a, b]) => ({
    personAId: a < b ? a : b,
    personBId: a < b ? b : a,
    minutes: gap,
  }));
  return {
    kind: 'request',
    plan,
    preferredStartTime,
    people,
    assessed,
    request: {
      caseId,
      reference: found.reference,
      serviceType: plan.serviceType as AssistantService,
      lengthMinutes: plan.lengthMinutes,
      people: people.map((p) => ({ id: p.id, name: shortName(p), role: p.role })),
      timings: plan.timings,
      preferredStart: zonedInstant(date, preferredStartTime, timeZone),
    },
  };
}

/** Proposes rooms, times and supervisors for the families wanted on one day. */
export async function proposeDay(
  db: Db,
  actor: Actor,
  centreId: string,
  body: AssistantBody,
): Promise<AssistantPlan> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  notInThePast(body.date, timeZone);
  const wanted =
    body.requests ?? (body.caseIds ?? []).map((caseId) => ({ caseId, preferredStartTime: undefined }));
  const settings = await centreSettingsOf(db, centreId);

  // Each family: one of this centre's (another centre's answers as if it did not exist).
  const gathered: Gathered[] = [];
  const unknown: { field: string; message: string }[] = [];
  for (const [index, want] of wanted.entries()) {
    try {
      gathered.push(
        await gatherFamily(
          db,
          centreId,
          want.caseId,
          want.preferredStartTime,
          body.date,
          timeZone,
          settings.separationBufferMinutes,
        ),
      );
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      unknown.push({
        field: body.requests ? `requests.${index}.caseId` : `caseIds.${index}`,
        message: 'Choose a family of this centre',
      });
    }
  }
  if (unknown.length > 0) throw new InvalidInput(unknown);

  const [rooms, staff, shifts, occurrences, booked, separations] = await Promise.all([
    roomsOf(db, actor, centreId),
    currentStaffOn(db, centreId, body.date),
    shiftsOn(db, centreId, body.date),
    sessionOccurrencesBetween(db, centreId, body.date, body.date),
    listBookings(db, actor, centreId, { from: body.date, to: body.date, includeCancelled: false }),
    listSeparations(db, actor, centreId),
  ]);

  const requests = gathered.flatMap((g) => (g.kind === 'request' ? [g] : []));
  const pairs = pairsForDay(
    separations.items.map((s) => ({
      id: s.id,
      personAId: s.personA.id,
      personBId: s.personB.id,
      minutes: s.minutes,
      source: s.source,
    })),
    requests,
  );

  // A session is booked only before it starts: today, the openings begin from the next minute.
  const now = Date.now();
  const fromNow = Math.ceil((now + 1) / 60_000) * 60_000;
  const venueNames = new Map(occurrences.map((o) => [o.venueId, o.venueName]));
  const openings = occurrences
    .filter((o) => !o.closed)
    .map((o) => ({
      venueId: o.venueId,
      startsAt: new Date(Math.max(Date.parse(o.startsAt), fromNow)),
      endsAt: new Date(o.endsAt),
    }))
    .filter((o) => o.endsAt > o.startsAt);
  const closures = [
    ...new Set(occurrences.filter((o) => o.closed && o.closure).map((o) => o.closure!.reason)),
  ];

  const bookedSessions: BookedSession[] = booked.items.map((b) => ({
    id: b.id,
    caseId: b.caseId,
    reference: b.caseReference,
    roomId: b.room.id,
    venueId: b.venue.id,
    startsAt: new Date(b.startsAt),
    endsAt: new Date(b.endsAt),
    headcount: b.headcount,
    exclusive: b.room.usage === 'private',
    supervisorId: b.supervisor?.id ?? null,
    people: b.people.map((p) => ({
      personId: p.personId,
      name: `${p.firstName} ${p.initial}.`,
      role: p.role,
      arriveAt: new Date(p.arrivesAt),
      leaveAt: new Date(p.leavesAt),
      broughtByPersonId: p.broughtByPersonId,
    })),
  }));
  for (const b of booked.items) venueNames.set(b.venue.id, b.venue.name);

  const input: DayInput = {
    date: body.date,
    timeZone,
    openings,
    closures,
    requests: requests.map((g) => g.request),
    rooms: rooms.map((room) => ({
      id: room.id,
      name: room.name,
      venueId: room.venueId,
      capacity: room.capacity,
      usage: room.usage,
      active: room.active,
    })),
    staff: staff.map((s) => ({
      id: s.userId,
      name: s.displayName,
      roles: s.roles,
      checksCurrent: s.checks.current,
      commitments: [],
      // A supervisor rostered as a volunteer is busy in the hall, not free to supervise.
      shifts: shifts.filter((shift) => shift.userId === s.userId && shift.role !== 'volunteer'),
    })),
    booked: bookedSessions,
    separations: pairs,
    bufferMinutes: settings.separationBufferMinutes,
  };
  const day = planDay(input);

  const clock = (instant: Date) => localReading(instant, timeZone).time;
  const byCase = new Map(requests.map((g) => [g.request.caseId, g]));
  const roomById = new Map(rooms.map((room) => [room.id, room]));
  const staffById = new Map(staff.map((s) => [s.userId, s]));
  const proposals = day.proposals.map((proposal) => {
    const g = byCase.get(proposal.caseId)!;
    const room = roomById.get(proposal.roomId)!;
    const supervisor = proposal.supervisorId ? staffById.get(proposal.supervisorId) : undefined;
    const startTime = clock(proposal.startsAt);
    const people = new Map(g.people.map((p) => [p.id, p]));
    const inPattern =
      sessionDates(g.plan, body.date, body.date).length === 1 && startTime === g.plan.recurrence.startTime;
    return {
      caseId: proposal.caseId,
      caseReference: proposal.reference,
      serviceType: g.request.serviceType,
      date: body.date,
      startTime,
      endTime: clock(proposal.endsAt),
      startsAt: proposal.startsAt.toISOString(),
      endsAt: proposal.endsAt.toISOString(),
      preferredStartTime: g.preferredStartTime,
      movedMinutes: proposal.movedMinutes,
      source: inPattern ? ('plan' as const) : ('added' as const),
      room: { id: room.id, name: room.name, usage: room.usage },
      venue: { id: proposal.venueId, name: venueNames.get(proposal.venueId) ?? '' },
      supervisor: supervisor ? { id: supervisor.userId, displayName: supervisor.displayName } : null,
      headcount: proposal.people.length,
      people: proposal.people.map((p) => {
        const person = people.get(p.personId)!;
        return {
          personId: p.personId,
          firstName: person.firstName,
          initial: person.lastName.slice(0, 1),
          role: p.role,
          arrives: clock(p.arriveAt),
          leaves: clock(p.leaveAt),
          arrivesAt: p.arriveAt.toISOString(),
          leavesAt: p.leaveAt.toISOString(),
          broughtByPersonId: p.broughtByPersonId,
        };
      }),
    };
  });
  const refusals: AssistantRefusal[] = [
    ...gathered.flatMap((g) => (g.kind === 'refused' ? [g.refusal] : [])),
    ...day.refusals.map((r) => ({
      caseId: r.caseId,
      caseReference: r.reference,
      reason: r.reason,
      message: r.explanation,
    })),
  ];
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'timetable_assistant.proposed',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: {
      date: body.date,
      caseIds: wanted.map((w) => w.caseId),
      proposed: proposals.length,
      refused: refusals.length,
    },
  });
  // In the order the families were asked for.
  const order = new Map(wanted.map((w, i) => [w.caseId, i]));
  refusals.sort((a, b) => order.get(a.caseId)! - order.get(b.caseId)!);
  return { date: body.date, timeZone, proposals, refusals };
}

/**
 * The pairs kept apart that day: the centre's active pairs, with each wanted family's own pairs as its
 * current risk assessment names them (a pair it no longer names is left out, its minutes follow the
 * assessment), exactly as booking the family will record them.
 */
function pairsForDay(
  stored: (SeparationRule & { source: 'risk_assessment' | 'coordinator' })[],
  requests: Extract<Gathered, { kind: 'request' }>[],
): SeparationRule[] {
  const familyOf = new Map<string, string>();
  for (const g of requests) for (const p of g.people) familyOf.set(p.id, g.request.caseId);
  const ownFamily = (pair: SeparationRule) =>
    familyOf.has(pair.personAId) && familyOf.get(pair.personAId) === familyOf.get(pair.personBId);
  const key = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const kept = stored.filter((pair) => !(pair.source === 'risk_assessment' && ownFamily(pair)));
  const byKey = new Map(stored.map((pair) => [key(pair.personAId, pair.personBId), pair]));
  const fromAssessments = requests.flatMap((g) =>
    g.assessed.map((a) => ({
      id: byKey.get(key(a.personAId, a.personBId))?.id ?? `assessment:${key(a.personAId, a.personBId)}`,
      personAId: a.personAId,
      personBId: a.personBId,
      minutes: a.minutes,
    })),
  );
  const assessedKeys = new Set(fromAssessments.map((p) => key(p.personAId, p.personBId)));
  return [
    ...kept
      .filter((pair) => !assessedKeys.has(key(pair.personAId, pair.personBId)))
      .map(({ id, personAId, personBId, minutes }) => ({ id, personAId, personBId, minutes })),
    ...fromAssessments,
  ];
}

/**
 * Books the sessions one by one through the booking service (every rule checked again, in its own
 * transaction), in the order given, and reports each family's result: one refused does not stop the rest.
 */
export async function acceptDay(
  db: Db,
  actor: Actor,
  centreId: string,
  body: AcceptBody,
): Promise<AcceptResult> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  notInThePast(body.date, await centreTimeZone(db, centreId));
  const items: AcceptResult['items'] = [];
  for (const session of body.sessions) {
    try {
      const booking = await bookSession(db, actor, centreId, session.caseId, {
        date: body.date,
        startTime: session.startTime,
        roomId: session.roomId,
        supervisorUserId: session.supervisorUserId,
      });
      items.push({ caseId: session.caseId, status: 'booked', booking, refusal: null });
    } catch (error) {
      if (!(error instanceof AppError) || error.statusCode >= 500) throw error;
      items.push({
        caseId: session.caseId,
        status: 'refused',
        booking: null,
        refusal: {
          code: error.code,
          message: error instanceof NotFound ? 'This family was not found at this centre.' : error.message,
          ...(error.details ? { details: error.details } : {}),
        },
      });
    }
  }
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'timetable_assistant.accepted',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: {
      date: body.date,
      booked: items.filter((i) => i.status === 'booked').length,
      refused: items.filter((i) => i.status === 'refused').length,
    },
  });
  return { items };
}

/** The centre's open families that are ready to book, with whether their plan meets on the day. */
export async function familiesFor(
  db: Db,
  actor: Actor,
  centreId: string,
  date: string,
): Promise<AssistantFamilies> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const cases = (await listCasesOf(db, actor, centreId)).filter((c) => c.status === 'open');
  const booked = await listBookings(db, actor, centreId, { from: date, to: date, includeCancelled: false });
  const bookedCases = new Set(booked.items.map((b) => b.caseId));
  const items: AssistantFamilies['items'] = [];
  for (const c of cases) {
    const readiness = await readinessOf(db, centreId, c.id);
    if (!readiness.ready) continue;
    const plan = await currentPlan(db, c.id);
    if (!plan || !BOOKABLE.includes(plan.serviceType)) continue;
    items.push({
      caseId: c.id,
      caseReference: c.reference,
      familyName: c.familyName,
      serviceType: plan.serviceType,
      startTime: plan.recurrence.startTime,
      lengthMinutes: plan.lengthMinutes,
      onPattern: sessionDates(plan, date, date).length === 1,
      booked: bookedCases.has(c.id),
    });
  }
  return {
    items: items.sort(
      (a, b) => a.startTime.localeCompare(b.startTime) || a.caseReference.localeCompare(b.caseReference),
    ),
  };
}
