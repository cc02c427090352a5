import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { centreCounters, centres, organisations, rooms, venues } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export async function countOrganisations(executor: Executor): Promise<number> {
  const [row] = await executor.select({ n: count() }).from(organisations);
  return row?.n ?? 0;
}

export async function insertOrganisation(executor: Executor, name: string): Promise<string> {
  const [row] = await executor.insert(organisations).values({ name }).returning({ id: organisations.id });
  return row!.id;
}

export type CentreFields = {
  name: string;
  timeZone: string;
  address?: string | null;
  phone?: string | null;
  email?: string | null;
};

export async function insertCentre(executor: Executor, organisationId: string, fields: CentreFields) {
  const [row] = await executor
    .insert(centres)
    .values({ organisationId, ...fields })
    .returning();
  // The centre's own building is its first venue: rooms added without a venue are in it.
  await executor
    .insert(venues)
    .values({ centreId: row!.id, name: row!.name, kind: 'centre', address: row!.address });
  return row!;
}

export async function updateCentre(executor: Executor, id: string, fields: Partial<CentreFields>) {
  const [row] = await executor.update(centres).set(fields).where(eq(centres.id, id)).returning();
  return row;
}

export async function listCentres(executor: Executor, organisationId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return executor
    .select()
    .from(centres)
    .where(and(eq(centres.organisationId, organisationId), inArray(centres.id, ids)))
    .orderBy(asc(centres.name));
}

export type RoomFields = {
  name: string;
  capacity: number;
  hasSeparateEntrance: boolean;
  accessibilityNotes?: string | null;
  venueId?: string | null;
  usage?: 'private' | 'shared';
  hasSeparateWaitingRoom?: boolean;
  active?: boolean;
};

/** The centre's own building (the venue made with the centre). */
export async function mainVenueId(executor: Executor, centreId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ id: venues.id })
    .from(venues)
    .where(and(eq(venues.centreId, centreId), eq(venues.kind, 'centre')))
    .orderBy(asc(venues.createdAt))
    .limit(1);
  return row?.id;
}

export async function insertRoom(executor: Executor, centreId: string, fields: RoomFields) {
  const venueId = fields.venueId ?? (await mainVenueId(executor, centreId)) ?? null;
  const [row] = await executor
    .insert(rooms)
    .values({ centreId, ...fields, venueId })
    .returning();
  return row!;
}

export async function updateRoom(
  executor: Executor,
  centreId: string,
  id: string,
  fields: Partial<RoomFields>,
) {
  const [row] = await executor
    .update(rooms)
    .set(fields)
    .where(and(eq(rooms.id, id), eq(rooms.centreId, centreId)))
    .returning();
  return row;
}

export async function findRoom(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select()
    .from(rooms)
    .where(and(eq(rooms.id, id), eq(rooms.centreId, centreId)));
  return row;
}

export async function listRooms(executor: Executor, centreId: string) {
  return executor.select().from(rooms).where(eq(rooms.centreId, centreId)).orderBy(asc(rooms.name));
}

/** The next number of a per-centre counter; the row lock makes concurrent callers wait their turn. */
export async function nextCounterValue(executor: Executor, centreId: string, name: string): Promise<number> {
  const [row] = await executor
    .insert(centreCounters)
    .values({ centreId, name, value: 1 })
    .onConflictDoUpdate({
      target: [centreCounters.centreId, centreCounters.name],
      set: { value: sql`${centreCounters.value} + 1` },
    })
    .returning({ value: centreCounters.value });
  return row!.value;
}

export async function listAllCentres(executor: Executor) {
  return executor.select({ id: centres.id, name: centres.name }).from(centres).orderBy(asc(centres.name));
}

export async function findCentreContact(executor: Executor, centreId: string) {
  const [row] = await executor
    .select({
      id: centres.id,
      name: centres.name,
      email: centres.email,
      organisationId: centres.organisationId,
      address: centres.address,
      timeZone: centres.timeZone,
    })
    .from(centres)
    .where(eq(centres.id, centreId));
  return row;
}
