/**
 * The rules of sanctions: the days one holds, its status, the refusal of a booking on a held day, which
 * new sanction clashes, and the blocker readiness shows for the one holding today.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingReadiness, type ReadinessFacts } from '../cases/readiness.js';
import { addDays } from '../plans/recurrence.js';
import {
  bookingRefusal,
  clashOf,
  holdingOn,
  holdsOn,
  readinessBlocker,
  statusOf,
  type SanctionDays,
} from './rules.js';

const suspension = (startsOn: string, endsOn: string, liftedAt: Date | null = null): SanctionDays => ({
  kind: 'suspension',
  startsOn,
  endsOn,
  liftedAt,
});
const revocation = (startsOn: string, liftedAt: Date | null = null): SanctionDays => ({
  kind: 'revocation',
  startsOn,
  endsOn: null,
  liftedAt,
});

describe('the days a sanction holds', () => {
  it('a suspension holds from its first to its last day, inclusive; a revocation from its first day on', () => {
    const s = suspension('2027-01-01', '2027-01-14');
    expect(holdsOn(s, '2026-12-31')).toBe(false);
    expect(holdsOn(s, '2027-01-01')).toBe(true);
    expect(holdsOn(s, '2027-01-14')).toBe(true);
    expect(holdsOn(s, '2027-01-15')).toBe(false);
    expect(holdsOn(revocation('2027-01-01'), '2040-06-01')).toBe(true);
    expect(holdsOn(revocation('2027-01-01'), '2026-12-31')).toBe(false);
  });

  it('a lifted sanction holds on no day', () => {
    fc.assert(
      fc.property(fc.integer({ min: -30, max: 30 }), fc.integer({ min: 0, max: 30 }), (offset, length) => {
        const start = addDays('2027-01-01', 0);
        const day = addDays(start, offset);
        const lifted = new Date();
        expect(holdsOn(suspension(start, addDays(start, length), lifted), day)).toBe(false);
        expect(holdsOn(revocation(start, lifted), day)).toBe(false);
      }),
    );
  });

  it('has a status for today', () => {
    expect(statusOf(suspension('2027-01-01', '2027-01-14'), '2026-12-20')).toBe('scheduled');
    expect(statusOf(suspension('2027-01-01', '2027-01-14'), '2027-01-14')).toBe('in_force');
    expect(statusOf(suspension('2027-01-01', '2027-01-14'), '2027-01-15')).toBe('ended');
    expect(statusOf(suspension('2027-01-01', '2027-01-14', new Date()), '2027-01-05')).toBe('lifted');
    expect(statusOf(revocation('2027-01-01'), '2030-01-01')).toBe('in_force');
  });

  it('names a revocation before a suspension holding the same day', () => {
    const both = [suspension('2027-01-01', '2027-01-14'), revocation('2027-01-10')];
    expect(holdingOn(both, '2027-01-12')?.kind).toBe('revocation');
    expect(holdingOn(both, '2027-01-05')?.kind).toBe('suspension');
    expect(holdingOn(both, '2026-12-05')).toBeUndefined();
  });
});

describe('the sentences', () => {
  it('refuses a booking on a held day in words', () => {
    expect(bookingRefusal(suspension('2027-01-01', '2027-01-14'))).toBe(
      'This family’s contact is suspended until 14 January 2027: choose a day after that, or lift the suspension first.',
    );
    expect(bookingRefusal(revocation('2026-12-01'))).toBe(
      'This family’s contact at the centre was revoked from 1 December 2026: no session can be booked unless the revocation is lifted.',
    );
  });
});

describe('clashes between sanctions', () => {
  const today = '2026-12-01';
  it('refuses a second suspension over the same days, and anything while contact is revoked', () => {
    const existing = [suspension('2027-01-01', '2027-01-14')];
    expect(
      clashOf(existing, { kind: 'suspension', startsOn: '2027-01-10', endsOn: '2027-01-20' }, today),
    ).toBe(
      'This family is already suspended from 1 January 2027 to 14 January 2027. Change the dates so they do not overlap, or lift that suspension first.',
    );
    expect(
      clashOf(existing, { kind: 'suspension', startsOn: '2027-01-15', endsOn: '2027-01-20' }, today),
    ).toBeNull();
    // A revocation may follow a suspension (contact ends for good).
    expect(clashOf(existing, { kind: 'revocation', startsOn: '2027-01-05', endsOn: null }, today)).toBeNull();
    expect(
      clashOf(
        [revocation('2026-12-01')],
        { kind: 'suspension', startsOn: '2027-01-15', endsOn: '2027-01-20' },
        today,
      ),
    ).toMatch(/^This family’s contact is already revoked from 1 December 2026\./);
  });

  it('ignores lifted and ended sanctions', () => {
    const gone = [suspension('2026-11-01', '2026-11-20'), revocation('2026-11-25', new Date())];
    expect(
      clashOf(gone, { kind: 'suspension', startsOn: '2026-12-01', endsOn: '2026-12-20' }, today),
    ).toBeNull();
  });
});

describe('readiness', () => {
  const ready: ReadinessFacts = {
    caseStatus: 'open',
    referralComplete: true,
    adultsNotVisited: [],
    childrenIntroduced: true,
    childrenWithoutConsent: [],
    risk: { decision: 'supervised' },
    plan: { attendingAdults: [] },
    currentRulesVersion: null,
    acceptedRulesVersion: new Map(),
  };

  it('a revocation, or a suspension holding today, blocks booking; one that starts later does not', () => {
    const today = '2027-01-05';
    expect(
      bookingReadiness({
        ...ready,
        sanction: readinessBlocker([suspension('2027-01-01', '2027-01-14')], today),
      }).blockers,
    ).toEqual([
      { code: 'contact_suspended', message: 'The family’s contact is suspended until 14 January 2027.' },
    ]);
    expect(
      bookingReadiness({ ...ready, sanction: readinessBlocker([revocation('2026-12-01')], today) }).blockers,
    ).toEqual([
      { code: 'contact_revoked', message: 'The family’s contact was revoked from 1 December 2026.' },
    ]);
    expect(
      bookingReadiness({
        ...ready,
        sanction: readinessBlocker([suspension('2027-02-01', '2027-02-14')], today),
      }).ready,
    ).toBe(true);
    expect(bookingReadiness({ ...ready, sanction: null }).ready).toBe(true);
  });
});
