/** Signing in and out, two-factor, password reset and accepting an invitation. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  invitationView,
  sessionView,
  twoFactorSetupView,
  type acceptInvitationBody,
  type passwordResetCompleteBody,
  type passwordResetRequestBody,
  type SessionView,
  type signInBody,
  type twoFactorCodeBody,
} from '../../../shared/api/auth.js';
import { apiRequest, rememberCsrfToken } from './client.js';

export const sessionKey = ['session'] as const;

async function fetchSession(): Promise<SessionView> {
  const view = await apiRequest('/auth/session', { schema: sessionView });
  rememberCsrfToken(view.csrfToken);
  return view;
}

export function useSession() {
  return useQuery({ queryKey: sessionKey, queryFn: fetchSession, staleTime: 60_000 });
}

/** A POST that answers with a new sessionView: the token and the cached session follow it. */
function useSessionChange<Body>(path: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: Body) => {
      const view = await apiRequest(path, { method: 'POST', body, schema: sessionView });
      rememberCsrfToken(view.csrfToken);
      return view;
    },
    onSuccess: (view) => queryClient.setQueryData(sessionKey, view),
  });
}

export function useSignIn() {
  return useSessionChange<z.output<typeof signInBody>>('/auth/sign-in');
}

export function useConfirmTwoFactor() {
  return useSessionChange<z.output<typeof twoFactorCodeBody>>('/auth/two-factor/confirm');
}

export function useVerifyTwoFactor() {
  return useSessionChange<z.output<typeof twoFactorCodeBody>>('/auth/two-factor/verify');
}

/**
 * A new authenticator secret. A query rather than a mutation so that a second render (React's strict
 * mode, a remount) shares one request and the code on screen is always the one the server holds.
 */
export function useTwoFactorSetup() {
  return useQuery({
    queryKey: ['two-factor-setup'],
    queryFn: () => apiRequest('/auth/two-factor/setup', { method: 'POST', schema: twoFactorSetupView }),
    staleTime: Infinity,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/**
 * Signing out. The caller then loads the sign-in page afresh, so nothing the last person saw stays in
 * this tab's memory.
 */
export function useSignOut() {
  return useMutation({
    mutationFn: () => apiRequest('/auth/sign-out', { method: 'POST' }),
    onSettled: () => rememberCsrfToken(null),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: z.output<typeof passwordResetRequestBody>) =>
      apiRequest('/auth/password-reset', { method: 'POST', body }),
  });
}

export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (body: z.output<typeof passwordResetCompleteBody>) =>
      apiRequest('/auth/password-reset/complete', { method: 'POST', body }),
  });
}

export function useInvitation(token: string) {
  return useQuery({
    queryKey: ['invitation', token],
    queryFn: () => apiRequest(`/invitations/${encodeURIComponent(token)}`, { schema: invitationView }),
    retry: false,
  });
}

export function useAcceptInvitation(token: string) {
  return useMutation({
    mutationFn: (body: z.output<typeof acceptInvitationBody>) =>
      apiRequest(`/invitations/${encodeURIComponent(token)}/accept`, { method: 'POST', body }),
  });
}
