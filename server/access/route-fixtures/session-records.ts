/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [];
export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/bookings/:bookingId/observations': {
    notes: 'Mark arrived on time and played a board game with Ayo; warm and calm throughout.',
  },
  'POST /api/centres/:centreId/bookings/:bookingId/incidents': {
    kind: 'language',
    description: 'Raised voice in the hall when the session was ending.',
    actionTaken: 'warning',
  },
  'POST /api/centres/:centreId/incidents/:incidentId/follow-up-done': {},
  'POST /api/centres/:centreId/cases/:caseId/indirect-items': {
    kind: 'card',
    fromPersonId: '00000000-0000-4000-8000-000000000001',
    description: 'Birthday card in a sealed envelope.',
  },
  'POST /api/centres/:centreId/indirect-items/:itemId/check': {
    notes: 'Opened together; nothing of concern.',
  },
  'POST /api/centres/:centreId/indirect-items/:itemId/pass-on': {},
  'POST /api/centres/:centreId/indirect-items/:itemId/hold-back': { reason: 'It names the new school.' },
};
