import { describe, expect, it } from 'vitest';
import dayjs from 'dayjs';
import { ageOn, formatDay, parseTypedDay } from './dates.js';

describe('parseTypedDay', () => {
  it('reads days as people in the UK type them, and the ISO form', () => {
    expect(parseTypedDay('14/03/2016')).toBe('2016-03-14');
    expect(parseTypedDay(' 4/3/2016 ')).toBe('2016-03-04');
    expect(parseTypedDay('14-03-2016')).toBe('2016-03-14');
    expect(parseTypedDay('14.03.2016')).toBe('2016-03-14');
    expect(parseTypedDay('2016-03-14')).toBe('2016-03-14');
  });

  it('refuses what is not a real day, and two-digit years', () => {
    expect(parseTypedDay('31/02/2016')).toBeNull();
    expect(parseTypedDay('14/13/2016')).toBeNull();
    expect(parseTypedDay('14/03/16')).toBeNull();
    expect(parseTypedDay('yesterday')).toBeNull();
    expect(parseTypedDay('')).toBeNull();
  });
});

describe('ageOn and formatDay', () => {
  it('counts whole years, or months for a baby', () => {
    const today = dayjs('2026-03-14');
    expect(ageOn('2018-03-14', today)).toEqual({ years: 8, months: 96 });
    expect(ageOn('2018-03-15', today)?.years).toBe(7);
    expect(ageOn('2025-10-01', today)).toEqual({ years: 0, months: 5 });
    expect(ageOn('2027-01-01', today)).toBeNull();
    expect(ageOn('not a date', today)).toBeNull();
  });

  it('writes a day the way people say it', () => {
    expect(formatDay('2016-03-14')).toBe('14 March 2016');
    expect(formatDay('14/03/2016')).toBe('14/03/2016');
  });
});
