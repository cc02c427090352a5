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
import type { Db } from '../platform/database.js';
import { DEMO_CENTRES, DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_STAFF } from './demo-data.js';

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
