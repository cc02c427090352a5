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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    name: text('name').notNull(),
    capacity: integer('capacity').notNull(),
    hasSeparateEntrance: boolean('has_separate_entrance').notNull().default(false),
    accessibilityNotes: text('accessibility_notes'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('rooms_name_per_centre').on(t.centreId, t.name),
    check('rooms_capacity_positive', sql`${t.capacity} > 0`),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
    reference: text('reference').notNull(),
    status: text('status', { enum: ['open', 'suspended', 'closed'] })
      .notNull()
      .default('open'),
    referralId: uuid('referral_id').references(() => referrals.id),
    serviceRequested: text('service_requested').notNull(),
    createdAt: createdAt(),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
  },
  (t) => [unique('cases_reference_per_centre').on(t.centreId, t.reference)],
);

export const PERSON_ROLES = ['resident_parent', 'non_resident_parent', 'other_attendee', 'child'] as const;

/** The people of a case: adults and children. Their contact details have a history of their own. */
export const casePeople = pgTable(
  'case_people',
  {
    id: primaryId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    centreId: uuid('centre_id')
      .notNull()
      .references(() => centres.id),
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
