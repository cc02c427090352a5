/** The organisation, its centres and their rooms. */
import { PERMISSIONS } from '../../shared/access.js';
import { can, centresWhere, canOrganisationWide, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { futureBookingsInRoom } from '../venues/booking-hooks.js';
import { usableVenue } from '../venues/service.js';
import {
  countOrganisations,
  insertCentre,
  insertOrganisation,
  insertRoom,
  findCentreContact,
  findRoom,
  listAllCentres,
  listCentres,
  nextCounterValue,
  listRooms,
  updateCentre,
  updateRoom,
  type CentreFields,
  type RoomFields,
} from './repository.js';

const centreView = (row: Awaited<ReturnType<typeof insertCentre>>) => ({
  id: row.id,
  name: row.name,
  timeZone: row.timeZone,
  address: row.address,
  phone: row.phone,
  email: row.email,
  createdAt: row.createdAt.toISOString(),
});

const roomView = (row: Awaited<ReturnType<typeof insertRoom>>) => ({
  id: row.id,
  centreId: row.centreId,
  name: row.name,
  capacity: row.capacity,
  hasSeparateEntrance: row.hasSeparateEntrance,
  accessibilityNotes: row.accessibilityNotes,
  venueId: row.venueId,
  usage: row.usage,
  hasSeparateWaitingRoom: row.hasSeparateWaitingRoom,
  active: row.active,
});

/** Turns a unique-name clash into a sentence; anything else goes on up. */
async function namedUniquely<T>(what: 'centre' | 'room', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (databaseErrorOf(error).code === '23505') {
      throw new Conflict(
        what === 'centre'
          ? 'There is already a centre with that name. Choose another name.'
          : 'This centre already has a room with that name. Choose another name.',
        'duplicate_name',
      );
    }
    throw error;
  }
}

export async function organisationExists(db: Executor): Promise<boolean> {
  return (await countOrganisations(db)) > 0;
}

export async function createOrganisation(tx: Executor, name: string): Promise<string> {
  return insertOrganisation(tx, name);
}

/** Used by first-run setup and the demo, inside their own transaction. */
export async function createCentreRecord(tx: Executor, organisationId: string, fields: CentreFields) {
  return centreView(await insertCentre(tx, organisationId, fields));
}

export async function createRoomRecord(tx: Executor, centreId: string, fields: RoomFields) {
  return roomView(await insertRoom(tx, centreId, fields));
}

export async function listVisibleCentres(db: Db, actor: Actor) {
  const rows = await listCentres(db, actor.organisationId, centresWhere(actor, PERMISSIONS.CENTRE_READ));
  return rows.map(centreView);
}

export async function createCentre(db: Db, actor: Actor, fields: CentreFields) {
  if (!canOrganisationWide(actor, PERMISSIONS.CENTRE_MANAGE)) throw new NotAllowed();
  return namedUniquely('centre', () =>
    db.transaction(async (tx) => {
      const centre = await insertCentre(tx, actor.organisationId, fields);
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'centre.created',
        outcome: 'success',
        resourceType: 'centre',
        resourceId: centre.id,
        centreId: centre.id,
      });
      return centreView(centre);
    }),
  );
}

export async function changeCentre(db: Db, actor: Actor, centreId: string, fields: Partial<CentreFields>) {
  if (!can(actor, PERMISSIONS.CENTRE_READ, centreId)) throw new NotFound('centre');
  if (!can(actor, PERMISSIONS.CENTRE_MANAGE, centreId)) throw new NotAllowed();
  return namedUniquely('centre', () =>
    db.transaction(async (tx) => {
      const centre = await updateCentre(tx, centreId, fields);
      if (!centre) throw new NotFound('centre');
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'centre.changed',
        outcome: 'success',
        resourceType: 'centre',
        resourceId: centreId,
        centreId,
        detail: { fields: Object.keys(fields).sort() },
      });
      return centreView(centre);
    }),
  );
}

export async function roomsOf(db: Db, _actor: Actor, centreId: string) {
  return (await listRooms(db, centreId)).map(roomView);
}

export async function addRoom(db: Db, actor: Actor, centreId: string, fields: RoomFields) {
  return namedUniquely('room', () =>
    db.transaction(async (tx) => {
      if (fields.venueId) await usableVenue(tx, centreId, fields.venueId);
      const room = await insertRoom(tx, centreId, fields);
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'room.created',
        outcome: 'success',
        resourceType: 'room',
        resourceId: room.id,
        centreId,
      });
      return roomView(room);
    }),
  );
}

export async function changeRoom(
  db: Db,
  actor: Actor,
  centreId: string,
  roomId: string,
  fields: Partial<RoomFields>,
) {
  return namedUniquely('room', () =>
    db.transaction(async (tx) => {
      const before = await findRoom(tx, centreId, roomId);
      if (!before) throw new NotFound('room');
      // The change is checked as a whole: a hall made shared keeps a capacity of at least 2.
      if ((fields.usage ?? before.usage) === 'shared' && (fields.capacity ?? before.capacity) < 2) {
        throw new InvalidInput([{ field: 'capacity', message: 'A shared hall holds at least 2 people' }]);
      }
      if (fields.venueId && fields.venueId !== before.venueId)
        await usableVenue(tx, centreId, fields.venueId);
      if (fields.active === false && before.active) {
        const booked = await futureBookingsInRoom(tx, roomId);
        if (booked > 0) {
          throw new Conflict(
            `${before.name} has ${booked === 1 ? '1 session' : `${booked} sessions`} booked from today. Move or cancel ${booked === 1 ? 'it' : 'them'} first, then take the room out of use.`,
            'room_in_use',
          );
        }
      }
      const room = await updateRoom(tx, centreId, roomId, fields);
      if (!room) throw new NotFound('room');
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'room.changed',
        outcome: 'success',
        resourceType: 'room',
        resourceId: roomId,
        centreId,
        detail: { fields: Object.keys(fields).sort() },
      });
      return roomView(room);
    }),
  );
}

/** A readable reference such as R-2026-0007: a prefix, the year, and the centre's next number. */
export async function nextReference(
  tx: Executor,
  centreId: string,
  prefix: 'R' | 'C',
  now = new Date(),
): Promise<string> {
  const year = now.getUTCFullYear();
  const value = await nextCounterValue(tx, centreId, `${prefix}-${year}`);
  return `${prefix}-${year}-${String(value).padStart(4, '0')}`;
}

/** Centres anyone may refer to: names only. */
export async function publicCentres(db: Db) {
  return listAllCentres(db);
}

/** A centre's name, address, mail address and time zone: for messages sent on its behalf, and its clock. */
export async function centreContact(db: Executor, centreId: string) {
  return findCentreContact(db, centreId);
}
