/**
 * Notices and attendance in the database: the notices sent per booking and recipient (unique, so a
 * notice is sent once however often it is attempted), who a case's notices go to, the sessions due a
 * reminder, and what is recorded of each adult's attendance.
 *
 * Contact details are read here (current email and phone, non-disclosures) only to be wrapped at once as
 * protected values by the service: they leave only through the redaction mechanism.
 */
import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, ne, sql } from 'drizzle-orm';
import {
  bookingNotices,
  bookingPeople,
  bookings,
  caseProfessionals,
  casePeople,
  cases,
  contactDetails,
  nonDisclosures,
  rooms,
  venues,
} from '../db/schema.js';
import { rowsOf, type Executor } from '../platform/database.js';

export type NoticeKind = (typeof bookingNotices.$inferInsert)['kind'];

/**
 * Records that a notice goes to a recipient; false when it has been recorded before (by an earlier
 * attempt or another process), in which case it must not be sent again.
 */
export async function claimNotice(
  executor: Executor,
  row: { centreId: string; bookingId: string; kind: NoticeKind; recipientId: string },
): Promise<boolean> {
  const inserted = await executor
    .insert(bookingNotices)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: bookingNotices.id });
  return inserted.length === 1;
}

/** A session moved again is told again: the row keeps the latest notice. */
export async function recordMovedNotice(
  executor: Executor,
  row: { centreId: string; bookingId: string; recipientId: string },
): Promise<void> {
  await executor
    .insert(bookingNotices)
    .values({ ...row, kind: 'moved' })
    .onConflictDoUpdate({
      target: [bookingNotices.bookingId, bookingNotices.kind, bookingNotices.recipientId],
      set: { createdAt: new Date() },
    });
}

/** After a move, the reminder is owed again, for the new date. */
export async function forgetReminders(executor: Executor, bookingId: string): Promise<void> {
  await executor
    .delete(bookingNotices)
    .where(and(eq(bookingNotices.bookingId, bookingId), eq(bookingNotices.kind, 'reminder')));
}

/** The case's reference, its people (no details), and its professionals still involved who have an email. */
export async function caseOfNotice(executor: Executor, caseId: string) {
  const [found] = await executor
    .select({ id: cases.id, reference: cases.reference })
    .from(cases)
    .where(eq(cases.id, caseId));
  const people = await executor
    .select({
      id: casePeople.id,
      role: casePeople.role,
      firstName: casePeople.firstName,
      lastName: casePeople.lastName,
    })
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId))
    .orderBy(asc(casePeople.createdAt));
  const professionals = await executor
    .select({
      id: caseProfessionals.id,
      name: caseProfessionals.name,
      email: caseProfessionals.email,
      actingForPersonId: caseProfessionals.actingForPersonId,
    })
    .from(caseProfessionals)
    .where(
      and(
        eq(caseProfessionals.caseId, caseId),
        isNull(caseProfessionals.endedAt),
        isNotNull(caseProfessionals.email),
      ),
    )
    .orderBy(asc(caseProfessionals.createdAt));
  return { found, people, professionals };
}

/** The current email and phone of each of these people. */
export async function currentEmailsAndPhones(executor: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return executor
    .select({ personId: contactDetails.personId, kind: contactDetails.kind, value: contactDetails.value })
    .from(contactDetails)
    .where(
      and(
        inArray(contactDetails.personId, personIds),
        inArray(contactDetails.kind, ['email', 'phone']),
        isNull(contactDetails.supersededAt),
      ),
    )
    .orderBy(desc(contactDetails.recordedAt));
}

export async function nonDisclosuresAmong(executor: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return executor
    .select({ personId: nonDisclosures.personId, hiddenFromPersonId: nonDisclosures.hiddenFromPersonId })
    .from(nonDisclosures)
    .where(inArray(nonDisclosures.personId, personIds));
}

/** A booking with its place and each person's planned times. */
export async function bookingWithPlace(executor: Executor, bookingId: string) {
  const [row] = await executor
    .select({
      id: bookings.id,
      centreId: bookings.centreId,
      caseId: bookings.caseId,
      status: bookings.status,
      localDate: bookings.localDate,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      venueId: bookings.venueId,
      venueName: venues.name,
      venueAddress: venues.address,
      roomName: rooms.name,
    })
    .from(bookings)
    .innerJoin(venues, eq(venues.id, bookings.venueId))
    .innerJoin(rooms, eq(rooms.id, bookings.roomId))
    .where(eq(bookings.id, bookingId));
  if (!row) return undefined;
  const people = await executor
    .select({
      personId: bookingPeople.personId,
      firstName: casePeople.firstName,
      role: casePeople.role,
      arriveAt: bookingPeople.plannedArriveAt,
      leaveAt: bookingPeople.plannedLeaveAt,
      broughtByPersonId: bookingPeople.broughtByPersonId,
    })
    .from(bookingPeople)
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(eq(bookingPeople.bookingId, bookingId));
  return { ...row, people };
}

/** The booking's row, locked until the transaction ends: a reminder and a cancellation take turns. */
export async function lockBooking(executor: Executor, bookingId: string) {
  const [row] = await executor
    .select({ id: bookings.id, status: bookings.status, startsAt: bookings.startsAt })
    .from(bookings)
    .where(eq(bookings.id, bookingId))
    .for('update');
  return row;
}

/**
 * Booked sessions of open cases that start within their centre's reminder days (0: the centre sends
 * none) and have an attending adult with an email who has not been reminded yet. Soonest first.
 */
export async function sessionsDueReminders(
  executor: Executor,
  now: Date,
  defaultDays: number,
  limit: number,
): Promise<{ bookingId: string; centreId: string }[]> {
  const at = now.toISOString();
  const result = await executor.execute(sql`
    select b.id as "bookingId", b.centre_id as "centreId"
    from bookings b
    join cases c on c.id = b.case_id and c.status <> 'closed'
    left join centre_settings s on s.centre_id = b.centre_id
    where b.status = 'booked'
      and b.starts_at > ${at}::timestamptz
      and coalesce(s.reminder_days_before, ${defaultDays}) > 0
      and b.starts_at <= ${at}::timestamptz + make_interval(days => coalesce(s.reminder_days_before, ${defaultDays}))
      and exists (
        select 1 from booking_people bp
        join case_people p on p.id = bp.person_id and p.role <> 'child'
        join contact_details d on d.person_id = p.id and d.kind = 'email' and d.superseded_at is null
        where bp.booking_id = b.id
          and not exists (
            select 1 from booking_notices n
            where n.booking_id = b.id and n.kind = 'reminder' and n.recipient_id = bp.person_id
          )
      )
    order by b.starts_at, b.id
    limit ${limit}`);
  return rowsOf<{ bookingId: string; centreId: string }>(result);
}

// Attendance

/** Every adult's planned part in the case's booked sessions that have begun, with what was recorded. */
export async function attendanceRows(executor: Executor, caseId: string, now: Date) {
  return executor
    .select({
      bookingId: bookings.id,
      localDate: bookings.localDate,
      startsAt: bookings.startsAt,
      endsAt: bookings.endsAt,
      personId: bookingPeople.personId,
      firstName: casePeople.firstName,
      plannedArriveAt: bookingPeople.plannedArriveAt,
      arrivedAt: bookingPeople.arrivedAt,
      noShowRecordedAt: bookingPeople.noShowRecordedAt,
    })
    .from(bookings)
    .innerJoin(bookingPeople, eq(bookingPeople.bookingId, bookings.id))
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(
      and(
        eq(bookings.caseId, caseId),
        eq(bookings.status, 'booked'),
        lte(bookings.startsAt, now),
        ne(casePeople.role, 'child'),
      ),
    )
    .orderBy(desc(bookings.startsAt), asc(bookingPeople.plannedArriveAt));
}

/** The case's cancelled sessions: who called each off, and with how much notice. */
export async function cancellationsOf(executor: Executor, caseId: string) {
  return executor
    .select({
      by: bookings.cancelledBy,
      personId: bookings.cancelledByPersonId,
      noticeHours: bookings.noticeHours,
    })
    .from(bookings)
    .where(and(eq(bookings.caseId, caseId), eq(bookings.status, 'cancelled')));
}

/** One person's part in one booking of the centre, with the booking's state. */
export async function bookingPersonAt(
  executor: Executor,
  centreId: string,
  bookingId: string,
  personId: string,
) {
  const [row] = await executor
    .select({
      id: bookingPeople.id,
      caseId: bookings.caseId,
      status: bookings.status,
      firstName: casePeople.firstName,
      role: casePeople.role,
      plannedArriveAt: bookingPeople.plannedArriveAt,
      arrivedAt: bookingPeople.arrivedAt,
      noShowRecordedAt: bookingPeople.noShowRecordedAt,
    })
    .from(bookingPeople)
    .innerJoin(bookings, eq(bookings.id, bookingPeople.bookingId))
    .innerJoin(casePeople, eq(casePeople.id, bookingPeople.personId))
    .where(
      and(eq(bookings.id, bookingId), eq(bookings.centreId, centreId), eq(bookingPeople.personId, personId)),
    );
  return row;
}

/** Records a no-show unless they arrived or it is recorded already (a race answers false). */
export async function markNoShow(executor: Executor, id: string, at: Date, userId: string) {
  const updated = await executor
    .update(bookingPeople)
    .set({ noShowRecordedAt: at, noShowRecordedByUserId: userId })
    .where(
      and(eq(bookingPeople.id, id), isNull(bookingPeople.arrivedAt), isNull(bookingPeople.noShowRecordedAt)),
    )
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}

export async function clearNoShow(executor: Executor, id: string) {
  const updated = await executor
    .update(bookingPeople)
    .set({ noShowRecordedAt: null, noShowRecordedByUserId: null })
    .where(and(eq(bookingPeople.id, id), isNotNull(bookingPeople.noShowRecordedAt)))
    .returning({ id: bookingPeople.id });
  return updated.length === 1;
}
