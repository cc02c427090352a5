import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { consentRefusal, parentalConsentNeeded, type ConsentPerson } from './consent-rules.js';

const people: ConsentPerson[] = [
  { id: 'laura', role: 'resident_parent', firstName: 'Laura', lastName: 'Hill', dateOfBirth: null },
  { id: 'mark', role: 'non_resident_parent', firstName: 'Mark', lastName: 'Hill', dateOfBirth: null },
  { id: 'june', role: 'other_attendee', firstName: 'June', lastName: 'Hill', dateOfBirth: null },
  { id: 'ayo', role: 'child', firstName: 'Ayo', lastName: 'Hill', dateOfBirth: '2019-05-02' },
  { id: 'jamie', role: 'child', firstName: 'Jamie', lastName: 'Hill', dateOfBirth: '2009-03-01' },
  { id: 'sam', role: 'child', firstName: 'Sam', lastName: 'Hill', dateOfBirth: null },
];

const ask = (overrides: Partial<Parameters<typeof consentRefusal>[0]>) =>
  consentRefusal({
    people,
    childPersonId: 'ayo',
    givenByPersonId: 'laura',
    givenOn: '2026-11-02',
    today: '2026-11-25',
    upToAge: 16,
    standing: null,
    ...overrides,
  });

describe('whether a parent gives consent', () => {
  it('at or under the centre’s age, on the day; above it the child does', () => {
    const jamie = { dateOfBirth: '2009-03-01' };
    expect(parentalConsentNeeded(jamie, '2026-02-28', 16)).toBe(true);
    expect(parentalConsentNeeded(jamie, '2026-03-01', 16)).toBe(false);
    expect(parentalConsentNeeded(jamie, '2026-03-01', 17)).toBe(true);
  });

  it('without a date of birth, a parent does: the safer reading', () => {
    expect(parentalConsentNeeded({ dateOfBirth: null }, '2026-11-25', 16)).toBe(true);
  });
});

describe('recording consent', () => {
  it('either parent may give it for a young child', () => {
    expect(ask({})).toBeNull();
    expect(ask({ givenByPersonId: 'mark' })).toBeNull();
  });

  it('a child older than the centre’s age gives it themselves', () => {
    expect(ask({ childPersonId: 'jamie', givenByPersonId: 'jamie' })).toBeNull();
    expect(ask({ childPersonId: 'jamie', givenByPersonId: 'laura' })).toEqual({
      status: 422,
      code: 'child_gives_own_consent',
      message:
        'Jamie is 17: they give consent themselves; the centre’s policy asks a parent for children 16 and under.',
      field: 'givenByPersonId',
    });
  });

  it('the age that counts is the age on the day consent was given', () => {
    // Jamie turned 17 on 1 March 2026: a parent's consent given the day before stands.
    expect(ask({ childPersonId: 'jamie', givenOn: '2026-02-28' })).toBeNull();
  });

  it('a young child cannot give their own; nor can another adult or another child', () => {
    expect(ask({ givenByPersonId: 'ayo' })?.message).toBe(
      'Ayo is 7: a parent gives consent for them; the centre’s policy asks a parent for children 16 and under.',
    );
    expect(ask({ childPersonId: 'sam', givenByPersonId: 'sam' })?.message).toBe(
      'Sam’s date of birth is not recorded, so a parent gives consent: the centre’s policy asks a parent for children 16 and under.',
    );
    expect(ask({ givenByPersonId: 'june' })).toMatchObject({ code: 'not_a_parent', status: 422 });
    expect(ask({ givenByPersonId: 'jamie' })?.message).toBe(
      'Jamie Hill is a child: consent for Ayo’s information is given by a parent.',
    );
  });

  it('refuses people who are not of this case, and a parent as the child', () => {
    expect(ask({ childPersonId: 'stranger' })).toMatchObject({ field: 'childPersonId', status: 422 });
    expect(ask({ childPersonId: 'laura' })).toMatchObject({ field: 'childPersonId' });
    expect(ask({ givenByPersonId: 'stranger' })).toMatchObject({
      field: 'givenByPersonId',
      code: 'not_in_case',
    });
  });

  it('refuses a date in the future, or before the child was born', () => {
    expect(ask({ givenOn: '2026-11-26' })).toEqual({
      status: 422,
      code: 'given_in_future',
      message: 'The date consent was given cannot be in the future: today is 25 November 2026.',
      field: 'givenOn',
    });
    expect(ask({ givenOn: '2026-11-25' })).toBeNull();
    expect(ask({ givenOn: '2019-05-01' })?.code).toBe('given_before_birth');
  });

  it('a second consent while one stands is a conflict, naming who gave the first and when', () => {
    expect(ask({ standing: { givenByName: 'Laura Hill', givenOn: '2026-10-01' } })).toEqual({
      status: 409,
      code: 'consent_already_recorded',
      message:
        'Consent for Ayo’s information is already recorded (given by Laura Hill on 1 October 2026). Withdraw it before recording another.',
      field: 'childPersonId',
    });
  });

  it('whatever the ages and the setting, exactly one of parent or child may give it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 17 }), fc.integer({ min: 12, max: 18 }), (age, upToAge) => {
        const born = `${2026 - age}-01-01`;
        const family = people.map((p) => (p.id === 'ayo' ? { ...p, dateOfBirth: born } : p));
        const byParent = ask({ people: family, givenOn: '2026-06-01', upToAge });
        const byChild = ask({ people: family, givenOn: '2026-06-01', upToAge, givenByPersonId: 'ayo' });
        expect((byParent === null) !== (byChild === null)).toBe(true);
        expect(byParent === null).toBe(age <= upToAge);
      }),
    );
  });
});
