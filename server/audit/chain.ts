import { createHash } from 'node:crypto';

/** The hash before the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit event that its hash covers. */
export interface ChainedFields {
  seq: number;
  at: Date;
  organisationId: string | null;
  centreId: string | null;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  outcome: string;
  requestId: string | null;
  clientAddress: string | null;
  detail: Record<string, unknown> | null;
}

/** JSON with keys sorted at every depth: jsonb reorders keys, so the hash must not depend on order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/**
 * The canonical JSON of every hashed field but the number, without its closing brace. "seq" sorts
 * after every other key, so the whole body is this, then `,"seq":<number>}`: the database numbers the
 * event and finishes the hash in the same statement that stores it (audit_append, migration 0015).
 */
export function bodyBeforeSeq(f: Omit<ChainedFields, 'seq'>): string {
  const body = canonicalJson(hashedFields(f));
  return body.slice(0, -1);
}

/** sha256 over the previous hash, a newline and the event's canonical JSON (decision 004). */
export function eventHash(prevHash: string, f: ChainedFields): string {
  const body = canonicalJson({ ...hashedFields(f), seq: f.seq });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

function hashedFields(f: Omit<ChainedFields, 'seq'>) {
  // Named one by one: whatever else the object carries (its own hash) is not part of what is hashed.
  return {
    at: f.at.toISOString(),
    organisationId: f.organisationId,
    centreId: f.centreId,
    actorUserId: f.actorUserId,
    actorLabel: f.actorLabel,
    action: f.action,
    resourceType: f.resourceType,
    resourceId: f.resourceId,
    outcome: f.outcome,
    requestId: f.requestId,
    clientAddress: f.clientAddress,
    detail: f.detail ?? null,
  };
}

export interface StoredEvent extends ChainedFields {
  prevHash: string;
  hash: string;
}

export type ChainBreak =
  | { seq: number; problem: 'hash_mismatch' }
  | { seq: number; problem: 'link_mismatch' }
  | { seq: number; problem: 'order' };

/**
 * Walks events in sequence order, continuing from `prevHash` (the hash of the last event already
 * checked), and returns the first broken link, or null. An edited row fails its own hash; a deleted
 * row breaks the next row's link; rows moved out of order fail both.
 */
export function findChainBreak(
  events: Iterable<StoredEvent>,
  start: { prevHash: string; prevSeq: number } = { prevHash: GENESIS_HASH, prevSeq: 0 },
): { break: ChainBreak | null; last: { prevHash: string; prevSeq: number } } {
  let { prevHash, prevSeq } = start;
  for (const event of events) {
    if (event.seq <= prevSeq)
      return { break: { seq: event.seq, problem: 'order' }, last: { prevHash, prevSeq } };
    if (event.prevHash !== prevHash) {
      return { break: { seq: event.seq, problem: 'link_mismatch' }, last: { prevHash, prevSeq } };
    }
    if (eventHash(event.prevHash, event) !== event.hash) {
      return { break: { seq: event.seq, problem: 'hash_mismatch' }, last: { prevHash, prevSeq } };
    }
    prevHash = event.hash;
    prevSeq = event.seq;
  }
  return { break: null, last: { prevHash, prevSeq } };
}
