/**
 * The case (family) record. This first part opens a case from an accepted referral: its people, their
 * contact details (each a row with a history), the court order, and the default non-disclosure —
 * the two parents' details are never shown to each other.
 */
import type { z } from 'zod';
import type { referralBody } from '../../shared/api/referrals.js';
import { PERMISSIONS } from '../../shared/access.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseDocuments, fileFollowsCase } from '../files/service.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { disclosureRules, type Viewer } from '../redaction/disclosure.js';
import { protectedValue, type ContactKind } from '../redaction/protected.js';
import { redactFor } from '../redaction/redact.js';
import { nextReference } from '../organisation/service.js';
import type { Db, Executor, Tx } from '../platform/database.js';
import {
  contactDetailsOf,
  currentEmail,
  courtOrdersOf,
  currentCourtOrderRow,
  findCase,
  findPerson,
  insertCase,
  insertContactDetails,
  insertCourtOrder,
  insertNonDisclosures,
  insertPerson,
  insertProfessionals,
  listCases,
  lockCase,
  nonDisclosuresOf,
  peopleOf,
  professionalsOf,
  replaceContactDetail,
} from './repository.js';

type Referral = z.output<typeof referralBody>;

export async function openCaseFromReferral(
  tx: Tx,
  actor: Actor,
  referral: { id: string; centreId: string; body: Referral },
): Promise<{ id: string; reference: string }> {
  const { body, centreId } = referral;
  const reference = await nextReference(tx, centreId, 'C');
  const opened = await insertCase(tx, {
    centreId,
    reference,
    referralId: referral.id,
    serviceRequested: body.serviceRequested,
    createdByUserId: actor.userId,
  });
  const idsByKey = new Map<string, { id: string; role: string }>();
  for (const adult of body.adults) {
    const personId = await insertPerson(tx, {
      caseId: opened.id,
      centreId,
      role: adult.role,
      firstName: adult.firstName,
      lastName: adult.lastName,
      dateOfBirth: adult.dateOfBirth ?? null,
      relationshipToChildren: adult.relationshipToChildren ?? null,
    });
    idsByKey.set(adult.key, { id: personId, role: adult.role });
    const details = (['email', 'phone', 'address'] as const)
      .filter((kind) => adult[kind])
      .map((kind) => ({ personId, centreId, kind, value: adult[kind]!, recordedByUserId: actor.userId }));
    await insertContactDetails(tx, details);
  }
  for (const child of body.children) {
    await insertPerson(tx, {
      caseId: opened.id,
      centreId,
      role: 'child',
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
      needs: child.needs ?? null,
    });
  }
  // Default non-disclosure: each parent's details are hidden from every adult on the other side.
  const adults = [...idsByKey.values()];
  const residents = adults.filter((a) => a.role === 'resident_parent');
  const others = adults.filter((a) => a.role !== 'resident_parent');
  await insertNonDisclosures(
    tx,
    residents.flatMap((resident) =>
      others.flatMap((other) => [
        { personId: resident.id, hiddenFromPersonId: other.id, centreId },
        { personId: other.id, hiddenFromPersonId: resident.id, centreId },
      ]),
    ),
  );
  // Each adult's own solicitor, and the referring court officer or social worker, become the case's
  // professionals: told of absences and cancellations later, through the redaction mechanism.
  await insertProfessionals(tx, [
    ...body.adults
      .filter((adult) => adult.solicitorName)
      .map((adult) => ({
        caseId: opened.id,
        centreId,
        actingForPersonId: idsByKey.get(adult.key)!.id,
        role: 'solicitor' as const,
        name: adult.solicitorName!,
        email: adult.solicitorEmail ?? null,
      })),
    ...(['court_officer', 'social_worker'] as const)
      .filter((role) => body.referrer.role === role)
      .map((role) => ({
        caseId: opened.id,
        centreId,
        actingForPersonId: null,
        role,
        name: body.referrer.name,
        organisation: body.referrer.organisation ?? null,
        email: body.referrer.email,
        phone: body.referrer.phone ?? null,
      })),
  ]);
  const order = body.courtOrder;
  if (order.kind !== 'none' && order.court && order.madeOn) {
    await insertCourtOrder(tx, {
      caseId: opened.id,
      centreId,
      kind: order.kind,
      court: order.court,
      madeOn: order.madeOn,
      caseNumber: order.caseNumber ?? null,
      endsOn: order.endsOn ?? null,
      timeLimitAgreed: order.timeLimitAgreed ?? false,
    });
  }
  await fileFollowsCase(tx, { referralId: referral.id, caseId: opened.id });
  return opened;
}

// Reading and changing the case record

const iso = (value: Date | null) => value?.toISOString() ?? null;

export async function listCasesOf(db: Db, actor: Actor, centreId: string) {
  const rows = await listCases(db, centreId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'case.listed',
    outcome: 'success',
    resourceType: 'case',
    centreId,
    detail: { count: rows.length },
  });
  return rows.map((row) => ({
    id: row.id,
    reference: row.reference,
    status: row.status,
    serviceRequested: row.serviceRequested as Referral['serviceRequested'],
    familyName: [...new Set(row.children.map((name) => name.split(' ').slice(1).join(' ')))].join(' / '),
    childrenNames: row.children,
    createdAt: row.createdAt.toISOString(),
  }));
}

/**
 * The family at a glance. Contact details are built as protected values and pass through the one
 * redaction mechanism: a viewer without `contact-details:read` gets null where each value was.
 */
export async function openCase(db: Db, actor: Actor, centreId: string, caseId: string) {
  const found = await findCase(db, centreId, caseId);
  if (!found) throw new NotFound('case');
  const people = await peopleOf(db, caseId);
  const personIds = people.map((p) => p.id);
  const [details, hidden, professionals, orders] = await Promise.all([
    contactDetailsOf(db, personIds),
    nonDisclosuresOf(db, personIds),
    professionalsOf(db, caseId),
    courtOrdersOf(db, caseId),
  ]);
  const contactDetailsShown = can(actor, PERMISSIONS.CONTACT_DETAILS_READ, centreId);
  const viewer: Viewer = { kind: 'staff', mayReadContactDetails: contactDetailsShown };
  const redact = redactFor(viewer, disclosureRules(hidden));
  const children = people.filter((p) => p.role === 'child');
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'case.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
  });
  return redact({
    id: found.id,
    centreId: found.centreId,
    referralId: found.referralId,
    reference: found.reference,
    status: found.status,
    serviceRequested: found.serviceRequested as Referral['serviceRequested'],
    familyName: [...new Set(children.map((c) => c.lastName))].join(' / '),
    childrenNames: children.map((c) => `${c.firstName} ${c.lastName}`),
    createdAt: found.createdAt.toISOString(),
    contactDetailsShown,
    ...(await caseDocuments(db, actor, centreId, caseId)),
    people: people.map((person) => ({
      id: person.id,
      role: person.role,
      firstName: person.firstName,
      lastName: person.lastName,
      dateOfBirth: person.dateOfBirth,
      relationshipToChildren: person.relationshipToChildren,
      needs: person.needs,
      contactDetails: details
        .filter((d) => d.personId === person.id)
        .map((d) => ({
          id: d.id,
          kind: d.kind,
          value: protectedValue(person.id, d.kind, d.value),
          recordedAt: d.recordedAt.toISOString(),
          recordedBy: d.recordedBy,
          supersededAt: iso(d.supersededAt),
          supersededBy: d.supersededBy,
        })),
      hiddenFrom: hidden.filter((h) => h.personId === person.id).map((h) => h.hiddenFromPersonId),
    })),
    professionals: professionals.map((p) => ({
      id: p.id,
      actingForPersonId: p.actingForPersonId,
      role: p.role,
      name: p.name,
      organisation: p.organisation,
      email: p.email,
      phone: p.phone,
      endedAt: iso(p.endedAt),
    })),
    courtOrders: orders.map((o) => ({
      id: o.id,
      kind: o.kind,
      court: o.court,
      madeOn: o.madeOn,
      caseNumber: o.caseNumber,
      endsOn: o.endsOn,
      timeLimitAgreed: o.timeLimitAgreed,
      recordedAt: o.recordedAt.toISOString(),
      supersededAt: iso(o.supersededAt),
    })),
  });
}

/** A new address, phone or email: the old one is kept, with who replaced it and when. */
export async function changeContactDetail(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  personId: string,
  kind: ContactKind,
  value: string,
) {
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const person = await findPerson(tx, caseId, personId);
    if (!person) throw new NotFound('person');
    await replaceContactDetail(tx, { personId, centreId, kind, value, userId: actor.userId });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.contact_detail_changed',
      outcome: 'success',
      resourceType: 'case_person',
      resourceId: personId,
      centreId,
      detail: { caseId, kind },
    });
  });
  return openCase(db, actor, centreId, caseId);
}

/** The case of a centre, or 404 for a missing one and for another centre's alike. */
export async function caseOfCentre(db: Executor, centreId: string, caseId: string) {
  const found = await findCase(db, centreId, caseId);
  if (!found) throw new NotFound('case');
  return found;
}

/** The adults of a case, with names, for rules, visits and readiness. */
export async function adultsOfCase(db: Executor, caseId: string) {
  const people = await peopleOf(db, caseId);
  return people
    .filter((p) => p.role !== 'child')
    .map((p) => ({ id: p.id, role: p.role, firstName: p.firstName, name: `${p.firstName} ${p.lastName}` }));
}

/** Where to write to an adult: their own current email only, never anyone else's. */
export async function ownEmailOf(db: Executor, personId: string): Promise<string | undefined> {
  return currentEmail(db, personId);
}

/** What every change to a closed case is answered with (409). */
export const CASE_CLOSED = 'This case is closed.';

/**
 * The one check before any change to a case (intake, risk, plan, rules acceptance, consent, contact
 * details, court orders, professionals, closing): the case of this centre, or 404 for a missing one and
 * another centre's alike; locked until the transaction ends, so that it cannot close while the change is
 * made; and open, or 409 "This case is closed.". Call it first, inside the change's transaction.
 */
export async function caseOpenForChange(tx: Executor, centreId: string, caseId: string) {
  const found = await lockCase(tx, centreId, caseId);
  if (!found) throw new NotFound('case');
  if (found.status === 'closed') throw new Conflict(CASE_CLOSED, 'case_closed');
  return found;
}

export type CasePerson = Awaited<ReturnType<typeof peopleInCase>>[number];

/** Everyone of a case with what the rules of other modules need to know of them (no contact details). */
export async function peopleInCase(db: Executor, caseId: string) {
  const people = await peopleOf(db, caseId);
  return people.map((p) => ({
    id: p.id,
    role: p.role,
    firstName: p.firstName,
    lastName: p.lastName,
    name: `${p.firstName} ${p.lastName}`,
    dateOfBirth: p.dateOfBirth,
  }));
}

/** The court order in force for a case, or null: what plans must keep within. */
export async function currentCourtOrder(
  db: Executor,
  caseId: string,
): Promise<{ id: string; kind: 'interim' | 'final'; madeOn: string; endsOn: string | null } | null> {
  return (await currentCourtOrderRow(db, caseId)) ?? null;
}
