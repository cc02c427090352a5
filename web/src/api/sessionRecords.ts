/**
 * Session records: a case's observation records, incidents and indirect contact items, and the changes
 * to them. They are kept under the case's own key, so that closing or reopening the case (which refreshes
 * the case) refreshes them too; incidents also under the centre's key, for its list of open follow-ups.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  followUpCount,
  incidentList,
  incidentRecorded,
  incidentView,
  indirectItemList,
  indirectItemView,
  observationList,
  observationView,
  type IncidentBody,
  type IndirectItemBody,
  type ObservationBody,
} from '../../../shared/api/session-records.js';
import { apiRequest } from './client.js';

const caseKey = (centreId: string, caseId: string) => ['centres', centreId, 'cases', 'one', caseId] as const;
const observationsKey = (centreId: string, caseId: string) => [...caseKey(centreId, caseId), 'observations'];
const caseIncidentsKey = (centreId: string, caseId: string) => [...caseKey(centreId, caseId), 'incidents'];
const itemsKey = (centreId: string, caseId: string) => [...caseKey(centreId, caseId), 'indirect-items'];
const centreIncidentsKey = (centreId: string) => ['centres', centreId, 'incidents'] as const;
const casePath = (centreId: string, caseId: string) => `/centres/${centreId}/cases/${caseId}`;

export function useObservations(centreId: string, caseId: string) {
  return useQuery({
    queryKey: observationsKey(centreId, caseId),
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/observations`, { schema: observationList }),
  });
}

/** Writes an observation record of one session (or a correction of one). */
export function useWriteObservation(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, body }: { bookingId: string; body: ObservationBody }) =>
      apiRequest(`/centres/${centreId}/bookings/${bookingId}/observations`, {
        method: 'POST',
        body,
        schema: observationView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: observationsKey(centreId, caseId) }),
  });
}

export function useCaseIncidents(centreId: string, caseId: string) {
  return useQuery({
    queryKey: caseIncidentsKey(centreId, caseId),
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/incidents`, { schema: incidentList }),
  });
}

/** The centre's incidents whose follow-up is still to do, oldest first. */
export function useOpenFollowUps(centreId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...centreIncidentsKey(centreId), 'open'],
    queryFn: () =>
      apiRequest(`/centres/${centreId}/incidents`, { query: { open: 'true' }, schema: incidentList }),
    enabled: options.enabled ?? true,
  });
}

/** How many follow-ups are still to do, for the home page: a number, so nothing is read or audited. */
export function useOpenFollowUpCount(centreId: string) {
  return useQuery({
    queryKey: [...centreIncidentsKey(centreId), 'open-count'],
    queryFn: () => apiRequest(`/centres/${centreId}/incidents/open-count`, { schema: followUpCount }),
  });
}

function useIncidentWrite<B, R>(centreId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async () => {
      // Those who may not read incidents (volunteers) have nothing cached to refresh.
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: centreIncidentsKey(centreId) }),
        queryClient.invalidateQueries({
          predicate: (query) => query.queryKey[0] === 'centres' && query.queryKey.at(-1) === 'incidents',
        }),
      ]);
    },
  });
}

/** Records an incident at a session: from the roster, or from the case page. */
export function useRecordIncident(centreId: string) {
  return useIncidentWrite(centreId, ({ bookingId, body }: { bookingId: string; body: IncidentBody }) =>
    apiRequest(`/centres/${centreId}/bookings/${bookingId}/incidents`, {
      method: 'POST',
      body,
      schema: incidentRecorded,
    }),
  );
}

export function useFollowUpDone(centreId: string) {
  return useIncidentWrite(centreId, (incidentId: string) =>
    apiRequest(`/centres/${centreId}/incidents/${incidentId}/follow-up-done`, {
      method: 'POST',
      body: {},
      schema: incidentView,
    }),
  );
}

export function useIndirectItems(centreId: string, caseId: string) {
  return useQuery({
    queryKey: itemsKey(centreId, caseId),
    queryFn: () => apiRequest(`${casePath(centreId, caseId)}/indirect-items`, { schema: indirectItemList }),
  });
}

function useItemWrite<B, R>(centreId: string, caseId: string, send: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: itemsKey(centreId, caseId) }),
  });
}

export function useReceiveItem(centreId: string, caseId: string) {
  return useItemWrite(centreId, caseId, (body: IndirectItemBody) =>
    apiRequest(`${casePath(centreId, caseId)}/indirect-items`, {
      method: 'POST',
      body,
      schema: indirectItemView,
    }),
  );
}

/** One step of an item: its check (with notes), passing it on, or holding it back (with the reason). */
export type ItemStep =
  | { step: 'check'; itemId: string; notes: string }
  | { step: 'pass-on'; itemId: string }
  | { step: 'hold-back'; itemId: string; reason: string };

export function useItemStep(centreId: string, caseId: string) {
  return useItemWrite(centreId, caseId, (step: ItemStep) =>
    apiRequest(`/centres/${centreId}/indirect-items/${step.itemId}/${step.step}`, {
      method: 'POST',
      body:
        step.step === 'check'
          ? { notes: step.notes }
          : step.step === 'hold-back'
            ? { reason: step.reason }
            : {},
      schema: indirectItemView,
    }),
  );
}
