/** First run: is set-up needed, and creating the organisation, first centre and first administrator. */
import { useMutation, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { setupStatusView, type setupBody } from '../../../shared/api/setup.js';
import { apiRequest } from './client.js';

export function useSetupStatus() {
  return useQuery({ queryKey: ['setup'], queryFn: () => apiRequest('/setup', { schema: setupStatusView }) });
}

export function useRunSetup() {
  return useMutation({
    mutationFn: (body: z.output<typeof setupBody>) => apiRequest('/setup', { method: 'POST', body }),
  });
}
