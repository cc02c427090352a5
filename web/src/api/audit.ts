/** Reading the audit trail, newest first, a page at a time. */
import { useInfiniteQuery } from '@tanstack/react-query';
import { auditEventPage, type AuditQuery } from '../../../shared/api/audit.js';
import { apiRequest } from './client.js';

export type AuditFilterQuery = Omit<AuditQuery, 'before' | 'limit'>;

export function useAuditEvents(filter: AuditFilterQuery) {
  return useInfiniteQuery({
    queryKey: ['audit', filter],
    queryFn: ({ pageParam }) =>
      apiRequest('/audit/events', { query: { ...filter, before: pageParam }, schema: auditEventPage }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (lastPage) => lastPage.nextBefore ?? undefined,
  });
}
