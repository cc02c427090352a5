import { z } from 'zod';
import { id, isoDateTime } from './common.js';

/** An adult seen on their own, or the children's introduction (with the adult who brings them). */
export const INTAKE_VISIT_KINDS = ['adult', 'children_introduction'] as const;
export const INTAKE_VISIT_STATUSES = ['scheduled', 'done', 'cancelled'] as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const intakeCaseParams = z.strictObject({ centreId: id, caseId: id });
export const intakeVisitParams = z.strictObject({ centreId: id, caseId: id, visitId: id });

export const scheduleVisitBody = z.strictObject({
  kind: z.enum(INTAKE_VISIT_KINDS, { error: 'Choose an adult visit or the children’s introduction' }),
  /** The adult visited; for an introduction, the adult who brings the children. */
  personId: id,
  scheduledAt: isoDateTime,
  place: text(400).min(1, { error: 'Enter where the visit takes place, or leave it out' }).optional(),
  /** The member of staff who holds the visit. */
  staffUserId: id.optional(),
});

export const completeVisitBody = z.strictObject({
  /** Everyone of the case who came. */
  attendedPersonIds: z.array(id).max(20, { error: 'Choose at most 20 people' }),
  /** What came of the visit, in a sentence or two. */
  outcome: text(2000).min(1, { error: 'Say what came of the visit' }),
  notes: text(8000).optional(),
});

export const intakeVisitView = z.object({
  id,
  caseId: id,
  kind: z.enum(INTAKE_VISIT_KINDS),
  personId: id,
  personName: z.string(),
  scheduledAt: isoDateTime,
  place: z.string().nullable(),
  staffUserId: id.nullable(),
  staffName: z.string().nullable(),
  status: z.enum(INTAKE_VISIT_STATUSES),
  attendedPersonIds: z.array(id).nullable(),
  outcome: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: isoDateTime,
  completedAt: isoDateTime.nullable(),
});

/** Where the case stands: the adults seen and still to see, and whether the children were introduced. */
export const intakeProgress = z.object({
  adultsVisited: z.array(z.string()),
  adultsToVisit: z.array(z.string()),
  childrenIntroduced: z.boolean(),
});

export const intakeVisitList = z.object({ items: z.array(intakeVisitView), progress: intakeProgress });

/**
 * A visit just booked or cancelled, and whether its adult was told by mail: not without an email address
 * of their own, nor for a visit already past.
 */
export const scheduledVisit = intakeVisitView.extend({ mailed: z.boolean() });
