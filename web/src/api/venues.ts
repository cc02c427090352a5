/** Premises (venues and their rooms), opening sessions, the calendar of occurrences, closures, staff checks. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { roomList, roomView, type roomBody, type roomPatchBody } from '../../../shared/api/admin.js';
import { staffChecksView, type StaffChecksInput } from '../../../shared/api/staff-checks.js';
import {
  closureList,
  closureView,
  openingOccurrenceList,
  openingSessionList,
  openingSessionView,
  venueList,
  venueView,
  type closureBody,
  type OpeningSessionInput,
  type OpeningSessionPatch,
  type venueBody,
  type venuePatchBody,
} from '../../../shared/api/venues.js';
import { apiRequest } from './client.js';

const venuesKey = (centreId: string) => ['centres', centreId, 'venues'] as const;
// The same key as the rooms list in admin.ts, so a change here shows there too.
const roomsKey = (centreId: string) => ['centres', centreId, 'rooms'] as const;
const sessionsKey = (centreId: string) => ['centres', centreId, 'opening-sessions'] as const;
const closuresKey = (centreId: string) => ['centres', centreId, 'closures'] as const;
const checksKey = (userId: string) => ['admin', 'users', userId, 'checks'] as const;

export function useVenues(centreId: string) {
  return useQuery({
    queryKey: venuesKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/venues`, { schema: venueList }),
  });
}

export function useSaveVenue(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { venueId: null; body: z.output<typeof venueBody> }
        | { venueId: string; body: z.output<typeof venuePatchBody> },
    ) =>
      change.venueId === null
        ? apiRequest(`/centres/${centreId}/venues`, { method: 'POST', body: change.body, schema: venueView })
        : apiRequest(`/centres/${centreId}/venues/${change.venueId}`, {
            method: 'PATCH',
            body: change.body,
            schema: venueView,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: venuesKey(centreId) }),
  });
}

export function useVenueInUse(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ venueId, inUse }: { venueId: string; inUse: boolean }) =>
      apiRequest(`/centres/${centreId}/venues/${venueId}/${inUse ? 'reactivate' : 'deactivate'}`, {
        method: 'POST',
        schema: venueView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: venuesKey(centreId) }),
  });
}

export function usePremisesRooms(centreId: string) {
  return useQuery({
    queryKey: roomsKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/rooms`, { schema: roomList }),
  });
}

export function useSaveRoom(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      change:
        | { roomId: null; body: z.output<typeof roomBody> }
        | { roomId: string; body: z.output<typeof roomPatchBody> },
    ) =>
      change.roomId === null
        ? apiRequest(`/centres/${centreId}/rooms`, { method: 'POST', body: change.body, schema: roomView })
        : apiRequest(`/centres/${centreId}/rooms/${change.roomId}`, {
            method: 'PATCH',
            body: change.body,
            schema: roomView,
          }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: roomsKey(centreId) }),
  });
}

export function useOpeningSessions(centreId: string) {
  return useQuery({
    queryKey: sessionsKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/opening-sessions`, { schema: openingSessionList }),
  });
}

export function useOccurrences(centreId: string, from: string, to: string) {
  return useQuery({
    // Under the sessions' key: a change to sessions or closures refreshes the calendar too.
    queryKey: [...sessionsKey(centreId), 'occurrences', from, to],
    queryFn: () =>
      apiRequest(`/centres/${centreId}/opening-sessions/occurrences`, {
        query: { from, to },
        schema: openingOccurrenceList,
      }),
  });
}

function useTimetableChange<V>(centreId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: sessionsKey(centreId) }),
        queryClient.invalidateQueries({ queryKey: closuresKey(centreId) }),
      ]),
  });
}

export function useSaveOpeningSession(centreId: string) {
  return useTimetableChange(
    centreId,
    (
      change:
        { sessionId: null; body: OpeningSessionInput } | { sessionId: string; body: OpeningSessionPatch },
    ) =>
      change.sessionId === null
        ? apiRequest(`/centres/${centreId}/opening-sessions`, {
            method: 'POST',
            body: change.body,
            schema: openingSessionView,
          })
        : apiRequest(`/centres/${centreId}/opening-sessions/${change.sessionId}`, {
            method: 'PATCH',
            body: change.body,
            schema: openingSessionView,
          }),
  );
}

export function useEndOpeningSession(centreId: string) {
  return useTimetableChange(centreId, ({ sessionId, lastDay }: { sessionId: string; lastDay: string }) =>
    apiRequest(`/centres/${centreId}/opening-sessions/${sessionId}/end`, {
      method: 'POST',
      body: { lastDay },
      schema: openingSessionView,
    }),
  );
}

export function useClosures(centreId: string, from: string) {
  return useQuery({
    queryKey: [...closuresKey(centreId), from],
    queryFn: () => apiRequest(`/centres/${centreId}/closures`, { query: { from }, schema: closureList }),
  });
}

export function useAddClosure(centreId: string) {
  return useTimetableChange(centreId, (body: z.output<typeof closureBody>) =>
    apiRequest(`/centres/${centreId}/closures`, { method: 'POST', body, schema: closureView }),
  );
}

export function useDeleteClosure(centreId: string) {
  return useTimetableChange(centreId, (closureId: string) =>
    apiRequest(`/centres/${centreId}/closures/${closureId}`, { method: 'DELETE' }),
  );
}

export function useStaffChecks(userId: string) {
  return useQuery({
    queryKey: checksKey(userId),
    queryFn: () => apiRequest(`/admin/users/${userId}/checks`, { schema: staffChecksView }),
  });
}

export function useRecordStaffChecks(userId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StaffChecksInput) =>
      apiRequest(`/admin/users/${userId}/checks`, { method: 'PUT', body, schema: staffChecksView }),
    // The staff list shows each person's status.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}
