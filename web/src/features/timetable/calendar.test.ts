import { describe, expect, it } from 'vitest';
import type { BookingView } from '../../../../shared/api/bookings.js';
import { addDays, groupSessions, hoursUntil, longDay, mondayOf, todayIn, weekOf } from './calendar.js';

describe('days on the centre’s calendar', () => {
  it('takes today from the centre’s clock, not the browser’s', () => {
    const lateEvening = new Date('2026-06-30T23:30:00Z');
    expect(todayIn('Europe/London', lateEvening)).toBe('2026-07-01');
    expect(todayIn('UTC', lateEvening)).toBe('2026-06-30');
  });

  it('adds whole days across a clock change and a month end', () => {
    expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
    expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-05', -7)).toBe('2026-11-28');
  });

  it('starts weeks on Monday', () => {
    expect(mondayOf('2026-12-05')).toBe('2026-11-30');
    expect(mondayOf('2026-11-30')).toBe('2026-11-30');
    expect(mondayOf('2026-12-06')).toBe('2026-11-30');
    expect(weekOf('2026-12-05')).toEqual([
      '2026-11-30',
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
      '2026-12-04',
      '2026-12-05',
      '2026-12-06',
    ]);
    expect(longDay('2026-12-05')).toBe('Saturday 5 December 2026');
  });

  it('counts the hours until a session', () => {
    expect(hoursUntil('2026-12-05T10:00:00.000Z', new Date('2026-12-04T22:00:00.000Z'))).toBe(12);
  });
});

function session(overrides: Partial<BookingView> & { id: string }): BookingView {
  return {
    caseId: 'case',
    caseReference: 'RCC-1',
    date: '2026-12-05',
    startTime: '10:00',
    endTime: '12:00',
    startsAt: '2026-12-05T10:00:00.000Z',
    endsAt: '2026-12-05T12:00:00.000Z',
    serviceType: 'supervised',
    source: 'plan',
    status: 'booked',
    room: { id: 'garden', name: 'Garden room', usage: 'private' },
    venue: { id: 'centre', name: 'Riverside' },
    supervisor: { id: 'grace', displayName: 'Grace Bell' },
    headcount: 3,
    people: [],
    cancellation: null,
    ...overrides,
  };
}

describe('grouping sessions', () => {
  const sessions = [
    session({ id: 'late', startsAt: '2026-12-05T14:00:00.000Z' }),
    session({ id: 'early', room: { id: 'blue', name: 'Blue room', usage: 'private' }, supervisor: null }),
    session({
      id: 'first',
      startsAt: '2026-12-05T09:00:00.000Z',
      supervisor: { id: 'priya', displayName: 'Priya Shah' },
    }),
  ];

  it('by room: rooms by name, each in order of time', () => {
    const groups = groupSessions(sessions, 'room');
    expect(groups.map((g) => [g.name, g.sessions.map((s) => s.id)])).toEqual([
      ['Blue room', ['early']],
      ['Garden room', ['first', 'late']],
    ]);
    expect(groups[0]!.venue).toBeNull();
  });

  it('by supervisor: names in order, sessions without a supervisor last', () => {
    const groups = groupSessions(sessions, 'staff');
    expect(groups.map((g) => [g.name, g.sessions.map((s) => s.id)])).toEqual([
      ['Grace Bell', ['late']],
      ['Priya Shah', ['first']],
      [null, ['early']],
    ]);
  });

  it('names the venue when sessions are in more than one', () => {
    const elsewhere = session({
      id: 'library',
      room: { id: 'lib', name: 'Library community room', usage: 'private' },
      venue: { id: 'library', name: 'Northgate Library' },
    });
    const groups = groupSessions([...sessions, elsewhere], 'room');
    expect(groups.map((g) => g.venue)).toEqual(['Northgate Library', 'Riverside', 'Riverside']);
  });
});
