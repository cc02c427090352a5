/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [
  // A calendar feed: calendar apps cannot sign in, so the secret address (256 bits, only its hash kept,
  // revocable) is the credential. It carries initials and rooms only; unknown or revoked answers 404.
  'GET /api/calendar/:token.ics',
];
export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/rota': {
    userId: '00000000-0000-4000-8000-000000000001',
    date: '2030-01-05',
    role: 'volunteer',
    venueId: '00000000-0000-4000-8000-000000000002',
    startTime: '09:30',
    endTime: '12:30',
  },
};
