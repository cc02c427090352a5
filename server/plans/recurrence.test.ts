import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Recurrence } from '../../shared/api/plans.js';
import {
  addDays,
  dayNumber,
  localReading,
  nthSessionDate,
  occurrences,
  sessionDates,
  zonedInstant,
  type PlanSchedule,
} from './recurrence.js';
import { expectedFirstReviewOn, reviewDue } from './reviews.js';

const LONDON = 'Europe/London';

const plan = (recurrence: Recurrence, overrides: Partial<PlanSchedule> = {}): PlanSchedule => ({
  recurrence,
  lengthMinutes: 120,
  startsOn: '2026-01-01',
  endsOn: null,
  ...overrides,
});

const summary = (items: ReturnType<typeof occurrences>) =>
  items.map((o) => `${o.number} ${o.date} ${o.startTime}-${o.endTime} ${o.startsAt} ${o.endsAt}`);

describe('weekly and fortnightly sessions across the clock changes in Europe/London', () => {
  it('a weekly Sunday 10:00 session stays 10:00 local across the March change (29 March 2026)', () => {
    const weekly = plan({ frequency: 'weekly', weekday: 0, startTime: '10:00' }, { startsOn: '2026-03-15' });
    expect(summary(occurrences(weekly, LONDON, '2026-03-01', '2026-04-05'))).toEqual([
      '1 2026-03-15 10:00-12:00 2026-03-15T10:00:00.000Z 2026-03-15T12:00:00.000Z',
      '2 2026-03-22 10:00-12:00 2026-03-22T10:00:00.000Z 2026-03-22T12:00:00.000Z',
      // The day the clocks go forward: 10:00 BST is 09:00 UTC.
      '3 2026-03-29 10:00-12:00 2026-03-29T09:00:00.000Z 2026-03-29T11:00:00.000Z',
      '4 2026-04-05 10:00-12:00 2026-04-05T09:00:00.000Z 2026-04-05T11:00:00.000Z',
    ]);
  });

  it('a fortnightly Saturday 10:00 session stays 10:00 local across the October change (25 October 2026)', () => {
    const fortnightly = plan(
      { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
      { startsOn: '2026-10-03', lengthMinutes: 90 },
    );
    expect(summary(occurrences(fortnightly, LONDON, '2026-10-01', '2026-11-30'))).toEqual([
      '1 2026-10-03 10:00-11:30 2026-10-03T09:00:00.000Z 2026-10-03T10:30:00.000Z',
      '2 2026-10-17 10:00-11:30 2026-10-17T09:00:00.000Z 2026-10-17T10:30:00.000Z',
      '3 2026-10-31 10:00-11:30 2026-10-31T10:00:00.000Z 2026-10-31T11:30:00.000Z',
      '4 2026-11-14 10:00-11:30 2026-11-14T10:00:00.000Z 2026-11-14T11:30:00.000Z',
      '5 2026-11-28 10:00-11:30 2026-11-28T10:00:00.000Z 2026-11-28T11:30:00.000Z',
    ]);
  });

  it('a fortnightly plan counts its fortnights from its first session, not from the window asked for', () => {
    const fortnightly = plan(
      { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
      { startsOn: '2026-10-03' },
    );
    expect(sessionDates(fortnightly, '2026-10-18', '2026-11-20')).toEqual([
      { number: 3, date: '2026-10-31' },
      { number: 4, date: '2026-11-14' },
    ]);
  });

  it('a weekly session on the Sunday the clocks go back is 10:00 GMT', () => {
    const weekly = plan({ frequency: 'weekly', weekday: 0, startTime: '10:00' }, { startsOn: '2026-10-18' });
    expect(occurrences(weekly, LONDON, '2026-10-18', '2026-10-25').map((o) => o.startsAt)).toEqual([
      '2026-10-18T09:00:00.000Z',
      '2026-10-25T10:00:00.000Z',
    ]);
  });
});

describe('bounds', () => {
  const weekly = plan(
    { frequency: 'weekly', weekday: 6, startTime: '14:00' },
    { startsOn: '2026-05-02', endsOn: '2026-05-30' },
  );

  it('the plan’s start and end dates are inclusive', () => {
    expect(sessionDates(weekly, '2026-01-01', '2026-12-31').map((d) => d.date)).toEqual([
      '2026-05-02',
      '2026-05-09',
      '2026-05-16',
      '2026-05-23',
      '2026-05-30',
    ]);
  });

  it('the window’s from and to are inclusive', () => {
    expect(sessionDates(weekly, '2026-05-09', '2026-05-23')).toEqual([
      { number: 2, date: '2026-05-09' },
      { number: 3, date: '2026-05-16' },
      { number: 4, date: '2026-05-23' },
    ]);
    expect(sessionDates(weekly, '2026-05-10', '2026-05-15')).toEqual([]);
  });

  it('a window wholly before or after the plan has no sessions', () => {
    expect(sessionDates(weekly, '2026-04-01', '2026-05-01')).toEqual([]);
    expect(sessionDates(weekly, '2026-05-31', '2026-06-30')).toEqual([]);
  });

  it('the first session is the first chosen weekday on or after the start date', () => {
    const thursday = plan(
      { frequency: 'weekly', weekday: 4, startTime: '10:00' },
      { startsOn: '2026-05-01' },
    );
    expect(nthSessionDate(thursday, 1)).toBe('2026-05-07');
    const friday = plan({ frequency: 'weekly', weekday: 5, startTime: '10:00' }, { startsOn: '2026-05-01' });
    expect(nthSessionDate(friday, 1)).toBe('2026-05-01');
    expect(nthSessionDate(weekly, 6)).toBeNull();
  });
});

describe('specific dates', () => {
  const dated = plan(
    {
      frequency: 'dates',
      dates: ['2026-11-07', '2026-03-28', '2026-03-29', '2026-03-21'],
      startTime: '10:30',
    },
    { startsOn: '2026-03-21', endsOn: '2026-11-07', lengthMinutes: 60 },
  );

  it('are in date order, numbered, and each at its local time on either side of the clock change', () => {
    expect(summary(occurrences(dated, LONDON, '2026-01-01', '2026-12-31'))).toEqual([
      '1 2026-03-21 10:30-11:30 2026-03-21T10:30:00.000Z 2026-03-21T11:30:00.000Z',
      '2 2026-03-28 10:30-11:30 2026-03-28T10:30:00.000Z 2026-03-28T11:30:00.000Z',
      '3 2026-03-29 10:30-11:30 2026-03-29T09:30:00.000Z 2026-03-29T10:30:00.000Z',
      '4 2026-11-07 10:30-11:30 2026-11-07T10:30:00.000Z 2026-11-07T11:30:00.000Z',
    ]);
  });

  it('within a window keep their numbers; dates outside the plan are left out', () => {
    expect(sessionDates(dated, '2026-03-29', '2026-11-07')).toEqual([
      { number: 3, date: '2026-03-29' },
      { number: 4, date: '2026-11-07' },
    ]);
    expect(sessionDates({ ...dated, startsOn: '2026-03-22' }, '2026-01-01', '2026-12-31')[0]).toEqual({
      number: 1,
      date: '2026-03-28',
    });
    expect(nthSessionDate(dated, 4)).toBe('2026-11-07');
    expect(nthSessionDate(dated, 5)).toBeNull();
  });
});

describe('local times that do not happen once', () => {
  it('a time in the hour skipped in March moves forward by the gap, as the clock reads it', () => {
    const instant = zonedInstant('2026-03-29', '01:30', LONDON);
    expect(instant.toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localReading(instant, LONDON).time).toBe('02:30');
  });

  it('a time in the hour repeated in October is the first of the two', () => {
    expect(zonedInstant('2026-10-25', '01:30', LONDON).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('other zones: New York and Sydney', () => {
    expect(zonedInstant('2026-03-08', '10:00', 'America/New_York').toISOString()).toBe(
      '2026-03-08T14:00:00.000Z',
    );
    expect(zonedInstant('2026-03-07', '10:00', 'America/New_York').toISOString()).toBe(
      '2026-03-07T15:00:00.000Z',
    );
    expect(zonedInstant('2026-04-05', '10:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-04-05T00:00:00.000Z',
    );
    expect(zonedInstant('2026-04-04', '10:00', 'Australia/Sydney').toISOString()).toBe(
      '2026-04-03T23:00:00.000Z',
    );
  });
});

describe('reviews', () => {
  it('are due once the plan’s number of sessions has been held', () => {
    expect(reviewDue(6, 5)).toBe(false);
    expect(reviewDue(6, 6)).toBe(true);
    expect(reviewDue(8, 7)).toBe(false);
    expect(reviewDue(8, 9)).toBe(true);
  });

  it('the first is expected after the nth planned session, or not at all if the plan ends first', () => {
    const fortnightly = plan(
      { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
      { startsOn: '2026-10-03' },
    );
    expect(expectedFirstReviewOn(fortnightly, 6)).toBe('2026-12-12');
    expect(expectedFirstReviewOn({ ...fortnightly, endsOn: '2026-12-11' }, 6)).toBeNull();
  });
});

// Properties

const ZONES = [LONDON, 'Europe/Berlin', 'America/New_York', 'Australia/Sydney', 'Pacific/Auckland'];
const DAY = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2032-12-31') });
const dateOf = (day: number) => addDays('1970-01-01', day);
const pad = (n: number) => String(n).padStart(2, '0');

/** Plans the contract accepts: starting 06:00 or later, ending by 23:59 the same day. */
const repeatingPlan = fc
  .record({
    frequency: fc.constantFrom('weekly' as const, 'fortnightly' as const),
    weekday: fc.integer({ min: 0, max: 6 }),
    hour: fc.integer({ min: 6, max: 22 }),
    minute: fc.integer({ min: 0, max: 59 }),
    length: fc.integer({ min: 15, max: 600 }),
    start: DAY,
    endAfter: fc.option(fc.integer({ min: 0, max: 800 })),
  })
  .filter((p) => p.hour * 60 + p.minute + p.length <= 23 * 60 + 59)
  .map((p): PlanSchedule => ({
    recurrence: { frequency: p.frequency, weekday: p.weekday, startTime: `${pad(p.hour)}:${pad(p.minute)}` },
    lengthMinutes: p.length,
    startsOn: dateOf(p.start),
    endsOn: p.endAfter === null ? null : dateOf(p.start + p.endAfter),
  }));

const windowAround = (schedule: PlanSchedule) =>
  fc.tuple(fc.integer({ min: -60, max: 400 }), fc.integer({ min: 0, max: 365 })).map(([offset, span]) => {
    const from = addDays(schedule.startsOn, offset);
    return { from, to: addDays(from, span) };
  });

const planWithWindow = repeatingPlan.chain((schedule) =>
  fc.record({
    schedule: fc.constant(schedule),
    window: windowAround(schedule),
    zone: fc.constantFrom(...ZONES),
  }),
);

describe('properties of weekly and fortnightly plans', () => {
  it('every session falls on the plan’s weekday in local time, at the plan’s start time, ending after its length', () => {
    fc.assert(
      fc.property(planWithWindow, ({ schedule, window, zone }) => {
        const { recurrence } = schedule;
        if (recurrence.frequency === 'dates') return;
        for (const o of occurrences(schedule, zone, window.from, window.to)) {
          const start = localReading(new Date(o.startsAt), zone);
          expect(start.weekday).toBe(recurrence.weekday);
          expect(start.date).toBe(o.date);
          expect(start.time).toBe(recurrence.startTime);
          expect(o.startTime).toBe(recurrence.startTime);
          const end = localReading(new Date(o.endsAt), zone);
          expect(end.date).toBe(o.date);
          const [sh, sm] = start.time.split(':').map(Number);
          const [eh, em] = end.time.split(':').map(Number);
          expect(eh! * 60 + em! - (sh! * 60 + sm!)).toBe(schedule.lengthMinutes);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('none falls outside the plan’s dates or the window, and none within both is missed', () => {
    fc.assert(
      fc.property(planWithWindow, ({ schedule, window }) => {
        const { recurrence } = schedule;
        if (recurrence.frequency === 'dates') return;
        const found = sessionDates(schedule, window.from, window.to).map((d) => d.date);
        for (const date of found) {
          expect(date >= schedule.startsOn && date >= window.from && date <= window.to).toBe(true);
          if (schedule.endsOn) expect(date <= schedule.endsOn).toBe(true);
        }
        if (recurrence.frequency === 'weekly') {
          // Every day of the right weekday within both ranges is a session.
          const lower = Math.max(dayNumber(window.from), dayNumber(schedule.startsOn));
          const upper = Math.min(
            dayNumber(window.to),
            schedule.endsOn ? dayNumber(schedule.endsOn) : Infinity,
          );
          const expected: string[] = [];
          for (let day = lower; day <= upper; day++) {
            if (new Date(day * 86_400_000).getUTCDay() === recurrence.weekday) expected.push(dateOf(day));
          }
          expect(found).toEqual(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('fortnightly sessions are exactly 14 local days apart, and numbered one after another', () => {
    fc.assert(
      fc.property(
        planWithWindow.filter(({ schedule }) => schedule.recurrence.frequency === 'fortnightly'),
        ({ schedule, window, zone }) => {
          const found = occurrences(schedule, zone, window.from, window.to);
          for (let i = 1; i < found.length; i++) {
            expect(dayNumber(found[i]!.date) - dayNumber(found[i - 1]!.date)).toBe(14);
            expect(found[i]!.number).toBe(found[i - 1]!.number + 1);
            // In UTC, two weeks give or take the hour of a clock change.
            const hours = (Date.parse(found[i]!.startsAt) - Date.parse(found[i - 1]!.startsAt)) / 3_600_000;
            expect([335, 336, 337]).toContain(hours);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the nth session is the one numbered n', () => {
    fc.assert(
      fc.property(repeatingPlan, fc.integer({ min: 1, max: 30 }), (schedule, n) => {
        const date = nthSessionDate(schedule, n);
        const all = sessionDates(schedule, schedule.startsOn, addDays(schedule.startsOn, 30 * 14 + 7));
        expect(date).toBe(all.find((d) => d.number === n)?.date ?? null);
      }),
    );
  });
});

describe('properties of plans on specific dates', () => {
  it('every date within the plan is a session once, in order, and nothing else is', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: 400 }),
        fc.option(fc.integer({ min: 0, max: 400 })),
        (offsets, startOffset, endAfter) => {
          const base = dayNumber('2026-01-01');
          const schedule = plan(
            { frequency: 'dates', dates: offsets.map((o) => dateOf(base + o)), startTime: '09:15' },
            {
              startsOn: dateOf(base + startOffset),
              endsOn: endAfter === null ? null : dateOf(base + startOffset + endAfter),
            },
          );
          const found = occurrences(schedule, LONDON, '2026-01-01', '2027-12-31');
          const expected = offsets
            .map((o) => dateOf(base + o))
            .filter((d) => d >= schedule.startsOn && (!schedule.endsOn || d <= schedule.endsOn))
            .sort();
          expect(found.map((o) => o.date)).toEqual(expected);
          expect(found.map((o) => o.number)).toEqual(expected.map((_, i) => i + 1));
          for (const o of found) expect(localReading(new Date(o.startsAt), LONDON).time).toBe('09:15');
        },
      ),
    );
  });
});

describe('reading the clock (with its cache of offsets)', () => {
  it('agrees with the formatter at every second-precise instant, across both clock changes and zones', () => {
    const direct = (instant: Date, timeZone: string) => {
      const text = new Intl.DateTimeFormat('sv-SE', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      }).format(instant);
      return { date: text.slice(0, 10), time: text.slice(11, 16) };
    };
    // An hour either side of London's changes in 2027, and of New York's and Adelaide's (half-hour) ones.
    const around = [
      ['Europe/London', '2027-03-28T01:00:00Z'],
      ['Europe/London', '2027-10-31T01:00:00Z'],
      ['America/New_York', '2027-03-14T07:00:00Z'],
      ['Australia/Adelaide', '2027-04-03T16:30:00Z'],
    ] as const;
    fc.assert(
      fc.property(
        fc.constantFrom(...around),
        fc.integer({ min: -3_600, max: 3_600 }),
        ([timeZone, change], seconds) => {
          const instant = new Date(Date.parse(change) + seconds * 1000);
          const { date, time } = localReading(instant, timeZone);
          expect({ date, time }).toEqual(direct(instant, timeZone));
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
