/**
 * Consent for each child's information to be held: recorded (a parent's for a child at or under the
 * centre's age, the child's own above it), withdrawn (the record stays), and shown per child on the case
 * file. The rules are pure, in consent-rules.ts; readiness asks `childrenAwaitingConsent`.
 */
import type { z } from 'zod';
import type { consentBody } from '../../shared/api/caseRecord.js';
import type { Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { centreContact } from '../organisation/service.js';
import { readAll, type Db, type Executor } from '../platform/database.js';
import { AppError, Conflict, NotFound } from '../platform/errors.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import { centreSettingsOf } from '../rules/service.js';
import { childAgeOn, consentRefusal, parentalConsentNeeded } from './consent-rules.js';
import { consentsOfCase, insertConsent, withdrawConsentRow } from './repository.js';
import { caseOpenForChange, peopleInCase, type CasePerson } from './service.js';

type ConsentInput = z.output<typeof consentBody>;

/** The centre's day today, and its age for parental consent. */
async function consentPolicy(db: Executor, centreId: string, now = new Date()) {
  const [centre, settings] = await readAll(db, [
    () => centreContact(db, centreId),
    () => centreSettingsOf(db, centreId),
  ]);
  if (!centre) throw new NotFound('case');
  return { today: localDay(now, centre.timeZone), upToAge: settings.parentalConsentUpToAge };
}

export async function recordConsent(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: ConsentInput,
): Promise<void> {
  await db.transaction(async (tx) => {
    // The case stays locked until this commits: two recordings for one child cannot both pass the check.
    await caseOpenForChange(tx, centreId, caseId);
    const [people, consents, policy] = await readAll(tx, [
      () => peopleInCase(tx, caseId),
      () => consentsOfCase(tx, caseId),
      () => consentPolicy(tx, centreId),
    ]);
    const standing = consents.find(
      (consent) => consent.childPersonId === input.childPersonId && consent.withdrawnAt === null,
    );
    const refusal = consentRefusal({
      people,
      childPersonId: input.childPersonId,
      givenByPersonId: input.givenByPersonId,
      givenOn: input.givenOn,
      today: policy.today,
      upToAge: policy.upToAge,
      standing: standing
        ? {
            givenByName: people.find((p) => p.id === standing.givenByPersonId)?.name ?? 'someone',
            givenOn: standing.givenOn,
          }
        : null,
    });
    if (refusal) {
      throw new AppError(refusal.status, refusal.code, refusal.message, [
        { field: refusal.field, message: refusal.message },
      ]);
    }
    const id = await insertConsent(tx, {
      caseId,
      centreId,
      childPersonId: input.childPersonId,
      givenByPersonId: input.givenByPersonId,
      givenOn: input.givenOn,
      recordedByUserId: actor.userId,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.consent_recorded',
      outcome: 'success',
      resourceType: 'child_consent',
      resourceId: id,
      centreId,
      detail: {
        caseId,
        childPersonId: input.childPersonId,
        ownConsent: input.givenByPersonId === input.childPersonId,
      },
    });
  });
}

/** Withdraws a consent that stands; the record is kept, with who withdrew it and when. */
export async function withdrawConsent(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  consentId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    const consent = (await consentsOfCase(tx, caseId)).find((row) => row.id === consentId);
    if (!consent) throw new NotFound('consent');
    if (consent.withdrawnAt || !(await withdrawConsentRow(tx, caseId, consentId, actor.userId))) {
      throw new Conflict(
        consent.withdrawnAt
          ? `This consent was already withdrawn on ${spokenDay(consent.withdrawnAt.toISOString().slice(0, 10))}.`
          : 'This consent was already withdrawn.',
        'consent_withdrawn',
      );
    }
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'case.consent_withdrawn',
      outcome: 'success',
      resourceType: 'child_consent',
      resourceId: consentId,
      centreId,
      detail: { caseId, childPersonId: consent.childPersonId },
    });
  });
}

/**
 * Each child of the case: their age today, whether a parent gives consent for them, the consent that
 * stands and those withdrawn. Not audited: it is part of reading the case file, which is.
 */
export async function childConsentsOf(db: Executor, centreId: string, caseId: string) {
  const [people, consents, policy] = await readAll(db, [
    () => peopleInCase(db, caseId),
    () => consentsOfCase(db, caseId),
    () => consentPolicy(db, centreId),
  ]);
  const staff = await displayNamesOf(
    db,
    consents.flatMap((c) => [c.recordedByUserId, c.withdrawnByUserId]),
  );
  const nameOf = new Map(people.map((person) => [person.id, person.name]));
  const view = (row: (typeof consents)[number]) => ({
    id: row.id,
    givenByPersonId: row.givenByPersonId,
    givenByName: nameOf.get(row.givenByPersonId) ?? '',
    ownConsent: row.givenByPersonId === row.childPersonId,
    givenOn: row.givenOn,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: row.recordedByUserId ? (staff.get(row.recordedByUserId) ?? null) : null,
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    withdrawnBy: row.withdrawnByUserId ? (staff.get(row.withdrawnByUserId) ?? null) : null,
  });
  const items = people
    .filter((person) => person.role === 'child')
    .map((child) => {
      const own = consents.filter((row) => row.childPersonId === child.id);
      const current = own.find((row) => row.withdrawnAt === null);
      return {
        childPersonId: child.id,
        name: child.name,
        age: childAgeOn(child, policy.today),
        parentalConsentNeeded: parentalConsentNeeded(child, policy.today, policy.upToAge),
        current: current ? view(current) : null,
        withdrawn: own.filter((row) => row.withdrawnAt !== null).map(view),
      };
    });
  return { upToAge: policy.upToAge, items };
}

/**
 * Full names of the children whose consent is not recorded: for the check that a case is ready to book.
 * Every child's information needs consent (a parent's, or their own once older than the centre's age).
 */
export async function childrenAwaitingConsent(
  db: Executor,
  caseId: string,
  known?: CasePerson[] | Promise<CasePerson[]>,
): Promise<string[]> {
  const [people, consents] = await readAll(db, [
    async () => known ?? peopleInCase(db, caseId),
    () => consentsOfCase(db, caseId),
  ]);
  const consented = new Set(consents.filter((c) => c.withdrawnAt === null).map((c) => c.childPersonId));
  return people.filter((p) => p.role === 'child' && !consented.has(p.id)).map((p) => p.name);
}
