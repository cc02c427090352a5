/**
 * Staff checks: each person's criminal-record check and training dates, who may record them, and whether
 * they are current on a day. A coordinator records them for the staff of their own centre; an
 * organisation administrator for anyone in the organisation. The rota reads `currentStaffOn`.
 */
import { CENTRE_ROLES, PERMISSIONS, STAFF_ROLES, type CentreRole } from '../../shared/access.js';
import type { StaffChecksInput } from '../../shared/api/staff-checks.js';
import { can, canOrganisationWide, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import type { Db, Executor } from '../platform/database.js';
import { InvalidInput, NotFound, type FieldProblem } from '../platform/errors.js';
import { localReading } from '../plans/recurrence.js';
import { checkStatus, type CheckStatus, type StaffCheckDates } from './check-status.js';
import {
  centreStaff,
  centreTimeZones,
  checksOf,
  findChecks,
  findStaffMember,
  upsertChecks,
} from './repository.js';

/** Where nobody's centre says otherwise. */
const FALLBACK_TIME_ZONE = 'Europe/London';

/** Today's date on a time zone's clock. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localReading(now, timeZone).date;
}

const isCentreRole = (role: string): role is CentreRole => (CENTRE_ROLES as readonly string[]).includes(role);
const isStaffRole = (role: string) => (STAFF_ROLES as readonly string[]).includes(role);

/** Loads a person whose checks the actor may record; anyone else answers 404, as if not there. */
async function checkablePerson(executor: Executor, actor: Actor, userId: string) {
  const person = await findStaffMember(executor, userId);
  if (!person || person.organisationId !== actor.organisationId) throw new NotFound('person');
  const staffRoles = person.roles.filter((r) => isStaffRole(r.role));
  const wide = canOrganisationWide(actor, PERMISSIONS.STAFF_CHECKS_MANAGE);
  const inTheirCentre = staffRoles.some(
    (r) =>
      r.centreId !== null && isCentreRole(r.role) && can(actor, PERMISSIONS.STAFF_CHECKS_MANAGE, r.centreId),
  );
  if (staffRoles.length === 0 || (!wide && !inTheirCentre)) throw new NotFound('person');
  // Their first centre's clock says what "today" is for them.
  const timeZone = staffRoles.find((r) => r.timeZone)?.timeZone ?? FALLBACK_TIME_ZONE;
  return { person, timeZone };
}

const EMPTY: StaffCheckDates = {
  dbsNumber: null,
  dbsCheckedOn: null,
  dbsRecheckBy: null,
  trainingCompletedOn: null,
  trainingExpiresOn: null,
};

async function viewOf(executor: Executor, userId: string, displayName: string, timeZone: string) {
  const row = await findChecks(executor, userId);
  const dates: StaffCheckDates = row
    ? {
        dbsNumber: row.dbsNumber,
        dbsCheckedOn: row.dbsCheckedOn,
        dbsRecheckBy: row.dbsRecheckBy,
        trainingCompletedOn: row.trainingCompletedOn,
        trainingExpiresOn: row.trainingExpiresOn,
      }
    : EMPTY;
  const asOf = todayIn(timeZone);
  return {
    userId,
    displayName,
    ...dates,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    updatedBy: row?.updatedBy ?? null,
    asOf,
    status: checkStatus(dates, asOf),
  };
}

export async function staffChecksOf(db: Db, actor: Actor, userId: string) {
  const { person, timeZone } = await checkablePerson(db, actor, userId);
  const view = await viewOf(db, userId, person.displayName, timeZone);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'staff_checks.read',
    outcome: 'success',
    resourceType: 'user',
    resourceId: userId,
  });
  return view;
}

export async function recordStaffChecks(db: Db, actor: Actor, userId: string, input: StaffChecksInput) {
  return db.transaction(async (tx) => {
    const { person, timeZone } = await checkablePerson(tx, actor, userId);
    const today = todayIn(timeZone);
    const problems: FieldProblem[] = [];
    if (input.dbsCheckedOn && input.dbsCheckedOn > today) {
      problems.push({ field: 'dbsCheckedOn', message: 'The date of the check cannot be in the future' });
    }
    if (input.trainingCompletedOn && input.trainingCompletedOn > today) {
      problems.push({
        field: 'trainingCompletedOn',
        message: 'The date the training was completed cannot be in the future',
      });
    }
    if (problems.length > 0) throw new InvalidInput(problems);
    const before = await findChecks(tx, userId);
    const dates: StaffCheckDates = {
      dbsNumber: input.dbsNumber,
      dbsCheckedOn: input.dbsCheckedOn,
      dbsRecheckBy: input.dbsRecheckBy,
      trainingCompletedOn: input.trainingCompletedOn,
      trainingExpiresOn: input.trainingExpiresOn,
    };
    await upsertChecks(tx, userId, dates, actor.userId);
    const changed = (Object.keys(dates) as (keyof StaffCheckDates)[]).filter(
      (key) => (before?.[key] ?? null) !== dates[key],
    );
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'staff_checks.recorded',
      outcome: 'success',
      resourceType: 'user',
      resourceId: userId,
      // Which fields changed, never their values: a certificate number is personal data.
      detail: { fields: changed.sort() },
    });
    return viewOf(tx, userId, person.displayName, timeZone);
  });
}

/**
 * Each person's check status today, for the staff list: people with a role at a centre only (null for
 * everyone else: an organisation administrator is never on a session). "Today" is on the clock of the
 * first centre given for the person.
 */
export async function checkStatusesFor(
  executor: Executor,
  people: { userId: string; centreIds: string[] }[],
  now = new Date(),
): Promise<Map<string, CheckStatus | null>> {
  const zones = new Map(
    (await centreTimeZones(executor, [...new Set(people.flatMap((p) => p.centreIds))])).map((c) => [
      c.id,
      c.timeZone,
    ]),
  );
  const rows = new Map(
    (
      await checksOf(
        executor,
        people.filter((p) => p.centreIds.length > 0).map((p) => p.userId),
      )
    ).map((row) => [row.userId, row]),
  );
  return new Map(
    people.map((p) => {
      if (p.centreIds.length === 0) return [p.userId, null];
      const today = todayIn(zones.get(p.centreIds[0]!) ?? FALLBACK_TIME_ZONE, now);
      return [p.userId, checkStatus(rows.get(p.userId), today)];
    }),
  );
}

export interface StaffOnDate {
  userId: string;
  displayName: string;
  /** Their roles at this centre. */
  roles: CentreRole[];
  checks: CheckStatus;
}

/**
 * The centre's staff (coordinators, supervisors, volunteers, safeguarding leads; active accounts only)
 * with whether their checks are current on `localDate`, a day on the centre's clock. For the rota: only
 * people with `checks.current` may be put on a session that day.
 */
export async function currentStaffOn(
  executor: Executor,
  centreId: string,
  localDate: string,
): Promise<StaffOnDate[]> {
  const rows = await centreStaff(executor, centreId);
  const byUser = new Map<string, StaffOnDate>();
  for (const row of rows) {
    const known = byUser.get(row.userId);
    if (known) {
      if (isCentreRole(row.role)) known.roles.push(row.role);
      continue;
    }
    byUser.set(row.userId, {
      userId: row.userId,
      displayName: row.displayName,
      roles: isCentreRole(row.role) ? [row.role] : [],
      checks: checkStatus(row, localDate),
    });
  }
  return [...byUser.values()];
}

/** For the demo, inside its own transaction (no actor, no audit of its own). */
export async function createStaffChecksRecord(tx: Executor, userId: string, dates: StaffCheckDates) {
  await upsertChecks(tx, userId, dates, null);
}
