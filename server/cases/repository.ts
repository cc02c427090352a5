import { and, eq, sql } from 'drizzle-orm';
import { casePeople, cases, contactDetails, courtOrders, nonDisclosures } from '../db/schema.js';
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
