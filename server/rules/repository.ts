import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import {
  centreRuleVersions,
  centreSettings,
  ruleAcceptanceLinks,
  ruleAcceptances,
  users,
} from '../db/schema.js';
import type { Executor } from '../platform/database.js';

export async function latestRules(executor: Executor, centreId: string) {
  const [row] = await executor
    .select({
      id: centreRuleVersions.id,
      version: centreRuleVersions.version,
      body: centreRuleVersions.body,
      publishedAt: centreRuleVersions.publishedAt,
      publishedBy: users.displayName,
    })
    .from(centreRuleVersions)
    .leftJoin(users, eq(users.id, centreRuleVersions.publishedByUserId))
    .where(eq(centreRuleVersions.centreId, centreId))
    .orderBy(desc(centreRuleVersions.version))
    .limit(1);
  return row;
}

export async function insertRulesVersion(
  executor: Executor,
  values: { centreId: string; version: number; body: string; publishedByUserId: string | null },
): Promise<void> {
  await executor.insert(centreRuleVersions).values(values);
}

export async function acceptancesOf(executor: Executor, personIds: string[]) {
  if (personIds.length === 0) return [];
  return executor
    .select({
      personId: ruleAcceptances.personId,
      version: centreRuleVersions.version,
      acceptedAt: ruleAcceptances.acceptedAt,
      method: ruleAcceptances.method,
      witnessedBy: users.displayName,
    })
    .from(ruleAcceptances)
    .innerJoin(centreRuleVersions, eq(centreRuleVersions.id, ruleAcceptances.ruleVersionId))
    .leftJoin(users, eq(users.id, ruleAcceptances.witnessedByUserId))
    .where(inArray(ruleAcceptances.personId, personIds))
    .orderBy(desc(centreRuleVersions.version));
}

export async function insertAcceptance(executor: Executor, values: typeof ruleAcceptances.$inferInsert) {
  await executor.insert(ruleAcceptances).values(values).onConflictDoNothing();
}

export async function insertLink(executor: Executor, values: typeof ruleAcceptanceLinks.$inferInsert) {
  await executor.insert(ruleAcceptanceLinks).values(values);
}

export async function findOpenLink(executor: Executor, tokenHash: string, now: Date) {
  const [row] = await executor
    .select({
      id: ruleAcceptanceLinks.id,
      centreId: ruleAcceptanceLinks.centreId,
      caseId: ruleAcceptanceLinks.caseId,
      personId: ruleAcceptanceLinks.personId,
      ruleVersionId: ruleAcceptanceLinks.ruleVersionId,
      version: centreRuleVersions.version,
      body: centreRuleVersions.body,
    })
    .from(ruleAcceptanceLinks)
    .innerJoin(centreRuleVersions, eq(centreRuleVersions.id, ruleAcceptanceLinks.ruleVersionId))
    .where(
      and(
        eq(ruleAcceptanceLinks.tokenHash, tokenHash),
        isNull(ruleAcceptanceLinks.usedAt),
        gt(ruleAcceptanceLinks.expiresAt, now),
      ),
    );
  return row;
}

/** Uses a link once: false if another request used it first. */
export async function useLink(executor: Executor, id: string): Promise<boolean> {
  const rows = await executor
    .update(ruleAcceptanceLinks)
    .set({ usedAt: new Date() })
    .where(and(eq(ruleAcceptanceLinks.id, id), isNull(ruleAcceptanceLinks.usedAt)))
    .returning({ id: ruleAcceptanceLinks.id });
  return rows.length === 1;
}

export async function findSettings(executor: Executor, centreId: string) {
  const [row] = await executor.select().from(centreSettings).where(eq(centreSettings.centreId, centreId));
  return row;
}

export async function upsertSettings(
  executor: Executor,
  centreId: string,
  values: Partial<{
    reviewAfterSessions: number;
    parentalConsentUpToAge: number;
    separationBufferMinutes: number;
    reminderDaysBefore: number;
  }>,
) {
  const [row] = await executor
    .insert(centreSettings)
    .values({ centreId, ...values })
    .onConflictDoUpdate({ target: centreSettings.centreId, set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}
