import { z } from 'zod';
import { email, id, isoDateTime, personName } from './common.js';
import { draftFileView, storedFileView } from './files.js';

/** A date without a time, as people write it on forms: 2026-03-14. */
export const calendarDate = z.iso.date({ error: 'Enter a date like 14/03/2026' });

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });
const optionalText = (max: number) => text(max).optional();

export const REFERRER_ROLES = [
  'solicitor',
  'court_officer',
  'social_worker',
  'other_professional',
  'self',
] as const;
export const ADULT_ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee'] as const;
export const ORDER_KINDS = ['none', 'interim', 'final'] as const;
export const SERVICES = [
  'supported',
  'supervised',
  'handover',
  'indirect',
  'virtual',
  'observed_visit',
] as const;
export const PROTECTIVE_ORDER_KINDS = ['non_molestation', 'injunction', 'other'] as const;
export const RISK_FACTORS = [
  'domestic_abuse',
  'substance_misuse',
  'abduction_risk',
  'mental_health',
  'previous_incidents',
] as const;

export const referrer = z.strictObject({
  name: personName,
  organisation: optionalText(160),
  role: z.enum(REFERRER_ROLES, { error: 'Choose who is making the referral' }),
  email,
  phone: optionalText(40),
});

/**
 * An adult named in the referral. `key` is chosen by the form (a, b, c…) so that risks can name which
 * adults they are between before anything has an id.
 */
export const referralAdult = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{1,20}$/),
  role: z.enum(ADULT_ROLES, { error: 'Choose how this adult is involved' }),
  firstName: personName,
  lastName: personName,
  dateOfBirth: calendarDate.optional(),
  email: email.optional(),
  phone: optionalText(40),
  address: optionalText(400),
  relationshipToChildren: optionalText(80),
  /** Their own solicitor, if any: name and firm, email. */
  solicitorName: optionalText(120),
  solicitorEmail: email.optional(),
});
export type ReferralAdult = z.infer<typeof referralAdult>;

export const referralChild = z.strictObject({
  firstName: personName,
  lastName: personName,
  dateOfBirth: calendarDate,
  needs: optionalText(1000),
});

export const courtOrder = z
  .strictObject({
    kind: z.enum(ORDER_KINDS, { error: 'Say whether there is a court order' }),
    court: optionalText(160),
    madeOn: calendarDate.optional(),
    caseNumber: optionalText(60),
    endsOn: calendarDate.optional(),
    /** For a final order: the referrer confirms the centre's maximum time limit is agreed in advance. */
    timeLimitAgreed: z.boolean().optional(),
  })
  .superRefine((order, ctx) => {
    if (order.kind === 'none') return;
    if (!order.court)
      ctx.addIssue({ code: 'custom', path: ['court'], message: 'Enter the court that made the order' });
    if (!order.madeOn)
      ctx.addIssue({ code: 'custom', path: ['madeOn'], message: 'Enter the date the order was made' });
    if (order.kind === 'final') {
      if (!order.endsOn) {
        ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'Enter the end date of the final order' });
      }
      if (order.timeLimitAgreed !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['timeLimitAgreed'],
          message: 'A final order is accepted only with a maximum time limit agreed in advance',
        });
      }
    }
    if (order.madeOn && order.endsOn && order.endsOn < order.madeOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The end date must be after the date it was made',
      });
    }
  });

export const protectiveOrder = z.strictObject({
  kind: z.enum(PROTECTIVE_ORDER_KINDS),
  /** The two adults (by key) it is between: the protected person first. */
  between: z
    .tuple([z.string(), z.string()])
    .refine(([a, b]) => a !== b, { error: 'Choose two different adults' }),
  endsOn: calendarDate.optional(),
  notes: optionalText(1000),
});

export const risks = z.strictObject({
  factors: z.array(z.enum(RISK_FACTORS)).max(RISK_FACTORS.length).default([]),
  protectiveOrders: z.array(protectiveOrder).max(10).default([]),
  details: optionalText(4000),
});

export const needs = z
  .strictObject({
    language: optionalText(60),
    interpreterNeeded: z.boolean().default(false),
    interpreterLanguage: optionalText(60),
    accessNeeds: optionalText(2000),
  })
  .superRefine((value, ctx) => {
    if (value.interpreterNeeded && !value.interpreterLanguage) {
      ctx.addIssue({
        code: 'custom',
        path: ['interpreterLanguage'],
        message: 'Enter the language for the interpreter',
      });
    }
  });

/** A whole referral, as sent. Cross-field rules (both parents named, keys known) are checked too. */
export const referralBody = z
  .strictObject({
    centreId: id,
    referrer,
    adults: z.array(referralAdult).min(2, { error: 'Name both parents' }).max(8),
    children: z.array(referralChild).min(1, { error: 'Name at least one child' }).max(10),
    courtOrder,
    risks,
    needs,
    serviceRequested: z.enum(SERVICES, { error: 'Choose the service you are asking for' }),
    /** Anything else the centre should know. */
    notes: optionalText(4000),
  })
  .superRefine((referral, ctx) => {
    const roles = referral.adults.map((adult) => adult.role);
    if (!roles.includes('resident_parent')) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Name the parent the children live with' });
    }
    if (!roles.includes('non_resident_parent')) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Name the parent the children will see' });
    }
    const keys = referral.adults.map((adult) => adult.key);
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', path: ['adults'], message: 'Each adult needs a different key' });
    }
    referral.risks.protectiveOrders.forEach((order, index) => {
      for (const key of order.between) {
        if (!keys.includes(key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['risks', 'protectiveOrders', index, 'between'],
            message: 'Choose adults named in this referral',
          });
        }
      }
    });
  });
export type ReferralBody = z.input<typeof referralBody>;

/** A draft holds whatever has been typed so far; it is checked in full only when sent. */
export const draftBody = z.strictObject({
  centreId: id.optional(),
  answers: z.record(z.string(), z.unknown()).refine((value) => JSON.stringify(value).length <= 100_000, {
    error: 'The draft is too large',
  }),
});

export const draftCreated = z.object({ draftId: id, resumeToken: z.string() });
export const draftView = z.object({
  draftId: id,
  centreId: id.nullable(),
  answers: z.record(z.string(), z.unknown()),
  updatedAt: isoDateTime,
  /** The copy of the court order attached to the draft, if any (given when the draft is read). */
  courtOrderFile: draftFileView.nullable().optional(),
});
export const draftParams = z.strictObject({ draftId: id });

export const REFERRAL_STATUSES = ['new', 'awaiting_information', 'accepted', 'declined'] as const;
export const DECLINE_REASONS = [
  'rules_not_accepted',
  'above_risk_threshold',
  'not_a_fit',
  'final_order_without_limit',
  'other',
] as const;

export const acceptedView = z.object({ caseId: id, caseReference: z.string() });

export const submittedView = z.object({ referralId: id, reference: z.string(), message: z.string() });

export const publicCentre = z.object({ id, name: z.string() });
export const publicCentreList = z.object({ items: z.array(publicCentre) });

export const referralSummary = z.object({
  id,
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  receivedAt: isoDateTime,
  referrerName: z.string(),
  referrerRole: z.enum(REFERRER_ROLES),
  childrenNames: z.array(z.string()),
  serviceRequested: z.enum(SERVICES),
  courtOrderKind: z.enum(ORDER_KINDS),
  /** Another referral or case at this centre names a child with the same name and date of birth. */
  possibleDuplicate: z.boolean(),
});
export const referralList = z.object({ items: z.array(referralSummary) });
export const referralQuery = z.strictObject({ status: z.enum(REFERRAL_STATUSES).optional() });
export const referralParams = z.strictObject({ centreId: id, id });

export const referralDetail = referralSummary.extend({
  centreId: id,
  body: z.record(z.string(), z.unknown()),
  decisionReason: z.enum(DECLINE_REASONS).nullable(),
  decisionNote: z.string().nullable(),
  caseId: id.nullable(),
  duplicates: z.array(z.object({ referralId: id, reference: z.string(), childName: z.string() })),
  /** Files sent with the referral (a copy of the order): only for staff who may read case documents. */
  files: z.array(storedFileView).optional(),
});

export const requestInformationBody = z.strictObject({
  message: text(4000).min(1, { error: 'Say what information you need' }),
});
export const declineBody = z.strictObject({
  reason: z.enum(DECLINE_REASONS, { error: 'Choose a reason' }),
  note: optionalText(4000),
});
