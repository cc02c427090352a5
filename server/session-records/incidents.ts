/**
 * Incidents at a session: what kind, who (one of the session's people), when, what happened, the action
 * taken and any follow-up, which a coordinator marks done. Anyone on the session day may record one from
 * the roster, volunteers included; only those who may read case files read them back.
 *
 * "Session ended" is recorded as the action and nothing more: it does not check anyone out. People still
 * leave one at a time through the roster, in the planned order, so that adults kept apart never meet at
 * the door (when a session ends early, more than ever).
 */
import { PERMISSIONS } from '../../shared/access.js';
import type { IncidentBody, IncidentView } from '../../shared/api/session-records.js';
import { can, type Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { caseOfCentre, caseOpenForChange } from '../cases/service.js';
import { readAll, type Db, type Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound, RuleRefused } from '../platform/errors.js';
import { localDay } from '../platform/local-time.js';
import { centreTimeZone } from '../organisation/time-zone.js';
import { auditedChange, iso, sessionOf } from './common.js';
import {
  incidentById,
  insertIncident,
  latestIncidents,
  listIncidentsOfCase,
  markFollowUpDone,
  countOpenFollowUps,
  openFollowUps,
  peopleOfSession,
  sessionAt,
  type IncidentRow,
} from './repository.js';
import { incidentMoment } from './rules.js';

/** The centre-wide list without `open=true` shows this many, the latest first. */
const LATEST_INCIDENTS = 100;

async function viewsOf(executor: Executor, centreId: string, rows: IncidentRow[]): Promise<IncidentView[]> {
  const [timeZone, names] = await readAll(executor, [
    () => centreTimeZone(executor, centreId),
    () =>
      displayNamesOf(
        executor,
        rows.flatMap((row) => [row.recordedByUserId, row.followUpDoneByUserId]),
      ),
  ]);
  return rows.map((row) => ({
    id: row.id,
    caseId: row.caseId,
    caseReference: row.caseReference,
    session: sessionOf(row, timeZone),
    kind: row.kind,
    personId: row.personId,
    personName: row.personFirstName ? `${row.personFirstName} ${row.personLastName}` : null,
    occurredAt: row.occurredAt.toISOString(),
    description: row.description,
    actionTaken: row.actionTaken,
    followUp: row.followUp,
    followUpDoneAt: iso(row.followUpDoneAt),
    followUpDoneBy: row.followUpDoneByUserId ? (names.get(row.followUpDoneByUserId) ?? null) : null,
    recordedBy: names.get(row.recordedByUserId) ?? '',
    createdAt: row.createdAt.toISOString(),
  }));
}

const AFTER_RECORDING: Record<IncidentBody['actionTaken'], string> = {
  none: 'The incident is recorded.',
  warning: 'The incident and the warning are recorded.',
  asked_to_leave:
    'The incident is recorded. Check the person out on the roster when they leave, and follow the order it shows.',
  session_ended:
    'The incident is recorded and the session marked as ended. Check everyone out on the roster in the order it shows, so that nobody meets at the door.',
};

/** Records an incident at a session (from the roster or the case page). */
export async function recordIncident(
  db: Db,
  actor: Actor,
  centreId: string,
  bookingId: string,
  body: IncidentBody,
) {
  if (!can(actor, PERMISSIONS.INCIDENTS_RECORD, centreId)) throw new NotAllowed();
  const session = await sessionAt(db, centreId, bookingId);
  if (!session) throw new NotFound('session');
  const timeZone = await centreTimeZone(db, centreId);
  const event = { action: 'incident.recorded', resourceType: 'booking', resourceId: bookingId, centreId };
  const id = await auditedChange(db, actor, event, async () => {
    if (session.status === 'cancelled') {
      throw new Conflict('This session was cancelled, so no incident can be recorded at it.', 'cancelled');
    }
    const now = new Date();
    // Someone who cannot open case files records from the roster, which is today's.
    if (!can(actor, PERMISSIONS.CASE_READ, centreId) && session.localDate !== localDay(now, timeZone)) {
      throw new NotAllowed(
        'Incidents are recorded from the roster on the day of the session. Ask the coordinator to record this one.',
      );
    }
    const occurredAt = incidentMoment(body.occurredAt, session.localDate, timeZone, now);
    if (body.personId) {
      const people = await peopleOfSession(db, bookingId);
      if (!people.some((p) => p.personId === body.personId)) {
        throw new InvalidInput([{ field: 'personId', message: 'Choose someone who is in this session' }]);
      }
    }
    return db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, session.caseId);
      const recorded = await insertIncident(tx, {
        centreId,
        caseId: session.caseId,
        bookingId,
        kind: body.kind,
        personId: body.personId,
        occurredAt,
        description: body.description,
        actionTaken: body.actionTaken,
        followUp: body.followUp || null,
        recordedByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'success',
        detail: {
          caseId: session.caseId,
          incidentId: recorded,
          kind: body.kind,
          actionTaken: body.actionTaken,
          followUp: Boolean(body.followUp),
        },
      });
      return recorded;
    });
  });
  return { id, message: AFTER_RECORDING[body.actionTaken] };
}

/** The incidents of a case, the latest first. */
export async function incidentsOfCase(db: Db, actor: Actor, centreId: string, caseId: string) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  await caseOfCentre(db, centreId, caseId);
  const rows = await listIncidentsOfCase(db, centreId, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'incidents.read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: await viewsOf(db, centreId, rows) };
}

/**
 * The centre's incidents: with `open`, those whose follow-up is still to do (oldest first), of cases not
 * closed (a closed case takes no change until it is reopened); otherwise the latest 100.
 */
export async function incidentsOfCentre(db: Db, actor: Actor, centreId: string, open: boolean) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  const rows = open
    ? await openFollowUps(db, centreId)
    : await latestIncidents(db, centreId, LATEST_INCIDENTS);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'incidents.read',
    outcome: 'success',
    resourceType: 'centre',
    resourceId: centreId,
    centreId,
    detail: { open, count: rows.length, caseIds: [...new Set(rows.map((row) => row.caseId))] },
  });
  return { items: await viewsOf(db, centreId, rows) };
}

/**
 * How many follow-ups are still to do at the centre, for the home page. Not audited: a count names no
 * case and no person; opening the list, which does, is.
 */
export async function openFollowUpCount(db: Db, actor: Actor, centreId: string) {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  return { count: await countOpenFollowUps(db, centreId) };
}

/** A coordinator marks an incident's follow-up done. */
export async function followUpDone(db: Db, actor: Actor, centreId: string, incidentId: string) {
  if (!can(actor, PERMISSIONS.CASE_WRITE, centreId)) throw new NotAllowed();
  const incident = await incidentById(db, centreId, incidentId);
  if (!incident) throw new NotFound('incident');
  const event = {
    action: 'incident.follow_up_done',
    resourceType: 'incident',
    resourceId: incidentId,
    centreId,
  };
  await auditedChange(db, actor, event, () =>
    db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, incident.caseId);
      if (!incident.followUp) {
        throw new RuleRefused('This incident has no follow-up to mark as done.', 'no_follow_up');
      }
      if (!(await markFollowUpDone(tx, incidentId, actor.userId))) {
        throw new Conflict('This follow-up is already marked as done.', 'already_done');
      }
      await recordAudit(tx, actor.meta, whoOf(actor), {
        ...event,
        outcome: 'success',
        detail: { caseId: incident.caseId },
      });
    }),
  );
  return (await viewsOf(db, centreId, [(await incidentById(db, centreId, incidentId))!]))[0]!;
}
