/**
 * The one database schema. Every case-level record will carry a centre_id; centres belong to an
 * organisation. Timestamps are UTC (timestamptz); local session times use the centre's time zone.
 * What Drizzle's schema language cannot say (append-only triggers, exclusion constraints) is in
 * hand-written migrations next to the generated ones.
 */
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  bigserial,
  boolean,
  check,
  customType,
  date,
  primaryKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const moment = (name: string) => timestamp(name, { withTimezone: true });
const primaryId = () => uuid('id').primaryKey().defaultRandom();
/** Raw bytes (uploaded files): both drivers hand back a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});
/** The centre a row belongs to: every case-level record has one. */
const centreRef = () =>
  uuid('centre_id')
    .notNull()
    .references((): AnyPgColumn => centres.id);
/** The case a row belongs to. */
const caseRef = () =>
  uuid('case_id')
    .notNull()
    .references((): AnyPgColumn => cases.id);

export const organisations = pgTable('organisations', {
  id: primaryId(),
  name: text('name').notNull(),
  createdAt: createdAt(),
});

export const centres = pgTable(
  'centres',
  {
    id: primaryId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/London'),
    address: text('address'),
    phone: text('phone'),
    email: text('email'),
    createdAt: createdAt(),
  },
  (t) => [unique('centres_name_per_organisation').on(t.organisationId, t.name)],
);

export const rooms = pgTable(
  'rooms',
  {
    id: primaryId(),
    centreId: centreRef(),
    /** The building the room is in; every room has one (the centre's own building by default). */
    venueId: uuid('venue_id').references((): AnyPgColumn => venues.id),
    name: text('name').notNull(),
    /** People at once. */
    capacity: integer('capacity').notNull(),
    /** private: one family at a time (supervised contact); shared: a hall for several families (supported). */
    usage: text('usage', { enum: ['private', 'shared'] })
      .notNull()
      .default('private'),
    hasSeparateEntrance: boolean('has_separate_entrance').notNull().default(false),
    hasSeparateWaitingRoom: boolean('has_separate_waiting_room').notNull().default(false),
    accessibilityNotes: text('accessibility_notes'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rooms_name_per_centre').on(t.centreId, t.name),
    check('rooms_capacity_positive', sql`${t.capacity} > 0`),
    check('rooms_usage_known', sql`${t.usage} in ('private', 'shared')`),
  ],
);

/** The centre's own building and the alternative venues it uses (a library, a family home, a community room). */
export const venues = pgTable(
  'venues',
  {
    id: primaryId(),
    centreId: centreRef(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['centre', 'library', 'family_home', 'community_room', 'other'] }).notNull(),
    address: text('address'),
    accessibilityNotes: text('accessibility_notes'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [unique('venues_name_per_centre').on(t.centreId, t.name)],
);

/**
 * When the centre opens for contact: for example alternate Saturdays 10:00 to 12:00 (supported), or
 * weekday supervised slots. The recurrence has the contact plan's shape (weekly, fortnightly, dates).
 */
export const openingSessions = pgTable(
  'opening_sessions',
  {
    id: primaryId(),
    centreId: centreRef(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    name: text('name').notNull(),
    serviceType: text('service_type', { enum: ['supported', 'supervised', 'handover'] }).notNull(),
    recurrence: jsonb('recurrence').$type<Record<string, unknown>>().notNull(),
    /** Local wall-clock times in the centre's time zone, 'HH:MM'. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    /** Staff on site at least (supported sessions). */
    minimumStaff: integer('minimum_staff').notNull().default(2),
    /** Families per volunteer at most (supported sessions). */
    familiesPerVolunteer: integer('families_per_volunteer').notNull().default(3),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    check('opening_sessions_times', sql`${t.startTime} < ${t.endTime}`),
    check('opening_sessions_staff', sql`${t.minimumStaff} between 0 and 50`),
    check('opening_sessions_ratio', sql`${t.familiesPerVolunteer} between 1 and 20`),
  ],
);

/** Days the centre (or one venue) is closed: holidays, building work. Nothing is booked on them. */
export const closures = pgTable(
  'closures',
  {
    id: primaryId(),
    centreId: centreRef(),
    /** null: the whole centre and all its venues. */
    venueId: uuid('venue_id').references(() => venues.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references((): AnyPgColumn => users.id),
  },
  (t) => [
    check('closures_order', sql`${t.endsOn} >= ${t.startsOn}`),
    index('closures_centre').on(t.centreId, t.startsOn),
  ],
);

export const users = pgTable(
  'users',
  {
    id: primaryId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** Stored lower-cased. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    status: text('status', { enum: ['active', 'disabled'] })
      .notNull()
      .default('active'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: moment('totp_enabled_at'),
    /** The last 30-second step whose code was accepted: a code is never accepted twice. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    lastSignInAt: moment('last_sign_in_at'),
    /** When the person proved the address (an accepted invitation, or a verification link). */
    emailVerifiedAt: moment('email_verified_at'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_email_lower_case', sql`${t.email} = lower(${t.email})`),
    check('users_status_known', sql`${t.status} in ('active', 'disabled')`),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** null for an organisation-wide role. */
    centreId: uuid('centre_id').references(() => centres.id),
    role: text('role').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    unique('role_assignments_once').on(t.userId, t.centreId, t.role).nullsNotDistinct(),
    check(
      'role_assignments_scope',
      sql`(${t.role} = 'organisation_admin' and ${t.centreId} is null) or (${t.role} in ('coordinator', 'supervisor', 'volunteer', 'safeguarding_lead') and ${t.centreId} is not null) or ${t.role} in ('referrer', 'parent')`,
    ),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the cookie's token: a stolen table does not give working cookies. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    twoFactorVerifiedAt: moment('two_factor_verified_at'),
    createdAt: createdAt(),
    lastSeenAt: moment('last_seen_at').notNull().defaultNow(),
    expiresAt: moment('expires_at').notNull(),
    revokedAt: moment('revoked_at'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

/** Failed sign-ins, kept briefly, counted per email and per client address for rate limiting. */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    key: text('key').notNull(),
    at: moment('at').notNull().defaultNow(),
  },
  (t) => [index('sign_in_failures_key_at').on(t.key, t.at)],
);

export const invitations = pgTable(
  'invitations',
  {
    id: primaryId(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    centreId: uuid('centre_id').references(() => centres.id),
    tokenHash: text('token_hash').notNull(),
    invitedByUserId: uuid('invited_by_user_id').references(() => users.id),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    acceptedAt: moment('accepted_at'),
    revokedAt: moment('revoked_at'),
  },
  (t) => [uniqueIndex('invitations_token').on(t.tokenHash)],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [uniqueIndex('password_resets_token').on(t.tokenHash)],
);

/** One-time links printed at first run on an empty server database. */
export const setupTokens = pgTable('setup_tokens', {
  tokenHash: text('token_hash').primaryKey(),
  createdAt: createdAt(),
  usedAt: moment('used_at'),
});

/**
 * Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE). Each row's hash covers its own fields
 * and the previous row's hash, so an edited, deleted or reordered row breaks the chain.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: moment('at').notNull(),
    organisationId: uuid('organisation_id'),
    centreId: uuid('centre_id'),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label'),
    action: text('action').notNull(),
    resourceType: text('resource_type'),
    resourceId: text('resource_id'),
    outcome: text('outcome', { enum: ['success', 'failure', 'refused'] }).notNull(),
    requestId: text('request_id'),
    clientAddress: text('client_address'),
    /** Small structured facts about the event; never personal data. */
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_events_at').on(t.at),
    index('audit_events_centre').on(t.centreId, t.seq),
    index('audit_events_actor').on(t.actorUserId, t.seq),
    index('audit_events_resource').on(t.resourceType, t.resourceId),
  ],
);

export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: primaryId(),
    organisationId: uuid('organisation_id').references(() => organisations.id),
    centreId: uuid('centre_id').references(() => centres.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    bodyText: text('body_text').notNull(),
    status: text('status', { enum: ['pending', 'sent'] })
      .notNull()
      .default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: moment('next_attempt_at'),
    createdAt: createdAt(),
    sentAt: moment('sent_at'),
  },
  (t) => [index('outbox_messages_status').on(t.status, t.createdAt)],
);

/**
 * Background work, claimed with FOR UPDATE SKIP LOCKED so that several processes sharing one database
 * never run the same job twice at once. A job whose claim expires (its process died) is claimed again.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    runAt: moment('run_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lockedUntil: moment('locked_until'),
    doneAt: moment('done_at'),
    lastError: text('last_error'),
    /** A recurring job: at most one of its kind waits at a time, whichever processes schedule it. */
    singleton: boolean('singleton').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    index('jobs_due')
      .on(t.runAt)
      .where(sql`${t.doneAt} is null`),
    uniqueIndex('jobs_one_waiting_singleton')
      .on(t.kind)
      .where(sql`${t.singleton} and ${t.doneAt} is null`),
  ],
);

/** Numbered references per centre (R-2026-0001, C-2026-0001): the row lock hands out each number once. */
export const centreCounters = pgTable(
  'centre_counters',
  {
    centreId: centreRef(),
    name: text('name').notNull(),
    value: integer('value').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.centreId, t.name] })],
);

/** What someone has typed into the online referral form so far; reached only with its resume token. */
export const referralDrafts = pgTable('referral_drafts', {
  id: primaryId(),
  centreId: uuid('centre_id').references(() => centres.id),
  answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
  resumeTokenHash: text('resume_token_hash').notNull(),
  createdAt: createdAt(),
  updatedAt: moment('updated_at').notNull().defaultNow(),
});

export const referrals = pgTable(
  'referrals',
  {
    id: primaryId(),
    centreId: centreRef(),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['new', 'awaiting_information', 'accepted', 'declined'] })
      .notNull()
      .default('new'),
    /** The referral as sent, checked against the shared schema. */
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    referrerName: text('referrer_name').notNull(),
    referrerEmail: text('referrer_email').notNull(),
    referrerRole: text('referrer_role').notNull(),
    serviceRequested: text('service_requested').notNull(),
    courtOrderKind: text('court_order_kind').notNull(),
    submittedByUserId: uuid('submitted_by_user_id').references(() => users.id),
    receivedAt: moment('received_at').notNull().defaultNow(),
    decidedAt: moment('decided_at'),
    decidedByUserId: uuid('decided_by_user_id').references(() => users.id),
    decisionReason: text('decision_reason'),
    decisionNote: text('decision_note'),
    // Set when accepted. (A forward reference: cases are declared below.)
    caseId: uuid('case_id').references((): AnyPgColumn => cases.id),
  },
  (t) => [
    unique('referrals_reference_per_centre').on(t.centreId, t.reference),
    index('referrals_centre_status').on(t.centreId, t.status, t.receivedAt),
    check(
      'referrals_status_known',
      sql`${t.status} in ('new', 'awaiting_information', 'accepted', 'declined')`,
    ),
    check('referrals_accepted_has_case', sql`(${t.status} = 'accepted') = (${t.caseId} is not null)`),
  ],
);

/** The children named in each referral, kept apart so that a possible duplicate is one indexed query. */
export const referralChildren = pgTable(
  'referral_children',
  {
    id: primaryId(),
    referralId: uuid('referral_id')
      .notNull()
      .references(() => referrals.id),
    centreId: centreRef(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
  },
  (t) => [
    index('referral_children_match').on(
      t.centreId,
      sql`lower(${t.firstName})`,
      sql`lower(${t.lastName})`,
      t.dateOfBirth,
    ),
  ],
);

/** A family's case at one centre, opened when its referral is accepted. */
export const cases = pgTable(
  'cases',
  {
    id: primaryId(),
    centreId: centreRef(),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['open', 'suspended', 'closed'] })
      .notNull()
      .default('open'),
    referralId: uuid('referral_id').references(() => referrals.id),
    serviceRequested: text('service_requested').notNull(),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    closedAt: moment('closed_at'),
    closedByUserId: uuid('closed_by_user_id').references(() => users.id),
    closureOutcome: text('closure_outcome', {
      enum: ['arranging_themselves', 'court_decision', 'ended_by_centre', 'withdrawn'],
    }),
    closureNote: text('closure_note'),
  },
  (t) => [
    unique('cases_reference_per_centre').on(t.centreId, t.reference),
    check(
      'cases_closed_has_outcome',
      sql`(${t.status} = 'closed') = (${t.closedAt} is not null and ${t.closureOutcome} is not null)`,
    ),
  ],
);

export const PERSON_ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee', 'child'] as const;

/** The people of a case: adults and children. Their contact details have a history of their own. */
export const casePeople = pgTable(
  'case_people',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    role: text('role', { enum: PERSON_ROLES }).notNull(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    relationshipToChildren: text('relationship_to_children'),
    needs: text('needs'),
    createdAt: createdAt(),
  },
  (t) => [index('case_people_case').on(t.caseId)],
);

/**
 * Contact details with their history: a change supersedes the old value (kept, with who changed it)
 * rather than overwriting it.
 */
export const contactDetails = pgTable(
  'contact_details',
  {
    id: primaryId(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    centreId: centreRef(),
    kind: text('kind', { enum: ['email', 'phone', 'address', 'refuge', 'school'] }).notNull(),
    value: text('value').notNull(),
    recordedAt: createdAt(),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
    supersededAt: moment('superseded_at'),
    supersededByUserId: uuid('superseded_by_user_id').references(() => users.id),
  },
  (t) => [index('contact_details_person').on(t.personId)],
);

/** Whose contact details must never reach whom. By default the two parents of a case, each way. */
export const nonDisclosures = pgTable(
  'non_disclosures',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    hiddenFromPersonId: uuid('hidden_from_person_id')
      .notNull()
      .references(() => casePeople.id),
    centreId: centreRef(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.hiddenFromPersonId] }),
    check('non_disclosures_not_self', sql`${t.personId} <> ${t.hiddenFromPersonId}`),
  ],
);

/** Court orders of a case, with their history: a new order supersedes the old one. */
export const courtOrders = pgTable(
  'court_orders',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    kind: text('kind', { enum: ['interim', 'final'] }).notNull(),
    court: text('court').notNull(),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    caseNumber: text('case_number'),
    endsOn: date('ends_on', { mode: 'string' }),
    timeLimitAgreed: boolean('time_limit_agreed').notNull().default(false),
    recordedAt: createdAt(),
    supersededAt: moment('superseded_at'),
  },
  (t) => [
    check(
      'court_orders_final_has_end',
      sql`${t.kind} <> 'final' or (${t.endsOn} is not null and ${t.timeLimitAgreed})`,
    ),
  ],
);

/** The professionals around each party: their solicitor, court officer or social worker. */
export const caseProfessionals = pgTable(
  'case_professionals',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    /** The party they act for; null for one who acts for the court or the children. */
    actingForPersonId: uuid('acting_for_person_id').references(() => casePeople.id),
    role: text('role', { enum: ['solicitor', 'court_officer', 'social_worker', 'other'] }).notNull(),
    name: text('name').notNull(),
    organisation: text('organisation'),
    email: text('email'),
    phone: text('phone'),
    createdAt: createdAt(),
    endedAt: moment('ended_at'),
  },
  (t) => [index('case_professionals_case').on(t.caseId)],
);

/** Per-centre settings that the rules of the service read. */
export const centreSettings = pgTable(
  'centre_settings',
  {
    centreId: uuid('centre_id')
      .primaryKey()
      .references(() => centres.id),
    /** First review of a contact plan after this many sessions (6 to 8). */
    reviewAfterSessions: integer('review_after_sessions').notNull().default(6),
    /** Children of this age and under need a parent's consent for their data (the policy says 16). */
    parentalConsentUpToAge: integer('parental_consent_up_to_age').notNull().default(16),
    /** Minutes kept between adults who must not meet. */
    separationBufferMinutes: integer('separation_buffer_minutes').notNull().default(15),
    /** Parties are reminded of a session this many days before it (0: no reminders). */
    reminderDaysBefore: integer('reminder_days_before').notNull().default(2),
    updatedAt: moment('updated_at').notNull().defaultNow(),
  },
  (t) => [
    check('centre_settings_review_6_to_8', sql`${t.reviewAfterSessions} between 6 and 8`),
    check('centre_settings_consent_age', sql`${t.parentalConsentUpToAge} between 12 and 18`),
    check('centre_settings_buffer', sql`${t.separationBufferMinutes} between 0 and 120`),
    check('centre_settings_reminder_days', sql`${t.reminderDaysBefore} between 0 and 14`),
  ],
);

/** The centre's rules, versioned: each edit publishes a new version; earlier acceptances go out of date. */
export const centreRuleVersions = pgTable(
  'centre_rule_versions',
  {
    id: primaryId(),
    centreId: centreRef(),
    version: integer('version').notNull(),
    body: text('body').notNull(),
    publishedAt: createdAt(),
    publishedByUserId: uuid('published_by_user_id').references(() => users.id),
  },
  (t) => [unique('centre_rule_versions_once').on(t.centreId, t.version)],
);

/** An adult's acceptance of one version of the rules: in person (witnessed) or online (emailed link). */
export const ruleAcceptances = pgTable(
  'rule_acceptances',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    ruleVersionId: uuid('rule_version_id')
      .notNull()
      .references(() => centreRuleVersions.id),
    method: text('method', { enum: ['in_person', 'online'] }).notNull(),
    witnessedByUserId: uuid('witnessed_by_user_id').references(() => users.id),
    acceptedAt: createdAt(),
  },
  (t) => [
    unique('rule_acceptances_once').on(t.personId, t.ruleVersionId),
    check(
      'rule_acceptances_witnessed_in_person',
      sql`(${t.method} = 'in_person') = (${t.witnessedByUserId} is not null)`,
    ),
  ],
);

/** Single-use emailed links for accepting the rules online; only the token's hash is kept. */
export const ruleAcceptanceLinks = pgTable(
  'rule_acceptance_links',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    ruleVersionId: uuid('rule_version_id')
      .notNull()
      .references(() => centreRuleVersions.id),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [uniqueIndex('rule_acceptance_links_token').on(t.tokenHash)],
);

/** Pre-contact visits: each adult separately, and an introduction visit for the children. */
export const intakeVisits = pgTable(
  'intake_visits',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    kind: text('kind', { enum: ['adult', 'children_introduction'] }).notNull(),
    /** The adult visited (an adult visit), or the adult who brings the children (an introduction). */
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    scheduledAt: moment('scheduled_at').notNull(),
    place: text('place'),
    staffUserId: uuid('staff_user_id').references(() => users.id),
    status: text('status', { enum: ['scheduled', 'done', 'cancelled'] })
      .notNull()
      .default('scheduled'),
    attendedPersonIds: jsonb('attended_person_ids').$type<string[]>(),
    outcome: text('outcome'),
    notes: text('notes'),
    createdAt: createdAt(),
    completedAt: moment('completed_at'),
  },
  (t) => [index('intake_visits_case').on(t.caseId)],
);

/** Risk assessments, versioned: a new one supersedes; the old stays readable. */
export const riskAssessments = pgTable(
  'risk_assessments',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    version: integer('version').notNull(),
    /** [{ factor, present, evidence }] */
    factors: jsonb('factors')
      .$type<{ factor: string; present: boolean; evidence: string | null }[]>()
      .notNull(),
    level: text('level', { enum: ['low', 'medium', 'high'] }).notNull(),
    decision: text('decision', {
      enum: ['supported', 'supervised', 'handover_only', 'indirect_only', 'decline'],
    }).notNull(),
    /** Staggered minutes, separate entrances or waiting rooms, adults who must not meet, who may attend. */
    conditions: jsonb('conditions').$type<Record<string, unknown>>().notNull(),
    assessedAt: createdAt(),
    assessedByUserId: uuid('assessed_by_user_id').references(() => users.id),
    supersededAt: moment('superseded_at'),
  },
  (t) => [unique('risk_assessments_version').on(t.caseId, t.version)],
);

/** Contact plans (the agreement), versioned like assessments. */
export const contactPlans = pgTable(
  'contact_plans',
  {
    id: primaryId(),
    caseId: caseRef(),
    centreId: centreRef(),
    version: integer('version').notNull(),
    serviceType: text('service_type').notNull(),
    /** Frequency: weekly, fortnightly or specific dates, with the start time in the centre's time zone. */
    recurrence: jsonb('recurrence').$type<Record<string, unknown>>().notNull(),
    lengthMinutes: integer('length_minutes').notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }),
    attendeePersonIds: jsonb('attendee_person_ids').$type<string[]>().notNull(),
    /** Planned arrival and departure offsets per person, in minutes from the session's start and end. */
    timings: jsonb('timings')
      .$type<Record<string, { arriveMinutes: number; leaveMinutes: number }>>()
      .notNull(),
    handover: text('handover'),
    firstReviewAfterSessions: integer('first_review_after_sessions').notNull(),
    specialConditions: jsonb('special_conditions').$type<Record<string, unknown>>().notNull(),
    agreedAt: createdAt(),
    agreedByUserId: uuid('agreed_by_user_id').references(() => users.id),
    supersededAt: moment('superseded_at'),
  },
  (t) => [
    unique('contact_plans_version').on(t.caseId, t.version),
    check('contact_plans_length', sql`${t.lengthMinutes} between 15 and 600`),
    check('contact_plans_review', sql`${t.firstReviewAfterSessions} between 6 and 8`),
  ],
);

/** Who gave consent for a child's data to be held, when the child is under the centre's age. */
export const childConsents = pgTable('child_consents', {
  id: primaryId(),
  caseId: uuid('case_id')
    .notNull()
    .references(() => cases.id),
  centreId: uuid('centre_id')
    .notNull()
    .references(() => centres.id),
  childPersonId: uuid('child_person_id')
    .notNull()
    .references(() => casePeople.id),
  givenByPersonId: uuid('given_by_person_id')
    .notNull()
    .references(() => casePeople.id),
  givenOn: date('given_on', { mode: 'string' }).notNull(),
  recordedAt: createdAt(),
  recordedByUserId: uuid('recorded_by_user_id').references(() => users.id),
  /** Consent can be withdrawn; the record stays. */
  withdrawnAt: moment('withdrawn_at'),
  withdrawnByUserId: uuid('withdrawn_by_user_id').references(() => users.id),
});

/**
 * Files kept in the database (so one backup holds everything): today the court order sent with a
 * referral. Never served from the web root: staff download them as attachments.
 */
export const storedFiles = pgTable(
  'stored_files',
  {
    id: primaryId(),
    /** null while the file belongs only to a referral draft (the centre may not be chosen yet). */
    centreId: uuid('centre_id').references(() => centres.id),
    draftId: uuid('draft_id').references(() => referralDrafts.id, { onDelete: 'cascade' }),
    referralId: uuid('referral_id').references(() => referrals.id),
    caseId: uuid('case_id').references(() => cases.id),
    /** The court order this file is a copy of, once the case holds the order. */
    courtOrderId: uuid('court_order_id').references(() => courtOrders.id),
    purpose: text('purpose', { enum: ['court_order'] }).notNull(),
    /** The name the uploader gave it, cleaned; shown to staff and used for the download. */
    fileName: text('file_name').notNull(),
    /** Found from the content (magic bytes), never from what the uploader claimed. */
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    createdAt: createdAt(),
    uploadedByUserId: uuid('uploaded_by_user_id').references(() => users.id),
  },
  (t) => [
    check('stored_files_size', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
    check(
      'stored_files_owner',
      sql`${t.draftId} is not null or ${t.referralId} is not null or ${t.caseId} is not null`,
    ),
    index('stored_files_draft').on(t.draftId),
    index('stored_files_referral').on(t.referralId),
    index('stored_files_case').on(t.caseId),
  ],
);

/** What a referrer told us about themselves when they registered (or were invited). */
export const referrerProfiles = pgTable('referrer_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  organisation: text('organisation'),
  role: text('role', {
    enum: ['solicitor', 'court_officer', 'social_worker', 'other_professional', 'self'],
  }).notNull(),
  phone: text('phone'),
  createdAt: createdAt(),
});

/** Single-use links that prove an email address (self-registered referrers); only the hash is kept. */
export const emailVerifications = pgTable(
  'email_verifications',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    expiresAt: moment('expires_at').notNull(),
    usedAt: moment('used_at'),
  },
  (t) => [uniqueIndex('email_verifications_token').on(t.tokenHash)],
);

/**
 * A staff member's checks: the criminal-record (DBS) check with its number and recheck date, and the
 * required training with its expiry. Only staff whose checks are current can be put on a session.
 */
export const staffChecks = pgTable('staff_checks', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  dbsNumber: text('dbs_number'),
  dbsCheckedOn: date('dbs_checked_on', { mode: 'string' }),
  dbsRecheckBy: date('dbs_recheck_by', { mode: 'string' }),
  trainingCompletedOn: date('training_completed_on', { mode: 'string' }),
  trainingExpiresOn: date('training_expires_on', { mode: 'string' }),
  updatedAt: moment('updated_at').notNull().defaultNow(),
  updatedByUserId: uuid('updated_by_user_id').references(() => users.id),
});

/**
 * One session of a family at a time and place: made from an occurrence of the contact plan (or added
 * as a single occurrence), moved or cancelled one at a time. What must never happen is refused by the
 * database itself (migrations/0007_booking_constraints.sql): a private room twice at once, a family twice
 * at once, a supervisor with two families at once.
 */
export const bookings = pgTable(
  'bookings',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    /** The plan version it was made from. */
    planId: uuid('plan_id').references(() => contactPlans.id),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    roomId: uuid('room_id')
      .notNull()
      .references(() => rooms.id),
    /** The session's own date on the centre's clock (what the family was told). */
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startsAt: moment('starts_at').notNull(),
    endsAt: moment('ends_at').notNull(),
    serviceType: text('service_type', { enum: ['supported', 'supervised', 'handover'] }).notNull(),
    source: text('source', { enum: ['plan', 'added'] }).notNull(),
    status: text('status', { enum: ['booked', 'cancelled'] })
      .notNull()
      .default('booked'),
    /** Copied from the room when booked: a private room holds one family at a time. */
    exclusive: boolean('exclusive').notNull(),
    /** People of the family in the room (adults and children), counted against a shared hall's capacity. */
    headcount: integer('headcount').notNull(),
    /** The named supervisor (supervised contact). */
    supervisorUserId: uuid('supervisor_user_id').references(() => users.id),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    updatedAt: moment('updated_at').notNull().defaultNow(),
    cancelledAt: moment('cancelled_at'),
    cancelledByUserId: uuid('cancelled_by_user_id').references(() => users.id),
    /** Who called it off: a party (their person id in cancelledByPersonId), a professional, or the centre. */
    cancelledBy: text('cancelled_by', { enum: ['party', 'professional', 'centre'] }),
    cancelledByPersonId: uuid('cancelled_by_person_id').references(() => casePeople.id),
    cancellationReason: text('cancellation_reason'),
    /** The suspension or revocation that called it off: lifting it offers these sessions again. */
    cancelledBySanctionId: uuid('cancelled_by_sanction_id').references((): AnyPgColumn => sanctions.id),
    /** Hours between being told and the session's start. */
    noticeHours: integer('notice_hours'),
  },
  (t) => [
    check('bookings_times', sql`${t.endsAt} > ${t.startsAt}`),
    // Sessions end the day they start: queries for sessions overlapping a span rely on it (bookings/overlap).
    check('bookings_within_a_day', sql`${t.endsAt} < ${t.startsAt} + interval '1 day'`),
    check('bookings_headcount', sql`${t.headcount} > 0`),
    check('bookings_cancelled_has_reason', sql`(${t.status} = 'cancelled') = (${t.cancelledAt} is not null)`),
    index('bookings_centre_time').on(t.centreId, t.startsAt),
    // The day's roster and the calendar read a centre's sessions by their local date.
    index('bookings_centre_day').on(t.centreId, t.localDate),
    index('bookings_case_time').on(t.caseId, t.startsAt),
    index('bookings_room_time').on(t.roomId, t.startsAt),
  ],
);

/** Each person of a booking, with their planned arrival and departure (staggered as the plan says). */
export const bookingPeople = pgTable(
  'booking_people',
  {
    id: primaryId(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    centreId: centreRef(),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    plannedArriveAt: moment('planned_arrive_at').notNull(),
    plannedLeaveAt: moment('planned_leave_at').notNull(),
    /** A child comes with, and is handed back to, this adult. */
    broughtByPersonId: uuid('brought_by_person_id').references(() => casePeople.id),
    arrivedAt: moment('arrived_at'),
    arrivalRecordedByUserId: uuid('arrival_recorded_by_user_id').references(() => users.id),
    leftAt: moment('left_at'),
    departureRecordedByUserId: uuid('departure_recorded_by_user_id').references(() => users.id),
    /** Recorded when an adult did not come and did not cancel: counted per party. */
    noShowRecordedAt: moment('no_show_recorded_at'),
    noShowRecordedByUserId: uuid('no_show_recorded_by_user_id').references(() => users.id),
  },
  (t) => [
    unique('booking_people_once').on(t.bookingId, t.personId),
    check('booking_people_times', sql`${t.plannedLeaveAt} > ${t.plannedArriveAt}`),
    check('booking_people_came_or_not', sql`${t.noShowRecordedAt} is null or ${t.arrivedAt} is null`),
    index('booking_people_person').on(t.personId),
  ],
);

/**
 * Two adults who must never meet: from a risk assessment (the same family) or set by the coordinator
 * (adults of different families, say a non-molestation order between them). Stored with the smaller
 * person id first.
 */
export const separationPairs = pgTable(
  'separation_pairs',
  {
    id: primaryId(),
    centreId: centreRef(),
    personAId: uuid('person_a_id')
      .notNull()
      .references(() => casePeople.id),
    personBId: uuid('person_b_id')
      .notNull()
      .references(() => casePeople.id),
    /** Minutes kept between them: the larger of the assessment's stagger and the centre's buffer. */
    minutes: integer('minutes').notNull(),
    source: text('source', { enum: ['risk_assessment', 'coordinator'] }).notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    endedAt: moment('ended_at'),
  },
  (t) => [
    check('separation_pairs_ordered', sql`${t.personAId} < ${t.personBId}`),
    check('separation_pairs_minutes', sql`${t.minutes} between 0 and 240`),
    uniqueIndex('separation_pairs_active')
      .on(t.personAId, t.personBId)
      .where(sql`${t.endedAt} is null`),
    // A person's pairs are found from either side: the unique index above serves the first.
    index('separation_pairs_active_b')
      .on(t.personBId)
      .where(sql`${t.endedAt} is null`),
  ],
);

/**
 * When each adult of a separation pair is planned to be at a venue, for the exclusion constraint that
 * keeps the pair apart (migrations/0007): across bookings, a whole stay widened by the pair's minutes
 * ('stay'); within one booking, each arrival and departure as a window of the pair's minutes ('door'),
 * so two adults of one family may be in separate rooms but never pass at the door.
 */
export const separationWindows = pgTable(
  'separation_windows',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    centreId: centreRef(),
    pairId: uuid('pair_id')
      .notNull()
      .references(() => separationPairs.id),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => casePeople.id),
    kind: text('kind', { enum: ['stay', 'door'] }).notNull(),
    startsAt: moment('starts_at').notNull(),
    endsAt: moment('ends_at').notNull(),
  },
  (t) => [
    check('separation_windows_times', sql`${t.endsAt} > ${t.startsAt}`),
    index('separation_windows_booking').on(t.bookingId),
  ],
);

/**
 * Staff on duty: one shift of one staff member at a venue on a day. A staff member is never on two
 * overlapping shifts (an exclusion constraint, migrations/0009). Supported sessions are checked against
 * their opening session's minimum staff and families per volunteer.
 */
export const rotaShifts = pgTable(
  'rota_shifts',
  {
    id: primaryId(),
    centreId: centreRef(),
    venueId: uuid('venue_id')
      .notNull()
      .references(() => venues.id),
    /** The opening session the shift covers, when it covers one. */
    openingSessionId: uuid('opening_session_id').references(() => openingSessions.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ['coordinator', 'supervisor', 'volunteer'] }).notNull(),
    localDate: date('local_date', { mode: 'string' }).notNull(),
    startsAt: moment('starts_at').notNull(),
    endsAt: moment('ends_at').notNull(),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
  },
  (t) => [
    check('rota_shifts_times', sql`${t.endsAt} > ${t.startsAt}`),
    index('rota_shifts_centre_day').on(t.centreId, t.localDate),
  ],
);

/**
 * A staff member's calendar feed: a secret address (only its hash is kept) that a calendar client
 * polls; revoking it stops it at once. The feed carries initials and rooms, never a family's details.
 */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: primaryId(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: moment('revoked_at'),
    lastUsedAt: moment('last_used_at'),
  },
  (t) => [
    uniqueIndex('calendar_feeds_token').on(t.tokenHash),
    uniqueIndex('calendar_feeds_one_live')
      .on(t.userId)
      .where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Mail sent about one booking to one recipient (a person or a professional of the case): a reminder,
 * a cancellation, a sanction. Unique, so a reminder job that runs twice sends once.
 */
export const bookingNotices = pgTable(
  'booking_notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    centreId: centreRef(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['reminder', 'cancellation', 'moved', 'sanction'] }).notNull(),
    /** The person's or professional's id. */
    recipientId: uuid('recipient_id').notNull(),
    createdAt: createdAt(),
  },
  (t) => [unique('booking_notices_once').on(t.bookingId, t.kind, t.recipientId)],
);

/** What a supervisor saw during supervised contact (none are kept for supported contact). */
export const observations = pgTable(
  'observations',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    bookingId: uuid('booking_id')
      .notNull()
      .references(() => bookings.id),
    notes: text('notes').notNull(),
    /** A correction names the record it corrects; the corrected one stays readable. */
    correctsId: uuid('corrects_id').references((): AnyPgColumn => observations.id),
    writtenByUserId: uuid('written_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('observations_booking').on(t.bookingId),
    // A record is corrected once; a later correction corrects the correction.
    uniqueIndex('observations_corrected_once').on(t.correctsId),
  ],
);

export const INCIDENT_KINDS = [
  'behaviour',
  'language',
  'intoxication',
  'recording',
  'child_distressed',
  'other',
] as const;
export const INCIDENT_ACTIONS = ['none', 'warning', 'asked_to_leave', 'session_ended'] as const;

/** Something that went wrong at a session: who, what, the action taken, and the follow-up. */
export const incidents = pgTable(
  'incidents',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    bookingId: uuid('booking_id').references(() => bookings.id),
    kind: text('kind', { enum: INCIDENT_KINDS }).notNull(),
    /** The person of the case it concerns, when it concerns one. */
    personId: uuid('person_id').references(() => casePeople.id),
    occurredAt: moment('occurred_at').notNull(),
    description: text('description').notNull(),
    actionTaken: text('action_taken', { enum: INCIDENT_ACTIONS }).notNull(),
    followUp: text('follow_up'),
    followUpDoneAt: moment('follow_up_done_at'),
    followUpDoneByUserId: uuid('follow_up_done_by_user_id').references(() => users.id),
    recordedByUserId: uuid('recorded_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('incidents_case').on(t.caseId)],
);

/**
 * A suspension (with its dates) or a revocation of a family's contact at the centre. While one holds,
 * nothing is booked for the case; when made, its future sessions are cancelled and the parties told.
 */
export const sanctions = pgTable(
  'sanctions',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    kind: text('kind', { enum: ['suspension', 'revocation'] }).notNull(),
    /** The adult whose conduct led to it, when one did. */
    personId: uuid('person_id').references(() => casePeople.id),
    incidentId: uuid('incident_id').references(() => incidents.id),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** The last day of a suspension; a revocation has none. */
    endsOn: date('ends_on', { mode: 'string' }),
    reason: text('reason').notNull(),
    createdByUserId: uuid('created_by_user_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    liftedAt: moment('lifted_at'),
    liftedByUserId: uuid('lifted_by_user_id').references(() => users.id),
    liftReason: text('lift_reason'),
  },
  (t) => [
    check(
      'sanctions_dates',
      sql`(${t.kind} = 'revocation' and ${t.endsOn} is null) or (${t.kind} = 'suspension' and ${t.endsOn} >= ${t.startsOn})`,
    ),
    index('sanctions_case').on(t.caseId),
  ],
);

/** Indirect contact: a letter, card or gift received for a child, checked, then passed on or held back. */
export const indirectItems = pgTable(
  'indirect_items',
  {
    id: primaryId(),
    centreId: centreRef(),
    caseId: caseRef(),
    kind: text('kind', { enum: ['letter', 'card', 'gift', 'other'] }).notNull(),
    fromPersonId: uuid('from_person_id')
      .notNull()
      .references(() => casePeople.id),
    forPersonId: uuid('for_person_id').references(() => casePeople.id),
    description: text('description').notNull(),
    receivedAt: moment('received_at').notNull(),
    receivedByUserId: uuid('received_by_user_id')
      .notNull()
      .references(() => users.id),
    checkedAt: moment('checked_at'),
    checkedByUserId: uuid('checked_by_user_id').references(() => users.id),
    checkNotes: text('check_notes'),
    outcome: text('outcome', { enum: ['passed_on', 'held_back'] }),
    passedOnAt: moment('passed_on_at'),
    passedOnByUserId: uuid('passed_on_by_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    check('indirect_items_checked_first', sql`${t.outcome} is null or ${t.checkedAt} is not null`),
    index('indirect_items_case').on(t.caseId),
  ],
);
