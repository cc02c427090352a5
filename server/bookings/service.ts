/**
 * Booking sessions from contact plans: only a case that the readiness check passes; in a room of the
 * centre, on a day it is open; with a named supervisor for supervised contact; never double-booking a
 * private room, a family or a supervisor, never over a shared hall's capacity, and never bringing two
 * adults who must not meet to one venue within their minutes of each other. The friendly checks here
 * name the conflict; the database's exclusion constraints hold the same rules under concurrent requests.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { BookingBody, BookingView, CancelBody, MoveBody } from '../../shared/api/bookings.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange } from '../cases/service.js';
import { separationOf } from '../plans/agreement-rules.js';
import {
  addDays,
  dayNumber,
  localReading,
  occurrences,
  sessionDates,
  weekdayOfDay,
  zonedInstant,
} from '../plans/recurrence.js';
import { spokenDay } from '../platform/local-time.js';
import type { ContactPlan } from '../plans/service.js';
import { type Db, type Executor, type Tx, databaseErrorOf } from '../platform/database.js';
import { AppError, Conflict, InvalidInput, NotAllowed, NotFound, RuleRefused } from '../platform/errors.js';
import { readinessAndPlan } from '../readiness/service.js';
import { currentRiskAssessment } from '../risk/service.js';
import { centreSettingsOf } from '../rules/service.js';
import { LATE_NOTICE_HOURS, noticeHours, plannedPeople, separationWindows } from './planning.js';
import {
  bookingAt,
  bookingsBetween,
  endPair,
  ensurePairs,
  clashesOf,
  futureSessionsOfCase,
  headcountInRoom,
  insertBooking,
  lockRoom,
  pairsOf,
  peopleOfCase,
  replaceBookingPeople,
  replaceWindows,
  separationClashes,
  setPairMinutes,
  supervisorAt,
  updateBooking,
  type BookingRow,
} from './repository.js';
import { checkStatus } from '../staff/check-status.js';
import { noticeOfCancellation, noticeOfMove } from '../notices/service.js';
import { refuseWhileSanctioned } from '../sanctions/holds.js';
import { centreTimeZone } from '../organisation/time-zone.js';
import { closureOn } from '../venues/service.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const clockOf = (instant: Date, timeZone: string) => localReading(instant, timeZone).time;
/** "Saturday 5 December 2026". */
export const longDate = (date: string) => `${WEEKDAYS[weekdayOfDay(dayNumber(date))]} ${spokenDay(date)}`;

/** The session's start and end for a date and start time, on the centre's clock and in UTC. */
function sessionAt(plan: ContactPlan, date: string, startTime: string, timeZone: string) {
  const [session] = occurrences(
    {
      recurrence: { frequency: 'dates', dates: [date], startTime },
      lengthMinutes: plan.lengthMinutes,
      startsOn: date,
      endsOn: date,
    },
    timeZone,
    date,
    date,
  );
  return {
    date,
    startTime: session!.startTime,
    startsAt: new Date(session!.startsAt),
    endsAt: new Date(session!.endsAt),
  };
}

interface Placement {
  centreId: string;
  caseId: string;
  caseReference: string;
  plan: ContactPlan;
  timeZone: string;
  date: string;
  startsAt: Date;
  endsAt: Date;
  roomId: string;
  supervisorUserId: string | null;
  /** The booking being moved, which must not clash with itself. */
  bookingId?: string;
}

const whenOf = (startsAt: Date, endsAt: Date, timeZone: string) =>
  `from ${clockOf(startsAt, timeZone)} to ${clockOf(endsAt, timeZone)}`;

/**
 * Everything a placement must satisfy, checked inside the transaction with the room locked; returns what
 * to write. Throws a 409/422 with a sentence naming the conflict.
 */
async function checkPlacement(tx: Tx, p: Placement) {
  // Locks the case row too, so a case closed at the same moment takes no new session.
  await caseOpenForChange(tx, p.centreId, p.caseId);
  await refuseWhileSanctioned(tx, p.caseId, p.date);
  const room = await lockRoom(tx, p.centreId, p.roomId);
  if (!room) throw new InvalidInput([{ field: 'roomId', message: 'Choose a room of this centre' }]);
  if (!room.active)
    throw new RuleRefused(`The ${room.name} is no longer in use: choose another room.`, 'room_inactive');
  const venueId = room.venueId;
  if (!venueId)
    throw new RuleRefused(`The ${room.name} is not in a venue yet: add it to one first.`, 'room_no_venue');

  const closed = await closureOn(tx, p.centreId, venueId, p.date);
  if (closed) {
    throw new Conflict(`The centre is closed on ${longDate(p.date)} (${closed.reason}).`, 'closed');
  }

  const service = p.plan.serviceType as 'supported' | 'supervised' | 'handover';
  if (service === 'supervised' && room.usage === 'shared') {
    throw new RuleRefused(
      `Supervised contact needs a private room; the ${room.name} is shared. Choose a private room.`,
      'supervised_needs_private_room',
    );
  }
  if (service === 'supervised' && !p.supervisorUserId) {
    throw new InvalidInput(
      [{ field: 'supervisorUserId', message: 'Choose the supervisor for this family' }],
      'Supervised contact needs a named supervisor.',
    );
  }
  const clashes = await clashesOf(
    tx,
    {
      caseId: p.caseId,
      privateRoomId: room.usage === 'private' ? room.id : null,
      supervisorUserId: p.supervisorUserId,
    },
    p.startsAt,
    p.endsAt,
    p.bookingId,
  );
  const sameFamily = clashes.family;
  if (sameFamily) {
    throw new Conflict(
      `This family already has a session ${whenOf(sameFamily.startsAt, sameFamily.endsAt, p.timeZone)} on ${longDate(p.date)}.`,
      'family_double_booked',
    );
  }

  let supervisorName: string | null = null;
  if (p.supervisorUserId) {
    const supervisor = await supervisorAt(tx, p.centreId, p.supervisorUserId);
    if (!supervisor || supervisor.status !== 'active') {
      throw new InvalidInput([
        { field: 'supervisorUserId', message: 'Choose a supervisor or coordinator of this centre' },
      ]);
    }
    const { problems } = checkStatus(supervisor, p.date);
    if (problems.length > 0) {
      const said = problems.map((problem) => problem.charAt(0).toLowerCase() + problem.slice(1));
      throw new RuleRefused(
        `${supervisor.displayName} cannot be put on this session: ${said.join('; ')}.`,
        'staff_checks_not_current',
      );
    }
    supervisorName = supervisor.displayName;
    const busy = clashes.supervisor;
    if (busy) {
      throw new Conflict(
        `${supervisor.displayName} is already supervising another family (${busy.caseReference}) ${whenOf(busy.startsAt, busy.endsAt, p.timeZone)} that day.`,
        'supervisor_double_booked',
      );
    }
  }

  const people = await peopleOfCase(tx, p.caseId);
  const attendees = people.filter((person) => p.plan.attendeePersonIds.includes(person.id));
  const headcount = attendees.length;
  if (room.usage === 'private') {
    if (headcount > room.capacity) {
      throw new RuleRefused(
        `The ${room.name} holds ${room.capacity} people; this family is ${headcount}. Choose a larger room.`,
        'room_too_small',
      );
    }
    const taken = clashes.room;
    if (taken) {
      throw new Conflict(
        `The ${room.name} is already booked ${whenOf(taken.startsAt, taken.endsAt, p.timeZone)} on ${longDate(p.date)} (${taken.caseReference}). Choose another room or time.`,
        'room_double_booked',
      );
    }
  } else {
    const already = await headcountInRoom(tx, room.id, p.startsAt, p.endsAt, p.bookingId);
    if (already + headcount > room.capacity) {
      throw new Conflict(
        `The ${room.name} holds ${room.capacity} people; ${already} are booked in at that time and this family is ${headcount}. Choose another room or time.`,
        'room_full',
      );
    }
  }
  const planned = plannedPeople({ startsAt: p.startsAt, endsAt: p.endsAt }, attendees, p.plan.timings);
  // The assessment's pairs become separation pairs (once); their minutes follow the latest assessment
  // and the centre's buffer, which is a floor.
  const settings = await centreSettingsOf(tx, p.centreId);
  const separation = separationOf((await currentRiskAssessment(tx, p.caseId))?.conditions);
  const gap = Math.max(separation.staggerMinutes ?? 0, settings.separationBufferMinutes);
  const assessed = separation.pairs.map(([a, b]) => ({
    personAId: a < b ? a : b,
    personBId: a < b ? b : a,
    minutes: gap,
  }));
  const adultIds = planned.filter((person) => person.role !== 'child').map((person) => person.personId);
  const familyIds = new Set(people.map((person) => person.id));
  let found = await pairsOf(tx, adultIds);
  const missing = assessed.filter(
    (a) => !found.some((pair) => pair.personAId === a.personAId && pair.personBId === a.personBId),
  );
  if (missing.length > 0) {
    await ensurePairs(tx, p.centreId, missing);
    found = await pairsOf(tx, adultIds);
  }
  // A pair of this family that the current assessment no longer names has ended.
  const stale = found.filter(
    (pair) =>
      pair.source === 'risk_assessment' &&
      familyIds.has(pair.personAId) &&
      familyIds.has(pair.personBId) &&
      !assessed.some((a) => a.personAId === pair.personAId && a.personBId === pair.personBId),
  );
  for (const pair of stale) await endPair(tx, pair.id);
  const pairs = found.filter((pair) => !stale.includes(pair));
  for (const pair of pairs) {
    const fromAssessment = assessed.find(
      (a) => a.personAId === pair.personAId && a.personBId === pair.personBId,
    );
    if (fromAssessment && fromAssessment.minutes !== pair.minutes) {
      await setPairMinutes(tx, pair.id, fromAssessment.minutes);
      pair.minutes = fromAssessment.minutes;
    }
  }
  const windows = separationWindows(planned, pairs);
  const apart = await separationClashes(tx, venueId, p.bookingId, windows);
  if (apart.length > 0) {
    const clash = apart[0]!;
    const who = people.find((person) => person.id === clash.personId);
    const sameCase = clash.otherCaseId === p.caseId;
    throw new Conflict(
      `${who?.firstName ?? 'Someone'} ${who?.lastName.slice(0, 1) ?? ''}. must not meet ${clash.otherFirstName} ${clash.otherLastName.slice(0, 1)}.${sameCase ? '' : ' (another family)'}, who is at ${longDate(p.date)} ${whenOf(clash.otherArrives, clash.otherLeaves, p.timeZone)}: keep ${clash.minutes} minutes between them.`,
      'must_not_meet',
    );
  }
  return { room, venueId, headcount, people, planned, windows, supervisorName, service };
}

const CONSTRAINT_SENTENCES: Record<string, [string, string]> = {
  bookings_room_once: [
    'room_double_booked',
    'Someone else booked that room for an overlapping time just now. Choose another room or time.',
  ],
  bookings_family_once: [
    'family_double_booked',
    'This family was booked for an overlapping time just now. Reload to see it.',
  ],
  bookings_supervisor_once: [
    'supervisor_double_booked',
    'That supervisor was booked with another family for an overlapping time just now. Choose another supervisor.',
  ],
  separation_windows_stay_apart: [
    'must_not_meet',
    'Someone this family must not meet was booked at that venue and time just now. Choose another time.',
  ],
  separation_windows_doors_apart: [
    'must_not_meet',
    'Two adults who must not meet would arrive or leave too close together. Choose another time.',
  ],
};

/** A constraint that refused a write made at the same moment as another, in words. */
function answerOf(error: unknown): unknown {
  const { code, constraint } = databaseErrorOf(error);
  if (code === '23P01' && constraint && CONSTRAINT_SENTENCES[constraint]) {
    const [reason, sentence] = CONSTRAINT_SENTENCES[constraint];
    return new Conflict(sentence, reason);
  }
  return error;
}

async function refusalAudited(
  db: Db,
  actor: Actor,
  action: string,
  centreId: string,
  id: string,
  error: unknown,
) {
  const answer = answerOf(error);
  if (answer instanceof AppError && answer.statusCode >= 409) {
    await recordAudit(db, actor.meta, whoOf(actor), {
      action,
      outcome: 'refused',
      resourceType: 'case',
      resourceId: id,
      centreId,
      detail: { reason: answer.code },
    });
  }
  return answer;
}

/** The plan to book from, once the readiness check passes, and the centre's time zone. */
async function readyPlan(
  db: Db,
  centreId: string,
  found: Awaited<ReturnType<typeof caseOfCentre>>,
): Promise<{ plan: ContactPlan; timeZone: string }> {
  const { readiness, plan, timeZone } = await readinessAndPlan(db, centreId, found.id, found);
  if (!readiness.ready) {
    throw new RuleRefused(
      `This family cannot be booked yet. ${readiness.blockers.map((b) => b.message).join(' ')}`,
      'not_ready',
    );
  }
  if (!plan) throw new RuleRefused('This family has no agreed contact plan yet.', 'not_ready');
  return { plan, timeZone };
}

function sessionFor(plan: ContactPlan, date: string, startTime: string | undefined, timeZone: string) {
  if (date < plan.startsOn || (plan.endsOn && date > plan.endsOn)) {
    throw new InvalidInput([
      {
        field: 'date',
        message: plan.endsOn
          ? `The plan runs from ${longDate(plan.startsOn)} to ${longDate(plan.endsOn)}: choose a date within it`
          : `The plan starts on ${longDate(plan.startsOn)}: choose a date from then`,
      },
    ]);
  }
  const time = startTime ?? plan.recurrence.startTime;
  const session = sessionAt(plan, date, time, timeZone);
  if (session.startsAt.getTime() <= Date.now()) {
    throw new InvalidInput(
      [{ field: 'date', message: 'Choose a session that has not started yet' }],
      'That session has already started: choose a later date or time.',
    );
  }
  const inPattern = sessionDates(plan, date, date).length === 1 && time === plan.recurrence.startTime;
  return { ...session, source: inPattern ? ('plan' as const) : ('added' as const) };
}

/** Books one session of the case's plan (or one added session within the plan's dates). */
export async function bookSession(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  body: BookingBody,
): Promise<BookingView> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const found = await caseOfCentre(db, centreId, caseId);
  let view: BookingView;
  try {
    const { plan, timeZone } = await readyPlan(db, centreId, found);
    const session = sessionFor(plan, body.date, body.startTime, timeZone);
    view = await db.transaction(async (tx) => {
      const placed = await checkPlacement(tx, {
        centreId,
        caseId,
        caseReference: found.reference,
        plan,
        timeZone,
        date: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        roomId: body.roomId,
        supervisorUserId: body.supervisorUserId,
      });
      const row = await insertBooking(tx, {
        centreId,
        caseId,
        planId: plan.id,
        venueId: placed.venueId,
        roomId: placed.room.id,
        localDate: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        serviceType: placed.service,
        source: session.source,
        exclusive: placed.room.usage === 'private',
        headcount: placed.headcount,
        supervisorUserId: body.supervisorUserId,
        createdByUserId: actor.userId,
      });
      await replaceBookingPeople(tx, centreId, row.id, placed.planned, { fresh: true });
      await replaceWindows(tx, centreId, row.id, placed.venueId, placed.windows, { fresh: true });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'booking.created',
        outcome: 'success',
        resourceType: 'booking',
        resourceId: row.id,
        centreId,
        detail: { caseId, date: session.date, roomId: placed.room.id, source: session.source },
      });
      // The answer is made from what was just written, as the timetable reads it back.
      const names = new Map(placed.people.map((person) => [person.id, person]));
      return viewsFrom(
        {
          rows: [
            {
              booking: row,
              caseReference: found.reference,
              roomName: placed.room.name,
              roomUsage: placed.room.usage,
              venueName: placed.room.venueName ?? '',
              supervisorName: placed.supervisorName,
            },
          ],
          people: [...placed.planned]
            .sort((a, b) => a.arriveAt.getTime() - b.arriveAt.getTime())
            .map((person) => ({
              bookingId: row.id,
              personId: person.personId,
              firstName: names.get(person.personId)?.firstName ?? '',
              lastName: names.get(person.personId)?.lastName ?? '',
              role: person.role,
              arriveAt: person.arriveAt,
              leaveAt: person.leaveAt,
              broughtByPersonId: person.broughtByPersonId,
            })),
          separated: placed.windows.map((window) => ({ bookingId: row.id, personId: window.personId })),
        },
        timeZone,
      )[0]!;
    });
  } catch (error) {
    throw await refusalAudited(db, actor, 'booking.created', centreId, caseId, error);
  }
  return view;
}

/** Moves one session to another date, time, room or supervisor, with every check made again. */
export async function moveBooking(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  body: MoveBody,
): Promise<BookingView> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const booking = await bookingAt(db, centreId, bookingId);
  if (!booking) throw new NotFound('session');
  let zone: string | undefined;
  try {
    if (booking.status !== 'booked')
      throw new Conflict('This session was cancelled, so it cannot be moved.', 'cancelled');
    if (booking.startsAt.getTime() <= Date.now()) {
      throw new RuleRefused('This session has already started, so it cannot be moved.', 'started');
    }
    const found = await caseOfCentre(db, centreId, booking.caseId);
    const { plan, timeZone } = await readyPlan(db, centreId, found);
    zone = timeZone;
    const date = body.date ?? booking.localDate;
    const startTime = body.startTime ?? (body.date ? undefined : clockOf(booking.startsAt, timeZone));
    const session = sessionFor(plan, date, startTime, timeZone);
    const supervisorUserId =
      body.supervisorUserId === undefined ? booking.supervisorUserId : body.supervisorUserId;
    await db.transaction(async (tx) => {
      const placed = await checkPlacement(tx, {
        centreId,
        caseId: booking.caseId,
        caseReference: found.reference,
        plan,
        timeZone,
        date: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        roomId: body.roomId ?? booking.roomId,
        supervisorUserId,
        bookingId,
      });
      await updateBooking(tx, bookingId, {
        planId: plan.id,
        venueId: placed.venueId,
        roomId: placed.room.id,
        localDate: session.date,
        startsAt: session.startsAt,
        endsAt: session.endsAt,
        serviceType: placed.service,
        source: session.source,
        exclusive: placed.room.usage === 'private',
        headcount: placed.headcount,
        supervisorUserId,
      });
      await replaceBookingPeople(tx, centreId, bookingId, placed.planned);
      await replaceWindows(tx, centreId, bookingId, placed.venueId, placed.windows);
      await noticeOfMove(tx, actor, booking);
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'booking.moved',
        outcome: 'success',
        resourceType: 'booking',
        resourceId: bookingId,
        centreId,
        detail: {
          caseId: booking.caseId,
          from: booking.localDate,
          to: session.date,
          roomId: placed.room.id,
        },
      });
    });
  } catch (error) {
    throw await refusalAudited(db, actor, 'booking.moved', centreId, booking.caseId, error);
  }
  return (await viewsOf(db, centreId, [bookingId], { timeZone: zone }))[0]!;
}

/** Cancels one session, recording who called it off, why, and how much notice was given. */
export async function cancelBooking(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  body: CancelBody,
): Promise<BookingView> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const booking = await bookingAt(db, centreId, bookingId);
  if (!booking) throw new NotFound('session');
  try {
    if (booking.status !== 'booked') throw new Conflict('This session is already cancelled.', 'cancelled');
    if (body.personId) {
      const people = await peopleOfCase(db, booking.caseId);
      const person = people.find((p) => p.id === body.personId);
      if (!person || person.role === 'child') {
        throw new InvalidInput([{ field: 'personId', message: 'Choose an adult of this family' }]);
      }
    }
    const toldAt = body.toldAt ? new Date(body.toldAt) : new Date();
    if (toldAt.getTime() > Date.now() + 60_000) {
      throw new InvalidInput([
        { field: 'toldAt', message: 'When the centre was told cannot be in the future' },
      ]);
    }
    await db.transaction(async (tx) => {
      await cancelRow(tx, booking, {
        by: body.by,
        personId: body.by === 'party' ? body.personId : null,
        reason: body.reason,
        toldAt,
        userId: actor.userId,
      });
      await noticeOfCancellation(tx, actor, booking, { by: body.by, personId: body.personId });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'booking.cancelled',
        outcome: 'success',
        resourceType: 'booking',
        resourceId: bookingId,
        centreId,
        detail: { caseId: booking.caseId, by: body.by, noticeHours: noticeHours(toldAt, booking.startsAt) },
      });
    });
  } catch (error) {
    throw await refusalAudited(db, actor, 'booking.cancelled', centreId, booking.caseId, error);
  }
  return (await viewsOf(db, centreId, [bookingId], { includeCancelled: true }))[0]!;
}

/**
 * Cancels every session of a case still to come, by the centre, with the reason given (closing the
 * case). Each cancellation is audited; returns how many there were.
 */
export async function cancelFutureSessions(
  tx: Executor,
  actor: Actor,
  centreId: string,
  caseId: string,
  reason: string,
): Promise<number> {
  const now = new Date();
  const upcoming = await futureSessionsOfCase(tx, caseId, now);
  for (const booking of upcoming) {
    await cancelRow(tx, booking, { by: 'centre', personId: null, reason, toldAt: now, userId: actor.userId });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'booking.cancelled',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: booking.id,
      centreId,
      detail: { caseId, by: 'centre', because: 'case_closed' },
    });
  }
  return upcoming.length;
}

/** Marks a booking cancelled and frees its place in the separation table (used by sanctions too). */
export async function cancelRow(
  tx: Executor,
  booking: BookingRow,
  how: {
    by: 'party' | 'professional' | 'centre';
    personId: string | null;
    reason: string;
    toldAt: Date;
    userId: string;
    /** The suspension or revocation that calls it off. */
    sanctionId?: string;
  },
): Promise<void> {
  await updateBooking(tx, booking.id, {
    status: 'cancelled',
    cancelledAt: new Date(),
    cancelledByUserId: how.userId,
    cancelledBy: how.by,
    cancelledByPersonId: how.personId,
    cancellationReason: how.reason,
    cancelledBySanctionId: how.sanctionId ?? null,
    noticeHours: noticeHours(how.toldAt, booking.startsAt),
  });
  await replaceWindows(tx, booking.centreId, booking.id, booking.venueId, []);
}

/** The bookings of a centre between two local dates (inclusive), for the timetable. */
export async function listBookings(
  db: Db,
  actor: Actor,
  centreId: string,
  query: { from: string; to: string; roomId?: string; caseId?: string; includeCancelled: boolean },
): Promise<{ items: BookingView[] }> {
  if (!can(actor, PERMISSIONS.TIMETABLE_READ, centreId)) throw new NotAllowed();
  if (query.caseId) await caseOfCentre(db, centreId, query.caseId);
  const timeZone = await centreTimeZone(db, centreId);
  const from = zonedInstant(query.from, '00:00', timeZone);
  const to = zonedInstant(addDays(query.to, 1), '00:00', timeZone);
  const items = await views(db, centreId, timeZone, { from, to }, query);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'booking.list_read',
    outcome: 'success',
    resourceType: query.caseId ? 'case' : 'centre',
    resourceId: query.caseId ?? centreId,
    centreId,
    detail: { from: query.from, to: query.to, count: items.length },
  });
  return { items };
}

async function viewsOf(
  db: Executor,
  centreId: string,
  ids: string[],
  { includeCancelled = false, timeZone }: { includeCancelled?: boolean; timeZone?: string } = {},
) {
  const zone = timeZone ?? (await centreTimeZone(db, centreId));
  return views(db, centreId, zone, null, { bookingIds: ids, includeCancelled });
}

async function views(
  db: Executor,
  centreId: string,
  timeZone: string,
  window: { from: Date; to: Date } | null,
  filters: { roomId?: string; caseId?: string; bookingIds?: string[]; includeCancelled?: boolean },
): Promise<BookingView[]> {
  return viewsFrom(await bookingsBetween(db, centreId, window, filters), timeZone);
}

/** Sessions as the timetable shows them, from their rows, people and who among them is kept apart. */
function viewsFrom(
  { rows, people, separated }: Awaited<ReturnType<typeof bookingsBetween>>,
  timeZone: string,
): BookingView[] {
  const flagged = new Set(separated.map((s) => `${s.bookingId} ${s.personId}`));
  return rows.map(({ booking, caseReference, roomName, roomUsage, venueName, supervisorName }) => ({
    id: booking.id,
    caseId: booking.caseId,
    caseReference,
    date: booking.localDate,
    startTime: clockOf(booking.startsAt, timeZone),
    endTime: clockOf(booking.endsAt, timeZone),
    startsAt: booking.startsAt.toISOString(),
    endsAt: booking.endsAt.toISOString(),
    serviceType: booking.serviceType,
    source: booking.source,
    status: booking.status,
    room: { id: booking.roomId, name: roomName, usage: roomUsage },
    venue: { id: booking.venueId, name: venueName },
    supervisor:
      booking.supervisorUserId && supervisorName
        ? { id: booking.supervisorUserId, displayName: supervisorName }
        : null,
    headcount: booking.headcount,
    people: people
      .filter((person) => person.bookingId === booking.id)
      .map((person) => ({
        personId: person.personId,
        firstName: person.firstName,
        initial: person.lastName.slice(0, 1),
        role: person.role,
        arrives: clockOf(person.arriveAt, timeZone),
        leaves: clockOf(person.leaveAt, timeZone),
        arrivesAt: person.arriveAt.toISOString(),
        leavesAt: person.leaveAt.toISOString(),
        broughtByPersonId: person.broughtByPersonId,
        separated: flagged.has(`${booking.id} ${person.personId}`),
      })),
    cancellation:
      booking.status === 'cancelled' && booking.cancelledBy && booking.cancelledAt
        ? {
            by: booking.cancelledBy,
            personId: booking.cancelledByPersonId,
            reason: booking.cancellationReason ?? '',
            noticeHours: booking.noticeHours ?? 0,
            late: (booking.noticeHours ?? 0) < LATE_NOTICE_HOURS,
            at: booking.cancelledAt.toISOString(),
          }
        : null,
  }));
}
