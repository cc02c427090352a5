/**
 * Sanctions: the case's suspensions and revocations, making one (which cancels sessions and tells
 * everyone) and lifting one. A change refreshes the case (readiness, sanctions) and the timetable.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  liftOutcome,
  sanctionList,
  sanctionOutcome,
  type LiftBody,
  type SanctionBody,
} from '../../../shared/api/sanctions.js';
import { apiRequest } from './client.js';

const caseKey = (centreId: string, caseId: string) => ['centres', centreId, 'cases', 'one', caseId] as const;
const sanctionsPath = (centreId: string, caseId: string) => `/centres/${centreId}/cases/${caseId}/sanctions`;

export function useSanctions(centreId: string, caseId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...caseKey(centreId, caseId), 'sanctions'],
    queryFn: () => apiRequest(sanctionsPath(centreId, caseId), { schema: sanctionList }),
    enabled: options.enabled ?? true,
  });
}

function useRefreshAfter(centreId: string, caseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: caseKey(centreId, caseId) }),
      queryClient.invalidateQueries({ queryKey: ['centres', centreId, 'bookings'] }),
    ]);
}

/** Suspends or revokes the family's contact: its sessions in that time are cancelled, everyone told. */
export function useMakeSanction(centreId: string, caseId: string) {
  const refresh = useRefreshAfter(centreId, caseId);
  return useMutation({
    mutationFn: (body: SanctionBody) =>
      apiRequest(sanctionsPath(centreId, caseId), { method: 'POST', body, schema: sanctionOutcome }),
    onSuccess: refresh,
  });
}

export function useLiftSanction(centreId: string, caseId: string) {
  const refresh = useRefreshAfter(centreId, caseId);
  return useMutation({
    mutationFn: ({ sanctionId, ...body }: LiftBody & { sanctionId: string }) =>
      apiRequest(`${sanctionsPath(centreId, caseId)}/${sanctionId}/lift`, {
        method: 'POST',
        body,
        schema: liftOutcome,
      }),
    onSuccess: refresh,
  });
}
