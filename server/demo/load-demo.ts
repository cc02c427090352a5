import { hashPassword } from '../accounts/secrets.js';
import { ANONYMOUS, recordAudit } from '../audit/service.js';
import { createAccount } from '../accounts/staff.js';
import { users } from '../db/schema.js';
import { eq } from 'drizzle-orm';
import {
  createCentreRecord,
  createOrganisation,
  createRoomRecord,
  organisationExists,
} from '../organisation/service.js';
import type { Db, Executor } from '../platform/database.js';
import { localReading } from '../plans/recurrence.js';
import { createStaffChecksRecord } from '../staff/service.js';
import {
  createClosureRecord,
  createOpeningSessionRecord,
  createVenueRecord,
  mainVenueOf,
} from '../venues/service.js';
import {
  DEMO_CENTRES,
  DEMO_CLOSURE,
  DEMO_ORGANISATION,
  DEMO_PASSWORD,
  DEMO_PREMISES,
  DEMO_SESSIONS_START,
  DEMO_STAFF,
  DEMO_TRAINING_EXPIRING,
} from './demo-data.js';

/** Fills an empty database with the demo organisation. Refuses a database that holds anything. */
export async function loadDemo(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    if (await organisationExists(tx))
      throw new Error('The database is not empty: the demo loads only into an empty one.');
    const organisationId = await createOrganisation(tx, DEMO_ORGANISATION);
    const centreIds: Record<string, string> = {};
    for (const centre of DEMO_CENTRES) {
      const { key: _key, rooms, ...fields } = centre;
      const created = await createCentreRecord(tx, organisationId, fields);
      centreIds[centre.key] = created.id;
      for (const room of rooms) await createRoomRecord(tx, created.id, room);
      await loadPremises(tx, created.id, centre.key, centre.timeZone);
    }
    for (const person of DEMO_STAFF) {
      const id = await createAccount(tx, {
        organisationId,
        email: person.email,
        displayName: person.displayName,
        passwordHash,
        roles: person.roles.map((r) => ({ centreId: r.centre ? centreIds[r.centre]! : null, role: r.role })),
      });
      await tx
        .update(users)
        .set({ totpSecret: person.totpSecret, totpEnabledAt: new Date() })
        .where(eq(users.id, id));
      await createStaffChecksRecord(tx, id, demoChecks(person.email, DEMO_STAFF.indexOf(person)));
    }
    await recordAudit(
      tx,
      { requestId: 'demo', clientAddress: null },
      { ...ANONYMOUS, organisationId },
      {
        action: 'demo.loaded',
        outcome: 'success',
        resourceType: 'organisation',
        resourceId: organisationId,
      },
    );
  });
}

const DAY_MS = 86_400_000;
const todayUtc = () => new Date().toISOString().slice(0, 10);
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Alternative venues and their rooms, opening sessions, and the coming (or current) Christmas closure. */
async function loadPremises(
  tx: Executor,
  centreId: string,
  key: keyof typeof DEMO_PREMISES,
  timeZone: string,
) {
  const premises = DEMO_PREMISES[key];
  for (const { rooms, ...venue } of premises.venues) {
    const created = await createVenueRecord(tx, centreId, venue);
    for (const room of rooms) await createRoomRecord(tx, centreId, { ...room, venueId: created.id });
  }
  const building = (await mainVenueOf(tx, centreId))!;
  for (const session of premises.openingSessions) {
    await createOpeningSessionRecord(tx, centreId, {
      ...session,
      venueId: building,
      startsOn: DEMO_SESSIONS_START,
      endsOn: null,
    });
  }
  const today = localReading(new Date(), timeZone).date;
  const year = Number(today.slice(0, 4));
  // Still within last Christmas's closure on 1 or 2 January; otherwise the one to come.
  const startYear = today <= `${year}-${DEMO_CLOSURE.to}` ? year - 1 : year;
  await createClosureRecord(tx, centreId, {
    venueId: null,
    startsOn: `${startYear}-${DEMO_CLOSURE.from}`,
    endsOn: `${startYear + 1}-${DEMO_CLOSURE.to}`,
    reason: DEMO_CLOSURE.reason,
  });
}

/**
 * Checks dated back from the day the demo loads, so they stay current: a criminal-record check renewed
 * every three years, training every year; one volunteer's training runs out within the month.
 */
function demoChecks(email: string, index: number) {
  const today = todayUtc();
  const checkedOn = shift(today, -(300 + 40 * index));
  const trainedOn = shift(today, email === DEMO_TRAINING_EXPIRING ? -345 : -(60 + 20 * index));
  return {
    dbsNumber: `00123456${String(7890 + index).padStart(4, '0')}`,
    dbsCheckedOn: checkedOn,
    dbsRecheckBy: shift(checkedOn, 3 * 365),
    trainingCompletedOn: trainedOn,
    trainingExpiresOn: shift(trainedOn, 365),
  };
}
