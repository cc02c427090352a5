/**
 * The timetable: a centre's booked sessions, one case's planned sessions, booking, moving and cancelling
 * one session, and the adults kept apart on site. Every change refreshes the centre's timetable (a move or
 * a cancellation shows on the case page and the timetable alike) and the sessions of the case.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  bookingList,
  bookingView,
  separationList,
  type BookingBody,
  type cancelBody,
  type MoveBody,
  type separationBody,
} from '../../../shared/api/bookings.js';
import { occurrenceList } from '../../../shared/api/plans.js';
import { apiRequest } from './client.js';

const bookingsKey = (centreId: string) => ['centres', centreId, 'bookings'] as const;
const separationsKey = (centreId: string) => ['centres', centreId, 'separations'] as const;
// Under the case's own key, so that agreeing a new plan (which refreshes the case) refreshes these too.
const occurrencesKey = (centreId: string, caseId: string) =>
  ['centres', centreId, 'cases', 'one', caseId, 'occurrences'] as const;

export interface BookingWindow {
  from: string;
  to: string;
  caseId?: string;
  roomId?: string;
  includeCancelled?: boolean;
}

/** The centre's sessions between two local dates, inclusive (at most 63 days). */
export function useBookings(centreId: string, window: BookingWindow, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...bookingsKey(centreId), 'list', window],
    queryFn: () =>
      apiRequest(`/centres/${centreId}/bookings`, {
        query: {
          from: window.from,
          to: window.to,
          caseId: window.caseId,
          roomId: window.roomId,
          includeCancelled: window.includeCancelled ? 'true' : undefined,
        },
        schema: bookingList,
      }),
    enabled: options.enabled ?? true,
  });
}

/** The sessions the case's plan in force produces between two local dates. */
export function usePlanOccurrences(
  centreId: string,
  caseId: string,
  window: { from: string; to: string },
  options: { enabled?: boolean } = {},
) {
  return useQuery({
    queryKey: [...occurrencesKey(centreId, caseId), window],
    queryFn: () =>
      apiRequest(`/centres/${centreId}/cases/${caseId}/plans/current/occurrences`, {
        query: window,
        schema: occurrenceList,
      }),
    enabled: options.enabled ?? true,
  });
}

function useTimetableWrite<B, R>(centreId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookingsKey(centreId) }),
  });
}

/** Books one session of the plan (a date of its pattern), or adds one within its dates at another time. */
export function useBookSession(centreId: string, caseId: string) {
  return useTimetableWrite(centreId, (body: BookingBody) =>
    apiRequest(`/centres/${centreId}/cases/${caseId}/bookings`, {
      method: 'POST',
      body,
      schema: bookingView,
    }),
  );
}

export interface BookingAttempt {
  date: string;
  booked: boolean;
  /** The server's sentence when the session was refused. */
  error: unknown;
}

/**
 * Books sessions one after another (so that each is checked against the ones booked before it),
 * carrying on past a refusal and reporting each outcome.
 */
async function bookOneByOne(
  centreId: string,
  caseId: string,
  bodies: BookingBody[],
  onProgress: (done: number) => void,
): Promise<BookingAttempt[]> {
  const attempts: BookingAttempt[] = [];
  for (const body of bodies) {
    try {
      await apiRequest(`/centres/${centreId}/cases/${caseId}/bookings`, {
        method: 'POST',
        body,
        schema: bookingView,
      });
      attempts.push({ date: body.date, booked: true, error: null });
    } catch (error) {
      attempts.push({ date: body.date, booked: false, error });
    }
    onProgress(attempts.length);
  }
  return attempts;
}

/**
 * Books several of the plan's sessions in one room, one after another, reporting each outcome; the
 * timetable is refreshed once at the end.
 */
export function useBookSessions(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      dates,
      roomId,
      supervisorUserId,
      onProgress,
    }: {
      dates: string[];
      roomId: string;
      supervisorUserId: string | null;
      onProgress: (done: number) => void;
    }) =>
      bookOneByOne(
        centreId,
        caseId,
        dates.map((date) => ({ date, roomId, supervisorUserId })),
        onProgress,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookingsKey(centreId) }),
  });
}

/** Books again, each as it was, the sessions a lifted sanction had called off. */
export function useBookAgain(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessions: BookingBody[]) => bookOneByOne(centreId, caseId, sessions, () => undefined),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookingsKey(centreId) }),
  });
}

/** Moves one session to another date, time, room or supervisor. */
export function useMoveBooking(centreId: string) {
  return useTimetableWrite(centreId, ({ bookingId, body }: { bookingId: string; body: MoveBody }) =>
    apiRequest(`/centres/${centreId}/bookings/${bookingId}`, {
      method: 'PATCH',
      body,
      schema: bookingView,
    }),
  );
}

/** Cancels one session, with who called it off and why. */
export function useCancelBooking(centreId: string) {
  return useTimetableWrite(
    centreId,
    ({ bookingId, body }: { bookingId: string; body: z.output<typeof cancelBody> }) =>
      apiRequest(`/centres/${centreId}/bookings/${bookingId}/cancel`, {
        method: 'POST',
        body,
        schema: bookingView,
      }),
  );
}

export function useSeparations(centreId: string) {
  return useQuery({
    queryKey: separationsKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/separations`, { schema: separationList }),
  });
}

/** A change to who is kept apart changes the "keep apart" flags of sessions already booked. */
function useSeparationWrite<B, R>(centreId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: separationsKey(centreId) }),
        queryClient.invalidateQueries({ queryKey: bookingsKey(centreId) }),
      ]),
  });
}

/** Keeps two adults (often of different families) apart on site. */
export function useAddSeparation(centreId: string) {
  return useSeparationWrite(centreId, (body: z.output<typeof separationBody>) =>
    apiRequest(`/centres/${centreId}/separations`, {
      method: 'POST',
      body,
      schema: z.object({ id: z.string() }),
    }),
  );
}

/** Stops keeping apart a pair the coordinator set. */
export function useEndSeparation(centreId: string) {
  return useSeparationWrite(centreId, (separationId: string) =>
    apiRequest(`/centres/${centreId}/separations/${separationId}/end`, { method: 'POST' }),
  );
}
