import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { centreCounters, centres, organisations, rooms } from '../db/schema.js';
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
};

export async function insertRoom(executor: Executor, centreId: string, fields: RoomFields) {
  const [row] = await executor
    .insert(rooms)
    .values({ centreId, ...fields })
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
    })
    .from(centres)
    .where(eq(centres.id, centreId));
  return row;
}
