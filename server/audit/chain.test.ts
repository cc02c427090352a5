import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bodyBeforeSeq,
  canonicalJson,
  eventHash,
  findChainBreak,
  GENESIS_HASH,
  type StoredEvent,
} from './chain.js';

function chain(count: number): StoredEvent[] {
  const events: StoredEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= count; seq++) {
    const fields = {
      seq,
      at: new Date(Date.UTC(2026, 0, 1, 10, seq)),
      organisationId: null,
      centreId: null,
      actorUserId: null,
      actorLabel: null,
      action: `test.${seq}`,
      resourceType: 'thing',
      resourceId: String(seq),
      outcome: 'success',
      requestId: `r${seq}`,
      clientAddress: '127.0.0.1',
      detail: { b: 1, a: [2, { d: 3, c: 4 }] },
    };
    const hash = eventHash(prevHash, fields);
    events.push({ ...fields, prevHash, hash });
    prevHash = hash;
  }
  return events;
}

describe('audit chain', () => {
  it('the body sent to the database, finished there with the number, hashes as decision 004 says', () => {
    const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        text,
        fc.string(),
        text,
        fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { nil: null }),
        fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 }),
        (seq, at, label, action, resourceId, detail, prevHash) => {
          const fields = {
            at: new Date(Math.floor(at.getTime())),
            organisationId: null,
            centreId: null,
            actorUserId: null,
            actorLabel: label,
            action,
            resourceType: 'case',
            resourceId,
            outcome: 'success',
            requestId: 'req-1',
            clientAddress: null,
            detail: detail as Record<string, unknown> | null,
          };
          // What audit_append computes: sha256(prev || '\n' || body || ',"seq":' || seq || '}').
          const inDatabase = createHash('sha256')
            .update(`${prevHash}\n${bodyBeforeSeq(fields)},"seq":${seq}}`)
            .digest('hex');
          expect(inDatabase).toBe(eventHash(prevHash, { ...fields, seq }));
        },
      ),
    );
  });

  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { y: 2, x: 1 } })).toBe(canonicalJson({ a: { x: 1, y: 2 }, b: 1 }));
  });

  it('an untouched chain has no break', () => {
    expect(findChainBreak(chain(5)).break).toBeNull();
  });

  it('an edited row breaks at that row', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, outcome: 'failure' };
    expect(findChainBreak(events).break).toEqual({ seq: 3, problem: 'hash_mismatch' });
  });

  it('a deleted row breaks at the row after it', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(findChainBreak(events).break).toEqual({ seq: 3, problem: 'link_mismatch' });
  });

  it('two rows swapped (their sequence numbers exchanged) break the chain', () => {
    const events = chain(5);
    const a = events[1]!;
    const b = events[2]!;
    events[1] = { ...b, seq: a.seq };
    events[2] = { ...a, seq: b.seq };
    expect(findChainBreak(events).break?.seq).toBe(2);
  });

  it('continues from where an earlier page stopped', () => {
    const events = chain(6);
    const first = findChainBreak(events.slice(0, 3));
    expect(findChainBreak(events.slice(3), first.last).break).toBeNull();
    expect(findChainBreak(events.slice(4), first.last).break).toEqual({ seq: 5, problem: 'link_mismatch' });
  });
});
