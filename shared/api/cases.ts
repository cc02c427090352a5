import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { storedFileView } from './files.js';
import { calendarDate, SERVICES } from './referrals.js';

export const CASE_STATUSES = ['open', 'suspended', 'closed'] as const;
export const PERSON_ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee', 'child'] as const;
export const CONTACT_KINDS = ['email', 'phone', 'address', 'refuge', 'school'] as const;
export const PROFESSIONAL_ROLES = ['solicitor', 'court_officer', 'social_worker', 'other'] as const;

export const caseParams = z.strictObject({ centreId: id, caseId: id });
export const personParams = z.strictObject({
  centreId: id,
  caseId: id,
  personId: id,
  kind: z.enum(CONTACT_KINDS),
});

export const caseSummary = z.object({
  id,
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  serviceRequested: z.enum(SERVICES),
  familyName: z.string(),
  childrenNames: z.array(z.string()),
  createdAt: isoDateTime,
});
export const caseList = z.object({ items: z.array(caseSummary) });

export const contactDetailView = z.object({
  id,
  kind: z.enum(CONTACT_KINDS),
  /** null when the viewer may not see it. */
  value: z.string().nullable(),
  recordedAt: isoDateTime,
  recordedBy: z.string().nullable(),
  supersededAt: isoDateTime.nullable(),
  supersededBy: z.string().nullable(),
});

export const personView = z.object({
  id,
  role: z.enum(PERSON_ROLES),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: calendarDate.nullable(),
  relationshipToChildren: z.string().nullable(),
  needs: z.string().nullable(),
  /** Current details first, then the history, newest first. */
  contactDetails: z.array(contactDetailView),
  /** The people of the case this person's contact details are never shown to. */
  hiddenFrom: z.array(id),
});

export const professionalView = z.object({
  id,
  actingForPersonId: id.nullable(),
  role: z.enum(PROFESSIONAL_ROLES),
  name: z.string(),
  organisation: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** When their part in the case ended; null while they are still involved. */
  endedAt: isoDateTime.nullable(),
});

export const courtOrderView = z.object({
  id,
  kind: z.enum(['interim', 'final']),
  court: z.string(),
  madeOn: calendarDate,
  caseNumber: z.string().nullable(),
  endsOn: calendarDate.nullable(),
  timeLimitAgreed: z.boolean(),
  recordedAt: isoDateTime,
  supersededAt: isoDateTime.nullable(),
});

export const caseDetail = caseSummary.extend({
  centreId: id,
  referralId: id.nullable(),
  people: z.array(personView),
  professionals: z.array(professionalView),
  courtOrders: z.array(courtOrderView),
  /** Whether the viewer may see contact details at all (false shows them as "Not shared"). */
  contactDetailsShown: z.boolean(),
  /** Copies of court orders kept with the case: only for staff who may read case documents. */
  files: z.array(storedFileView).optional(),
});

export const contactDetailBody = z.strictObject({
  value: z
    .string()
    .trim()
    .min(1, { error: 'Enter the new value' })
    .max(400, { error: 'Use at most 400 characters' }),
});

/** What still blocks booking sessions for a case, in sentences a coordinator understands. */
export const readinessView = z.object({
  ready: z.boolean(),
  blockers: z.array(z.object({ code: z.string(), message: z.string() })),
});
