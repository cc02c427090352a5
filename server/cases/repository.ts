import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  caseProfessionals,
  casePeople,
  cases,
  childConsents,
  contactDetails,
  courtOrders,
  nonDisclosures,
  users,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export async function insertCase(
  executor: Executor,
  values: {
    centreId: string;
    reference: string;
    referralId: string;
    serviceRequested: string;
    createdByUserId: string;
  },
) {
  const [row] = await executor
    .insert(cases)
    .values(values)
    .returning({ id: cases.id, reference: cases.reference });
  return row!;
}

export async function insertPerson(
  executor: Executor,
  values: {
    caseId: string;
    centreId: string;
    role: (typeof casePeople.$inferInsert)['role'];
    firstName: string;
    lastName: string;
    dateOfBirth?: string | null;
    relationshipToChildren?: string | null;
    needs?: string | null;
  },
): Promise<string> {
  const [row] = await executor.insert(casePeople).values(values).returning({ id: casePeople.id });
  return row!.id;
}

export async function insertContactDetails(
  executor: Executor,
  rows: {
    personId: string;
    centreId: string;
    kind: 'email' | 'phone' | 'address';
    value: string;
    recordedByUserId: string;
  }[],
): Promise<void> {
  if (rows.length > 0) await executor.insert(contactDetails).values(rows);
}

export async function insertNonDisclosures(
  executor: Executor,
  rows: { personId: string; hiddenFromPersonId: string; centreId: string }[],
): Promise<void> {
  if (rows.length > 0) await executor.insert(nonDisclosures).values(rows).onConflictDoNothing();
}

export async function insertCourtOrder(
  executor: Executor,
  values: typeof courtOrders.$inferInsert,
): Promise<void> {
  await executor.insert(courtOrders).values(values);
}

/** Children of open cases at a centre with this name and date of birth (for duplicate checks). */
export async function casesWithChild(
  executor: Executor,
  centreId: string,
  child: { firstName: string; lastName: string; dateOfBirth: string },
) {
  return executor
    .select({ caseId: casePeople.caseId, reference: cases.reference })
    .from(casePeople)
    .innerJoin(cases, eq(cases.id, casePeople.caseId))
    .where(
      and(
        eq(casePeople.centreId, centreId),
        eq(casePeople.role, 'child'),
        sql`lower(${casePeople.firstName}) = lower(${child.firstName})`,
        sql`lower(${casePeople.lastName}) = lower(${child.lastName})`,
        eq(casePeople.dateOfBirth, child.dateOfBirth),
      ),
    );
}

export async function insertProfessionals(
  executor: Executor,
  rows: (typeof caseProfessionals.$inferInsert)[],
) {
  if (rows.length > 0) await executor.insert(caseProfessionals).values(rows);
}

export async function listCases(executor: Executor, centreId: string) {
  return executor
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      serviceRequested: cases.serviceRequested,
      createdAt: cases.createdAt,
      // Spelled out: Drizzle writes a lone table's column as a bare "id", which the subquery would
      // read as the person's id.
      children: sql<
        string[]
      >`coalesce((select array_agg(p.first_name || ' ' || p.last_name order by p.date_of_birth) from case_people p where p.case_id = "cases"."id" and p.role = 'child'), '{}')`,
    })
    .from(cases)
    .where(eq(cases.centreId, centreId))
    .orderBy(desc(cases.createdAt))
    .limit(1000);
}

export async function findCase(executor: Executor, centreId: string, id: string) {
  const [row] = await executor
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), eq(cases.centreId, centreId)));
  return row;
}

export async function peopleOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(casePeople)
    .where(eq(casePeople.caseId, caseId))
    .orderBy(asc(casePeople.createdAt));
}

export async function contactDetailsOf(executor: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  const recorder = alias(users, 'recorder');
  const superseder = alias(users, 'superseder');
  return executor
    .select({
      id: contactDetails.id,
      personId: contactDetails.personId,
      kind: contactDetails.kind,
      value: contactDetails.value,
      recordedAt: contactDetails.recordedAt,
      recordedBy: recorder.displayName,
      supersededAt: contactDetails.supersededAt,
      supersededBy: superseder.displayName,
    })
    .from(contactDetails)
    .leftJoin(recorder, eq(recorder.id, contactDetails.recordedByUserId))
    .leftJoin(superseder, eq(superseder.id, contactDetails.supersededByUserId))
    .where(inArray(contactDetails.personId, personIds))
    .orderBy(sql`${contactDetails.supersededAt} is not null`, desc(contactDetails.recordedAt));
}

export async function nonDisclosuresOf(executor: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return executor
    .select({ personId: nonDisclosures.personId, hiddenFromPersonId: nonDisclosures.hiddenFromPersonId })
    .from(nonDisclosures)
    .where(inArray(nonDisclosures.personId, personIds));
}

/** Every professional of the case: those still involved first, then those whose part has ended. */
export async function professionalsOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(caseProfessionals)
    .where(eq(caseProfessionals.caseId, caseId))
    .orderBy(sql`${caseProfessionals.endedAt} is not null`, asc(caseProfessionals.createdAt));
}

export async function courtOrdersOf(executor: Executor, caseId: string) {
  return executor
    .select()
    .from(courtOrders)
    .where(eq(courtOrders.caseId, caseId))
    .orderBy(sql`${courtOrders.supersededAt} is not null`, desc(courtOrders.recordedAt));
}

export async function findPerson(executor: Executor, caseId: string, personId: string) {
  const [row] = await executor
    .select({ id: casePeople.id, role: casePeople.role })
    .from(casePeople)
    .where(and(eq(casePeople.id, personId), eq(casePeople.caseId, caseId)));
  return row;
}

/** Ends the current value of one kind (kept as history) and records the new one. */
export async function replaceContactDetail(
  executor: Executor,
  change: {
    personId: string;
    centreId: string;
    kind: 'email' | 'phone' | 'address' | 'refuge' | 'school';
    value: string;
    userId: string;
  },
): Promise<void> {
  const now = new Date();
  await executor
    .update(contactDetails)
    .set({ supersededAt: now, supersededByUserId: change.userId })
    .where(
      and(
        eq(contactDetails.personId, change.personId),
        eq(contactDetails.kind, change.kind),
        isNull(contactDetails.supersededAt),
      ),
    );
  await executor.insert(contactDetails).values({
    personId: change.personId,
    centreId: change.centreId,
    kind: change.kind,
    value: change.value,
    recordedByUserId: change.userId,
    recordedAt: now,
  });
}

/** A person's current email, if they have one. */
export async function currentEmail(executor: Executor, personId: string): Promise<string | undefined> {
  const [row] = await executor
    .select({ value: contactDetails.value })
    .from(contactDetails)
    .where(
      and(
        eq(contactDetails.personId, personId),
        eq(contactDetails.kind, 'email'),
        isNull(contactDetails.supersededAt),
      ),
    )
    .orderBy(desc(contactDetails.recordedAt))
    .limit(1);
  return row?.value;
}

// The rest of the case record: the open-case check, consent, later court orders and professionals,
// closure. See consent.ts, court-orders.ts, professionals.ts, closure.ts and case-file.ts.

/** The case, locked for the rest of the transaction: closing it waits for changes under way, and back. */
export async function lockCase(executor: Executor, centreId: string, caseId: string) {
  const [row] = await executor
    .select({ id: cases.id, centreId: cases.centreId, status: cases.status })
    .from(cases)
    .where(and(eq(cases.id, caseId), eq(cases.centreId, centreId)))
    .for('update');
  return row;
}

/** Sets or clears the closure of a case (status, when, by whom, outcome, note) in one update. */
export async function updateClosure(
  executor: Executor,
  caseId: string,
  values: Pick<
    typeof cases.$inferInsert,
    'status' | 'closedAt' | 'closedByUserId' | 'closureOutcome' | 'closureNote'
  >,
): Promise<void> {
  await executor.update(cases).set(values).where(eq(cases.id, caseId));
}

export async function consentsOfCase(executor: Executor, caseId: string) {
  return executor
    .select({
      id: childConsents.id,
      childPersonId: childConsents.childPersonId,
      givenByPersonId: childConsents.givenByPersonId,
      givenOn: childConsents.givenOn,
      recordedAt: childConsents.recordedAt,
      recordedByUserId: childConsents.recordedByUserId,
      withdrawnAt: childConsents.withdrawnAt,
      withdrawnByUserId: childConsents.withdrawnByUserId,
    })
    .from(childConsents)
    .where(eq(childConsents.caseId, caseId))
    .orderBy(desc(childConsents.recordedAt));
}

export async function insertConsent(
  executor: Executor,
  values: typeof childConsents.$inferInsert,
): Promise<string> {
  const [row] = await executor.insert(childConsents).values(values).returning({ id: childConsents.id });
  return row!.id;
}

/** Marks a consent withdrawn if it still stands; false when it was withdrawn already. */
export async function withdrawConsentRow(
  executor: Executor,
  caseId: string,
  consentId: string,
  userId: string,
): Promise<boolean> {
  const rows = await executor
    .update(childConsents)
    .set({ withdrawnAt: new Date(), withdrawnByUserId: userId })
    .where(
      and(
        eq(childConsents.id, consentId),
        eq(childConsents.caseId, caseId),
        isNull(childConsents.withdrawnAt),
      ),
    )
    .returning({ id: childConsents.id });
  return rows.length === 1;
}

/** The court order in force: the newest not superseded. */
export async function currentCourtOrderRow(executor: Executor, caseId: string) {
  const [row] = await executor
    .select({
      id: courtOrders.id,
      kind: courtOrders.kind,
      madeOn: courtOrders.madeOn,
      endsOn: courtOrders.endsOn,
    })
    .from(courtOrders)
    .where(and(eq(courtOrders.caseId, caseId), isNull(courtOrders.supersededAt)))
    .orderBy(desc(courtOrders.recordedAt))
    .limit(1);
  return row;
}

/** Supersedes every order of the case still in force (there is at most one). */
export async function supersedeCourtOrders(executor: Executor, caseId: string, at: Date): Promise<void> {
  await executor
    .update(courtOrders)
    .set({ supersededAt: at })
    .where(and(eq(courtOrders.caseId, caseId), isNull(courtOrders.supersededAt)));
}

export async function addCourtOrder(
  executor: Executor,
  values: typeof courtOrders.$inferInsert,
): Promise<string> {
  const [row] = await executor.insert(courtOrders).values(values).returning({ id: courtOrders.id });
  return row!.id;
}

export async function addProfessional(
  executor: Executor,
  values: typeof caseProfessionals.$inferInsert,
): Promise<string> {
  const [row] = await executor
    .insert(caseProfessionals)
    .values(values)
    .returning({ id: caseProfessionals.id });
  return row!.id;
}

/** Ends a professional's part in the case if it has not ended; false when it had. */
export async function endProfessionalRow(
  executor: Executor,
  caseId: string,
  professionalId: string,
): Promise<boolean> {
  const rows = await executor
    .update(caseProfessionals)
    .set({ endedAt: new Date() })
    .where(
      and(
        eq(caseProfessionals.id, professionalId),
        eq(caseProfessionals.caseId, caseId),
        isNull(caseProfessionals.endedAt),
      ),
    )
    .returning({ id: caseProfessionals.id });
  return rows.length === 1;
}

export async function findProfessional(executor: Executor, caseId: string, professionalId: string) {
  const [row] = await executor
    .select({ id: caseProfessionals.id, role: caseProfessionals.role, endedAt: caseProfessionals.endedAt })
    .from(caseProfessionals)
    .where(and(eq(caseProfessionals.id, professionalId), eq(caseProfessionals.caseId, caseId)));
  return row;
}
