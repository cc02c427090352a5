/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [];
export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/cases/:caseId/bookings': {
    date: '2030-01-05',
    roomId: '00000000-0000-4000-8000-000000000001',
  },
  'PATCH /api/centres/:centreId/bookings/:bookingId': { roomId: '00000000-0000-4000-8000-000000000001' },
  'POST /api/centres/:centreId/bookings/:bookingId/cancel': { by: 'centre', reason: 'Heating broken' },
  'POST /api/centres/:centreId/roster/:bookingId/people/:personId/arrive': {},
  'POST /api/centres/:centreId/roster/:bookingId/people/:personId/leave': {},
  'POST /api/centres/:centreId/roster/:bookingId/people/:personId/undo-arrive': {},
  'POST /api/centres/:centreId/roster/:bookingId/people/:personId/undo-leave': {},
  'POST /api/centres/:centreId/separations': {
    personAId: '00000000-0000-4000-8000-000000000001',
    personBId: '00000000-0000-4000-8000-000000000002',
    reason: 'Non-molestation order between them',
  },
};
