import { describe, expect, it } from 'vitest';
import { closureCovering, expandOpenings, type ClosureSpan, type OpeningPattern } from './occurrences.js';

const LONDON = 'Europe/London';
const HALL = 'venue-hall';
const LIBRARY = 'venue-library';

const sunday: OpeningPattern = {
  id: 'sunday',
  name: 'Sunday supported',
  serviceType: 'supported',
  venueId: HALL,
  venueName: 'Riverside Contact Centre',
  recurrence: { frequency: 'weekly', weekday: 0 },
  startTime: '13:00',
  endTime: '15:00',
  startsOn: '2026-01-01',
  endsOn: null,
};

const saturday: OpeningPattern = {
  ...sunday,
  id: 'saturday',
  name: 'Saturday supported',
  recurrence: { frequency: 'fortnightly', weekday: 6 },
  startTime: '10:00',
  endTime: '12:00',
  // Saturday 3 January 2026: the fortnight counts from here.
  startsOn: '2026-01-03',
};

const tuesdayLibrary: OpeningPattern = {
  ...sunday,
  id: 'tuesday',
  name: 'Tuesday supervised',
  serviceType: 'supervised',
  venueId: LIBRARY,
  venueName: 'Northgate Library',
  recurrence: { frequency: 'weekly', weekday: 2 },
  startTime: '16:00',
  endTime: '18:00',
};

describe('opening sessions across the clock changes (Europe/London)', () => {
  it('the week the clocks go back (Sunday 25 October 2026): same wall clock, UTC an hour later', () => {
    const items = expandOpenings([sunday, saturday], [], LONDON, '2026-10-17', '2026-11-01');
    expect(
      items.map((o) => [o.name, o.date, o.startTime, o.endTime, o.startsAt, o.endsAt, o.closed]),
    ).toEqual([
      [
        'Sunday supported',
        '2026-10-18',
        '13:00',
        '15:00',
        '2026-10-18T12:00:00.000Z',
        '2026-10-18T14:00:00.000Z',
        false,
      ],
      // 24 October is a session Saturday: 42 weeks after 3 January (an even number).
      [
        'Saturday supported',
        '2026-10-24',
        '10:00',
        '12:00',
        '2026-10-24T09:00:00.000Z',
        '2026-10-24T11:00:00.000Z',
        false,
      ],
      [
        'Sunday supported',
        '2026-10-25',
        '13:00',
        '15:00',
        '2026-10-25T13:00:00.000Z',
        '2026-10-25T15:00:00.000Z',
        false,
      ],
      [
        'Sunday supported',
        '2026-11-01',
        '13:00',
        '15:00',
        '2026-11-01T13:00:00.000Z',
        '2026-11-01T15:00:00.000Z',
        false,
      ],
    ]);
  });

  it('the week the clocks go forward (Sunday 28 March 2027): same wall clock, UTC an hour earlier', () => {
    const items = expandOpenings([sunday, saturday], [], LONDON, '2027-03-20', '2027-04-04');
    expect(items.map((o) => [o.date, o.startTime, o.startsAt])).toEqual([
      ['2027-03-21', '13:00', '2027-03-21T13:00:00.000Z'],
      // The Saturday before the change is still on Greenwich time; the Sunday after is on summer time.
      ['2027-03-27', '10:00', '2027-03-27T10:00:00.000Z'],
      ['2027-03-28', '13:00', '2027-03-28T12:00:00.000Z'],
      ['2027-04-04', '13:00', '2027-04-04T12:00:00.000Z'],
    ]);
  });

  it('a closure on the clock-change Sunday marks that session closed, with its reason, and keeps it', () => {
    const closures: ClosureSpan[] = [
      { id: 'c1', venueId: null, startsOn: '2026-10-25', endsOn: '2026-10-25', reason: 'Boiler repair' },
    ];
    const items = expandOpenings([sunday], closures, LONDON, '2026-10-18', '2026-11-01');
    expect(items.map((o) => [o.date, o.closed, o.closure?.reason ?? null])).toEqual([
      ['2026-10-18', false, null],
      ['2026-10-25', true, 'Boiler repair'],
      ['2026-11-01', false, null],
    ]);
    expect(items[1]!.startsAt).toBe('2026-10-25T13:00:00.000Z');
  });
});

describe('closures', () => {
  const christmas: ClosureSpan = {
    id: 'christmas',
    venueId: null,
    startsOn: '2026-12-24',
    endsOn: '2027-01-02',
    reason: 'Christmas',
  };
  const libraryWorks: ClosureSpan = {
    id: 'works',
    venueId: LIBRARY,
    startsOn: '2026-12-01',
    endsOn: '2027-01-31',
    reason: 'Library refurbishment',
  };

  it('a closure covers its first and last days, and no others', () => {
    expect(closureCovering([christmas], HALL, '2026-12-23')).toBeUndefined();
    expect(closureCovering([christmas], HALL, '2026-12-24')).toBe(christmas);
    expect(closureCovering([christmas], HALL, '2027-01-02')).toBe(christmas);
    expect(closureCovering([christmas], HALL, '2027-01-03')).toBeUndefined();
  });

  it('a venue’s closure closes only that venue; the whole centre’s closes every venue', () => {
    const items = expandOpenings(
      [sunday, tuesdayLibrary],
      [christmas, libraryWorks],
      LONDON,
      '2026-12-20',
      '2027-01-10',
    );
    expect(items.map((o) => `${o.date} ${o.name}: ${o.closure?.reason ?? 'open'}`)).toEqual([
      '2026-12-20 Sunday supported: open',
      '2026-12-22 Tuesday supervised: Library refurbishment',
      '2026-12-27 Sunday supported: Christmas',
      '2026-12-29 Tuesday supervised: Christmas',
      '2027-01-03 Sunday supported: open',
      '2027-01-05 Tuesday supervised: Library refurbishment',
      '2027-01-10 Sunday supported: open',
    ]);
    // Overlapping: the whole centre's closure is named first.
    expect(items[3]!.closure).toEqual({
      id: 'christmas',
      reason: 'Christmas',
      wholeCentre: true,
      startsOn: '2026-12-24',
      endsOn: '2027-01-02',
    });
  });

  it('sessions end on their last day and list dates only within their span', () => {
    const ending = { ...sunday, endsOn: '2026-12-27' };
    const listed: OpeningPattern = {
      ...tuesdayLibrary,
      recurrence: { frequency: 'dates', dates: ['2026-12-15', '2027-02-02'] },
      startsOn: '2026-12-01',
      endsOn: '2027-01-31',
    };
    const items = expandOpenings([ending, listed], [], LONDON, '2026-12-01', '2027-03-01');
    expect(items.map((o) => `${o.date} ${o.name}`)).toEqual([
      '2026-12-06 Sunday supported',
      '2026-12-13 Sunday supported',
      '2026-12-15 Tuesday supervised',
      '2026-12-20 Sunday supported',
      '2026-12-27 Sunday supported',
    ]);
  });
});
