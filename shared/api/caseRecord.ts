/**
 * The rest of the case record: consent for children's information, court orders and professionals added
 * after the referral, and closing (and reopening) a case. Every change answers with the whole case file,
 * which adds to the case detail each child's consent, the closure and any warnings.
 */
import { z } from 'zod';
import { caseDetail, PROFESSIONAL_ROLES } from './cases.js';
import { email, id, isoDateTime, personName } from './common.js';
import { calendarDate, courtOrder } from './referrals.js';

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const CLOSURE_OUTCOMES = [
  'arranging_themselves',
  'court_decision',
  'ended_by_centre',
  'withdrawn',
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** Why a closed case is opened again: small facts for the audit trail, never free text. */
export const REOPEN_REASONS = ['closed_by_mistake', 'family_returned', 'new_court_order', 'other'] as const;

export const consentParams = z.strictObject({ centreId: id, caseId: id, consentId: id });
export const professionalParams = z.strictObject({ centreId: id, caseId: id, professionalId: id });

/**
 * Consent for a child's information to be held. For a child at or under the centre's age (16 unless the
 * centre changed it) a parent of the case gives it; an older child gives their own, recorded with the
 * child as the one who gave it.
 */
export const consentBody = z.strictObject({
  childPersonId: id,
  givenByPersonId: id,
  givenOn: calendarDate,
});

/**
 * A court order made after the referral; it supersedes the order in force, which stays in the history.
 * The same rules and sentences as the referral form: a final order needs its end date and the time limit
 * agreed in advance.
 */
export const courtOrderBody = courtOrder.superRefine((order, ctx) => {
  if (order.kind === 'none') {
    ctx.addIssue({ code: 'custom', path: ['kind'], message: 'Choose an interim or a final order' });
  }
});
export type CourtOrderBody = z.input<typeof courtOrderBody>;

export const professionalBody = z.strictObject({
  role: z.enum(PROFESSIONAL_ROLES, { error: 'Choose what kind of professional they are' }),
  name: personName,
  organisation: text(160).optional(),
  email: email.optional(),
  phone: text(40).optional(),
  /** The adult of the case they act for; null for one who acts for the court or the children. */
  actingForPersonId: id.nullable(),
});
export type ProfessionalBody = z.input<typeof professionalBody>;

export const closeBody = z.strictObject({
  outcome: z.enum(CLOSURE_OUTCOMES, { error: 'Choose how the case ends' }),
  note: text(2000).optional(),
});

export const reopenBody = z.strictObject({
  reason: z.enum(REOPEN_REASONS, { error: 'Choose why the case is opened again' }),
});

const consentRecord = z.object({
  id,
  givenByPersonId: id,
  givenByName: z.string(),
  /** The child gave it themselves (older than the centre's age on the day). */
  ownConsent: z.boolean(),
  givenOn: calendarDate,
  recordedAt: isoDateTime,
  recordedBy: z.string().nullable(),
  withdrawnAt: isoDateTime.nullable(),
  withdrawnBy: z.string().nullable(),
});

export const childConsentView = z.object({
  childPersonId: id,
  name: z.string(),
  /** Whole years today, on the centre's clock; null without a date of birth. */
  age: z.int().nullable(),
  /** Whether a parent gives consent for this child today (at or under the centre's age). */
  parentalConsentNeeded: z.boolean(),
  /** The consent that stands, or null. */
  current: consentRecord.nullable(),
  /** Consents given before and withdrawn, newest first. */
  withdrawn: z.array(consentRecord),
});

export const closureView = z.object({
  outcome: z.enum(CLOSURE_OUTCOMES),
  note: z.string().nullable(),
  /** The retention clock starts here. */
  closedAt: isoDateTime,
  closedBy: z.string().nullable(),
});

export const caseFile = caseDetail.extend({
  /** The centre's age for parental consent: "16 and under" unless the centre changed it. */
  parentalConsentUpToAge: z.int(),
  childConsents: z.array(childConsentView),
  /** null while the case is open. */
  closure: closureView.nullable(),
  /** Things to put right that do not stop the record being kept, in sentences. */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type CaseFile = z.infer<typeof caseFile>;
