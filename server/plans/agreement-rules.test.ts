import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendeeProblems,
  courtOrderRefusal,
  recordingsRefusal,
  separationOf,
  staggerClashes,
  timingProblems,
  timingsOfAdults,
  type CasePerson,
} from './agreement-rules.js';

const people: CasePerson[] = [
  { id: 'laura', role: 'resident_parent', firstName: 'Laura' },
  { id: 'mark', role: 'non_resident_parent', firstName: 'Mark' },
  { id: 'ayo', role: 'child', firstName: 'Ayo' },
];

describe('who attends', () => {
  it('people of the case, at least one child and one adult', () => {
    expect(attendeeProblems(['mark', 'ayo'], people)).toEqual([]);
    expect(attendeeProblems(['mark', 'stranger', 'ayo'], people)).toEqual([
      { field: 'attendeePersonIds.1', message: 'Choose people named in this case' },
    ]);
    expect(attendeeProblems(['mark', 'laura'], people)).toEqual([
      { field: 'attendeePersonIds', message: 'Choose at least one child' },
    ]);
    expect(attendeeProblems(['ayo'], people)).toEqual([
      { field: 'attendeePersonIds', message: 'Choose at least one adult' },
    ]);
  });

  it('times are given for adults only; adults left out arrive and leave with the session', () => {
    expect(timingProblems({ ayo: { arriveMinutes: 0, leaveMinutes: 0 } }, people)).toHaveLength(1);
    expect(timingProblems({ mark: { arriveMinutes: -15, leaveMinutes: 0 } }, people)).toEqual([]);
    expect(
      timingsOfAdults(['laura', 'mark', 'ayo'], people, { laura: { arriveMinutes: 15, leaveMinutes: -15 } }),
    ).toEqual({
      laura: { arriveMinutes: 15, leaveMinutes: -15 },
      mark: { arriveMinutes: 0, leaveMinutes: 0 },
    });
  });
});

describe('the court order', () => {
  const final = { kind: 'final' as const, endsOn: '2027-06-30' };

  it('a final order needs an end date, no later than the order’s', () => {
    expect(courtOrderRefusal(final, { startsOn: '2027-01-01', endsOn: null })).toEqual({
      code: 'final_order_needs_end',
      message: 'The court order is final, so the plan needs an end date.',
      field: 'endsOn',
    });
    expect(courtOrderRefusal(final, { startsOn: '2027-01-01', endsOn: '2027-07-01' })?.message).toBe(
      'The court order is final and ends on 30/06/2027, so the plan must end by then.',
    );
    expect(courtOrderRefusal(final, { startsOn: '2027-01-01', endsOn: '2027-06-30' })).toBeNull();
  });

  it('an interim order, or none, sets no limit', () => {
    expect(
      courtOrderRefusal({ kind: 'interim', endsOn: '2027-01-01' }, { startsOn: '2027-01-01', endsOn: null }),
    ).toBeNull();
    expect(courtOrderRefusal(null, { startsOn: '2027-01-01', endsOn: null })).toBeNull();
  });
});

it('recordings are never allowed', () => {
  expect(recordingsRefusal(true)).toBeNull();
  expect(recordingsRefusal(false)).toMatchObject({ field: 'specialConditions.noRecordings' });
});

describe('adults who must not meet', () => {
  it('are read from the risk assessment’s conditions in the shapes it may take', () => {
    expect(separationOf({ mustNotMeet: ['a', 'b', 'c'], staggerMinutes: 20 })).toEqual({
      pairs: [
        ['a', 'b'],
        ['a', 'c'],
        ['b', 'c'],
      ],
      staggerMinutes: 20,
    });
    expect(
      separationOf({ mustNotMeet: [['b', 'a'], { between: ['c', 'd'] }, { personIds: ['a', 'b'] }] }).pairs,
    ).toEqual([
      ['b', 'a'],
      ['c', 'd'],
    ]);
    expect(separationOf(null)).toEqual({ pairs: [], staggerMinutes: null });
    expect(separationOf({ mustNotMeet: 'a and b', staggerMinutes: '15' })).toEqual({
      pairs: [],
      staggerMinutes: null,
    });
  });

  it('clash when any arrival or departure of one comes within the gap of one of the other', () => {
    const pair: [string, string][] = [['laura', 'mark']];
    // Mark arrives 15 minutes early and leaves 15 minutes late; Laura brings and collects Ayo on time.
    const staggered = {
      mark: { arriveMinutes: -15, leaveMinutes: 15 },
      laura: { arriveMinutes: 0, leaveMinutes: 0 },
    };
    expect(staggerClashes(staggered, 120, pair, 15)).toEqual([]);
    expect(staggerClashes(staggered, 120, pair, 16)).toEqual(pair);
    const together = {
      mark: { arriveMinutes: 0, leaveMinutes: 0 },
      laura: { arriveMinutes: 0, leaveMinutes: 0 },
    };
    expect(staggerClashes(together, 120, pair, 15)).toEqual(pair);
    // Laura collecting at the end just as Mark would arrive for a very short session.
    const crossing = {
      mark: { arriveMinutes: 15, leaveMinutes: 30 },
      laura: { arriveMinutes: -30, leaveMinutes: 0 },
    };
    expect(staggerClashes(crossing, 15, pair, 15)).toEqual(pair);
    // Someone not attending cannot clash.
    expect(staggerClashes({ mark: together.mark }, 120, pair, 15)).toEqual([]);
  });

  it('no clash means every move of one is at least the gap from every move of the other', () => {
    const timing = fc.record({
      arriveMinutes: fc.integer({ min: -120, max: 120 }),
      leaveMinutes: fc.integer({ min: -120, max: 120 }),
    });
    fc.assert(
      fc.property(
        timing,
        timing,
        fc.integer({ min: 15, max: 600 }),
        fc.integer({ min: 0, max: 60 }),
        (a, b, length, gap) => {
          const clashes = staggerClashes({ a, b }, length, [['a', 'b']], gap);
          const moves = (t: typeof a) => [t.arriveMinutes, length + t.leaveMinutes];
          const apart = moves(a).every((x) => moves(b).every((y) => Math.abs(x - y) >= gap));
          expect(clashes.length === 0).toBe(apart);
        },
      ),
    );
  });
});
