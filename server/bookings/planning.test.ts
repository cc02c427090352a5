import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bringerOf,
  noticeHours,
  plannedPeople,
  separationWindows,
  windowsClash,
  type Pair,
  type PlannedPerson,
} from './planning.js';

const at = (hhmm: string) => new Date(`2026-12-05T${hhmm}:00.000Z`);
const session = { startsAt: at('10:00'), endsAt: at('12:00') };
const family = [
  { id: 'laura', role: 'resident_parent' as const },
  { id: 'mark', role: 'non_resident_parent' as const },
  { id: 'ayo', role: 'child' as const },
];

describe('planned arrival and departure', () => {
  it('adults follow the plan’s offsets; a child comes and goes with the resident parent', () => {
    const people = plannedPeople(session, family, {
      laura: { arriveMinutes: -15, leaveMinutes: 15 },
      mark: { arriveMinutes: 0, leaveMinutes: 0 },
    });
    expect(people).toEqual([
      {
        personId: 'laura',
        role: 'resident_parent',
        arriveAt: at('09:45'),
        leaveAt: at('12:15'),
        broughtByPersonId: null,
      },
      {
        personId: 'mark',
        role: 'non_resident_parent',
        arriveAt: at('10:00'),
        leaveAt: at('12:00'),
        broughtByPersonId: null,
      },
      {
        personId: 'ayo',
        role: 'child',
        arriveAt: at('09:45'),
        leaveAt: at('12:15'),
        broughtByPersonId: 'laura',
      },
    ]);
  });

  it('without a resident parent attending, the first adult brings the children', () => {
    expect(
      bringerOf([
        { id: 'gran', role: 'other_attendee' },
        { id: 'kid', role: 'child' },
      ]),
    ).toBe('gran');
    expect(bringerOf([{ id: 'kid', role: 'child' }])).toBeNull();
  });
});

describe('notice', () => {
  it('counts whole hours before the start, never below zero', () => {
    expect(noticeHours(at('08:30'), at('10:00'))).toBe(1);
    expect(noticeHours(at('10:30'), at('10:00'))).toBe(0);
  });
});

/** Two adults of a pair in different bookings, arriving and leaving at minute offsets. */
const stay = (personId: string, arrive: number, leave: number): PlannedPerson => ({
  personId,
  role: 'resident_parent',
  arriveAt: new Date(at('00:00').getTime() + arrive * 60_000),
  leaveAt: new Date(at('00:00').getTime() + leave * 60_000),
  broughtByPersonId: null,
});

describe('separation windows', () => {
  const stayArb = fc
    .tuple(fc.integer({ min: 0, max: 1200 }), fc.integer({ min: 1, max: 240 }))
    .map(([arrive, length]) => [arrive, arrive + length] as const);

  it('across bookings, two stays clash exactly when one arrives less than the minutes after the other leaves', () => {
    fc.assert(
      fc.property(stayArb, stayArb, fc.integer({ min: 0, max: 120 }), ([a1, a2], [b1, b2], minutes) => {
        const pair: Pair = { id: 'p', personAId: 'a', personBId: 'b', minutes };
        const first = separationWindows([stay('a', a1, a2)], [pair]).map((w) => ({ ...w, bookingId: 'x' }));
        const second = separationWindows([stay('b', b1, b2)], [pair]).map((w) => ({ ...w, bookingId: 'y' }));
        const clash = first.some((w) => second.some((v) => windowsClash(w, v)));
        const apart = b1 >= a2 + minutes || a1 >= b2 + minutes;
        expect(clash).toBe(!apart);
      }),
    );
  });

  it('within one booking, the two never pass the door less than the minutes apart, and may otherwise share the building', () => {
    fc.assert(
      fc.property(stayArb, stayArb, fc.integer({ min: 1, max: 120 }), ([a1, a2], [b1, b2], minutes) => {
        const pair: Pair = { id: 'p', personAId: 'a', personBId: 'b', minutes };
        const windows = separationWindows([stay('a', a1, a2), stay('b', b1, b2)], [pair]).map((w) => ({
          ...w,
          bookingId: 'same',
        }));
        const clash = windows.some((w) => windows.some((v) => windowsClash(w, v)));
        const moves = (x: number, y: number) => [x, y];
        const tooClose = moves(a1, a2).some((x) => moves(b1, b2).some((y) => Math.abs(x - y) < minutes));
        expect(clash).toBe(tooClose);
      }),
    );
  });

  it('children have no windows, and a person in no pair has none', () => {
    const people = plannedPeople(session, family, {});
    expect(separationWindows(people, [])).toEqual([]);
    const windows = separationWindows(people, [
      { id: 'p', personAId: 'laura', personBId: 'mark', minutes: 15 },
    ]);
    expect(new Set(windows.map((w) => w.personId))).toEqual(new Set(['laura', 'mark']));
    expect(windows.filter((w) => w.kind === 'door')).toHaveLength(4);
  });
});
