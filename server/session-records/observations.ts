/**
 * Observation records of supervised contact: what the supervisor saw, written once the session is under
 * way by its named supervisor or a coordinator. A record is never changed: a correction is a new record
 * naming the one it corrects, and the corrected one stays readable, marked as corrected. Supported and
 * handover sessions keep none. Read by the centre's staff who may read case files, never by volunteers.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { ObservationBody, ObservationView } from '../../shared/api/session-records.js';
import { can, type Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange } from '../cases/service.js';
import { readAll, type Db, type Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { centreTimeZone } from '../organisation/time-zone.js';
import { auditedChange, sessionOf } from './common.js';
import {
  correctionOf,
  insertObservation,
  listObservations,
  observationOfSession,
  sessionAt,
  type ObservationRow,
} from './repository.js';
import { observationRefusal } from './rules.js';

async function viewsOf(
  executor: Executor,
  centreId: string,
  rows: ObservationRow[],
): Promise<ObservationView[]> {
  const [timeZone, names] = await readAll(executor, [
    () => centreTimeZone(executor, centreId),
    () =>
      displayNamesOf(
        executor,
        rows.map((row) => row.writtenByUserId),
      ),
  ]);
  const correctedBy = new Map(
    rows.filter((row) => row.correctsId).map((row) => [row.correctsId!, row.id] as const),
  );
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    session: sessionOf(row, timeZone)!,
    notes: row.notes,
    correctsId: row.correctsId,
    correctedById: correctedBy.get(row.id) ?? null,
    writtenBy: names.get(row.writtenByUserId) ?? '',
    createdAt: row.createdAt.toISOString(),
  }));
}

/** Every observation record of a case, by session, corrections after the records they correct. */
export async function observationsOfCase(db: Db, actor: Actor, centreId: string, caseId: string) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  await caseOfCentre(db, centreId, caseId);
  const rows = await listObservations(db, centreId, { caseId });
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'observations.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: await viewsOf(db, centreId, rows) };
}

/** The observation records of one session. */
export async function observationsOfSession(db: Db, actor: Actor, centreId: string, bookingId: string) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  const session = await sessionAt(db, centreId, bookingId);
  if (!session) throw new NotFound('session');
  const rows = await listObservations(db, centreId, { bookingId });
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'observations.read',
    outcome: 'success',
    resourceType: 'booking',
    resourceId: bookingId,
    centreId,
    detail: { caseId: session.caseId, count: rows.length },
  });
  return { items: await viewsOf(db, centreId, rows) };
}

/** Writes an observation record of a supervised session, or a correction of one. */
export async function writeObservation(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  body: ObservationBody,
): Promise<ObservationView> {
  if (!can(actor, PERMISSIONS.OBSERVATIONS_WRITE, centreId)) throw new NotAllowed();
  const session = await sessionAt(db, centreId, bookingId);
  if (!session) throw new NotFound('session');
  const event = { action: 'observation.written', resourceType: 'booking', resourceId: bookingId, centreId };
  const id = await auditedChange(db, actor, event, async () => {
    const refusal = observationRefusal(
      session,
      { userId: actor.userId, managesCases: can(actor, PERMISSIONS.CASE_WRITE, centreId) },
      new Date(),
    );
    if (refusal) throw refusal;
    return db.transaction(async (tx) => {
      // The case stays locked until the record is written: it cannot close meanwhile, and two corrections
      // of one record take turns, so that the second is refused.
      await caseOpenForChange(tx, centreId, session.caseId);
      if (body.correctsId) {
        const corrected = await observationOfSession(tx, bookingId, body.correctsId);
        if (!corrected) {
          throw new InvalidInput([
            { field: 'correctsId', message: 'Choose an observation record of this session to correct' },
          ]);
        }
        if (await correctionOf(tx, body.correctsId)) {
          throw new Conflict(
            'That record has already been corrected: correct its latest version instead.',
            'already_corrected',
          );
        }
      }
      const written = await insertObservation(tx, {
        centreId,
        caseId: session.caseId,
        bookingId,
        notes: body.notes,
        correctsId: body.correctsId ?? null,
        writtenByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'success',
        detail: { caseId: session.caseId, observationId: written, correctsId: body.correctsId ?? null },
      });
      return written;
    });
  });
  const rows = await listObservations(db, centreId, { bookingId });
  return (await viewsOf(db, centreId, rows)).find((view) => view.id === id)!;
}
