/**
 * What the navigation offers, and to whom. Each entry names the permission that will open it, so an area
 * appears only for people who hold that permission at some centre or across the organisation.
 */
import { PERMISSIONS, type Permission } from '../../../shared/access.js';
import { MY_REFERRALS_PATH } from '../features/referrer/paths.js';
import { CHECK_IN_PATH, ON_SITE_PATH } from '../features/roster/paths.js';
import { MY_CALENDAR_PATH, ROTA_PATH } from '../features/rota/paths.js';
import { FOLLOW_UPS_PATH } from '../features/session-records/paths.js';

/** The referral inbox: for people who may open case files in the centre they are working in. */
export const REFERRALS_PAGE = { path: '/referrals', permission: PERMISSIONS.CASE_READ } as const;

/** The centre's cases: for the same people, in the centre they are working in. */
export const CASES_PAGE = { path: '/cases', permission: PERMISSIONS.CASE_READ } as const;

/** The public referral form, offered to every member of staff too. */
export const REFERRAL_FORM_PATH = '/refer';

/**
 * A referrer's pages: the referrals they made (where they land after signing in) and the referral form,
 * filled in with their details. Their navigation offers these and nothing else.
 */
export const REFERRER_PAGES = {
  referrals: { path: MY_REFERRALS_PATH, permission: PERMISSIONS.OWN_REFERRALS_READ },
  form: { path: REFERRAL_FORM_PATH },
} as const;

/** The centre's sessions by day and week, and the adults kept apart: in the centre being worked in. */
export const TIMETABLE_PAGE = { path: '/timetable', permission: PERMISSIONS.TIMETABLE_READ } as const;

/**
 * The session day at the door (volunteers too): today's check-in, and everyone on site now for a fire
 * roll call; in the centre being worked in.
 */
export const SESSION_DAY_PAGES = [
  { key: 'checkIn', path: CHECK_IN_PATH, permission: PERMISSIONS.ROSTER_READ },
  { key: 'onSite', path: ON_SITE_PATH, permission: PERMISSIONS.CHECK_IN },
] as const;

/** Incidents whose follow-up is still to do: for people who may open case files, in the centre worked in. */
export const FOLLOW_UPS_PAGE = { path: FOLLOW_UPS_PATH, permission: PERMISSIONS.CASE_READ } as const;

/** Who is on duty, and the staffing warnings: in the centre being worked in. */
export const ROTA_PAGE = { path: ROTA_PATH, permission: PERMISSIONS.TIMETABLE_READ } as const;

/** One's own calendar feed: for anyone who may have one at some centre. */
export const MY_CALENDAR_PAGE = {
  path: MY_CALENDAR_PATH,
  permission: PERMISSIONS.OWN_CALENDAR_FEED,
} as const;

/** The premises (venues and rooms) and opening times of the centre being worked in. */
export const PREMISES_PAGES = [
  { key: 'premises', path: '/premises', permission: PERMISSIONS.ROOM_READ },
  { key: 'openingTimes', path: '/opening-times', permission: PERMISSIONS.TIMETABLE_READ },
] as const;

/** Areas that arrive with later issues: shown as coming soon, never as links to empty pages. */
export const COMING_SOON_AREAS: ReadonlyArray<{ key: ComingSoonArea; permission: Permission }> = [
  { key: 'safeguarding', permission: PERMISSIONS.SAFEGUARDING_READ },
  { key: 'complaints', permission: PERMISSIONS.CASE_WRITE },
  { key: 'reports', permission: PERMISSIONS.STATISTICS_READ },
];
export type ComingSoonArea = 'timetable' | 'checkIn' | 'safeguarding' | 'complaints' | 'reports';

export const ADMINISTRATION_PAGES: ReadonlyArray<{
  key: AdministrationPage;
  path: string;
  permission: Permission;
}> = [
  { key: 'users', path: '/admin/users', permission: PERMISSIONS.USER_READ },
  { key: 'centres', path: '/admin/centres', permission: PERMISSIONS.CENTRE_READ },
  { key: 'audit', path: '/admin/audit', permission: PERMISSIONS.AUDIT_READ },
  { key: 'outbox', path: '/admin/outbox', permission: PERMISSIONS.OUTBOX_READ },
];
export type AdministrationPage = 'users' | 'centres' | 'audit' | 'outbox';
