/**
 * The centre's premises and calendar frame: venues (its own building and the alternative venues it uses),
 * opening sessions (when it opens for contact: alternate Saturdays 10:00 to 12:00, supported) and
 * closures (Christmas, building work). Rooms are in admin.ts, with the centres.
 */
import { z } from 'zod';
import { id, isoDateTime } from './common.js';
import { clockTime, minutesOfDay } from './plans.js';
import { calendarDate } from './referrals.js';

export const VENUE_KINDS = ['centre', 'library', 'family_home', 'community_room', 'other'] as const;
export type VenueKind = (typeof VENUE_KINDS)[number];

/** Optional text: empty becomes null, so a cleared field is stored as nothing. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Use at most ${max} characters` })
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const requiredText = (max: number, missing: string) =>
  z
    .string({ error: missing })
    .trim()
    .min(1, { error: missing })
    .max(max, { error: `Use at most ${max} characters` });

// Venues

export const venueView = z.object({
  id,
  centreId: id,
  name: z.string(),
  kind: z.enum(VENUE_KINDS),
  /** null when not given, or withheld (see addressWithheld). */
  address: z.string().nullable(),
  /** A family's home address is shown only to people who may read contact details. */
  addressWithheld: z.boolean(),
  accessibilityNotes: z.string().nullable(),
  active: z.boolean(),
  /** The centre's own building, made with the centre: rooms go in it unless another venue is chosen. */
  main: z.boolean(),
});
export type VenueView = z.infer<typeof venueView>;
export const venueList = z.object({ items: z.array(venueView) });

export const venueBody = z.strictObject({
  name: requiredText(160, 'Enter the name of the venue'),
  kind: z.enum(VENUE_KINDS, { error: 'Choose the kind of venue' }),
  address: optionalText(400),
  accessibilityNotes: optionalText(1000),
});
export type VenueBody = z.input<typeof venueBody>;
/** Only the fields sent change. */
export const venuePatchBody = venueBody.partial();

// Opening sessions

export const SESSION_SERVICES = ['supported', 'supervised', 'handover'] as const;
export type SessionService = (typeof SESSION_SERVICES)[number];

/** 0 is Sunday, 6 is Saturday, as the contact plan counts them. */
const weekday = z
  .int({ error: 'Choose a day of the week' })
  .min(0, { error: 'Choose a day of the week' })
  .max(6, { error: 'Choose a day of the week' });

/**
 * When the sessions fall: the contact plan's recurrence without its start time (a session has a start
 * and an end time of its own). Fortnightly sessions meet every 14 days from the first chosen weekday on or
 * after the start date.
 */
export const openingRecurrence = z.discriminatedUnion(
  'frequency',
  [
    z.strictObject({ frequency: z.literal('weekly'), weekday }),
    z.strictObject({ frequency: z.literal('fortnightly'), weekday }),
    z.strictObject({
      frequency: z.literal('dates'),
      dates: z
        .array(calendarDate)
        .min(1, { error: 'Add at least one date' })
        .max(200, { error: 'Add at most 200 dates' }),
    }),
  ],
  { error: 'Choose weekly, every other week or specific dates' },
);
export type OpeningRecurrence = z.output<typeof openingRecurrence>;

const endClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter a time like 12:00' });

const staffFields = {
  /** Staff on site at least. */
  minimumStaff: z
    .int({ error: 'Enter a whole number of staff' })
    .min(0, { error: 'Enter 0 to 50 staff' })
    .max(50, { error: 'Enter 0 to 50 staff' }),
  /** Families per volunteer at most (supported sessions). */
  familiesPerVolunteer: z
    .int({ error: 'Enter a whole number of families' })
    .min(1, { error: 'Enter 1 to 20 families' })
    .max(20, { error: 'Enter 1 to 20 families' }),
};

const openingFields = {
  venueId: z.uuid({ error: 'Choose a venue' }),
  name: requiredText(120, 'Enter a name for these sessions, like Saturday supported'),
  serviceType: z.enum(SESSION_SERVICES, { error: 'Choose the kind of contact' }),
  recurrence: openingRecurrence,
  /** Local times on the centre's clock, HH:MM. */
  startTime: clockTime,
  endTime: endClockTime,
  startsOn: calendarDate,
  /** The last day sessions run; null: until ended. */
  endsOn: calendarDate.nullable(),
  ...staffFields,
};

type OpeningShape = {
  startTime: string;
  endTime: string;
  startsOn: string;
  endsOn: string | null;
  recurrence: OpeningRecurrence;
};

/** The rules between fields, shared by adding a session and by checking a change as a whole. */
function checkOpening(session: OpeningShape, ctx: z.RefinementCtx) {
  const clock = /^([01]\d|2[0-3]):[0-5]\d$/;
  // Compared only when both are times: a time that is not one has its own message already.
  const comparable = clock.test(session.startTime) && clock.test(session.endTime);
  if (comparable && minutesOfDay(session.endTime) <= minutesOfDay(session.startTime)) {
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'The session must end after it starts' });
  }
  if (session.endsOn && session.endsOn < session.startsOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['endsOn'],
      message: 'The last day must be on or after the first day',
    });
  }
  if (session.recurrence?.frequency === 'dates' && Array.isArray(session.recurrence.dates)) {
    const seen = new Set<string>();
    session.recurrence.dates.forEach((date, index) => {
      const path = ['recurrence', 'dates', index];
      if (seen.has(date)) ctx.addIssue({ code: 'custom', path, message: 'This date is already listed' });
      seen.add(date);
      if (date < session.startsOn || (session.endsOn && date > session.endsOn)) {
        ctx.addIssue({ code: 'custom', path, message: 'Choose a date between the first and last day' });
      }
    });
  }
}

export const openingSessionBody = z
  .strictObject({
    ...openingFields,
    endsOn: openingFields.endsOn.default(null),
    minimumStaff: staffFields.minimumStaff.default(2),
    familiesPerVolunteer: staffFields.familiesPerVolunteer.default(3),
  })
  .superRefine(checkOpening);
export type OpeningSessionBody = z.input<typeof openingSessionBody>;
export type OpeningSessionInput = z.output<typeof openingSessionBody>;

/** Only the fields sent change; the result is checked as a whole (an end after the start). */
export const openingSessionPatchBody = z.strictObject({
  venueId: openingFields.venueId.optional(),
  name: openingFields.name.optional(),
  serviceType: openingFields.serviceType.optional(),
  recurrence: openingFields.recurrence.optional(),
  startTime: openingFields.startTime.optional(),
  endTime: openingFields.endTime.optional(),
  startsOn: openingFields.startsOn.optional(),
  endsOn: openingFields.endsOn.optional(),
  minimumStaff: staffFields.minimumStaff.optional(),
  familiesPerVolunteer: staffFields.familiesPerVolunteer.optional(),
});
export type OpeningSessionPatch = z.output<typeof openingSessionPatchBody>;

/** Ends the sessions: the last day they run. */
export const openingSessionEndBody = z.strictObject({ lastDay: calendarDate });

export const openingSessionView = z.object({
  id,
  centreId: id,
  venueId: id,
  venueName: z.string(),
  name: z.string(),
  serviceType: z.enum(SESSION_SERVICES),
  recurrence: openingRecurrence,
  startTime: z.string(),
  endTime: z.string(),
  startsOn: calendarDate,
  endsOn: calendarDate.nullable(),
  minimumStaff: z.int(),
  familiesPerVolunteer: z.int(),
  active: z.boolean(),
  /** Ended: no session falls after today (on the centre's clock). */
  ended: z.boolean(),
});
export type OpeningSessionView = z.infer<typeof openingSessionView>;
export const openingSessionList = z.object({ items: z.array(openingSessionView) });

// Occurrences

/** The longest window of occurrences asked for at once. */
export const MAX_OCCURRENCE_DAYS = 92;

export const occurrenceWindow = z
  .strictObject({ from: calendarDate, to: calendarDate })
  .superRefine((window, ctx) => {
    if (window.to < window.from) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: 'The end of the window must be on or after its start',
      });
      return;
    }
    const days = (Date.parse(window.to) - Date.parse(window.from)) / 86_400_000 + 1;
    if (days > MAX_OCCURRENCE_DAYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `Ask for at most ${MAX_OCCURRENCE_DAYS} days at a time`,
      });
    }
  });

export const openingOccurrenceView = z.object({
  openingSessionId: id,
  name: z.string(),
  serviceType: z.enum(SESSION_SERVICES),
  venueId: id,
  venueName: z.string(),
  /** The local date and times on the centre's clock. */
  date: calendarDate,
  startTime: z.string(),
  endTime: z.string(),
  /** The same moments as UTC instants. */
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  /** Falls on a closure of its venue or of the whole centre: shown, not dropped. */
  closed: z.boolean(),
  closure: z
    .object({
      id,
      reason: z.string(),
      wholeCentre: z.boolean(),
      startsOn: calendarDate,
      endsOn: calendarDate,
    })
    .nullable(),
});
export type OpeningOccurrenceView = z.infer<typeof openingOccurrenceView>;
export const openingOccurrenceList = z.object({
  timeZone: z.string(),
  from: calendarDate,
  to: calendarDate,
  items: z.array(openingOccurrenceView),
});

// Closures

export const closureBody = z
  .strictObject({
    /** null: the whole centre and all its venues. */
    venueId: z.uuid({ error: 'Choose a venue, or the whole centre' }).nullable().default(null),
    startsOn: calendarDate,
    endsOn: calendarDate,
    reason: requiredText(200, 'Say why it is closed, like Christmas'),
  })
  .superRefine((closure, ctx) => {
    if (closure.endsOn < closure.startsOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['endsOn'],
        message: 'The last day must be on or after the first day',
      });
    }
  });
export type ClosureBody = z.input<typeof closureBody>;

export const closuresQuery = z.strictObject({
  /** Closures that end on or after this day; all of them without it. */
  from: calendarDate.optional(),
});

export const closureView = z.object({
  id,
  centreId: id,
  venueId: id.nullable(),
  venueName: z.string().nullable(),
  startsOn: calendarDate,
  endsOn: calendarDate,
  reason: z.string(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
});
export type ClosureView = z.infer<typeof closureView>;
export const closureList = z.object({ items: z.array(closureView) });
