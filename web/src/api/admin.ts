/** Staff accounts, invitations, centres and rooms. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  centreList,
  centreView,
  invitationList,
  roomList,
  userList,
  userView,
  type centreBody,
  type centrePatchBody,
  type inviteBody,
  type setRolesBody,
} from '../../../shared/api/admin.js';
import { apiRequest } from './client.js';

const usersKey = ['admin', 'users'] as const;
const invitationsKey = ['admin', 'invitations'] as const;
const centresKey = ['admin', 'centres'] as const;
const roomsKey = (centreId: string) => ['centres', centreId, 'rooms'] as const;

export function useUsers() {
  return useQuery({ queryKey: usersKey, queryFn: () => apiRequest('/admin/users', { schema: userList }) });
}

export function useSetUserRoles() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: z.output<typeof setRolesBody> }) =>
      apiRequest(`/admin/users/${userId}/roles`, { method: 'PUT', body, schema: userView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export type UserAction = 'disable' | 'enable' | 'reset-two-factor';

export function useUserAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, action }: { userId: string; action: UserAction }) =>
      apiRequest(`/admin/users/${userId}/${action}`, { method: 'POST', schema: userView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: usersKey }),
  });
}

export function useInvitations(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => apiRequest('/admin/invitations', { schema: invitationList }),
    enabled: options.enabled ?? true,
  });
}

export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof inviteBody>) =>
      apiRequest('/admin/invitations', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useRevokeInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest(`/admin/invitations/${invitationId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: invitationsKey }),
  });
}

export function useCentres(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: centresKey,
    queryFn: () => apiRequest('/admin/centres', { schema: centreList }),
    enabled: options.enabled ?? true,
  });
}

export function useCreateCentre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: z.output<typeof centreBody>) => apiRequest('/admin/centres', { method: 'POST', body }),
    // The new centre also changes what the session lists.
    onSuccess: () => queryClient.invalidateQueries({ predicate: touchesCentres }),
  });
}

export function useUpdateCentre() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ centreId, body }: { centreId: string; body: z.output<typeof centrePatchBody> }) =>
      apiRequest(`/admin/centres/${centreId}`, { method: 'PATCH', body, schema: centreView }),
    onSuccess: () => queryClient.invalidateQueries({ predicate: touchesCentres }),
  });
}

function touchesCentres(query: { queryKey: readonly unknown[] }): boolean {
  const [first, second] = query.queryKey;
  return first === 'session' || (first === centresKey[0] && second === centresKey[1]);
}

export function useRooms(centreId: string) {
  return useQuery({
    queryKey: roomsKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/rooms`, { schema: roomList }),
  });
}
