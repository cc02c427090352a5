/**
 * The centre's rules as a versioned document, and each adult's acceptance of the current version:
 * in person (witnessed by a named member of staff) or online through a single-use emailed link.
 * A new version makes earlier acceptances out of date. Also the centre's service settings.
 */
import { PERMISSIONS } from '../../shared/access.js';
import { can, type Actor, type RequestMeta } from '../access/actor.js';
import { randomToken, tokenHash } from '../accounts/secrets.js';
import { listStaff } from '../accounts/staff.js';
import { ANONYMOUS, recordAudit, whoOf } from '../audit/service.js';
import { adultsOfCase, caseOfCentre, caseOpenForChange, ownEmailOf } from '../cases/service.js';
import { queueMail } from '../mail/service.js';
import { centreContact } from '../organisation/service.js';
import { databaseErrorOf, type Db, type Executor } from '../platform/database.js';
import { Conflict, NotFound, RuleRefused } from '../platform/errors.js';
import { DEFAULT_RULES } from './default-rules.js';
import {
  acceptancesOf,
  findOpenLink,
  findSettings,
  insertAcceptance,
  insertLink,
  insertRulesVersion,
  latestRules,
  upsertSettings,
  useLink,
} from './repository.js';

const LINK_DAYS = 7;

/** The current rules; a centre that has never published any starts with the default rules as version 1. */
export async function currentRules(db: Db, centreId: string) {
  const existing = await latestRules(db, centreId);
  if (existing) return existing;
  try {
    await insertRulesVersion(db, { centreId, version: 1, body: DEFAULT_RULES, publishedByUserId: null });
  } catch (error) {
    // Two first readers at once: the other one published version 1.
    if (databaseErrorOf(error).code !== '23505') throw error;
  }
  return (await latestRules(db, centreId))!;
}

const view = (row: NonNullable<Awaited<ReturnType<typeof latestRules>>>) => ({
  id: row.id,
  version: row.version,
  body: row.body,
  publishedAt: row.publishedAt.toISOString(),
  publishedBy: row.publishedBy,
});

export async function readRules(db: Db, centreId: string) {
  return view(await currentRules(db, centreId));
}

export async function publishRules(db: Db, actor: Actor, centreId: string, body: string) {
  const current = await currentRules(db, centreId);
  try {
    await db.transaction(async (tx) => {
      await insertRulesVersion(tx, {
        centreId,
        version: current.version + 1,
        body,
        publishedByUserId: actor.userId,
      });
      await recordAudit(tx, actor.meta, whoOf(actor), {
        action: 'rules.published',
        outcome: 'success',
        resourceType: 'centre_rules',
        resourceId: `${centreId}:${current.version + 1}`,
        centreId,
      });
    });
  } catch (error) {
    if (databaseErrorOf(error).code === '23505') {
      throw new Conflict(
        'Someone else published the rules at the same moment. Reload and try again.',
        'concurrent_edit',
      );
    }
    throw error;
  }
  return readRules(db, centreId);
}

/** Each adult of the case and the version they accepted last. */
export async function acceptancesForCase(db: Db, actor: Actor, centreId: string, caseId: string) {
  await caseOfCentre(db, centreId, caseId);
  const [rules, adults] = await Promise.all([currentRules(db, centreId), adultsOfCase(db, caseId)]);
  const rows = await acceptancesOf(
    db,
    adults.map((a) => a.id),
  );
  await recordAudit(db, actor.meta, whoOf(actor), {
    action: 'rules.acceptances_read',
    outcome: 'success',
    resourceType: 'case',
    resourceId: caseId,
    centreId,
  });
  return {
    currentVersion: rules.version,
    items: adults.map((adult) => {
      const last = rows.find((row) => row.personId === adult.id);
      return {
        personId: adult.id,
        name: adult.name,
        role: adult.role,
        acceptedVersion: last?.version ?? null,
        acceptedAt: last?.acceptedAt.toISOString() ?? null,
        method: last?.method ?? null,
        witnessedBy: last?.witnessedBy ?? null,
        upToDate: last?.version === rules.version,
      };
    }),
  };
}

/** The version each adult of the case accepted last (for the readiness check). */
export async function acceptedVersions(db: Executor, personIds: string[]): Promise<Map<string, number>> {
  const rows = await acceptancesOf(db, personIds);
  const versions = new Map<string, number>();
  for (const row of rows) versions.set(row.personId, Math.max(versions.get(row.personId) ?? 0, row.version));
  return versions;
}

async function adultOfCase(db: Db, caseId: string, personId: string) {
  const adult = (await adultsOfCase(db, caseId)).find((a) => a.id === personId);
  if (!adult) throw new RuleRefused('Choose an adult of this case.', 'not_an_adult_of_case');
  return adult;
}

export async function recordInPersonAcceptance(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  input: { personId: string; witnessedByUserId: string },
) {
  await caseOfCentre(db, centreId, caseId);
  await adultOfCase(db, caseId, input.personId);
  if (
    input.witnessedByUserId !== actor.userId &&
    !(await isStaffOf(db, actor, centreId, input.witnessedByUserId))
  ) {
    throw new RuleRefused('The witness must be a member of staff at this centre.', 'witness_not_staff');
  }
  const rules = await currentRules(db, centreId);
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    await insertAcceptance(tx, {
      centreId,
      caseId,
      personId: input.personId,
      ruleVersionId: rules.id,
      method: 'in_person',
      witnessedByUserId: input.witnessedByUserId,
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'rules.accepted',
      outcome: 'success',
      resourceType: 'case_person',
      resourceId: input.personId,
      centreId,
      detail: { caseId, version: rules.version, method: 'in_person' },
    });
  });
  return acceptancesForCase(db, actor, centreId, caseId);
}

async function isStaffOf(db: Db, actor: Actor, centreId: string, userId: string): Promise<boolean> {
  const staff = await listStaff(db, actor);
  return staff.some(
    (person) =>
      person.id === userId && person.status === 'active' && person.roles.some((r) => r.centreId === centreId),
  );
}

/** Mails the adult a single-use link to read and accept the current rules; only to their own email. */
export async function sendAcceptanceLink(
  db: Db,
  actor: Actor,
  centreId: string,
  caseId: string,
  personId: string,
  publicUrl: string,
) {
  await caseOfCentre(db, centreId, caseId);
  const adult = await adultOfCase(db, caseId, personId);
  const email = await ownEmailOf(db, personId);
  if (!email) {
    throw new RuleRefused(
      `${adult.name} has no email address. Record their acceptance in person instead.`,
      'no_email',
    );
  }
  const [rules, centre] = await Promise.all([currentRules(db, centreId), centreContact(db, centreId)]);
  const token = randomToken();
  const expiresAt = new Date(Date.now() + LINK_DAYS * 24 * 60 * 60 * 1000);
  await db.transaction(async (tx) => {
    await caseOpenForChange(tx, centreId, caseId);
    await insertLink(tx, {
      centreId,
      caseId,
      personId,
      ruleVersionId: rules.id,
      tokenHash: tokenHash(token),
      createdByUserId: actor.userId,
      expiresAt,
    });
    await queueMail(tx, {
      organisationId: actor.organisationId,
      centreId,
      toAddress: email,
      subject: `Please read and accept the rules of ${centre!.name}`,
      bodyText: [
        `Dear ${adult.firstName},`,
        '',
        `Before contact can start at ${centre!.name}, everyone who comes agrees to the centre's rules.`,
        `Please read them and confirm here. The link works once, for ${LINK_DAYS} days:`,
        '',
        `${publicUrl}/rules/${token}`,
      ].join('\n'),
    });
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'rules.link_sent',
      outcome: 'success',
      resourceType: 'case_person',
      resourceId: personId,
      centreId,
      detail: { caseId, version: rules.version },
    });
  });
  return { sentTo: 'their own email address' as const, expiresAt: expiresAt.toISOString() };
}

const EXPIRED = 'This link has expired or was already used. Ask the centre for a new one.';

export async function showRulesLink(db: Db, token: string) {
  const link = await findOpenLink(db, tokenHash(token), new Date());
  if (!link) throw new NotFound('link', EXPIRED);
  const [centre, adults] = await Promise.all([
    centreContact(db, link.centreId),
    adultsOfCase(db, link.caseId),
  ]);
  const adult = adults.find((a) => a.id === link.personId);
  return {
    centreName: centre!.name,
    firstName: adult?.firstName ?? '',
    version: link.version,
    body: link.body,
  };
}

export async function acceptThroughLink(db: Db, meta: RequestMeta, token: string): Promise<void> {
  const done = await db.transaction(async (tx) => {
    const link = await findOpenLink(tx, tokenHash(token), new Date());
    if (!link || !(await useLink(tx, link.id))) return false;
    // A link sent before the case closed no longer changes it (409 "This case is closed.").
    await caseOpenForChange(tx, link.centreId, link.caseId);
    await insertAcceptance(tx, {
      centreId: link.centreId,
      caseId: link.caseId,
      personId: link.personId,
      ruleVersionId: link.ruleVersionId,
      method: 'online',
    });
    const centre = await centreContact(tx, link.centreId);
    await recordAudit(
      tx,
      meta,
      { ...ANONYMOUS, organisationId: centre?.organisationId ?? null },
      {
        action: 'rules.accepted',
        outcome: 'success',
        resourceType: 'case_person',
        resourceId: link.personId,
        centreId: link.centreId,
        detail: { caseId: link.caseId, version: link.version, method: 'online' },
      },
    );
    return true;
  });
  if (!done) throw new NotFound('link', EXPIRED);
}

// Settings

const DEFAULT_SETTINGS = {
  reviewAfterSessions: 6,
  parentalConsentUpToAge: 16,
  separationBufferMinutes: 15,
  reminderDaysBefore: 2,
};

export async function centreSettingsOf(db: Executor, centreId: string) {
  const row = await findSettings(db, centreId);
  return row
    ? {
        reviewAfterSessions: row.reviewAfterSessions,
        parentalConsentUpToAge: row.parentalConsentUpToAge,
        separationBufferMinutes: row.separationBufferMinutes,
        reminderDaysBefore: row.reminderDaysBefore,
      }
    : DEFAULT_SETTINGS;
}

export async function changeCentreSettings(
  db: Db,
  actor: Actor,
  centreId: string,
  values: Partial<typeof DEFAULT_SETTINGS>,
) {
  if (!can(actor, PERMISSIONS.CENTRE_RULES_MANAGE, centreId)) throw new NotFound('centre');
  await db.transaction(async (tx) => {
    await upsertSettings(tx, centreId, values);
    await recordAudit(tx, actor.meta, whoOf(actor), {
      action: 'centre.settings_changed',
      outcome: 'success',
      resourceType: 'centre',
      resourceId: centreId,
      centreId,
      detail: values,
    });
  });
  return centreSettingsOf(db, centreId);
}
