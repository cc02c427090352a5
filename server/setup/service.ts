/**
 * First run on an empty database: a one-time link, printed by the server, creates the organisation,
 * its first centre and its first administrator.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { setupBody } from '../../shared/api/setup.js';
import type { RequestMeta } from '../access/actor.js';
import { createAccount } from '../accounts/staff.js';
import { hashPassword, randomToken, tokenHash } from '../accounts/secrets.js';
import { ANONYMOUS, recordAudit } from '../audit/service.js';
import { setupTokens } from '../db/schema.js';
import type { Db } from '../platform/database.js';
import { Conflict, NotFound } from '../platform/errors.js';
import { createCentreRecord, createOrganisation, organisationExists } from '../organisation/service.js';

const SETUP_LOCK = 727274003;

export async function setupNeeded(db: Db): Promise<boolean> {
  return !(await organisationExists(db));
}

/** A new one-time setup token; several may be live (one per starting process) until setup is done. */
export async function issueSetupToken(db: Db): Promise<string> {
  const token = randomToken();
  await db.insert(setupTokens).values({ tokenHash: tokenHash(token) });
  return token;
}

export async function completeSetup(
  db: Db,
  meta: RequestMeta,
  input: z.output<typeof setupBody>,
): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.transaction(async (tx) => {
    // Two setup requests at once: the second waits here and then finds the organisation made.
    await tx.execute(sql`select pg_advisory_xact_lock(${SETUP_LOCK})`);
    if (await organisationExists(tx)) {
      throw new Conflict('This system is already set up. Sign in instead.', 'already_set_up');
    }
    const used = await tx
      .update(setupTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(setupTokens.tokenHash, tokenHash(input.token)), isNull(setupTokens.usedAt)))
      .returning({ tokenHash: setupTokens.tokenHash });
    if (used.length === 0) {
      throw new NotFound(
        'setup link',
        'This setup link is not valid. Use the newest link the server printed.',
      );
    }
    const organisationId = await createOrganisation(tx, input.organisationName);
    const centre = await createCentreRecord(tx, organisationId, {
      name: input.centreName,
      timeZone: input.timeZone,
    });
    // The first administrator usually runs the first centre too: a small charity has one person for both.
    const userId = await createAccount(tx, {
      organisationId,
      email: input.email,
      displayName: input.adminName,
      passwordHash,
      roles: [
        { centreId: null, role: 'organisation_admin' },
        { centreId: centre.id, role: 'coordinator' },
      ],
    });
    await recordAudit(
      tx,
      meta,
      { ...ANONYMOUS, organisationId, actorUserId: userId, actorLabel: input.adminName },
      {
        action: 'setup.completed',
        outcome: 'success',
        resourceType: 'organisation',
        resourceId: organisationId,
        centreId: centre.id,
      },
    );
  });
}
