/**
 * The session day at the door. The roster shows only first names, times, the room and safety flags
 * (a volunteer sees nothing more). A child is never checked in without the adult who brings them, and
 * is handed back to that adult; departures are prompted in the planned order so that adults kept apart
 * never meet at the door.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { RosterSession } from '../../shared/api/roster.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { localReading } from '../plans/recurrence.js';
import type { Db } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { localDay } from '../platform/local-time.js';
import { staffOnDutyAt } from '../rota/service.js';
import {
  bookingPersonOf,
  clearArrival,
  clearDeparture,
  markArrived,
  markLeft,
  onSiteNow,
  peopleOfBooking,
  sessionsOfDay,
} from './repository.js';
import { centreTimeZone } from '../organisation/time-zone.js';

const MINUTE_MS = 60_000;

type DayRows = Awaited<ReturnType<typeof sessionsOfDay>>;

function sessionsFrom({ rows, apart, assessments }: DayRows, timeZone: string): RosterSession[] {
  const clock = (instant: Date | null) => (instant ? localReading(instant, timeZone).time : null);
  const keptApart = new Set(apart.map((a) => `${a.bookingId} ${a.personId}`));
  const conditions = new Map(
    assessments.map((a) => [
      a.caseId,
      a.conditions as { separateEntrances?: boolean; separateWaitingRooms?: boolean },
    ]),
  );
  const sessions = new Map<
    string,
    RosterSession & { leaving: { id: string; at: Date; left: boolean; firstName: string }[] }
  >();
  for (const row of rows) {
    let session = sessions.get(row.bookingId);
    if (!session) {
      session = {
        bookingId: row.bookingId,
        startTime: clock(row.startsAt)!,
        endTime: clock(row.endsAt)!,
        room: row.room,
        venue: row.venue,
        serviceType: row.serviceType,
        supervisor: row.supervisor,
        people: [],
        nextToLeave: null,
        leaving: [],
      };
      sessions.set(row.bookingId, session);
    }
    const adult = row.role !== 'child';
    const flags: RosterSession['people'][number]['flags'] = [];
    const family = conditions.get(row.caseId);
    if (adult && keptApart.has(`${row.bookingId} ${row.personId}`)) flags.push('keep_apart');
    if (adult && family?.separateEntrances) flags.push('separate_entrance');
    if (adult && family?.separateWaitingRooms) flags.push('separate_waiting_room');
    session.people.push({
      personId: row.personId,
      firstName: row.firstName,
      kind: adult ? 'adult' : 'child',
      plannedArrival: clock(row.plannedArriveAt)!,
      plannedDeparture: clock(row.plannedLeaveAt)!,
      arrivedAt: clock(row.arrivedAt),
      leftAt: clock(row.leftAt),
      minutesLate: row.arrivedAt
        ? Math.max(0, Math.floor((row.arrivedAt.getTime() - row.plannedArriveAt.getTime()) / MINUTE_MS))
        : null,
      broughtByPersonId: row.broughtByPersonId,
      flags,
    });
    if (adult && row.arrivedAt) {
      session.leaving.push({
        id: row.personId,
        at: row.plannedLeaveAt,
        left: row.leftAt !== null,
        firstName: row.firstName,
      });
    }
  }
  return [...sessions.values()].map(({ leaving, ...session }) => {
    const next = leaving.filter((l) => !l.left).sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    return {
      ...session,
      nextToLeave: next
        ? { personId: next.id, firstName: next.firstName, plannedDeparture: clock(next.at)! }
        : null,
    };
  });
}

/** The day's roster (today on the centre's clock, unless a date is given). */
export async function rosterOf(db: Db, actor: Actor, centreId: string, date: string | undefined) {
  if (!can(actor, PERMISSIONS.ROSTER_READ, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const day = date ?? localDay(new Date(), timeZone);
  const sessions = sessionsFrom(await sessionsOfDay(db, centreId, day), timeZone);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'roster.read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { date: day, sessions: sessions.length },
  });
  return { date: day, sessions };
}

function momentOf(at: string | undefined, today: string, timeZone: string): Date {
  if (!at) return new Date();
  const moment = new Date(at);
  if (moment.getTime() > Date.now() + MINUTE_MS) {
    throw new InvalidInput([{ field: 'at', message: 'The time cannot be in the future' }]);
  }
  if (localDay(moment, timeZone) !== today) {
    throw new InvalidInput([{ field: 'at', message: 'The time must be today' }]);
  }
  return moment;
}

async function personOnTheDay(
  db: Db,
  centreId: string,
  bookingId: string,
  personId: string,
  timeZone: string,
) {
  const person = await bookingPersonOf(db, centreId, bookingId, personId);
  if (!person) throw new NotFound('person', 'That person is not in this session.');
  if (person.status !== 'booked') throw new Conflict('This session was cancelled.', 'cancelled');
  const today = localDay(new Date(), timeZone);
  if (person.localDate !== today) {
    throw new Conflict('This session is not today: people are checked in on the day.', 'not_today');
  }
  return { person, today };
}

async function answer(db: Db, centreId: string, bookingId: string, timeZone: string, prompt: string | null) {
  const today = localDay(new Date(), timeZone);
  const [session] = sessionsFrom(await sessionsOfDay(db, centreId, today, bookingId), timeZone);
  return { session: session!, prompt };
}

/** One tap at the door: this person has arrived. */
export async function recordArrival(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  personId: string,
  at: string | undefined,
) {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const { person, today } = await personOnTheDay(db, centreId, bookingId, personId, timeZone);
  const moment = momentOf(at, today, timeZone);
  const clock = (instant: Date) => localReading(instant, timeZone).time;
  if (person.arrivedAt) {
    throw new Conflict(
      `${person.firstName} was checked in at ${clock(person.arrivedAt)}.`,
      'already_arrived',
    );
  }
  await db.transaction(async (tx) => {
    // Checked with the session's people locked: the adult cannot leave at another door meanwhile.
    const everyone = await peopleOfBooking(tx, bookingId, { lock: true });
    if (person.role === 'child' && person.broughtByPersonId) {
      const adult = everyone.find((p) => p.personId === person.broughtByPersonId);
      if (!adult?.arrivedAt || adult.leftAt) {
        throw new Conflict(
          `${person.firstName} can only be checked in with ${adult?.firstName ?? 'the adult who brings them'}: check ${adult?.firstName ?? 'them'} in first.`,
          'child_without_adult',
        );
      }
    }
    if (!(await markArrived(tx, person.id, moment, actor.userId))) {
      throw new Conflict(`${person.firstName} was checked in a moment ago.`, 'already_arrived');
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'roster.arrival',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: bookingId,
      centreId,
      detail: { personId },
    });
  });
  const result = await answer(db, centreId, bookingId, timeZone, null);
  const late = result.session.people.find((p) => p.personId === personId)?.minutesLate ?? 0;
  return { ...result, prompt: late > 0 ? `${person.firstName} arrived ${late} minutes late.` : null };
}

/** One tap at the door: this person has left (a child leaves with the adult who brought them). */
export async function recordDeparture(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  personId: string,
  at: string | undefined,
) {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const { person, today } = await personOnTheDay(db, centreId, bookingId, personId, timeZone);
  const moment = momentOf(at, today, timeZone);
  if (!person.arrivedAt) {
    throw new Conflict(`${person.firstName} has not been checked in.`, 'not_arrived');
  }
  if (person.leftAt) {
    throw new Conflict(`${person.firstName} has already left.`, 'already_left');
  }
  await db.transaction(async (tx) => {
    // Checked with the session's people locked: nobody arrives or leaves at another door meanwhile.
    const everyone = await peopleOfBooking(tx, bookingId, { lock: true });
    if (person.role === 'child' && person.broughtByPersonId) {
      const adult = everyone.find((p) => p.personId === person.broughtByPersonId);
      if (!adult?.arrivedAt || adult.leftAt) {
        throw new Conflict(
          `${person.firstName} leaves with ${adult?.firstName ?? 'the adult who brought them'}, who must be here to collect them.`,
          'child_without_adult',
        );
      }
    }
    const waiting = everyone.filter(
      (p) => p.role === 'child' && p.broughtByPersonId === personId && p.arrivedAt && !p.leftAt,
    );
    if (waiting.length > 0) {
      throw new Conflict(
        `${person.firstName} takes ${waiting.map((c) => c.firstName).join(' and ')} home: check ${waiting.length === 1 ? 'them' : 'the children'} out first.`,
        'children_still_here',
      );
    }
    if (!(await markLeft(tx, person.id, moment, actor.userId))) {
      throw new Conflict(`${person.firstName} has already left.`, 'already_left');
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'roster.departure',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: bookingId,
      centreId,
      detail: { personId },
    });
  });
  const result = await answer(db, centreId, bookingId, timeZone, null);
  const next = result.session.nextToLeave;
  return {
    ...result,
    prompt: next ? `Next to leave: ${next.firstName}, planned for ${next.plannedDeparture}.` : null,
  };
}

/**
 * Takes back a tap made by mistake, on the day: a check-in (while the person has not left, and no child
 * they brought has a check-in) or a check-out (a child only while the adult who collects them is
 * here). Audited with the time that was taken back.
 */
export async function undoMovement(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  personId: string,
  kind: 'arrive' | 'leave',
) {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const { person } = await personOnTheDay(db, centreId, bookingId, personId, timeZone);
  const name = person.firstName;
  await db.transaction(async (tx) => {
    // Checked with the session's people locked, as the taps themselves are.
    const everyone = await peopleOfBooking(tx, bookingId, { lock: true });
    const now = everyone.find((p) => p.personId === personId)!;
    let taken: Date;
    if (kind === 'arrive') {
      if (!now.arrivedAt) throw new Conflict(`${name} has not been checked in.`, 'not_arrived');
      if (now.leftAt) {
        throw new Conflict(`${name} has already left: undo the check-out first.`, 'already_left');
      }
      // A child's record of coming in (and going home) with this adult stays true only if theirs does.
      const brought = everyone.filter(
        (p) => p.role === 'child' && p.broughtByPersonId === personId && p.arrivedAt,
      );
      if (brought.length > 0) {
        throw new Conflict(
          `${name} brought ${brought.map((c) => c.firstName).join(' and ')}: undo ${brought.length === 1 ? 'their check-in' : 'the children’s check-ins'} first.`,
          'children_still_here',
        );
      }
      taken = now.arrivedAt;
      await clearArrival(tx, person.id);
    } else {
      if (!now.leftAt) throw new Conflict(`${name} has not been checked out.`, 'not_left');
      if (now.role === 'child' && now.broughtByPersonId) {
        const adult = everyone.find((p) => p.personId === now.broughtByPersonId);
        if (!adult?.arrivedAt || adult.leftAt) {
          throw new Conflict(
            adult
              ? `${name} left with ${adult.firstName}: undo ${adult.firstName}’s check-out first.`
              : `${name} left with the adult who collected them: undo that check-out first.`,
            'child_without_adult',
          );
        }
      }
      taken = now.leftAt;
      await clearDeparture(tx, person.id);
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: kind === 'arrive' ? 'roster.arrival_undone' : 'roster.departure_undone',
      outcome: 'success',
      resourceType: 'booking',
      resourceId: bookingId,
      centreId,
      detail: { personId, recordedAt: taken.toISOString() },
    });
  });
  return answer(db, centreId, bookingId, timeZone, null);
}

/** Everyone in the building now, for a fire roll call. */
export async function onSite(db: Db, actor: Actor, centreId: string) {
  if (!can(actor, PERMISSIONS.CHECK_IN, centreId)) throw new NotAllowed();
  const timeZone = await centreTimeZone(db, centreId);
  const now = new Date();
  const { people, staff } = await onSiteNow(db, centreId, localDay(now, timeZone), now);
  // Staff on the rota now count for the roll call too, supervising or not; each once.
  const onShift = await staffOnDutyAt(db, centreId, now);
  const supervising = new Set(staff.map((s) => s.name));
  const list = [
    ...staff.map((s) => ({ name: s.name, kind: 'staff' as const, room: s.room, since: null })),
    ...onShift
      .filter((s) => !supervising.has(s.name))
      .map((s) => ({ name: s.name, kind: 'staff' as const, room: s.venue, since: s.since })),
    ...people.map((p) => ({
      name: `${p.firstName} ${p.lastName.slice(0, 1)}.`,
      kind: p.role === 'child' ? ('child' as const) : ('adult' as const),
      room: p.room,
      since: p.arrivedAt ? localReading(p.arrivedAt, timeZone).time : null,
    })),
  ];
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'roster.on_site_read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { count: list.length },
  });
  return { at: now.toISOString(), count: list.length, people: list };
}
