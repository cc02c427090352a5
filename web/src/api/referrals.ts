/**
 * Referrals: the public form (centres to choose from, drafts saved as the referrer goes, sending), and the
 * coordinator's inbox (the list, one referral, and the decisions on it).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  acceptedView,
  draftCreated,
  draftView,
  publicCentreList,
  referralDetail,
  referralList,
  submittedView,
  type declineBody,
  type draftBody,
  type REFERRAL_STATUSES,
  type referralBody,
  type requestInformationBody,
} from '../../../shared/api/referrals.js';
import { apiRequest } from './client.js';

export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];
export type DraftBody = z.output<typeof draftBody>;

/** What accepting a referral answers: the case it opened. */

const RESUME_HEADER = 'x-resume-token';

export function usePublicCentres() {
  return useQuery({
    queryKey: ['public', 'centres'],
    queryFn: () => apiRequest('/public/centres', { schema: publicCentreList }),
  });
}

export function createDraft(body: DraftBody) {
  return apiRequest('/referrals/drafts', { method: 'POST', body, schema: draftCreated });
}

export function updateDraft(draftId: string, resumeToken: string, body: DraftBody) {
  return apiRequest(`/referrals/drafts/${draftId}`, {
    method: 'PUT',
    body,
    headers: { [RESUME_HEADER]: resumeToken },
  });
}

/** Deletes the server's copy of a draft: it holds personal data, so it goes once sent or abandoned. */
export function deleteDraft(draftId: string, resumeToken: string) {
  return apiRequest(`/referrals/drafts/${draftId}`, {
    method: 'DELETE',
    headers: { [RESUME_HEADER]: resumeToken },
  });
}

/** A saved draft, read back with the token only this browser holds. */
export function useDraft(draft: { draftId: string; resumeToken: string } | null) {
  return useQuery({
    queryKey: ['referral-draft', draft?.draftId],
    queryFn: () =>
      apiRequest(`/referrals/drafts/${draft?.draftId ?? ''}`, {
        headers: { [RESUME_HEADER]: draft?.resumeToken ?? '' },
        schema: draftView,
      }),
    enabled: draft !== null,
    // Read once, to fill the form; the form owns the answers from then on.
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

/**
 * Sends the referral. Given the draft it was written in (read when sending), the server moves the draft's
 * copy of the court order to the referral in the same step.
 */
export function useSendReferral(draftOf?: () => { draftId: string; resumeToken: string } | null) {
  return useMutation({
    mutationFn: (body: z.output<typeof referralBody>) => {
      const draft = draftOf?.();
      return apiRequest('/referrals', {
        method: 'POST',
        body,
        schema: submittedView,
        headers: draft ? { 'x-draft-id': draft.draftId, [RESUME_HEADER]: draft.resumeToken } : undefined,
      });
    },
  });
}

const referralsKey = (centreId: string) => ['centres', centreId, 'referrals'] as const;
const referralKey = (centreId: string, id: string) => [...referralsKey(centreId), 'one', id] as const;

export function useReferrals(centreId: string, status: ReferralStatus) {
  return useQuery({
    queryKey: [...referralsKey(centreId), 'list', status],
    queryFn: () => apiRequest(`/centres/${centreId}/referrals`, { query: { status }, schema: referralList }),
  });
}

export function useReferral(centreId: string, id: string) {
  return useQuery({
    queryKey: referralKey(centreId, id),
    queryFn: () => apiRequest(`/centres/${centreId}/referrals/${id}`, { schema: referralDetail }),
  });
}

/** After a decision: the referral as it is now, and every list it may have moved between. */
function useDecision<Input, Output>(centreId: string, id: string, run: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (output) => {
      if (referralDetail.safeParse(output).success)
        queryClient.setQueryData(referralKey(centreId, id), output);
      return queryClient.invalidateQueries({ queryKey: referralsKey(centreId) });
    },
  });
}

export function useAcceptReferral(centreId: string, id: string) {
  return useDecision(centreId, id, () =>
    apiRequest(`/centres/${centreId}/referrals/${id}/accept`, { method: 'POST', schema: acceptedView }),
  );
}

export function useRequestInformation(centreId: string, id: string) {
  return useDecision(centreId, id, (body: z.output<typeof requestInformationBody>) =>
    apiRequest(`/centres/${centreId}/referrals/${id}/request-information`, {
      method: 'POST',
      body,
      schema: referralDetail,
    }),
  );
}

export function useDeclineReferral(centreId: string, id: string) {
  return useDecision(centreId, id, (body: z.output<typeof declineBody>) =>
    apiRequest(`/centres/${centreId}/referrals/${id}/decline`, {
      method: 'POST',
      body,
      schema: referralDetail,
    }),
  );
}
