/**
 * The session day at the door: today's roster, one tap for an arrival or a departure, and who is on site
 * now. The roster and the on-site list refresh themselves every half minute, as other people at other
 * doors check people in and out; a tap updates the session it changed at once.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { movementView, onSiteView, rosterView, type RosterSession } from '../../../shared/api/roster.js';
import { apiRequest } from './client.js';

const rosterKey = (centreId: string) => ['centres', centreId, 'roster'] as const;
const onSiteKey = (centreId: string) => ['centres', centreId, 'on-site'] as const;

/** How often the door's screens look again for taps made elsewhere. */
export const ROSTER_REFRESH_MS = 30_000;

/** Today's sessions on the centre's clock. */
export function useRoster(centreId: string) {
  return useQuery({
    queryKey: rosterKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/roster`, { schema: rosterView }),
    refetchInterval: ROSTER_REFRESH_MS,
  });
}

export function useOnSite(centreId: string) {
  return useQuery({
    queryKey: onSiteKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/on-site`, { schema: onSiteView }),
    refetchInterval: ROSTER_REFRESH_MS,
  });
}

export interface Movement {
  bookingId: string;
  personId: string;
  /** A tap, or taking one back. */
  kind: 'arrive' | 'leave' | 'undo-arrive' | 'undo-leave';
}

/** One tap: an arrival or a departure, now. Answers with the session as it now stands and a prompt. */
export function useRecordMovement(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, personId, kind }: Movement) =>
      apiRequest(`/centres/${centreId}/roster/${bookingId}/people/${personId}/${kind}`, {
        method: 'POST',
        body: {},
        schema: movementView,
      }),
    onSuccess: (answer) => {
      queryClient.setQueryData(
        rosterKey(centreId),
        (day: { date: string; sessions: RosterSession[] } | undefined) =>
          day
            ? {
                ...day,
                sessions: day.sessions.map((s) =>
                  s.bookingId === answer.session.bookingId ? answer.session : s,
                ),
              }
            : day,
      );
      return queryClient.invalidateQueries({ queryKey: onSiteKey(centreId) });
    },
    // A refusal (already checked in at another door) means the screen is out of date.
    onError: () => queryClient.invalidateQueries({ queryKey: rosterKey(centreId) }),
  });
}
