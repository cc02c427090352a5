/**
 * The audit trail's filter: what the form holds, how it is remembered on this device, and how it turns
 * into the query the server reads (whole days in the centre's time zone).
 */
import { z } from 'zod';
import { AUDIT_OUTCOMES } from '../../../../shared/api/audit.js';
import type { AuditFilterQuery } from '../../api/audit.js';
import { endOfDay, startOfDay } from '../../lib/dates.js';
import { readStored, STORAGE_KEYS, writeStored } from '../../lib/storage.js';

export const ANY = 'any';

export interface AuditFilterValues {
  /** Calendar days, YYYY-MM-DD. */
  from: string | null;
  to: string | null;
  action: string;
  /** An outcome, or ANY. */
  outcome: string;
  /** A centre id, or ANY. */
  centreId: string;
  resourceId: string;
}

export const EMPTY_FILTER: AuditFilterValues = {
  from: null,
  to: null,
  action: '',
  outcome: ANY,
  centreId: ANY,
  resourceId: '',
};

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const storedFilter = z.object({
  from: day.nullable().catch(null),
  to: day.nullable().catch(null),
  action: z.string().catch(''),
  outcome: z.string().catch(ANY),
  centreId: z.string().catch(ANY),
  resourceId: z.string().catch(''),
});

export function loadFilter(): AuditFilterValues {
  const raw = readStored('local', STORAGE_KEYS.auditFilter);
  if (!raw) return EMPTY_FILTER;
  try {
    const parsed = storedFilter.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_FILTER;
  } catch {
    return EMPTY_FILTER;
  }
}

export function saveFilter(values: AuditFilterValues): void {
  writeStored('local', STORAGE_KEYS.auditFilter, JSON.stringify(values));
}

export function toQuery(values: AuditFilterValues, timeZone: string): AuditFilterQuery {
  const outcome = AUDIT_OUTCOMES.find((item) => item === values.outcome);
  return {
    from: values.from ? startOfDay(values.from, timeZone) : undefined,
    to: values.to ? endOfDay(values.to, timeZone) : undefined,
    action: values.action.trim() || undefined,
    outcome,
    centreId: values.centreId === ANY ? undefined : values.centreId,
    resourceId: values.resourceId.trim() || undefined,
  };
}
