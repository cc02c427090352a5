import { describe, expect, it } from 'vitest';
import type { RosterSession } from '../../../../shared/api/roster.js';
import { doorAction, lateness, type RosterPerson } from './doorRules.js';

const LAURA = '00000000-0000-4000-8000-00000000000a';
const MARK = '00000000-0000-4000-8000-00000000000b';
const AYO = '00000000-0000-4000-8000-00000000000c';

function person(overrides: Partial<RosterPerson>): RosterPerson {
  return {
    personId: LAURA,
    firstName: 'Laura',
    kind: 'adult',
    plannedArrival: '09:45',
    plannedDeparture: '12:15',
    arrivedAt: null,
    leftAt: null,
    minutesLate: null,
    broughtByPersonId: null,
    flags: [],
    ...overrides,
  };
}

function session(
  laura: Partial<RosterPerson>,
  mark: Partial<RosterPerson>,
  ayo: Partial<RosterPerson>,
  nextToLeave: RosterSession['nextToLeave'] = null,
): RosterSession {
  return {
    bookingId: '00000000-0000-4000-8000-000000000001',
    startTime: '10:00',
    endTime: '12:00',
    room: 'Garden room',
    venue: 'Riverside Contact Centre',
    serviceType: 'supervised',
    supervisor: 'Grace Bell',
    nextToLeave,
    people: [
      person(laura),
      person({
        personId: MARK,
        firstName: 'Mark',
        plannedArrival: '10:00',
        plannedDeparture: '12:00',
        ...mark,
      }),
      person({ personId: AYO, firstName: 'Ayo', kind: 'child', broughtByPersonId: LAURA, ...ayo }),
    ],
  };
}

const of = (s: RosterSession, id: string) =>
  doorAction(
    s,
    s.people.find((p) => p.personId === id)!,
  );
const markNext = { personId: MARK, firstName: 'Mark', plannedDeparture: '12:00' };
const lauraNext = { personId: LAURA, firstName: 'Laura', plannedDeparture: '12:15' };

describe('arriving', () => {
  it('a child waits for the adult who brings them', () => {
    const before = session({}, {}, {});
    expect(of(before, AYO)).toEqual({ kind: 'needs_adult', adult: 'Laura', leaving: false });
    expect(of(before, LAURA)).toEqual({ kind: 'arrive' });
    const after = session({ arrivedAt: '09:50' }, {}, {});
    expect(of(after, AYO)).toEqual({ kind: 'arrive' });
  });
});

describe('leaving', () => {
  const everyoneHere = { arrivedAt: '09:50' };

  it('in the planned order, with a question for anyone out of turn', () => {
    const s = session(everyoneHere, everyoneHere, everyoneHere, markNext);
    expect(of(s, MARK)).toEqual({ kind: 'leave', before: null });
    expect(of(s, AYO)).toEqual({ kind: 'leave', before: { firstName: 'Mark', plannedDeparture: '12:00' } });
    const later = session(everyoneHere, { ...everyoneHere, leftAt: '12:00' }, everyoneHere, lauraNext);
    expect(of(later, AYO)).toEqual({ kind: 'leave', before: null });
    expect(of(later, MARK)).toEqual({ kind: 'gone' });
  });

  it('an adult after the children they take home; a child only while their adult is here', () => {
    const s = session(everyoneHere, everyoneHere, everyoneHere, lauraNext);
    expect(of(s, LAURA)).toEqual({ kind: 'children_first', children: ['Ayo'] });
    const adultGone = session({ arrivedAt: '09:50', leftAt: '11:00' }, everyoneHere, everyoneHere, markNext);
    expect(of(adultGone, AYO)).toEqual({ kind: 'needs_adult', adult: 'Laura', leaving: true });
  });
});

describe('lateness', () => {
  it('is said only when late', () => {
    expect(lateness(person({ minutesLate: 7 }))).toBe(7);
    expect(lateness(person({ minutesLate: 0 }))).toBeNull();
    expect(lateness(person({}))).toBeNull();
  });
});
