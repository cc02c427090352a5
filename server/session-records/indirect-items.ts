/**
 * Indirect contact: a letter, card, gift or other item received from an adult of the case for a child,
 * checked (by whom, with notes), then passed on (when, by whom) or held back (with the reason). The steps
 * go in that order: the database refuses an outcome before a check, and the service answers an
 * out-of-order step with a sentence first. Handled by those who hold sanctions:manage (a coordinator);
 * read by those who may read case files.
 *
 * The schema keeps no column of its own for the reason an item is held back: it is kept with the check
 * notes, on its own line ("Held back: …"), since holding back is what the check concluded.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { IndirectItemBody, IndirectItemView } from '../../shared/api/session-records.js';
import { can, type Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange, peopleInCase } from '../cases/service.js';
import { readAll, type Db, type Executor, type Tx } from '../platform/database.js';
import { InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { centreTimeZone } from '../organisation/time-zone.js';
import { auditedChange, iso } from './common.js';
import {
  indirectItemById,
  insertIndirectItem,
  listIndirectItems,
  lockIndirectItem,
  updateIndirectItem,
  type IndirectItemRow,
} from './repository.js';
import { itemStepRefusal, notesWithHoldBack, pastMoment, type ItemStep } from './rules.js';

async function viewsOf(
  executor: Executor,
  caseId: string,
  rows: IndirectItemRow[],
): Promise<IndirectItemView[]> {
  const [people, staff] = await readAll(executor, [
    () => peopleInCase(executor, caseId),
    () =>
      displayNamesOf(
        executor,
        rows.flatMap((row) => [row.receivedByUserId, row.checkedByUserId, row.passedOnByUserId]),
      ),
  ]);
  const names = new Map(people.map((person) => [person.id, person.name]));
  const staffName = (userId: string | null) => (userId ? (staff.get(userId) ?? null) : null);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    fromPersonId: row.fromPersonId,
    fromName: names.get(row.fromPersonId) ?? '',
    forPersonId: row.forPersonId,
    forName: row.forPersonId ? (names.get(row.forPersonId) ?? null) : null,
    description: row.description,
    receivedAt: row.receivedAt.toISOString(),
    receivedBy: staffName(row.receivedByUserId) ?? '',
    checkedAt: iso(row.checkedAt),
    checkedBy: staffName(row.checkedByUserId),
    checkNotes: row.checkNotes,
    outcome: row.outcome,
    passedOnAt: iso(row.passedOnAt),
    passedOnBy: staffName(row.passedOnByUserId),
    createdAt: row.createdAt.toISOString(),
  }));
}

async function viewOf(db: Db, centreId: string, itemId: string) {
  const row = (await indirectItemById(db, centreId, itemId))!;
  return (await viewsOf(db, row.caseId, [row]))[0]!;
}

/** The indirect contact items of a case, the latest received first. */
export async function indirectItemsOfCase(db: Db, actor: Actor, centreId: string, caseId: string) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  await caseOfCentre(db, centreId, caseId);
  const rows = await listIndirectItems(db, centreId, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'indirect_items.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: await viewsOf(db, caseId, rows) };
}

/** Records an item received from an adult of the case for a child (or for all the children). */
export async function receiveIndirectItem(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  body: IndirectItemBody,
): Promise<IndirectItemView> {
  if (!can(actor, PERMISSIONS.SANCTIONS_MANAGE, centreId)) throw new NotAllowed();
  const receivedAt = pastMoment(body.receivedAt, 'receivedAt', new Date());
  const event = { action: 'indirect_item.received', resourceType: 'case', resourceId: caseId, centreId };
  const id = await auditedChange(db, actor, event, () =>
    db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, caseId);
      const people = await peopleInCase(tx, caseId);
      const from = people.find((person) => person.id === body.fromPersonId);
      const problems = [];
      if (!from || from.role === 'child') {
        problems.push({ field: 'fromPersonId', message: 'Choose the adult of this family who sent it' });
      }
      if (body.forPersonId) {
        const child = people.find((person) => person.id === body.forPersonId);
        if (!child || child.role !== 'child') {
          problems.push({ field: 'forPersonId', message: 'Choose a child of this family' });
        }
      }
      if (problems.length > 0) throw new InvalidInput(problems);
      const received = await insertIndirectItem(tx, {
        centreId,
        caseId,
        kind: body.kind,
        fromPersonId: body.fromPersonId,
        forPersonId: body.forPersonId,
        description: body.description,
        receivedAt,
        receivedByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'success',
        detail: { itemId: received, kind: body.kind },
      });
      return received;
    }),
  );
  return viewOf(db, centreId, id);
}

/**
 * One step of an item after it was received: the case and the item locked, the order of steps checked,
 * the change made and audited together.
 */
async function takeStep(
  db: Db,
  actor: Actor,
  centreId: string,
  itemId: string,
  step: ItemStep,
  change: (tx: Tx, item: IndirectItemRow, timeZone: string) => Promise<void>,
): Promise<IndirectItemView> {
  if (!can(actor, PERMISSIONS.SANCTIONS_MANAGE, centreId)) throw new NotAllowed();
  const found = await indirectItemById(db, centreId, itemId);
  if (!found) throw new NotFound('item');
  const timeZone = await centreTimeZone(db, centreId);
  const action = {
    check: 'indirect_item.checked',
    pass_on: 'indirect_item.passed_on',
    hold_back: 'indirect_item.held_back',
  }[step];
  const event = { action, resourceType: 'indirect_item', resourceId: itemId, centreId };
  await auditedChange(db, actor, event, () =>
    db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, found.caseId);
      const item = (await lockIndirectItem(tx, centreId, itemId))!;
      const refusal = itemStepRefusal(item, step, timeZone);
      if (refusal) throw refusal;
      await change(tx, item, timeZone);
      await recordAudit(tx, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'success',
        detail: { caseId: found.caseId },
      });
    }),
  );
  return viewOf(db, centreId, itemId);
}

export function checkIndirectItem(db: Db, actor: Actor, centreId: string, itemId: string, notes: string) {
  return takeStep(db, actor, centreId, itemId, 'check', (tx) =>
    updateIndirectItem(tx, itemId, {
      checkedAt: new Date(),
      checkedByUserId: actor.userId,
      checkNotes: notes,
    }),
  );
}

export function passOnIndirectItem(
  db: Db,
  actor: Actor,
  centreId: string,
  itemId: string,
  at: string | undefined,
) {
  return takeStep(db, actor, centreId, itemId, 'pass_on', (tx, item) =>
    updateIndirectItem(tx, itemId, {
      outcome: 'passed_on',
      passedOnAt: pastMoment(at, 'at', new Date(), item.checkedAt ?? undefined),
      passedOnByUserId: actor.userId,
    }),
  );
}

export function holdBackIndirectItem(db: Db, actor: Actor, centreId: string, itemId: string, reason: string) {
  return takeStep(db, actor, centreId, itemId, 'hold_back', (tx, item) =>
    updateIndirectItem(tx, itemId, {
      outcome: 'held_back',
      checkNotes: notesWithHoldBack(item.checkNotes, reason),
    }),
  );
}
