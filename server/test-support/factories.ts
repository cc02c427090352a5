import type { ReferralBody } from '../../shared/api/referrals.js';
import { day } from './dates.js';

/** A realistic, invented referral from a solicitor: two parents, one child, an interim order. */
export function referralFor(centreId: string, overrides: Partial<ReferralBody> = {}): ReferralBody {
  return {
    centreId,
    referrer: {
      name: 'Helen Brooks',
      organisation: 'Brooks & Patel Solicitors',
      role: 'solicitor',
      email: 'helen.brooks@example.org',
    },
    adults: [
      {
        key: 'a',
        role: 'resident_parent',
        firstName: 'Laura',
        lastName: 'Hill',
        email: 'laura.hill@example.org',
        phone: '07700 900111',
        address: '3 Quiet Close, Riverside, RV2 4CD',
      },
      {
        key: 'b',
        role: 'non_resident_parent',
        firstName: 'Mark',
        lastName: 'Hill',
        email: 'mark.hill@example.org',
        phone: '07700 900222',
        address: '18 Station Road, Hillview, HV1 1AA',
      },
    ],
    children: [{ firstName: 'Ayo', lastName: 'Hill', dateOfBirth: '2019-05-02' }],
    courtOrder: {
      kind: 'interim',
      court: 'Riverside Family Court',
      madeOn: '2026-10-01',
      caseNumber: 'RV26F00123',
    },
    risks: {
      factors: ['domestic_abuse'],
      protectiveOrders: [{ kind: 'non_molestation', between: ['a', 'b'], endsOn: day('2027-10-01') }],
      details: 'Non-molestation order in place; the parents must not meet.',
    },
    needs: { language: 'English', interpreterNeeded: false },
    serviceRequested: 'supervised',
    ...overrides,
  };
}
