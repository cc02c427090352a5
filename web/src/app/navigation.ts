/**
 * What the navigation offers, and to whom. Each entry names the permission that will open it, so an area
 * appears only for people who hold that permission at some centre or across the organisation.
 */
import { PERMISSIONS, type Permission } from '../../../shared/access.js';

/** The referral inbox: for people who may open case files in the centre they are working in. */
export const REFERRALS_PAGE = { path: '/referrals', permission: PERMISSIONS.CASE_READ } as const;

/** The centre's cases: for the same people, in the centre they are working in. */
export const CASES_PAGE = { path: '/cases', permission: PERMISSIONS.CASE_READ } as const;

/** The public referral form, offered to every member of staff too. */
export const REFERRAL_FORM_PATH = '/refer';

/** Areas that arrive with later issues: shown as coming soon, never as links to empty pages. */
export const COMING_SOON_AREAS: ReadonlyArray<{ key: ComingSoonArea; permission: Permission }> = [
  { key: 'timetable', permission: PERMISSIONS.ROSTER_READ },
  { key: 'checkIn', permission: PERMISSIONS.ROSTER_READ },
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
