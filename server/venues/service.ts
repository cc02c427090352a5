/**
 * The centre's premises and calendar frame: venues (its own building and the alternative venues it uses),
 * opening sessions (when it opens for contact) and closures; the sessions laid out on the calendar with
 * closures marked. Bookings read `sessionOccurrencesBetween` and `closureOn`.
 */
import type { z } from 'zod';
import { PERMISSIONS } from '../../shared/access.js';
import {
  openingSessionBody,
  type OpeningRecurrence,
  type OpeningSessionInput,
  type OpeningSessionPatch,
  type closureBody,
  type occurrenceWindow,
  type venueBody,
  type venuePatchBody,
} from '../../shared/api/venues.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { readAll, databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotFound } from '../platform/errors.js';
import { localReading } from '../plans/recurrence.js';
import { sayDate } from '../staff/check-status.js';
import { futureBookingsAtVenue } from './booking-hooks.js';
import { closureCovering, expandOpenings, type ClosureSpan, type OpeningOccurrence } from './occurrences.js';
import {
  closuresOverlapping,
  deleteClosure,
  findClosure,
  findOpeningSession,
  findVenue,
  insertClosure,
  insertOpeningSession,
  insertVenue,
  listClosures,
  listOpeningSessions,
  listVenues,
  lockVenue,
  mainVenueIdOf,
  openingSessionsRunning,
  runningSessionsAtVenue,
  updateOpeningSession,
  updateVenue,
  type ClosureRow,
  type OpeningSessionFields,
  type OpeningSessionRow,
  type VenueRow,
} from './repository.js';
import { centreTimeZone } from '../organisation/time-zone.js';

const todayOn = (timeZone: string, now = new Date()) => localReading(now, timeZone).date;

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

// Venues

function venueView(row: VenueRow, mainId: string | undefined, mayReadContactDetails: boolean) {
  // A family's home is a contact detail of that family: only people who may read those see it.
  const withheld = row.kind === 'family_home' && row.address !== null && !mayReadContactDetails;
  return {
    id: row.id,
    centreId: row.centreId,
    name: row.name,
    kind: row.kind,
    address: withheld ? null : row.address,
    addressWithheld: withheld,
    accessibilityNotes: row.accessibilityNotes,
    active: row.active,
    main: row.id === mainId,
  };
}

const mayReadAddresses = (actor: Actor, centreId: string) =>
  can(actor, PERMISSIONS.CONTACT_DETAILS_READ, centreId);

/** Turns a clash of venue names into a sentence; anything else goes on up. */
async function namedUniquely<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (databaseErrorOf(error).code === '23505') {
      throw new Conflict(
        'This centre already has a venue with that name. Choose another name.',
        'duplicate_name',
      );
    }
    throw error;
  }
}

export async function venuesOf(db: Db, actor: Actor, centreId: string) {
  const rows = await listVenues(db, centreId);
  const mainId = await mainVenueIdOf(db, centreId);
  return rows.map((row) => venueView(row, mainId, mayReadAddresses(actor, centreId)));
}

export async function addVenue(db: Db, actor: Actor, centreId: string, input: z.output<typeof venueBody>) {
  return namedUniquely(() =>
    db.transaction(async (tx) => {
      const row = await insertVenue(tx, centreId, input);
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'venue.created',
        outcome: 'success',
        resourceType: 'venue',
        resourceId: row.id,
        centreId,
        detail: { kind: row.kind },
      });
      return venueView(row, await mainVenueIdOf(tx, centreId), mayReadAddresses(actor, centreId));
    }),
  );
}

export async function changeVenue(
  db: Db,
  actor: Actor,
  centreId: string,
  venueId: string,
  input: z.output<typeof venuePatchBody>,
) {
  return namedUniquely(() =>
    db.transaction(async (tx) => {
      const venue = await lockVenue(tx, centreId, venueId);
      if (!venue) throw new NotFound('venue');
      const mainId = await mainVenueIdOf(tx, centreId);
      if (venueId === mainId && input.kind !== undefined && input.kind !== 'centre') {
        throw new Conflict(
          `${venue.name} is the centre's own building: it stays a centre building. Add the other place as a new venue.`,
          'main_venue',
        );
      }
      const row = await updateVenue(tx, centreId, venueId, input);
      if (!row) throw new NotFound('venue');
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'venue.changed',
        outcome: 'success',
        resourceType: 'venue',
        resourceId: venueId,
        centreId,
        detail: { fields: Object.keys(input).sort() },
      });
      return venueView(row, mainId, mayReadAddresses(actor, centreId));
    }),
  );
}

/**
 * Takes a venue out of use. Refused for the centre's own building, and while sessions still run there or
 * are booked there from now on: those are ended or moved first, so no family is sent to a closed venue.
 */
export async function deactivateVenue(db: Db, actor: Actor, centreId: string, venueId: string) {
  return db.transaction(async (tx) => {
    const venue = await lockVenue(tx, centreId, venueId);
    if (!venue) throw new NotFound('venue');
    const mainId = await mainVenueIdOf(tx, centreId);
    if (venueId === mainId) {
      throw new Conflict(
        `${venue.name} is the centre's own building and cannot be taken out of use. Change its name or address instead.`,
        'main_venue',
      );
    }
    if (venue.active) {
      const today = todayOn(await centreTimeZone(tx, centreId));
      const running = await runningSessionsAtVenue(tx, venueId, today);
      if (running.length > 0) {
        throw new Conflict(
          running.length === 1
            ? `${venue.name} still has opening sessions (${running[0]}). End them first, then take the venue out of use.`
            : `${venue.name} still has opening sessions (${list(running)}). End them first, then take the venue out of use.`,
          'venue_in_use',
        );
      }
      const booked = await futureBookingsAtVenue(tx, venueId);
      if (booked > 0) {
        throw new Conflict(
          `${venue.name} has ${booked === 1 ? '1 session' : `${booked} sessions`} booked from today. Move or cancel ${booked === 1 ? 'it' : 'them'} first.`,
          'venue_in_use',
        );
      }
    }
    const row = (await updateVenue(tx, centreId, venueId, { active: false }))!;
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'venue.deactivated',
      outcome: 'success',
      resourceType: 'venue',
      resourceId: venueId,
      centreId,
    });
    return venueView(row, mainId, mayReadAddresses(actor, centreId));
  });
}

export async function reactivateVenue(db: Db, actor: Actor, centreId: string, venueId: string) {
  return db.transaction(async (tx) => {
    const row = await updateVenue(tx, centreId, venueId, { active: true });
    if (!row) throw new NotFound('venue');
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'venue.reactivated',
      outcome: 'success',
      resourceType: 'venue',
      resourceId: venueId,
      centreId,
    });
    return venueView(row, await mainVenueIdOf(tx, centreId), mayReadAddresses(actor, centreId));
  });
}

/**
 * The venue a room or session is to use: one of this centre's, and in use. A bad choice is a 400 on the
 * field (the form offers only the centre's venues in use).
 */
export async function usableVenue(tx: Executor, centreId: string, venueId: string, field = 'venueId') {
  const venue = await lockVenue(tx, centreId, venueId);
  if (!venue) throw new InvalidInput([{ field, message: "Choose one of this centre's venues" }]);
  if (!venue.active) {
    throw new InvalidInput([{ field, message: `${venue.name} is out of use. Choose another venue.` }]);
  }
  return venue;
}

/** The centre's own building, where rooms go unless another venue is chosen. */
export async function mainVenueOf(executor: Executor, centreId: string): Promise<string | undefined> {
  return mainVenueIdOf(executor, centreId);
}

// Opening sessions

/** The pattern as the API shows it: the stored recurrence carries the start time too (the plan's shape). */
function patternOf(stored: Record<string, unknown>): OpeningRecurrence {
  const { startTime: _startTime, ...pattern } = stored;
  return pattern as OpeningRecurrence;
}

function sessionView(row: OpeningSessionRow, today: string) {
  return {
    id: row.id,
    centreId: row.centreId,
    venueId: row.venueId,
    venueName: row.venueName,
    name: row.name,
    serviceType: row.serviceType,
    recurrence: patternOf(row.recurrence),
    startTime: row.startTime,
    endTime: row.endTime,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    minimumStaff: row.minimumStaff,
    familiesPerVolunteer: row.familiesPerVolunteer,
    active: row.active,
    ended: !row.active || (row.endsOn !== null && row.endsOn < today),
  };
}

function fieldsOf(input: OpeningSessionInput): OpeningSessionFields {
  return {
    venueId: input.venueId,
    name: input.name,
    serviceType: input.serviceType,
    recurrence: { ...input.recurrence, startTime: input.startTime },
    startTime: input.startTime,
    endTime: input.endTime,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    minimumStaff: input.minimumStaff,
    familiesPerVolunteer: input.familiesPerVolunteer,
  };
}

async function sessionViewById(executor: Executor, centreId: string, id: string) {
  const row = await findOpeningSession(executor, centreId, id);
  if (!row) throw new NotFound('opening session');
  return sessionView(row, todayOn(await centreTimeZone(executor, centreId)));
}

export async function openingSessionsOf(db: Db, _actor: Actor, centreId: string) {
  const today = todayOn(await centreTimeZone(db, centreId));
  return (await listOpeningSessions(db, centreId)).map((row) => sessionView(row, today));
}

export async function addOpeningSession(db: Db, actor: Actor, centreId: string, input: OpeningSessionInput) {
  return db.transaction(async (tx) => {
    await usableVenue(tx, centreId, input.venueId);
    const id = await insertOpeningSession(tx, centreId, fieldsOf(input));
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'opening_session.created',
      outcome: 'success',
      resourceType: 'opening_session',
      resourceId: id,
      centreId,
    });
    return sessionViewById(tx, centreId, id);
  });
}

/** Changes what was sent; the result is checked as a whole, with the same rules as a new session. */
export async function changeOpeningSession(
  db: Db,
  actor: Actor,
  centreId: string,
  id: string,
  patch: OpeningSessionPatch,
) {
  return db.transaction(async (tx) => {
    const row = await findOpeningSession(tx, centreId, id);
    if (!row) throw new NotFound('opening session');
    const merged = openingSessionBody.safeParse({
      venueId: row.venueId,
      name: row.name,
      serviceType: row.serviceType,
      recurrence: patternOf(row.recurrence),
      startTime: row.startTime,
      endTime: row.endTime,
      startsOn: row.startsOn,
      endsOn: row.endsOn,
      minimumStaff: row.minimumStaff,
      familiesPerVolunteer: row.familiesPerVolunteer,
      ...patch,
    });
    if (!merged.success) {
      throw new InvalidInput(
        merged.error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message })),
      );
    }
    if (patch.venueId !== undefined && patch.venueId !== row.venueId) {
      await usableVenue(tx, centreId, patch.venueId);
    }
    await updateOpeningSession(tx, centreId, id, fieldsOf(merged.data));
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'opening_session.changed',
      outcome: 'success',
      resourceType: 'opening_session',
      resourceId: id,
      centreId,
      detail: { fields: Object.keys(patch).sort() },
    });
    return sessionViewById(tx, centreId, id);
  });
}

/**
 * Ends the sessions: `lastDay` (today or later, on the centre's clock) is the last day they run. Ending
 * before the first day withdraws them altogether.
 */
export async function endOpeningSession(db: Db, actor: Actor, centreId: string, id: string, lastDay: string) {
  return db.transaction(async (tx) => {
    const row = await findOpeningSession(tx, centreId, id);
    if (!row) throw new NotFound('opening session');
    const today = todayOn(await centreTimeZone(tx, centreId));
    if (sessionView(row, today).ended) {
      throw new Conflict(`${row.name} has already ended.`, 'already_ended');
    }
    if (lastDay < today) {
      throw new InvalidInput([{ field: 'lastDay', message: 'Choose today or a later day' }]);
    }
    if (row.endsOn !== null && lastDay > row.endsOn) {
      throw new InvalidInput([
        {
          field: 'lastDay',
          message: `These sessions already end on ${sayDate(row.endsOn)}. Choose that day or an earlier one.`,
        },
      ]);
    }
    const pattern = patternOf(row.recurrence);
    const withdrawn = lastDay < row.startsOn;
    let recurrence = row.recurrence as OpeningSessionFields['recurrence'];
    let active = !withdrawn;
    if (!withdrawn && pattern.frequency === 'dates') {
      // Dates after the last day go, so that the session still reads as a whole.
      const kept = pattern.dates.filter((date) => date <= lastDay);
      if (kept.length === 0) active = false;
      else recurrence = { frequency: 'dates', dates: kept, startTime: row.startTime };
    }
    await updateOpeningSession(tx, centreId, id, {
      endsOn: withdrawn ? row.endsOn : lastDay,
      recurrence,
      active,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'opening_session.ended',
      outcome: 'success',
      resourceType: 'opening_session',
      resourceId: id,
      centreId,
      detail: { lastDay, withdrawn: !active },
    });
    return sessionViewById(tx, centreId, id);
  });
}

// The calendar

/**
 * Every session of the centre's active opening sessions between `from` and `to` (local dates, inclusive),
 * on the centre's clock and as UTC instants, in time order; those on a closure of their venue or of the
 * whole centre are marked closed with its reason (not left out).
 */
export async function sessionOccurrencesBetween(
  executor: Executor,
  centreId: string,
  from: string,
  to: string,
): Promise<OpeningOccurrence[]> {
  const timeZone = await centreTimeZone(executor, centreId);
  const [sessions, closures] = await readAll(executor, [
    () => openingSessionsRunning(executor, centreId, from, to),
    () => closuresOverlapping(executor, centreId, from, to),
  ]);
  return expandOpenings(
    sessions.map((row) => ({ ...row, recurrence: patternOf(row.recurrence) })),
    closures,
    timeZone,
    from,
    to,
  );
}

/** What closes `venueId` on `localDate` (the centre-wide closure first if several do), or undefined. */
export async function closureOn(
  executor: Executor,
  centreId: string,
  venueId: string,
  localDate: string,
): Promise<ClosureSpan | undefined> {
  const closures = await closuresOverlapping(executor, centreId, localDate, localDate, venueId);
  return closureCovering(closures, venueId, localDate);
}

export async function openingOccurrences(
  db: Db,
  _actor: Actor,
  centreId: string,
  window: z.output<typeof occurrenceWindow>,
) {
  const timeZone = await centreTimeZone(db, centreId);
  const items = await sessionOccurrencesBetween(db, centreId, window.from, window.to);
  return { timeZone, from: window.from, to: window.to, items };
}

// Closures

const closureView = (row: ClosureRow) => ({
  id: row.id,
  centreId: row.centreId,
  venueId: row.venueId,
  venueName: row.venueName,
  startsOn: row.startsOn,
  endsOn: row.endsOn,
  reason: row.reason,
  createdAt: row.createdAt.toISOString(),
  createdBy: row.createdBy,
});

export async function closuresOf(db: Db, _actor: Actor, centreId: string, from?: string) {
  return (await listClosures(db, centreId, from)).map(closureView);
}

/** Closures may overlap (a venue's building work during the Christmas closure): each is kept as given. */
export async function addClosure(
  db: Db,
  actor: Actor,
  centreId: string,
  input: z.output<typeof closureBody>,
) {
  return db.transaction(async (tx) => {
    if (input.venueId !== null && !(await findVenue(tx, centreId, input.venueId))) {
      throw new InvalidInput([
        { field: 'venueId', message: "Choose one of this centre's venues, or the whole centre" },
      ]);
    }
    const id = await insertClosure(tx, centreId, { ...input, createdByUserId: actor.userId });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'closure.created',
      outcome: 'success',
      resourceType: 'closure',
      resourceId: id,
      centreId,
      detail: { startsOn: input.startsOn, endsOn: input.endsOn, wholeCentre: input.venueId === null },
    });
    return closureView((await findClosure(tx, centreId, id))!);
  });
}

export async function removeClosure(db: Db, actor: Actor, centreId: string, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const closure = await findClosure(tx, centreId, id);
    if (!closure || !(await deleteClosure(tx, centreId, id))) throw new NotFound('closure');
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'closure.deleted',
      outcome: 'success',
      resourceType: 'closure',
      resourceId: id,
      centreId,
      detail: { startsOn: closure.startsOn, endsOn: closure.endsOn },
    });
  });
}

// For the demo and first-run setup, inside their own transaction (no actor, no audit of their own).

export async function createVenueRecord(tx: Executor, centreId: string, input: z.output<typeof venueBody>) {
  return insertVenue(tx, centreId, input);
}

export async function createOpeningSessionRecord(tx: Executor, centreId: string, input: OpeningSessionInput) {
  return insertOpeningSession(tx, centreId, fieldsOf(openingSessionBody.parse(input)));
}

export async function createClosureRecord(
  tx: Executor,
  centreId: string,
  input: { venueId: string | null; startsOn: string; endsOn: string; reason: string },
) {
  return insertClosure(tx, centreId, { ...input, createdByUserId: null });
}
