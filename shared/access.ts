/**
 * Roles and permissions: the one place where a role is given what it may do.
 * Default deny: a permission not listed for a role is refused. See docs/decisions/003-permission-model.md.
 */

/** Roles held for one centre. */
export const CENTRE_ROLES = ['coordinator', 'supervisor', 'volunteer', 'safeguarding_lead'] as const;
/** Roles held for the whole organisation. */
export const ORGANISATION_ROLES = ['organisation_admin'] as const;
/** Roles of people outside the centre's staff; their accounts arrive with later issues. */
export const EXTERNAL_ROLES = ['referrer', 'parent'] as const;

export const ROLES = [...ORGANISATION_ROLES, ...CENTRE_ROLES, ...EXTERNAL_ROLES] as const;
export type Role = (typeof ROLES)[number];
export type CentreRole = (typeof CENTRE_ROLES)[number];
export type StaffRole = (typeof ORGANISATION_ROLES)[number] | CentreRole;
export const STAFF_ROLES: readonly StaffRole[] = [...ORGANISATION_ROLES, ...CENTRE_ROLES];

export const PERMISSIONS = {
  /** See a centre's name, time zone and settings. */
  CENTRE_READ: 'centre:read',
  /** Create centres and change their settings. */
  CENTRE_MANAGE: 'centre:manage',
  /** See rooms of a centre. */
  ROOM_READ: 'room:read',
  /** Add and change rooms. */
  ROOM_MANAGE: 'room:manage',
  /** See staff accounts and their roles. */
  USER_READ: 'user:read',
  /** Invite staff, change roles, disable accounts, reset two-factor. */
  USER_MANAGE: 'user:manage',
  /** Read the audit trail. */
  AUDIT_READ: 'audit:read',
  /** See the mail outbox. */
  OUTBOX_READ: 'outbox:read',
  /** Open a case file (arrives with the referrals issue). */
  CASE_READ: 'case:read',
  /** Change a case file. */
  CASE_WRITE: 'case:write',
  /** Publish a new version of the centre's rules, and change the centre's service settings. */
  CENTRE_RULES_MANAGE: 'centre-rules:manage',
  /** See the addresses, phone numbers and emails of the people in a case (need to know). */
  CONTACT_DETAILS_READ: 'contact-details:read',
  /** See the day's roster: first names, times, room and safety flags. */
  ROSTER_READ: 'roster:read',
  /** Read safeguarding concerns. */
  SAFEGUARDING_READ: 'safeguarding:read',
  /** Statistics without personal data. */
  STATISTICS_READ: 'statistics:read',
  /** Download files kept with a case or referral (court orders): they may hold both parties' details. */
  CASE_DOCUMENTS_READ: 'case-documents:read',
  /** See the timetable: venues, opening sessions, closures, bookings and calendars. */
  TIMETABLE_READ: 'timetable:read',
  /** Set up venues, opening sessions and closures; book, move and cancel sessions; the rota. */
  TIMETABLE_MANAGE: 'timetable:manage',
  /** Record a staff member's criminal-record check and training dates. */
  STAFF_CHECKS_MANAGE: 'staff-checks:manage',
  /** Record arrivals and departures on the day (check-in and check-out), and see who is on site. */
  CHECK_IN: 'roster:check-in',
  /** A referrer: see the status of the referrals they made, and nothing else. */
  OWN_REFERRALS_READ: 'own-referrals:read',
  /** Write observation records of supervised contact (a supervisor: for the families they supervise). */
  OBSERVATIONS_WRITE: 'observations:write',
  /** Record an incident at a session (what happened, the action taken) from the roster. */
  INCIDENTS_RECORD: 'incidents:record',
  /** Suspend or revoke a family's contact, lift a suspension; receive and pass on indirect contact items. */
  SANCTIONS_MANAGE: 'sanctions:manage',
  /** Have one's own calendar feed of sessions and shifts (initials and rooms only). */
  OWN_CALENDAR_FEED: 'calendar-feed:own',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS = Object.values(PERMISSIONS) as Permission[];

const P = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  organisation_admin: [
    P.CENTRE_READ,
    P.CENTRE_MANAGE,
    P.ROOM_READ,
    P.ROOM_MANAGE,
    P.USER_READ,
    P.USER_MANAGE,
    P.AUDIT_READ,
    P.OUTBOX_READ,
    P.STATISTICS_READ,
    P.STAFF_CHECKS_MANAGE,
  ],
  coordinator: [
    P.CENTRE_READ,
    P.ROOM_READ,
    P.ROOM_MANAGE,
    P.USER_READ,
    P.USER_MANAGE,
    P.AUDIT_READ,
    P.OUTBOX_READ,
    P.CASE_READ,
    P.CASE_WRITE,
    P.CONTACT_DETAILS_READ,
    P.CENTRE_RULES_MANAGE,
    P.ROSTER_READ,
    P.CHECK_IN,
    P.SAFEGUARDING_READ,
    P.STATISTICS_READ,
    P.CASE_DOCUMENTS_READ,
    P.TIMETABLE_READ,
    P.TIMETABLE_MANAGE,
    P.STAFF_CHECKS_MANAGE,
    P.OBSERVATIONS_WRITE,
    P.INCIDENTS_RECORD,
    P.SANCTIONS_MANAGE,
    P.OWN_CALENDAR_FEED,
  ],
  supervisor: [
    P.CENTRE_READ,
    P.ROOM_READ,
    P.CASE_READ,
    P.ROSTER_READ,
    P.CHECK_IN,
    P.TIMETABLE_READ,
    P.OBSERVATIONS_WRITE,
    P.INCIDENTS_RECORD,
    P.OWN_CALENDAR_FEED,
  ],
  volunteer: [P.CENTRE_READ, P.ROOM_READ, P.ROSTER_READ, P.CHECK_IN, P.INCIDENTS_RECORD, P.OWN_CALENDAR_FEED],
  safeguarding_lead: [
    P.CENTRE_READ,
    P.ROOM_READ,
    P.CASE_READ,
    P.CONTACT_DETAILS_READ,
    P.SAFEGUARDING_READ,
    P.ROSTER_READ,
    P.CHECK_IN,
    P.CASE_DOCUMENTS_READ,
    P.TIMETABLE_READ,
    P.INCIDENTS_RECORD,
    P.OWN_CALENDAR_FEED,
  ],
  referrer: [P.OWN_REFERRALS_READ],
  parent: [],
};

export function roleGrants(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Roles a centre-level manager (a coordinator) may hand out within their own centre. */
export const ROLES_A_COORDINATOR_MAY_GRANT: readonly CentreRole[] = CENTRE_ROLES;
