/**
 * Fixtures for the route-permission walk (see README.md here): the rest of the case record. No public
 * routes: every change to a case needs case:write at the case's centre.
 */
export const publicRoutes: string[] = [];

const someone = '00000000-0000-4000-8000-000000000001';

export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/cases/:caseId/child-consents': {
    childPersonId: someone,
    givenByPersonId: someone,
    givenOn: '2026-11-02',
  },
  'POST /api/centres/:centreId/cases/:caseId/court-orders': {
    kind: 'interim',
    court: 'Riverside Family Court',
    madeOn: '2026-11-02',
  },
  'POST /api/centres/:centreId/cases/:caseId/professionals': {
    role: 'solicitor',
    name: 'Raj Patel',
    actingForPersonId: null,
  },
  'POST /api/centres/:centreId/cases/:caseId/close': { outcome: 'withdrawn' },
  'POST /api/centres/:centreId/cases/:caseId/reopen': { reason: 'closed_by_mistake' },
};
