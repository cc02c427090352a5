/** Fixtures for the route-permission walk: venues, opening sessions, closures, staff checks. */
import { day } from '../../test-support/dates.js';

/** None: premises, opening times and staff checks are for signed-in staff only. */
export const publicRoutes: string[] = [];

const SOME_VENUE = '00000000-0000-4000-8000-000000000010';

export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/venues': {
    name: 'Northgate Library',
    kind: 'library',
    address: '1 Library Walk, Northgate',
  },
  'PATCH /api/centres/:centreId/venues/:id': { accessibilityNotes: 'Lift to the first floor.' },
  'POST /api/centres/:centreId/opening-sessions': {
    venueId: SOME_VENUE,
    name: 'Saturday supported',
    serviceType: 'supported',
    recurrence: { frequency: 'fortnightly', weekday: 6 },
    startTime: '10:00',
    endTime: '12:00',
    startsOn: day('2027-01-09'),
  },
  'PATCH /api/centres/:centreId/opening-sessions/:id': { endTime: '12:30' },
  'POST /api/centres/:centreId/opening-sessions/:id/end': { lastDay: day('2030-01-01') },
  'POST /api/centres/:centreId/closures': {
    startsOn: day('2030-12-24'),
    endsOn: day('2031-01-02'),
    reason: 'Christmas',
  },
  'PUT /api/admin/users/:id/checks': {
    dbsNumber: '001234567890',
    dbsCheckedOn: '2026-01-10',
    dbsRecheckBy: day('2029-01-10'),
    trainingCompletedOn: '2026-02-01',
    trainingExpiresOn: day('2027-02-01'),
  },
};
