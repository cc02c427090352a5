/**
 * The case file as the case page shows it: the family at a glance (openCase, which audits the read and
 * redacts contact details), and the rest of the record — each child's consent, the closure, and warnings
 * about what to put right (a plan that runs past a final order's end). None of the additions holds a
 * contact detail. Every change to the record answers with this file.
 */
import type { CaseFile } from '../../shared/api/caseRecord.js';
import type { Actor } from '../access/actor.js';
import { displayNamesOf } from '../accounts/directory.js';
import type { Db } from '../platform/database.js';
import { planPastOrderWarning } from '../plans/agreement-rules.js';
import { currentPlan } from '../plans/service.js';
import { childConsentsOf } from './consent.js';
import { caseOfCentre, currentCourtOrder, openCase } from './service.js';

export async function caseFileOf(db: Db, actor: Actor, centreId: string, caseId: string): Promise<CaseFile> {
  const detail = await openCase(db, actor, centreId, caseId);
  const [found, consents, plan, order] = await Promise.all([
    caseOfCentre(db, centreId, caseId),
    childConsentsOf(db, centreId, caseId),
    currentPlan(db, caseId),
    currentCourtOrder(db, caseId),
  ]);
  const closedBy = await displayNamesOf(db, [found.closedByUserId]);
  const warning = found.status === 'closed' ? null : planPastOrderWarning(order, plan);
  return {
    ...detail,
    parentalConsentUpToAge: consents.upToAge,
    childConsents: consents.items,
    closure:
      found.status === 'closed' && found.closedAt && found.closureOutcome
        ? {
            outcome: found.closureOutcome,
            note: found.closureNote,
            closedAt: found.closedAt.toISOString(),
            closedBy: found.closedByUserId ? (closedBy.get(found.closedByUserId) ?? null) : null,
          }
        : null,
    warnings: warning ? [warning] : [],
  };
}
