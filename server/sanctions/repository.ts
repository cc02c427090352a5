/** Sanctions in the database, and the few facts about a case's people, incidents and sessions they need. */
import { and, asc, desc, eq, gt, gte, isNull, lt, lte, ne, notExists } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { bookings, casePeople, incidents, rooms, sanctions, users } from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export type SanctionRow = typeof sanctions.$inferSelect;

/** The case's sanctions, newest first, with who made and lifted each and whom it concerns. */
export async function sanctionsOfCase(executor: Executor, caseId: string) {
  const maker = alias(users, 'maker');
  const lifter = alias(users, 'lifter');
  return executor
    .select({
      sanction: sanctions,
      createdBy: maker.displayName,
      liftedBy: lifter.displayName,
      personFirstName: casePeople.firstName,
      personLastName: casePeople.lastName,
    })
    .from(sanctions)
    .leftJoin(maker, eq(maker.id, sanctions.createdByUserId))
    .leftJoin(lifter, eq(lifter.id, sanctions.liftedByUserId))
    .leftJoin(casePeople, eq(casePeople.id, sanctions.personId))
    .where(eq(sanctions.caseId, caseId))
    .orderBy(desc(sanctions.createdAt));
}

/** The sanctions of a case that are not lifted: what the booking rule and readiness read. */
export async function standingSanctions(executor: Executor, caseId: string) {
  return executor
    .select({
      kind: sanctions.kind,
      startsOn: sanctions.startsOn,
      endsOn: sanctions.endsOn,
      liftedAt: sanctions.liftedAt,
    })
    .from(sanctions)
    .where(and(eq(sanctions.caseId, caseId), isNull(sanctions.liftedAt)));
}

export async function insertSanction(executor: Executor, values: typeof sanctions.$inferInsert) {
  const [row] = await executor.insert(sanctions).values(values).returning();
  return row!;
}

/** One sanction of the case, locked until the transaction ends. */
export async function lockSanction(executor: Executor, caseId: string, sanctionId: string) {
  const [row] = await executor
    .select()
    .from(sanctions)
    .where(and(eq(sanctions.id, sanctionId), eq(sanctions.caseId, caseId)))
    .for('update');
  return row;
}

export async function markLifted(
  executor: Executor,
  sanctionId: string,
  values: { liftedAt: Date; liftedByUserId: string; liftReason: string },
) {
  await executor.update(sanctions).set(values).where(eq(sanctions.id, sanctionId));
}

export async function adultOfCase(executor: Executor, caseId: string, personId: string) {
  const [row] = await executor
    .select({ id: casePeople.id })
    .from(casePeople)
    .where(and(eq(casePeople.id, personId), eq(casePeople.caseId, caseId), ne(casePeople.role, 'child')));
  return row;
}

export async function incidentOfCase(executor: Executor, caseId: string, incidentId: string) {
  const [row] = await executor
    .select({ id: incidents.id })
    .from(incidents)
    .where(and(eq(incidents.id, incidentId), eq(incidents.caseId, caseId)));
  return row;
}

/**
 * The case's booked sessions a sanction covers that have not started: from its first day, to its last
 * (none for a revocation). Locked, so that nothing moves them while they are cancelled.
 */
export async function sessionsCovered(
  executor: Executor,
  caseId: string,
  days: { startsOn: string; endsOn: string | null },
  now: Date,
) {
  return executor
    .select()
    .from(bookings)
    .where(
      and(
        eq(bookings.caseId, caseId),
        eq(bookings.status, 'booked'),
        gt(bookings.startsAt, now),
        gte(bookings.localDate, days.startsOn),
        days.endsOn ? lte(bookings.localDate, days.endsOn) : undefined,
      ),
    )
    .orderBy(asc(bookings.startsAt))
    .for('update');
}

/**
 * Sessions the sanction called off that are still to come, at the plan's time, where the family has not
 * been booked again since: what lifting it offers to book again.
 */
export async function sessionsToOfferAgain(
  executor: Executor,
  caseId: string,
  sanctionId: string,
  now: Date,
) {
  const again = alias(bookings, 'again');
  return executor
    .select({
      localDate: bookings.localDate,
      startsAt: bookings.startsAt,
      roomId: bookings.roomId,
      roomName: rooms.name,
      supervisorUserId: bookings.supervisorUserId,
    })
    .from(bookings)
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(
      and(
        eq(bookings.caseId, caseId),
        eq(bookings.cancelledBySanctionId, sanctionId),
        eq(bookings.status, 'cancelled'),
        gt(bookings.startsAt, now),
        notExists(
          executor
            .select({ id: again.id })
            .from(again)
            .where(
              and(
                eq(again.caseId, caseId),
                eq(again.status, 'booked'),
                lt(again.startsAt, bookings.endsAt),
                gt(again.endsAt, bookings.startsAt),
              ),
            ),
        ),
      ),
    )
    .orderBy(asc(bookings.startsAt));
}
