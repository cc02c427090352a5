/**
 * The timetable assistant: the families ready to book on a day, a proposal of rooms, times and supervisors
 * for those chosen (nothing is booked), and accepting it, which books each session through the booking
 * rules and answers with each family's result. Accepting refreshes the timetable.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  acceptResult,
  assistantFamilies,
  assistantPlan,
  type AcceptBody,
  type AssistantBody,
} from '../../../shared/api/assistant.js';
import { apiRequest } from './client.js';

/** The ready families, with whether their plan meets on the day. */
export function useAssistantFamilies(centreId: string, date: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['centres', centreId, 'assistant', 'families', date],
    queryFn: () =>
      apiRequest(`/centres/${centreId}/timetable/assistant/families`, {
        query: { date },
        schema: assistantFamilies,
      }),
    enabled: options.enabled ?? true,
  });
}

/** Asks for a proposal; books nothing. */
export function useProposeDay(centreId: string) {
  return useMutation({
    mutationFn: (body: AssistantBody) =>
      apiRequest(`/centres/${centreId}/timetable/assistant`, {
        method: 'POST',
        body,
        schema: assistantPlan,
      }),
  });
}

/** Books the sessions one by one; each family's result comes back, booked or refused with the reason. */
export function useAcceptDay(centreId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptBody) =>
      apiRequest(`/centres/${centreId}/timetable/assistant/accept`, {
        method: 'POST',
        body,
        schema: acceptResult,
      }),
    // The timetable's and the families' lists (the bookings module keys its lists under 'bookings').
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['centres', centreId, 'bookings'] }),
        queryClient.invalidateQueries({ queryKey: ['centres', centreId, 'assistant'] }),
      ]),
  });
}
