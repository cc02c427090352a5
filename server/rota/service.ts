/**
 * The rota: who is on duty, where and when. Only staff of the centre whose criminal-record check and
 * training are current on the day can be put on it (server/staff decides "current"); a person is on one
 * shift at a time, at any centre (the exclusion constraint rota_shifts_once holds it under concurrent
 * requests; the check here names the clash first). The staffing warnings come from the pure rule in
 * staffing.ts.
 */
import { PERMISSIONS, type CentreRole } from '../../shared/access.js';
import type { RotaStaffList, RotaView, ShiftInput, ShiftRole, ShiftView } from '../../shared/api/rota.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { addDays, dayNumber, localReading, weekdayOfDay, zonedInstant } from '../plans/recurrence.js';
import { databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { AppError, Conflict, InvalidInput, NotAllowed, NotFound, RuleRefused } from '../platform/errors.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import { currentStaffOn } from '../staff/service.js';
import { closureOn, openingSessionsOf, sessionOccurrencesBetween, usableVenue } from '../venues/service.js';
import {
  bookedSessionsBetween,
  deleteShift,
  findShift,
  insertShift,
  overlappingShift,
  shiftsBetween,
  shiftsUnderWay,
  type ShiftRow,
} from './repository.js';
import { staffingOf } from './staffing.js';
import { centreTimeZone } from '../organisation/time-zone.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** "Saturday 5 December 2026". */
const longDate = (date: string) => `${WEEKDAYS[weekdayOfDay(dayNumber(date))]} ${spokenDay(date)}`;
const clockOf = (instant: Date, timeZone: string) => localReading(instant, timeZone).time;

/** What each role at the centre may do on a shift: a volunteer is never rostered as a supervisor. */
const SHIFT_ROLES_OF: Record<CentreRole, ShiftRole[]> = {
  coordinator: ['coordinator', 'supervisor', 'volunteer'],
  supervisor: ['supervisor', 'volunteer'],
  volunteer: ['volunteer'],
  safeguarding_lead: ['volunteer'],
};
const ROLE_WORDS: Record<CentreRole, string> = {
  coordinator: 'a coordinator',
  supervisor: 'a supervisor',
  volunteer: 'a volunteer',
  safeguarding_lead: 'a safeguarding lead',
};

export const shiftRolesOf = (roles: readonly CentreRole[]): ShiftRole[] => {
  const allowed = new Set(roles.flatMap((role) => SHIFT_ROLES_OF[role]));
  return (['coordinator', 'supervisor', 'volunteer'] as const).filter((role) => allowed.has(role));
};

function shiftView(row: ShiftRow, timeZone: string): ShiftView {
  return {
    id: row.id,
    userId: row.userId,
    displayName: row.displayName,
    role: row.role,
    venue: { id: row.venueId, name: row.venueName },
    openingSession:
      row.openingSessionId && row.openingSessionName
        ? { id: row.openingSessionId, name: row.openingSessionName }
        : null,
    date: row.localDate,
    startTime: clockOf(row.startsAt, timeZone),
    endTime: clockOf(row.endsAt, timeZone),
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
  };
}

/** The rota for local days `from` to `to`: shifts, the opening sessions with their staffing, warnings. */
export async function rotaOf(
  db: Db,
  actor: Actor,
  centreId: string,
  window: { from: string; to: string },
): Promise<RotaView> {
  if (!can(actor, PERMISSIONS.TIMETABLE_READ, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const start = zonedInstant(window.from, '00:00', timeZone);
  const end = zonedInstant(addDays(window.to, 1), '00:00', timeZone);
  const [shifts, occurrences, patterns, booked] = await Promise.all([
    shiftsBetween(db, centreId, window.from, window.to),
    sessionOccurrencesBetween(db, centreId, window.from, window.to),
    openingSessionsOf(db, actor, centreId),
    bookedSessionsBetween(db, centreId, start, end),
  ]);
  const settings = new Map(patterns.map((p) => [p.id, p]));
  const openings = occurrences.map((o) => ({
    ...o,
    startsAt: new Date(o.startsAt),
    endsAt: new Date(o.endsAt),
    minimumStaff: settings.get(o.openingSessionId)?.minimumStaff ?? 0,
    familiesPerVolunteer: settings.get(o.openingSessionId)?.familiesPerVolunteer ?? 1,
  }));
  const staffing = staffingOf(
    openings,
    shifts,
    booked.filter((b) => b.date >= window.from && b.date <= window.to),
    timeZone,
  );
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'rota.read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { from: window.from, to: window.to, shifts: shifts.length },
  });
  return {
    from: window.from,
    to: window.to,
    timeZone,
    shifts: shifts.map((row) => shiftView(row, timeZone)),
    sessions: openings.map((o, index) => ({
      openingSessionId: o.openingSessionId,
      name: o.name,
      serviceType: o.serviceType,
      venue: { id: o.venueId, name: o.venueName },
      date: o.date,
      startTime: o.startTime,
      endTime: o.endTime,
      closed: o.closed,
      closureReason: o.closure?.reason ?? null,
      minimumStaff: o.minimumStaff,
      familiesPerVolunteer: o.familiesPerVolunteer,
      staffOnShift: staffing.sessions[index]!.staffOnShift,
      families: staffing.sessions[index]!.families,
    })),
    warnings: staffing.warnings,
  };
}

/** Who is on the rota on a local day, where and when: for the timetable assistant, which has checked access. */
export async function shiftsOn(executor: Executor, centreId: string, date: string) {
  const rows = await shiftsBetween(executor, centreId, date, date);
  return rows.map((row) => ({
    userId: row.userId,
    role: row.role,
    venueId: row.venueId,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
  }));
}

/** The centre's staff who could be on the rota on a day, with whether their checks are current then. */
export async function rotaStaffOn(
  db: Db,
  actor: Actor,
  centreId: string,
  date: string,
): Promise<RotaStaffList> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  await centreTimeZone(db, centreId);
  const staff = await currentStaffOn(db, centreId, date);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'rota.staff_read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { date },
  });
  return {
    date,
    items: staff.map((person) => ({
      userId: person.userId,
      displayName: person.displayName,
      roles: person.roles,
      shiftRoles: shiftRolesOf(person.roles),
      checks: person.checks,
    })),
  };
}

const lowerFirst = (sentence: string) => sentence.charAt(0).toLowerCase() + sentence.slice(1);

/** Where and when the shift is: the opening session's venue and times unless others are given. */
async function placeOf(db: Db, actor: Actor, centreId: string, input: ShiftInput) {
  if (!input.openingSessionId) {
    return {
      venueId: input.venueId!,
      startTime: input.startTime!,
      endTime: input.endTime!,
      openingSessionId: null,
      closure: undefined as { reason: string } | undefined,
    };
  }
  const pattern = (await openingSessionsOf(db, actor, centreId)).find((s) => s.id === input.openingSessionId);
  if (!pattern) {
    throw new InvalidInput([{ field: 'openingSessionId', message: "Choose one of this centre's sessions" }]);
  }
  const [occurrence] = (await sessionOccurrencesBetween(db, centreId, input.date, input.date)).filter(
    (o) => o.openingSessionId === pattern.id,
  );
  if (!occurrence) {
    throw new InvalidInput([
      { field: 'openingSessionId', message: `${pattern.name} does not run on ${longDate(input.date)}` },
    ]);
  }
  if (input.venueId && input.venueId !== occurrence.venueId) {
    throw new InvalidInput([
      { field: 'venueId', message: `${pattern.name} is at ${occurrence.venueName}: choose that venue` },
    ]);
  }
  const startTime = input.startTime ?? occurrence.startTime;
  const endTime = input.endTime ?? occurrence.endTime;
  if (endTime <= startTime) {
    throw new InvalidInput([{ field: 'endTime', message: 'The shift must end after it starts' }]);
  }
  return {
    venueId: occurrence.venueId,
    startTime,
    endTime,
    openingSessionId: pattern.id,
    closure: occurrence.closure ? { reason: occurrence.closure.reason } : undefined,
  };
}

/** A constraint that refused a shift added at the same moment as another, in words. */
function answerOf(error: unknown): unknown {
  const { code, constraint } = databaseErrorOf(error);
  if (code === '23P01' && constraint === 'rota_shifts_once') {
    return new Conflict(
      'That person was put on an overlapping shift just now: a person is on one shift at a time. Reload the rota.',
      'shift_overlaps',
    );
  }
  return error;
}

async function refusalAudited(db: Db, actor: Actor, action: string, centreId: string, error: unknown) {
  const answer = answerOf(error);
  if (answer instanceof AppError && answer.statusCode >= 409) {
    await recordAudit(db, actor.meta, whoOf(actor), {
      action,
      outcome: 'refused',
      resourceType: 'centre',
      resourceId: centreId,
      centreId,
      detail: { reason: answer.code },
    });
  }
  return answer;
}

/** Puts a member of staff on the rota; refused with the reason when they cannot be. */
export async function addShift(
  db: Db,
  actor: Actor,
  centreId: string,
  input: ShiftInput,
): Promise<ShiftView> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  let shiftId: string;
  try {
    if (input.date < localDay(new Date(), timeZone)) {
      throw new InvalidInput([{ field: 'date', message: 'Choose today or a later day' }]);
    }
    const person = (await currentStaffOn(db, centreId, input.date)).find((p) => p.userId === input.userId);
    if (!person) {
      throw new InvalidInput([{ field: 'userId', message: 'Choose a member of staff of this centre' }]);
    }
    if (!shiftRolesOf(person.roles).includes(input.role)) {
      const roles = person.roles.map((role) => ROLE_WORDS[role]).join(' and ');
      throw new RuleRefused(
        `${person.displayName} is ${roles} at this centre, so cannot be on the rota as ${input.role === 'coordinator' ? 'the coordinator' : `a ${input.role}`}.`,
        'role_not_held',
      );
    }
    if (!person.checks.current) {
      throw new RuleRefused(
        `${person.displayName} cannot be put on the rota on ${longDate(input.date)}: ${person.checks.problems.map(lowerFirst).join('; ')}.`,
        'staff_checks_not_current',
      );
    }
    const place = await placeOf(db, actor, centreId, input);
    if (place.closure) {
      throw new Conflict(
        `The centre is closed on ${longDate(input.date)} (${place.closure.reason}).`,
        'closed',
      );
    }
    const startsAt = zonedInstant(input.date, place.startTime, timeZone);
    const endsAt = zonedInstant(input.date, place.endTime, timeZone);
    if (endsAt.getTime() <= Date.now()) {
      throw new InvalidInput([{ field: 'endTime', message: 'That shift has already ended' }]);
    }
    shiftId = await db.transaction(async (tx) => {
      await usableVenue(tx, centreId, place.venueId);
      const closed = place.openingSessionId
        ? undefined
        : await closureOn(tx, centreId, place.venueId, input.date);
      if (closed) {
        throw new Conflict(`The centre is closed on ${longDate(input.date)} (${closed.reason}).`, 'closed');
      }
      const clash = await overlappingShift(tx, input.userId, startsAt, endsAt);
      if (clash) {
        const where = clash.centreId === centreId ? '' : ` at ${clash.centreName}`;
        throw new Conflict(
          `${person.displayName} is already on the rota${where} from ${clockOf(clash.startsAt, clash.timeZone)} to ${clockOf(clash.endsAt, clash.timeZone)} that day: a person is on one shift at a time.`,
          'shift_overlaps',
        );
      }
      const id = await insertShift(tx, {
        centreId,
        venueId: place.venueId,
        openingSessionId: place.openingSessionId,
        userId: input.userId,
        role: input.role,
        localDate: input.date,
        startsAt,
        endsAt,
        createdByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'rota.shift_added',
        outcome: 'success',
        resourceType: 'rota_shift',
        resourceId: id,
        centreId,
        detail: { userId: input.userId, date: input.date, role: input.role },
      });
      return id;
    });
  } catch (error) {
    throw await refusalAudited(db, actor, 'rota.shift_added', centreId, error);
  }
  return shiftView((await findShift(db, centreId, shiftId))!, timeZone);
}

/** Takes a shift off the rota; one that has ended stays, as the record of who was on duty. */
export async function removeShift(db: Db, actor: Actor, centreId: string, shiftId: string): Promise<void> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const shift = await findShift(db, centreId, shiftId);
  if (!shift) throw new NotFound('shift');
  if (shift.endsAt.getTime() <= Date.now()) {
    const refused = new Conflict(
      'This shift has ended: it stays on the rota as the record of who was on duty.',
      'shift_ended',
    );
    throw await refusalAudited(db, actor, 'rota.shift_removed', centreId, refused);
  }
  await db.transaction(async (tx) => {
    if (!(await deleteShift(tx, centreId, shiftId))) throw new NotFound('shift');
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'rota.shift_removed',
      outcome: 'success',
      resourceType: 'rota_shift',
      resourceId: shiftId,
      centreId,
      detail: { userId: shift.userId, date: shift.localDate },
    });
  });
}

/**
 * Staff on the rota at the centre at this moment, for the fire roll call (the on-site list): name, the
 * venue of their shift and when it started on the centre's clock. No actor: the caller has checked who
 * may see the list.
 */
export async function staffOnDutyAt(executor: Executor, centreId: string, at = new Date()) {
  const timeZone = await centreTimeZone(executor, centreId);
  return (await shiftsUnderWay(executor, centreId, at)).map((shift) => ({
    userId: shift.userId,
    name: shift.name,
    venue: shift.venue,
    since: clockOf(shift.since, timeZone),
  }));
}
