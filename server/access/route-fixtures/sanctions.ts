/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [];
export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/cases/:caseId/sanctions': {
    kind: 'suspension',
    startsOn: '2030-01-05',
    endsOn: '2030-02-05',
    reason: 'Shouted at a volunteer at the last session',
  },
  'POST /api/centres/:centreId/cases/:caseId/sanctions/:sanctionId/lift': {
    reason: 'Agreed at the review meeting',
  },
};
