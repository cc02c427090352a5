/**
 * The rota (shifts and the staffing warnings of a week), who could go on it on a day, adding and removing
 * a shift; and one's own calendar feed. A change to the rota refreshes the weeks shown.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { calendarFeedCreated, calendarFeedStatus } from '../../../shared/api/calendar-feed.js';
import { rotaStaffList, rotaView, shiftView, type ShiftBody } from '../../../shared/api/rota.js';
import { apiRequest } from './client.js';

const rotaKey = (centreId: string) => ['centres', centreId, 'rota'] as const;
const feedKey = ['my', 'calendar-feed'] as const;

/** The rota between two local dates, inclusive. */
export function useRota(centreId: string, from: string, to: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...rotaKey(centreId), 'week', from, to],
    queryFn: () => apiRequest(`/centres/${centreId}/rota`, { query: { from, to }, schema: rotaView }),
    enabled: options.enabled ?? true,
  });
}

/** The centre's staff, and whether their checks are current on the day. */
export function useRotaStaff(centreId: string, date: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...rotaKey(centreId), 'staff', date],
    queryFn: () => apiRequest(`/centres/${centreId}/rota/staff`, { query: { date }, schema: rotaStaffList }),
    enabled: options.enabled ?? true,
  });
}

export function useAddShift(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ShiftBody) =>
      apiRequest(`/centres/${centreId}/rota`, { method: 'POST', body, schema: shiftView }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rotaKey(centreId) }),
  });
}

export function useRemoveShift(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (shiftId: string) => apiRequest(`/centres/${centreId}/rota/${shiftId}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: rotaKey(centreId) }),
  });
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: feedKey,
    queryFn: () => apiRequest('/my/calendar-feed', { schema: calendarFeedStatus }),
  });
}

/** Makes a new feed (the old address stops working); the answer holds the address, shown once. */
export function useCreateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/my/calendar-feed', { method: 'POST', schema: calendarFeedCreated }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}

export function useRevokeCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest('/my/calendar-feed', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: feedKey }),
  });
}
