/**
 * Whether a case can be booked, and if not, everything that stands in the way, in words a coordinator
 * understands. One pure function: the scheduling service refuses a booking with these same sentences.
 */
import { spokenDay } from '../platform/local-time.js';

export interface ReadinessFacts {
  caseStatus: 'open' | 'suspended' | 'closed';
  /** The referral behind the case was accepted with every required answer. */
  referralComplete: boolean;
  /** Adults (by name) whose separate intake visit is not done. */
  adultsNotVisited: string[];
  childrenIntroduced: boolean;
  /** Children (by name) whose consent for their information is not recorded (a parent's, or their own). */
  childrenWithoutConsent: string[];
  risk: { decision: 'supported' | 'supervised' | 'handover_only' | 'indirect_only' | 'decline' } | null;
  plan: { attendingAdults: readonly { id: string; name: string }[] } | null;
  /** The current version of the centre's rules; null if the centre has none. */
  currentRulesVersion: number | null;
  /** Person id → the rules version they last accepted. */
  acceptedRulesVersion: ReadonlyMap<string, number>;
  /** A suspension or revocation holding today (server/sanctions), if any. */
  sanction?: { kind: 'suspension' | 'revocation'; startsOn: string; endsOn: string | null } | null;
}

export type BlockerCode =
  | 'case_closed'
  | 'case_suspended'
  | 'contact_suspended'
  | 'contact_revoked'
  | 'referral_incomplete'
  | 'intake_visit_missing'
  | 'children_not_introduced'
  | 'consent_missing'
  | 'risk_not_assessed'
  | 'risk_declined'
  | 'plan_not_agreed'
  | 'rules_not_accepted';

export interface Blocker {
  code: BlockerCode;
  message: string;
}

export interface Readiness {
  ready: boolean;
  blockers: Blocker[];
}

const list = (names: string[]) =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

export function bookingReadiness(facts: ReadinessFacts): Readiness {
  const blockers: Blocker[] = [];
  const block = (code: BlockerCode, message: string) => blockers.push({ code, message });

  if (facts.caseStatus === 'closed') block('case_closed', 'The case is closed.');
  if (facts.caseStatus === 'suspended')
    block('case_suspended', 'The family’s use of the centre is suspended.');
  if (facts.sanction?.kind === 'revocation')
    block('contact_revoked', `The family’s contact was revoked from ${spokenDay(facts.sanction.startsOn)}.`);
  if (facts.sanction?.kind === 'suspension' && facts.sanction.endsOn)
    block(
      'contact_suspended',
      `The family’s contact is suspended until ${spokenDay(facts.sanction.endsOn)}.`,
    );
  if (!facts.referralComplete) block('referral_incomplete', 'The referral is not complete.');
  if (facts.adultsNotVisited.length > 0) {
    block('intake_visit_missing', `The intake visit with ${list(facts.adultsNotVisited)} is not done yet.`);
  }
  if (!facts.childrenIntroduced)
    block('children_not_introduced', 'The children’s introduction visit is not done yet.');
  if (facts.childrenWithoutConsent.length > 0) {
    block(
      'consent_missing',
      `Consent for ${list(facts.childrenWithoutConsent.map((name) => `${name}’s`))} information has not been recorded.`,
    );
  }
  if (!facts.risk) block('risk_not_assessed', 'The risk assessment is not done yet.');
  else if (facts.risk.decision === 'decline')
    block('risk_declined', 'The risk assessment decided to decline contact.');
  if (!facts.plan) block('plan_not_agreed', 'The contact plan is not agreed yet.');
  if (facts.plan && facts.currentRulesVersion !== null) {
    const current = facts.currentRulesVersion;
    const missing = facts.plan.attendingAdults.filter(
      (adult) => (facts.acceptedRulesVersion.get(adult.id) ?? 0) < current,
    );
    if (missing.length > 0) {
      block(
        'rules_not_accepted',
        `${list(missing.map((adult) => adult.name))} ${missing.length === 1 ? 'has' : 'have'} not accepted the current rules (version ${current}).`,
      );
    }
  }
  return { ready: blockers.length === 0, blockers };
}
