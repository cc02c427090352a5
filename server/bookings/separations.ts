/**
 * Adults the coordinator keeps apart on site, often of different families (say a non-molestation order
 * between a parent of one family and a parent of another). A new pair takes effect on the sessions
 * already booked too: if two of those would bring the pair together, the pair is refused with the
 * sessions named, so the coordinator moves one first.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { SeparationBody, SeparationView } from '../../shared/api/bookings.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { databaseErrorOf, type Db } from '../platform/database.js';
import { AppError, Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { centreSettingsOf } from '../rules/service.js';
import { separationWindows, type PlannedPerson } from './planning.js';
import {
  addWindows,
  adultsAt,
  endPair,
  insertPair,
  pairAt,
  pairsAt,
  separationClashes,
  upcomingBookingsWith,
} from './repository.js';
import { longDate } from './service.js';

const nameOf = (person: { firstName: string; lastName: string }) =>
  `${person.firstName} ${person.lastName.slice(0, 1)}.`;

export async function listSeparations(
  db: Db,
  actor: Actor,
  centreId: string,
): Promise<{ items: SeparationView[] }> {
  if (!can(actor, PERMISSIONS.TIMETABLE_READ, centreId)) throw new NotAllowed();
  const { pairs, people } = await pairsAt(db, centreId);
  const byId = new Map(people.map((person) => [person.id, person]));
  const personView = (id: string) => {
    const person = byId.get(id)!;
    return {
      id,
      firstName: person.firstName,
      initial: person.lastName.slice(0, 1),
      caseId: person.caseId,
      caseReference: person.caseReference,
    };
  };
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'separation.list_read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { count: pairs.length },
  });
  return {
    items: pairs
      .filter((pair) => byId.has(pair.personAId) && byId.has(pair.personBId))
      .map((pair) => ({
        id: pair.id,
        personA: personView(pair.personAId),
        personB: personView(pair.personBId),
        minutes: pair.minutes,
        source: pair.source,
        reason: pair.reason,
        createdAt: pair.createdAt.toISOString(),
      })),
  };
}

export async function addSeparation(
  db: Db,
  actor: Actor,
  centreId: string,
  body: SeparationBody,
): Promise<{ id: string }> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const people = await adultsAt(db, centreId, [body.personAId, body.personBId]);
  const problems = (['personAId', 'personBId'] as const).flatMap((field) => {
    const person = people.find((p) => p.id === body[field]);
    if (!person) return [{ field, message: 'Choose an adult of one of this centre’s families' }];
    if (person.role === 'child')
      return [{ field, message: 'Choose an adult: children are never kept apart' }];
    return [];
  });
  if (problems.length > 0) throw new InvalidInput(problems);
  const settings = await centreSettingsOf(db, centreId);
  const minutes = Math.max(body.minutes ?? 0, settings.separationBufferMinutes);
  const [personAId, personBId] = [body.personAId, body.personBId].sort() as [string, string];
  const names = people.map(nameOf).join(' and ');
  try {
    return await db.transaction(async (tx) => {
      const pair = await insertPair(tx, {
        centreId,
        personAId,
        personBId,
        minutes,
        source: 'coordinator',
        reason: body.reason,
        createdByUserId: actor.userId,
      });
      // The sessions already booked with either of them get the pair's windows.
      const rows = await upcomingBookingsWith(tx, [personAId, personBId], new Date());
      const byBooking = new Map<string, typeof rows>();
      for (const row of rows) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
      for (const [bookingId, planned] of byBooking) {
        const first = planned[0]!;
        const people: PlannedPerson[] = planned.map((row) => ({
          personId: row.personId,
          role: row.role,
          arriveAt: row.arriveAt,
          leaveAt: row.leaveAt,
          broughtByPersonId: row.broughtByPersonId,
        }));
        const windows = separationWindows(people, [{ id: pair.id, personAId, personBId, minutes }]);
        const clashes = await separationClashes(tx, first.venueId, bookingId, windows);
        if (clashes.length > 0) {
          throw new Conflict(
            `${names} are both booked on ${longDate(first.localDate)} within ${minutes} minutes of each other. Move or cancel one of those sessions first.`,
            'must_not_meet',
          );
        }
        await addWindows(tx, centreId, bookingId, first.venueId, windows);
      }
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'separation.added',
        outcome: 'success',
        resourceType: 'separation_pair',
        resourceId: pair.id,
        centreId,
        detail: { minutes, bookingsAffected: byBooking.size },
      });
      return { id: pair.id };
    });
  } catch (error) {
    const { code, constraint } = databaseErrorOf(error);
    const answer =
      code === '23505' && constraint === 'separation_pairs_active'
        ? new Conflict(`${names} are already kept apart.`, 'already_separated')
        : code === '23P01'
          ? new Conflict(
              `${names} are booked too close together already. Move one of their sessions first.`,
              'must_not_meet',
            )
          : error;
    if (answer instanceof AppError && answer.statusCode >= 409) {
      await recordAudit(db, actor.meta, whoOf(actor), {
        action: 'separation.added',
        outcome: 'refused',
        resourceType: 'centre',
        resourceId: centreId,
        centreId,
        detail: { reason: answer.code },
      });
    }
    throw answer;
  }
}

export async function endSeparation(
  db: Db,
  actor: Actor,
  centreId: string,
  separationId: string,
): Promise<void> {
  if (!can(actor, PERMISSIONS.TIMETABLE_MANAGE, centreId)) throw new NotAllowed();
  const pair = await pairAt(db, centreId, separationId);
  if (!pair || pair.endedAt) throw new NotFound('separation');
  if (pair.source === 'risk_assessment') {
    throw new Conflict(
      'These two are kept apart by the family’s risk assessment: change the assessment instead.',
      'from_assessment',
    );
  }
  await db.transaction(async (tx) => {
    await endPair(tx, pair.id);
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'separation.ended',
      outcome: 'success',
      resourceType: 'separation_pair',
      resourceId: pair.id,
      centreId,
    });
  });
}
