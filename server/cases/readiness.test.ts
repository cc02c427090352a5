import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingReadiness, type ReadinessFacts } from './readiness.js';

const laura = { id: 'p-laura', name: 'Laura Hill' };
const mark = { id: 'p-mark', name: 'Mark Hill' };

const ready: ReadinessFacts = {
  caseStatus: 'open',
  referralComplete: true,
  adultsNotVisited: [],
  childrenIntroduced: true,
  childrenWithoutConsent: [],
  risk: { decision: 'supervised' },
  plan: { attendingAdults: [laura, mark] },
  currentRulesVersion: 2,
  acceptedRulesVersion: new Map([
    [laura.id, 2],
    [mark.id, 2],
  ]),
};

describe('booking readiness', () => {
  it('is ready when every step is done', () => {
    expect(bookingReadiness(ready)).toEqual({ ready: true, blockers: [] });
  });

  it('names each missing step in plain words', () => {
    const result = bookingReadiness({
      ...ready,
      adultsNotVisited: ['Mark Hill'],
      childrenIntroduced: false,
      risk: null,
      plan: null,
    });
    expect(result.ready).toBe(false);
    expect(result.blockers.map((b) => b.message)).toEqual([
      'The intake visit with Mark Hill is not done yet.',
      'The children’s introduction visit is not done yet.',
      'The risk assessment is not done yet.',
      'The contact plan is not agreed yet.',
    ]);
  });

  it('a child whose consent is not recorded blocks booking, named in the sentence', () => {
    expect(bookingReadiness({ ...ready, childrenWithoutConsent: ['Jamie Hill'] })).toEqual({
      ready: false,
      blockers: [
        { code: 'consent_missing', message: 'Consent for Jamie Hill’s information has not been recorded.' },
      ],
    });
    expect(
      bookingReadiness({ ...ready, childrenWithoutConsent: ['Ayo Hill', 'Jamie Hill'] }).blockers[0]!.message,
    ).toBe('Consent for Ayo Hill’s and Jamie Hill’s information has not been recorded.');
  });

  it('consent comes after the intake visits and before the risk assessment in the list', () => {
    const result = bookingReadiness({
      ...ready,
      childrenIntroduced: false,
      childrenWithoutConsent: ['Ayo Hill'],
      risk: null,
    });
    expect(result.blockers.map((b) => b.code)).toEqual([
      'children_not_introduced',
      'consent_missing',
      'risk_not_assessed',
    ]);
  });

  it('a closed case says so first', () => {
    expect(bookingReadiness({ ...ready, caseStatus: 'closed' }).blockers).toEqual([
      { code: 'case_closed', message: 'The case is closed.' },
    ]);
  });

  it('a new rules version makes earlier acceptances out of date', () => {
    const result = bookingReadiness({ ...ready, currentRulesVersion: 3 });
    expect(result.blockers).toEqual([
      {
        code: 'rules_not_accepted',
        message: 'Laura Hill and Mark Hill have not accepted the current rules (version 3).',
      },
    ]);
    const one = bookingReadiness({ ...ready, acceptedRulesVersion: new Map([[laura.id, 2]]) });
    expect(one.blockers[0]!.message).toBe('Mark Hill has not accepted the current rules (version 2).');
  });

  it('a declined assessment, a suspended or a closed case blocks booking', () => {
    expect(bookingReadiness({ ...ready, risk: { decision: 'decline' } }).blockers[0]!.code).toBe(
      'risk_declined',
    );
    expect(bookingReadiness({ ...ready, caseStatus: 'suspended' }).blockers[0]!.code).toBe('case_suspended');
    expect(bookingReadiness({ ...ready, caseStatus: 'closed' }).blockers[0]!.code).toBe('case_closed');
    expect(bookingReadiness({ ...ready, referralComplete: false }).blockers[0]!.code).toBe(
      'referral_incomplete',
    );
  });

  it('is ready exactly when nothing blocks, whatever the facts (property)', () => {
    const facts = fc.record({
      caseStatus: fc.constantFrom('open' as const, 'suspended' as const, 'closed' as const),
      referralComplete: fc.boolean(),
      adultsNotVisited: fc.array(fc.constantFrom('Laura Hill', 'Mark Hill'), { maxLength: 2 }),
      childrenIntroduced: fc.boolean(),
      childrenWithoutConsent: fc.subarray(['Ayo Hill', 'Jamie Hill']),
      risk: fc.option(
        fc.record({
          decision: fc.constantFrom(
            'supported' as const,
            'supervised' as const,
            'handover_only' as const,
            'indirect_only' as const,
            'decline' as const,
          ),
        }),
        { nil: null },
      ),
      plan: fc.option(fc.constant({ attendingAdults: [laura, mark] }), { nil: null }),
      currentRulesVersion: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
      laurasVersion: fc.integer({ min: 0, max: 5 }),
      marksVersion: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(facts, ({ laurasVersion, marksVersion, ...f }) => {
        const input: ReadinessFacts = {
          ...f,
          acceptedRulesVersion: new Map([
            [laura.id, laurasVersion],
            [mark.id, marksVersion],
          ]),
        };
        const result = bookingReadiness(input);
        const everythingDone =
          f.caseStatus === 'open' &&
          f.referralComplete &&
          f.adultsNotVisited.length === 0 &&
          f.childrenIntroduced &&
          f.childrenWithoutConsent.length === 0 &&
          f.risk !== null &&
          f.risk.decision !== 'decline' &&
          f.plan !== null &&
          (f.currentRulesVersion === null ||
            (laurasVersion >= f.currentRulesVersion && marksVersion >= f.currentRulesVersion));
        expect(result.ready).toBe(everythingDone);
        expect(result.ready).toBe(result.blockers.length === 0);
        expect(result.blockers.every((b) => b.message.endsWith('.'))).toBe(true);
      }),
    );
  });
});
