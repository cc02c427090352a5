/**
 * What is written during and after a session: observation records (supervised contact only, corrected by
 * a new record that names the one it corrects), incidents with the action taken and their follow-up, and
 * indirect contact items (letters, cards, gifts) received, checked, then passed on or held back.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { calendarDate } from './referrals.js';

export const INCIDENT_KINDS = [
  'behaviour',
  'language',
  'intoxication',
  'recording',
  'child_distressed',
  'other',
] as const;
export const INCIDENT_ACTIONS = ['none', 'warning', 'asked_to_leave', 'session_ended'] as const;
export const INDIRECT_ITEM_KINDS = ['letter', 'card', 'gift', 'other'] as const;
export const INDIRECT_OUTCOMES = ['passed_on', 'held_back'] as const;

/** The longest observation record: about four pages of typed notes. */
export const OBSERVATION_NOTES_MAX = 10_000;
export const INCIDENT_TEXT_MAX = 4_000;
export const FOLLOW_UP_MAX = 2_000;
export const ITEM_TEXT_MAX = 2_000;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` });

export const caseRecordsParams = z.strictObject({ centreId: id, caseId: id });
export const bookingRecordsParams = z.strictObject({ centreId: id, bookingId: id });
export const incidentParams = z.strictObject({ centreId: id, incidentId: id });
export const indirectItemParams = z.strictObject({ centreId: id, itemId: id });

/** The session a record belongs to, on the centre's clock. */
export const recordSession = z.object({
  bookingId: id,
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  serviceType: z.enum(['supported', 'supervised', 'handover']),
});

// Observations

export const observationBody = z.strictObject({
  notes: text(OBSERVATION_NOTES_MAX).min(1, { error: 'Write what you observed' }),
  /** The record this one corrects: it stays readable, marked as corrected. */
  correctsId: id.optional(),
});
export type ObservationBody = z.output<typeof observationBody>;

export const observationView = z.object({
  id,
  caseId: id,
  session: recordSession,
  notes: z.string(),
  correctsId: id.nullable(),
  /** The record that corrects this one, if any: then this one is no longer the current version. */
  correctedById: id.nullable(),
  writtenBy: z.string(),
  createdAt: isoDateTime,
});
export type ObservationView = z.output<typeof observationView>;
export const observationList = z.object({ items: z.array(observationView) });

// Incidents

/**
 * An incident at a session. The person is one of the session's people (from the roster, for a volunteer).
 * Recording "session ended" does not check anyone out: people still leave in the planned order through
 * the roster, so that adults kept apart do not meet at the door.
 */
export const incidentBody = z.strictObject({
  kind: z.enum(INCIDENT_KINDS, { error: 'Choose what kind of incident it was' }),
  personId: id.nullable().default(null),
  /** When it happened; now, if not given. On the day of the session, never in the future. */
  occurredAt: isoDateTime.optional(),
  description: text(INCIDENT_TEXT_MAX).min(1, { error: 'Say what happened' }),
  actionTaken: z.enum(INCIDENT_ACTIONS, { error: 'Choose the action taken' }),
  /** What still needs doing (a call to a parent, a review of the plan); a coordinator marks it done. */
  followUp: text(FOLLOW_UP_MAX).optional(),
});
export type IncidentBody = z.output<typeof incidentBody>;

/** What recording an incident answers: nothing of the case, since a volunteer cannot read incidents. */
export const incidentRecorded = z.object({
  id,
  /** A sentence for the person who recorded it, such as what to do next on the roster. */
  message: z.string(),
});

export const incidentView = z.object({
  id,
  caseId: id,
  caseReference: z.string(),
  session: recordSession.nullable(),
  kind: z.enum(INCIDENT_KINDS),
  personId: id.nullable(),
  personName: z.string().nullable(),
  occurredAt: isoDateTime,
  description: z.string(),
  actionTaken: z.enum(INCIDENT_ACTIONS),
  followUp: z.string().nullable(),
  followUpDoneAt: isoDateTime.nullable(),
  followUpDoneBy: z.string().nullable(),
  recordedBy: z.string(),
  createdAt: isoDateTime,
});
export type IncidentView = z.output<typeof incidentView>;
export const incidentList = z.object({ items: z.array(incidentView) });

export const centreIncidentsQuery = z.strictObject({
  /** true: incidents whose follow-up is still to do (oldest first); otherwise the latest 100. */
  open: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => value === 'true'),
});

/** How many follow-ups are still to do: a number for the home page, with nobody's details. */
export const followUpCount = z.object({ count: z.number().int().nonnegative() });

export const followUpDoneBody = z.strictObject({});

// Indirect contact items

export const indirectItemBody = z.strictObject({
  kind: z.enum(INDIRECT_ITEM_KINDS, { error: 'Choose a letter, card, gift or something else' }),
  /** The adult of the case who sent it. */
  fromPersonId: id,
  /** The child it is for; null when it is for all the children of the case. */
  forPersonId: id.nullable().default(null),
  description: text(ITEM_TEXT_MAX).min(1, { error: 'Describe the item' }),
  /** When the centre received it; now, if not given. */
  receivedAt: isoDateTime.optional(),
});
export type IndirectItemBody = z.output<typeof indirectItemBody>;

export const checkItemBody = z.strictObject({
  notes: text(ITEM_TEXT_MAX).min(1, { error: 'Say what the check found' }),
});
export const passOnBody = z.strictObject({
  /** When it was passed on; now, if not given. */
  at: isoDateTime.optional(),
});
export const holdBackBody = z.strictObject({
  reason: text(ITEM_TEXT_MAX).min(1, { error: 'Say why the item is held back' }),
});

export const indirectItemView = z.object({
  id,
  caseId: id,
  kind: z.enum(INDIRECT_ITEM_KINDS),
  fromPersonId: id,
  fromName: z.string(),
  forPersonId: id.nullable(),
  forName: z.string().nullable(),
  description: z.string(),
  receivedAt: isoDateTime,
  receivedBy: z.string(),
  checkedAt: isoDateTime.nullable(),
  checkedBy: z.string().nullable(),
  /** What the check found; for an item held back, followed by the reason ("Held back: …"). */
  checkNotes: z.string().nullable(),
  outcome: z.enum(INDIRECT_OUTCOMES).nullable(),
  passedOnAt: isoDateTime.nullable(),
  passedOnBy: z.string().nullable(),
  createdAt: isoDateTime,
});
export type IndirectItemView = z.output<typeof indirectItemView>;
export const indirectItemList = z.object({ items: z.array(indirectItemView) });
