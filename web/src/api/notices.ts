/**
 * Attendance and notices: a case's attendance per adult and its recent sessions, recording (and undoing)
 * that an adult did not come, and the centre's reminder setting. Attendance is kept with the timetable's
 * queries, so a cancelled or moved session refreshes it too.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { attendanceView, noShowView } from '../../../shared/api/notices.js';
import { settingsView } from '../../../shared/api/rules.js';
import { apiRequest } from './client.js';

const bookingsKey = (centreId: string) => ['centres', centreId, 'bookings'] as const;
const settingsKey = (centreId: string) => ['centres', centreId, 'settings'] as const;

export function useAttendance(centreId: string, caseId: string) {
  return useQuery({
    queryKey: [...bookingsKey(centreId), 'attendance', caseId],
    queryFn: () => apiRequest(`/centres/${centreId}/cases/${caseId}/attendance`, { schema: attendanceView }),
  });
}

/** Records that an adult did not come (or, with undo, that it was recorded by mistake). */
export function useNoShow(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ bookingId, personId, undo }: { bookingId: string; personId: string; undo: boolean }) =>
      apiRequest(`/centres/${centreId}/roster/${bookingId}/people/${personId}/no-show`, {
        method: undo ? 'DELETE' : 'POST',
        schema: noShowView,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bookingsKey(centreId) }),
  });
}

export function useCentreSettings(centreId: string) {
  return useQuery({
    queryKey: settingsKey(centreId),
    queryFn: () => apiRequest(`/centres/${centreId}/settings`, { schema: settingsView }),
  });
}

export function useChangeReminderDays(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reminderDaysBefore: number) =>
      apiRequest(`/centres/${centreId}/settings`, {
        method: 'PATCH',
        body: { reminderDaysBefore },
        schema: settingsView,
      }),
    onSuccess: (settings) => queryClient.setQueryData(settingsKey(centreId), settings),
  });
}
