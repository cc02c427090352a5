/**
 * Attendance per adult of a case: sessions attended, late arrivals, cancellations (late ones: less notice
 * than the centre asks), and no-shows — an adult who neither came nor cancelled, recorded at the door or
 * later, only once their planned arrival has passed and never for someone who arrived; and undone.
 */
import { PERMISSIONS } from '../../shared/access.js';
import { RECENT_SESSIONS, type AttendanceView, type NoShowView } from '../../shared/api/notices.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { LATE_NOTICE_HOURS } from '../bookings/planning.js';
import { caseOfCentre, caseOpenForChange, peopleInCase } from '../cases/service.js';
import { localReading } from '../plans/recurrence.js';
import type { Db } from '../platform/database.js';
import { Conflict, NotAllowed, NotFound, RuleRefused } from '../platform/errors.js';
import { dayInWords } from './messages.js';
import { centreTimeZone } from '../organisation/time-zone.js';
import { attendanceRows, bookingPersonAt, cancellationsOf, clearNoShow, markNoShow } from './repository.js';

const MINUTE_MS = 60_000;

/** Whole minutes after the planned arrival (0 when on time or early), as the roster counts them. */
const minutesLate = (arrivedAt: Date, plannedAt: Date) =>
  Math.max(0, Math.floor((arrivedAt.getTime() - plannedAt.getTime()) / MINUTE_MS));

export async function attendanceOf(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
): Promise<AttendanceView> {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  await caseOfCentre(db, centreId, caseId);
  const now = new Date();
  const [timeZone, people, rows, cancellations] = await Promise.all([
    centreTimeZone(db, centreId),
    peopleInCase(db, caseId),
    attendanceRows(db, caseId, now),
    cancellationsOf(db, caseId),
  ]);
  const clock = (instant: Date) => localReading(instant, timeZone).time;
  const adults = people.filter((person) => person.role !== 'child');
  const late = (hours: number | null) => (hours ?? 0) < LATE_NOTICE_HOURS;

  const sessions = new Map<string, AttendanceView['recentSessions'][number]>();
  for (const row of rows) {
    let session = sessions.get(row.bookingId);
    if (!session) {
      if (sessions.size === RECENT_SESSIONS) continue;
      session = {
        bookingId: row.bookingId,
        date: row.localDate,
        startTime: clock(row.startsAt),
        endTime: clock(row.endsAt),
        people: [],
      };
      sessions.set(row.bookingId, session);
    }
    session.people.push({
      personId: row.personId,
      firstName: row.firstName,
      plannedArrival: clock(row.plannedArriveAt),
      status: row.arrivedAt
        ? 'arrived'
        : row.noShowRecordedAt
          ? 'no_show'
          : row.plannedArriveAt.getTime() > now.getTime()
            ? 'not_due_yet'
            : 'not_recorded',
      arrivedAt: row.arrivedAt ? clock(row.arrivedAt) : null,
      minutesLate: row.arrivedAt ? minutesLate(row.arrivedAt, row.plannedArriveAt) : null,
    });
  }

  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'case.attendance_read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
  });
  return {
    lateNoticeHours: LATE_NOTICE_HOURS,
    adults: adults.map((adult) => {
      const own = rows.filter((row) => row.personId === adult.id);
      const cancelled = cancellations.filter((c) => c.by === 'party' && c.personId === adult.id);
      return {
        personId: adult.id,
        firstName: adult.firstName,
        lastName: adult.lastName,
        role: adult.role as AttendanceView['adults'][number]['role'],
        attended: own.filter((row) => row.arrivedAt).length,
        lateArrivals: own.filter(
          (row) => row.arrivedAt && minutesLate(row.arrivedAt, row.plannedArriveAt) > 0,
        ).length,
        cancellations: cancelled.length,
        lateCancellations: cancelled.filter((c) => late(c.noticeHours)).length,
        noShows: own.filter((row) => row.noShowRecordedAt).length,
      };
    }),
    cancelledByCentre: cancellations.filter((c) => c.by === 'centre').length,
    cancelledByProfessional: cancellations.filter((c) => c.by === 'professional').length,
    recentSessions: [...sessions.values()],
  };
}

async function personOfSession(db: Db, centreId: string, bookingId: string, personId: string) {
  const person = await bookingPersonAt(db, centreId, bookingId, personId);
  if (!person) throw new NotFound('person', 'That person is not in this session.');
  if (person.status !== 'booked') {
    throw new Conflict('This session was cancelled, so nobody can be recorded as not coming.', 'cancelled');
  }
  return person;
}

/** Records that an adult did not come (and did not cancel): after their planned arrival, never if they came. */
export async function recordNoShow(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  personId: string,
): Promise<NoShowView> {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const clock = (instant: Date) => localReading(instant, timeZone).time;
  const person = await personOfSession(db, centreId, bookingId, personId);
  if (person.role === 'child') {
    throw new RuleRefused(
      `Record the adult who did not come: ${person.firstName} comes with an adult.`,
      'child_no_show',
    );
  }
  if (person.arrivedAt) {
    throw new Conflict(
      `${person.firstName} was checked in at ${clock(person.arrivedAt)}.`,
      'already_arrived',
    );
  }
  if (person.noShowRecordedAt) {
    throw new Conflict(`${person.firstName} is already recorded as not coming.`, 'already_recorded');
  }
  const now = new Date();
  if (person.plannedArriveAt.getTime() > now.getTime()) {
    const due = localReading(person.plannedArriveAt, timeZone).date;
    const sameDay = due === localReading(now, timeZone).date;
    throw new RuleRefused(
      `${person.firstName} is not due until ${clock(person.plannedArriveAt)}${sameDay ? '' : ` on ${dayInWords(due)}`}: record that they did not come after that.`,
      'not_due_yet',
    );
  }
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, person.caseId);
    if (!(await markNoShow(tx, person.id, now, actor.userId))) {
      throw new Conflict(
        `${person.firstName} was checked in, or recorded as not coming, a moment ago.`,
        'already_recorded',
      );
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'roster.no_show',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: bookingId,
      centreId,
      detail: { personId, caseId: person.caseId },
    });
  });
  return { bookingId, personId, noShowRecordedAt: now.toISOString() };
}

/** Undoes a no-show recorded by mistake. */
export async function undoNoShow(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  personId: string,
): Promise<NoShowView> {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const person = await personOfSession(db, centreId, bookingId, personId);
  if (!person.noShowRecordedAt) {
    throw new Conflict(`${person.firstName} is not recorded as not coming.`, 'not_recorded');
  }
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, person.caseId);
    if (!(await clearNoShow(tx, person.id))) {
      throw new Conflict(`${person.firstName} is not recorded as not coming.`, 'not_recorded');
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'roster.no_show_undone',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: bookingId,
      centreId,
      detail: { personId, caseId: person.caseId },
    });
  });
  return { bookingId, personId, noShowRecordedAt: null };
}
