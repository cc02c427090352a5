import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendeeProblems,
  courtOrderRefusal,
  mayAttendRefusal,
  planPastOrderWarning,
  recordingsRefusal,
  serviceRefusal,
  SERVICES_FOR_DECISION,
  type Service,
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
      'The court order is final and ends on 30 June 2027, so the plan must end by then.',
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

describe('the risk assessment’s decision', () => {
  it('supported is met by supported or supervised contact (and the supervised kinds), not by handover', () => {
    expect(serviceRefusal('supported', 'supported')).toBeNull();
    expect(serviceRefusal('supervised', 'supported')).toBeNull();
    expect(serviceRefusal('virtual', 'supported')).toBeNull();
    expect(serviceRefusal('handover', 'supported')).toEqual({
      code: 'service_not_in_decision',
      message:
        'The risk assessment decided on supported contact, so the plan must be supported contact, supervised contact, a virtual (video) session or an observed visit, not handover.',
      field: 'serviceType',
    });
  });

  it('supervised needs supervised contact; handover only needs handover', () => {
    expect(serviceRefusal('supported', 'supervised')?.message).toBe(
      'The risk assessment decided on supervised contact, so the plan must be supervised contact, a virtual (video) session or an observed visit, not supported contact.',
    );
    expect(serviceRefusal('supervised', 'handover_only')?.message).toBe(
      'The risk assessment decided on handover only, so the plan must be handover, not supervised contact.',
    );
    expect(serviceRefusal('handover', 'handover_only')).toBeNull();
  });

  it('indirect only, or a decline, allows no plan of sessions whatever its service', () => {
    for (const service of ['supported', 'supervised', 'handover', 'indirect', 'virtual'] as Service[]) {
      expect(serviceRefusal(service, 'indirect_only')?.code).toBe('decision_allows_no_sessions');
      expect(serviceRefusal(service, 'decline')?.message).toBe(
        'The risk assessment decided to decline contact, so no plan of sessions can be agreed.',
      );
    }
  });

  it('without an assessment nothing is checked here (readiness asks for one)', () => {
    expect(serviceRefusal('supported', null)).toBeNull();
  });

  it('never allows less care than the decision: each decision’s services are within the one above it', () => {
    const order = ['supported', 'supervised'] as const;
    expect(SERVICES_FOR_DECISION[order[1]].every((s) => SERVICES_FOR_DECISION[order[0]].includes(s))).toBe(
      true,
    );
    expect(SERVICES_FOR_DECISION.supervised).not.toContain('supported');
  });
});

describe('who may attend', () => {
  const named = [
    { id: 'laura', name: 'Laura Hill' },
    { id: 'mark', name: 'Mark Hill' },
    { id: 'ayo', name: 'Ayo Hill' },
    { id: 'june', name: 'June Hill' },
  ];

  it('an assessment that names nobody sets no limit', () => {
    expect(mayAttendRefusal(['laura', 'ayo'], [], named)).toBeNull();
  });

  it('attendees must be among those it names, and the refusal names everyone who is not', () => {
    expect(mayAttendRefusal(['mark', 'ayo'], ['mark', 'ayo'], named)).toBeNull();
    expect(mayAttendRefusal(['mark', 'ayo', 'laura'], ['mark', 'ayo'], named)).toEqual({
      code: 'not_allowed_to_attend',
      message:
        'The risk assessment does not name Laura Hill among the people who may attend. Choose only people it names, or record a new assessment.',
      field: 'attendeePersonIds',
    });
    expect(mayAttendRefusal(['laura', 'june', 'ayo'], ['ayo', 'mark'], named)?.message).toMatch(
      /^The risk assessment does not name Laura Hill and June Hill among/,
    );
  });
});

describe('a plan overtaken by a later final order', () => {
  const final = { kind: 'final' as const, endsOn: '2027-06-30' };

  it('warns when the plan runs past the order’s end or has no end', () => {
    expect(planPastOrderWarning(final, { endsOn: '2027-12-31' })?.message).toBe(
      'The final court order ends on 30 June 2027, but the contact plan runs to 31 December 2027. Agree a new version of the plan that ends by then.',
    );
    expect(planPastOrderWarning(final, { endsOn: null })?.code).toBe('plan_past_final_order');
  });

  it('is quiet for a plan within the order, an interim order, no order or no plan', () => {
    expect(planPastOrderWarning(final, { endsOn: '2027-06-30' })).toBeNull();
    expect(planPastOrderWarning({ kind: 'interim', endsOn: '2027-01-01' }, { endsOn: null })).toBeNull();
    expect(planPastOrderWarning(null, { endsOn: null })).toBeNull();
    expect(planPastOrderWarning(final, null)).toBeNull();
  });
});
