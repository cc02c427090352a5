/**
 * The case (family) record. This first part opens a case from an accepted referral: its people, their
 * contact details (each a row with a history), the court order, and the default non-disclosure —
 * the two parents' details are never shown to each other.
 */
import type { z } from 'zod';
import type { referralBody } from '../../shared/api/referrals.js';
import type { Actor } from '../access/actor.js';
import { nextReference } from '../organisation/service.js';
import type { Tx } from '../platform/database.js';
import {
  insertCase,
  insertContactDetails,
  insertCourtOrder,
  insertNonDisclosures,
  insertPerson,
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
  return opened;
}
