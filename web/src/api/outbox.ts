/** Mail waiting to be sent, and mail already sent. */
import { useQuery } from '@tanstack/react-query';
import { outboxList, type OUTBOX_STATUSES } from '../../../shared/api/outbox.js';
import { apiRequest } from './client.js';

export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export function useOutbox(status: OutboxStatus, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['outbox', status],
    queryFn: () => apiRequest('/admin/outbox', { query: { status }, schema: outboxList }),
    enabled: options.enabled ?? true,
  });
}
