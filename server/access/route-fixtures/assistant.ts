/** Fixtures for the route-permission walk; see README.md here. */
export const publicRoutes: string[] = [];
export const validBodies: Record<string, unknown> = {
  'POST /api/centres/:centreId/timetable/assistant': {
    date: '2030-01-05',
    caseIds: ['00000000-0000-4000-8000-000000000001'],
  },
  'POST /api/centres/:centreId/timetable/assistant/accept': {
    date: '2030-01-05',
    sessions: [
      {
        caseId: '00000000-0000-4000-8000-000000000001',
        startTime: '10:00',
        roomId: '00000000-0000-4000-8000-000000000002',
      },
    ],
  },
};
