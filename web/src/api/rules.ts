/** The centre's rules as an adult sees them through an emailed link, and accepting them there. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { rulesLinkView } from '../../../shared/api/rules.js';
import { apiRequest } from './client.js';

export function useRulesLink(token: string) {
  return useQuery({
    queryKey: ['rules-link', token],
    queryFn: () => apiRequest(`/rules-links/${encodeURIComponent(token)}`, { schema: rulesLinkView }),
    retry: false,
    refetchOnWindowFocus: false,
  });
}

export function useAcceptRulesLink(token: string) {
  return useMutation({
    mutationFn: () => apiRequest(`/rules-links/${encodeURIComponent(token)}/accept`, { method: 'POST' }),
  });
}
