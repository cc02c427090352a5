import { describe, expect, it } from 'vitest';
import { ageOnDay, localDateTime, localDay, spokenDay } from './local-time.js';

describe('localDateTime', () => {
  it('reads a winter morning in London as it is written on the wall', () => {
    expect(localDateTime(new Date('2026-03-14T10:15:00Z'), 'Europe/London')).toBe('Sat 14 March 2026, 10:15');
  });

  it('moves a summer time an hour on from UTC, and keeps the 24-hour clock', () => {
    expect(localDateTime(new Date('2026-07-04T13:05:00Z'), 'Europe/London')).toBe('Sat 4 July 2026, 14:05');
  });

  it('crosses midnight into the next local day', () => {
    expect(localDateTime(new Date('2026-08-31T23:30:00Z'), 'Europe/London')).toBe(
      'Tue 1 September 2026, 00:30',
    );
    expect(localDateTime(new Date('2026-01-05T23:30:00Z'), 'Pacific/Auckland')).toBe(
      'Tue 6 January 2026, 12:30',
    );
  });
});

describe('localDay', () => {
  it('is the day on the centre’s clock, not in UTC', () => {
    expect(localDay(new Date('2026-08-31T23:30:00Z'), 'Europe/London')).toBe('2026-09-01');
    expect(localDay(new Date('2026-01-31T23:30:00Z'), 'Europe/London')).toBe('2026-01-31');
    expect(localDay(new Date('2026-01-05T12:30:00Z'), 'Pacific/Auckland')).toBe('2026-01-06');
    expect(localDay(new Date('2026-01-06T03:00:00Z'), 'America/New_York')).toBe('2026-01-05');
  });
});

describe('spokenDay', () => {
  it('writes a calendar day as people say it', () => {
    expect(spokenDay('2027-06-30')).toBe('30 June 2027');
    expect(spokenDay('2026-01-01')).toBe('1 January 2026');
  });

  it('leaves anything that is not a calendar day as it is', () => {
    expect(spokenDay('soon')).toBe('soon');
    expect(spokenDay('2026-13-01')).toBe('2026-13-01');
  });
});

describe('ageOnDay', () => {
  it('counts whole years: the birthday itself is the first day of the new age', () => {
    expect(ageOnDay('2010-05-02', '2026-05-01')).toBe(15);
    expect(ageOnDay('2010-05-02', '2026-05-02')).toBe(16);
    expect(ageOnDay('2010-05-02', '2027-05-01')).toBe(16);
    expect(ageOnDay('2010-05-02', '2027-05-02')).toBe(17);
  });

  it('a leap-day birthday is reached on 1 March in other years', () => {
    expect(ageOnDay('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOnDay('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOnDay('2008-02-29', '2024-02-29')).toBe(16);
  });
});
