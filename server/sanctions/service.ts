/**
 * Suspending or revoking a family's contact, and lifting it. Making one, in one transaction with the case
 * locked: the sanction is recorded, the family's booked sessions it covers are cancelled (by the centre,
 * through the bookings service's one cancellation), every adult and professional is told by one message
 * (through redaction), and all of it is audited. While it holds, the bookings service refuses sessions
 * on its days (holds.ts). Lifting records who and why and tells everyone; cancelled sessions stay
 * cancelled, for the coordinator to book again.
 *
 * The case's status is left as it is: a sanction has its own days, and readiness reads it from here.
 */
import { PERMISSIONS } from '../../shared/access.js';
import type {
  LiftBody,
  LiftOutcome,
  SanctionBody,
  SanctionOutcome,
  SanctionView,
} from '../../shared/api/sanctions.js';
import { can, type Actor } from '../access/actor.js';
import { recordAudit, whoOf } from '../audit/service.js';
import { cancelRow } from '../bookings/service.js';
import { caseOfCentre, caseOpenForChange } from '../cases/service.js';
import { noticeOfLifting, noticeOfSanction } from '../notices/service.js';
import { localReading } from '../plans/recurrence.js';
import type { Db, Executor } from '../platform/database.js';
import { Conflict, InvalidInput, NotAllowed, NotFound } from '../platform/errors.js';
import { localDay, spokenDay } from '../platform/local-time.js';
import {
  adultOfCase,
  incidentOfCase,
  insertSanction,
  lockSanction,
  markLifted,
  sanctionsOfCase,
  sessionsCovered,
  sessionsToOfferAgain,
  standingSanctions,
} from './repository.js';
import { clashOf, statusOf } from './rules.js';
import { centreTimeZone } from '../organisation/time-zone.js';

async function centreClock(executor: Executor, centreId: string) {
  const timeZone = await centreTimeZone(executor, centreId);
  return { timeZone, today: localDay(new Date(), timeZone) };
}

type Listed = Awaited<ReturnType<typeof sanctionsOfCase>>[number];

function viewOf(row: Listed, today: string): SanctionView {
  const { sanction } = row;
  return {
    id: sanction.id,
    kind: sanction.kind,
    status: statusOf(sanction, today),
    startsOn: sanction.startsOn,
    endsOn: sanction.endsOn,
    reason: sanction.reason,
    person:
      sanction.personId && row.personFirstName
        ? { id: sanction.personId, name: `${row.personFirstName} ${row.personLastName ?? ''}`.trim() }
        : null,
    incidentId: sanction.incidentId,
    createdAt: sanction.createdAt.toISOString(),
    createdBy: row.createdBy,
    liftedAt: sanction.liftedAt?.toISOString() ?? null,
    liftedBy: row.liftedBy,
    liftReason: sanction.liftReason,
  };
}

async function viewById(executor: Executor, caseId: string, sanctionId: string, today: string) {
  const row = (await sanctionsOfCase(executor, caseId)).find((r) => r.sanction.id === sanctionId);
  if (!row) throw new NotFound('sanction');
  return viewOf(row, today);
}

/** The case's sanctions, the latest made first, with their status today. */
export async function listSanctions(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
): Promise<{ items: SanctionView[] }> {
  if (!can(actor, PERMISSIONS.CASE_READ, centreId)) throw new NotAllowed();
  await caseOfCentre(db, centreId, caseId);
  const { today } = await centreClock(db, centreId);
  const rows = await sanctionsOfCase(db, caseId);
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'sanction.list_read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
    detail: { count: rows.length },
  });
  return { items: rows.map((row) => viewOf(row, today)) };
}

/** The sentence a session cancelled by a sanction carries (staff see it on the timetable). */
function cancellationReason(body: SanctionBody): string {
  const what =
    body.kind === 'suspension'
      ? `Contact suspended until ${spokenDay(body.endsOn!)}`
      : `Contact revoked from ${spokenDay(body.startsOn)}`;
  return `${what}: ${body.reason}`;
}

export async function makeSanction(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  body: SanctionBody,
): Promise<SanctionOutcome> {
  if (!can(actor, PERMISSIONS.SANCTIONS_MANAGE, centreId)) throw new NotAllowed();
  const { timeZone, today } = await centreClock(db, centreId);
  try {
    if (body.startsOn < today) {
      throw new InvalidInput([
        {
          field: 'startsOn',
          message: `It cannot start before today (${spokenDay(today)})`,
        },
      ]);
    }
    return await db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, caseId);
      if (body.personId && !(await adultOfCase(tx, caseId, body.personId))) {
        throw new InvalidInput([{ field: 'personId', message: 'Choose an adult of this family' }]);
      }
      if (body.incidentId && !(await incidentOfCase(tx, caseId, body.incidentId))) {
        throw new InvalidInput([{ field: 'incidentId', message: 'Choose an incident of this family' }]);
      }
      const clash = clashOf(await standingSanctions(tx, caseId), body, today);
      if (clash) throw new Conflict(clash, 'sanction_clash');
      const sanction = await insertSanction(tx, {
        centreId,
        caseId,
        kind: body.kind,
        personId: body.personId,
        incidentId: body.incidentId,
        startsOn: body.startsOn,
        endsOn: body.endsOn,
        reason: body.reason,
        createdByUserId: actor.userId,
      });
      const now = new Date();
      const covered = await sessionsCovered(tx, caseId, body, now);
      const reason = cancellationReason(body);
      for (const booking of covered) {
        await cancelRow(tx, booking, {
          by: 'centre',
          personId: null,
          reason,
          toldAt: now,
          userId: actor.userId,
          sanctionId: sanction.id,
        });
        await recordAudit(tx, actor.meta, whoOf(actor), {
          action: 'booking.cancelled',
          outcome: 'success',
          resourceType: 'booking',
          resourceId: booking.id,
          centreId,
          detail: { caseId, by: 'centre', sanctionId: sanction.id },
        });
      }
      const told = await noticeOfSanction(tx, actor, {
        centreId,
        caseId,
        sanctionId: sanction.id,
        sanction: { kind: body.kind, startsOn: body.startsOn, endsOn: body.endsOn },
        cancelled: covered.map((booking) => ({ bookingId: booking.id, date: booking.localDate })),
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'sanction.created',
        outcome: 'success',
        resourceType: 'sanction',
        resourceId: sanction.id,
        centreId,
        detail: {
          caseId,
          kind: body.kind,
          startsOn: body.startsOn,
          endsOn: body.endsOn,
          sessionsCancelled: covered.length,
          personId: body.personId,
          incidentId: body.incidentId,
        },
      });
      return {
        sanction: await viewById(tx, caseId, sanction.id, today),
        cancelledSessions: covered.map((booking) => ({
          bookingId: booking.id,
          date: booking.localDate,
          startTime: localReading(booking.startsAt, timeZone).time,
        })),
        told,
      };
    });
  } catch (error) {
    await refusalAudited(db, actor, 'sanction.created', centreId, caseId, error);
    throw error;
  }
}

export async function liftSanction(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  sanctionId: string,
  body: LiftBody,
): Promise<LiftOutcome> {
  if (!can(actor, PERMISSIONS.SANCTIONS_MANAGE, centreId)) throw new NotAllowed();
  const { timeZone, today } = await centreClock(db, centreId);
  try {
    return await db.transaction(async (tx) => {
      await caseOpenForChange(tx, centreId, caseId);
      const sanction = await lockSanction(tx, caseId, sanctionId);
      if (!sanction) throw new NotFound('sanction');
      const what = sanction.kind === 'suspension' ? 'suspension' : 'revocation';
      if (sanction.liftedAt) {
        throw new Conflict(
          `This ${what} was lifted on ${spokenDay(localDay(sanction.liftedAt, timeZone))}.`,
          'already_lifted',
        );
      }
      if (statusOf(sanction, today) === 'ended') {
        throw new Conflict(
          `This suspension ended on ${spokenDay(sanction.endsOn!)}, so there is nothing to lift.`,
          'already_ended',
        );
      }
      await markLifted(tx, sanction.id, {
        liftedAt: new Date(),
        liftedByUserId: actor.userId,
        liftReason: body.reason,
      });
      const told = await noticeOfLifting(tx, actor, {
        centreId,
        caseId,
        sanctionId,
        sanction: { kind: sanction.kind, startsOn: sanction.startsOn, endsOn: sanction.endsOn },
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'sanction.lifted',
        outcome: 'success',
        resourceType: 'sanction',
        resourceId: sanction.id,
        centreId,
        detail: { caseId, kind: sanction.kind },
      });
      // The sessions it called off that are still to come and not booked again: offered to book again.
      const offered = await sessionsToOfferAgain(tx, caseId, sanction.id, new Date());
      return {
        sanction: await viewById(tx, caseId, sanction.id, today),
        told,
        toBookAgain: offered.map((booking) => ({
          date: booking.localDate,
          startTime: localReading(booking.startsAt, timeZone).time,
          roomId: booking.roomId,
          roomName: booking.roomName,
          supervisorUserId: booking.supervisorUserId,
        })),
      };
    });
  } catch (error) {
    await refusalAudited(db, actor, 'sanction.lifted', centreId, caseId, error);
    throw error;
  }
}

/** A refused sanction or lifting (a rule, not bad input or a missing record) is audited too. */
async function refusalAudited(
  db: Db,
  actor: Actor,
  action: string,
  centreId: string,
  caseId: string,
  error: unknown,
) {
  const status = (error as { statusCode?: number }).statusCode;
  if (status === 409 || status === 422) {
    await recordAudit(db, actor.meta, whoOf(actor), {
      action,
      outcome: 'refused',
      resourceType: 'case',
      resourceId: caseId,
      centreId,
      detail: { reason: (error as { code?: string }).code },
    });
  }
}
