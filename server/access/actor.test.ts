import { describe, expect, it } from 'vitest';
import { PERMISSIONS as P, ROLE_PERMISSIONS, ROLES } from '../../shared/access.js';
import { can, canAnywhere, canOrganisationWide, centresWhere, type Actor } from './actor.js';

const CENTRE_A = '00000000-0000-4000-8000-00000000000a';
const CENTRE_B = '00000000-0000-4000-8000-00000000000b';

function actor(overrides: Partial<Actor>): Actor {
  return {
    meta: { requestId: 'r', clientAddress: null },
    userId: 'u',
    organisationId: 'o',
    displayName: 'Test',
    organisationRoles: [],
    centreRoles: new Map(),
    organisationCentreIds: [CENTRE_A, CENTRE_B],
    ...overrides,
  };
}

describe('permissions', () => {
  it('deny by default: a person with no role may do nothing', () => {
    const nobody = actor({});
    for (const permission of Object.values(P)) {
      expect(can(nobody, permission, CENTRE_A)).toBe(false);
      expect(canAnywhere(nobody, permission)).toBe(false);
    }
  });

  it('a centre role acts only for its own centre', () => {
    const coordinator = actor({ centreRoles: new Map([[CENTRE_A, ['coordinator']]]) });
    expect(can(coordinator, P.CASE_READ, CENTRE_A)).toBe(true);
    expect(can(coordinator, P.CASE_READ, CENTRE_B)).toBe(false);
    expect(centresWhere(coordinator, P.CASE_READ)).toEqual([CENTRE_A]);
    expect(canOrganisationWide(coordinator, P.USER_MANAGE)).toBe(false);
  });

  it('an organisation admin administers every centre but cannot open case files', () => {
    const admin = actor({ organisationRoles: ['organisation_admin'] });
    expect(centresWhere(admin, P.USER_MANAGE)).toEqual([CENTRE_A, CENTRE_B]);
    expect(canOrganisationWide(admin, P.CENTRE_MANAGE)).toBe(true);
    expect(canAnywhere(admin, P.CASE_READ)).toBe(false);
  });

  it('a volunteer sees the roster and no case file', () => {
    const volunteer = actor({ centreRoles: new Map([[CENTRE_A, ['volunteer']]]) });
    expect(can(volunteer, P.ROSTER_READ, CENTRE_A)).toBe(true);
    expect(can(volunteer, P.CASE_READ, CENTRE_A)).toBe(false);
    expect(can(volunteer, P.AUDIT_READ, CENTRE_A)).toBe(false);
  });

  it('a centre outside the organisation is never acted for, whatever the roles', () => {
    const elsewhere = '00000000-0000-4000-8000-0000000000ff';
    const admin = actor({
      organisationRoles: ['organisation_admin'],
      centreRoles: new Map([[elsewhere, ['coordinator']]]),
    });
    expect(can(admin, P.CENTRE_READ, elsewhere)).toBe(false);
  });

  it('every role is in the map; referrers see only their own referrals and parents hold nothing yet', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toBeDefined();
    expect(ROLE_PERMISSIONS.referrer).toEqual([P.OWN_REFERRALS_READ]);
    expect(ROLE_PERMISSIONS.parent).toEqual([]);
  });
});
