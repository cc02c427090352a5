import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** Every assessment answers each of these: present or not, and the evidence. */
export const ASSESSMENT_FACTORS = [
  'domestic_abuse',
  'injunctions',
  'substance_misuse',
  'abduction_risk',
  'mental_health',
  'previous_incidents',
] as const;
export type AssessmentFactor = (typeof ASSESSMENT_FACTORS)[number];

export const FACTOR_NAMES: Record<AssessmentFactor, string> = {
  domestic_abuse: 'domestic abuse',
  injunctions: 'injunctions',
  substance_misuse: 'substance misuse',
  abduction_risk: 'abduction risk',
  mental_health: 'mental health',
  previous_incidents: 'previous incidents',
};

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const RISK_DECISIONS = [
  'supported',
  'supervised',
  'handover_only',
  'indirect_only',
  'decline',
] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];
export type RiskDecision = (typeof RISK_DECISIONS)[number];

export const riskCaseParams = z.strictObject({ centreId: id, caseId: id });

export const factorAnswer = z.strictObject({
  present: z.boolean({ error: 'Say whether this is present' }),
  evidence: z
    .string()
    .trim()
    .max(4000, { error: 'Use at most 4000 characters' })
    .optional()
    .transform((value) => (value ? value : undefined)),
});

const factorsShape = Object.fromEntries(ASSESSMENT_FACTORS.map((factor) => [factor, factorAnswer])) as Record<
  AssessmentFactor,
  typeof factorAnswer
>;

/** Conditions that follow from the decision; the timetable and check-in apply them. */
export const riskConditions = z.strictObject({
  /** Minutes between the adults' arrivals, and between their departures. */
  staggerMinutes: z
    .int({ error: 'Enter a whole number of minutes' })
    .min(0, { error: 'Use 0 to 120 minutes' })
    .max(120, { error: 'Use 0 to 120 minutes' })
    .default(0),
  separateEntrances: z.boolean().default(false),
  separateWaitingRooms: z.boolean().default(false),
  /** Pairs of people of the case who must never be on site at the same time. */
  mustNotMeet: z
    .array(z.tuple([id, id]).refine(([a, b]) => a !== b, { error: 'Choose two different people' }))
    .max(20)
    .default([]),
  /** The people of the case who may attend. */
  mayAttend: z.array(id).max(20).default([]),
});

export const assessmentBody = z
  .strictObject({
    /**
     * The version this assessment replaces, as the form saw it: null for a case's first. If someone else
     * saved one meanwhile, the save is refused rather than silently replacing what they decided.
     */
    replacesVersion: z.int().min(1).nullable(),
    factors: z.strictObject(factorsShape),
    level: z.enum(RISK_LEVELS, { error: 'Choose a level of risk' }),
    decision: z.enum(RISK_DECISIONS, { error: 'Choose a decision' }),
    conditions: riskConditions,
  })
  .superRefine((body, ctx) => {
    for (const factor of ASSESSMENT_FACTORS) {
      const answer = body.factors[factor];
      if (answer.present && !answer.evidence) {
        ctx.addIssue({
          code: 'custom',
          path: ['factors', factor, 'evidence'],
          message: `Write down the evidence of ${FACTOR_NAMES[factor]}`,
        });
      }
    }
  });
export type AssessmentBody = z.input<typeof assessmentBody>;

export const assessmentView = z.object({
  id,
  caseId: id,
  version: z.int(),
  /** The assessment in force; the others are kept, superseded. */
  current: z.boolean(),
  factors: z.record(
    z.enum(ASSESSMENT_FACTORS),
    z.object({ present: z.boolean(), evidence: z.string().nullable() }),
  ),
  level: z.enum(RISK_LEVELS),
  decision: z.enum(RISK_DECISIONS),
  conditions: z.object({
    staggerMinutes: z.int(),
    separateEntrances: z.boolean(),
    separateWaitingRooms: z.boolean(),
    mustNotMeet: z.array(z.tuple([id, id])),
    mayAttend: z.array(id),
  }),
  assessedAt: isoDateTime,
  assessedBy: z.string().nullable(),
  supersededAt: isoDateTime.nullable(),
});

/** Newest first. */
export const assessmentList = z.object({ items: z.array(assessmentView) });
