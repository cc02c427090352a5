import { describe, expect, it } from 'vitest';
import { isClockTime, longDay, shiftTime } from './times.js';

describe('clock times of an edited proposal', () => {
  it('moves a time by minutes, within the day', () => {
    expect(shiftTime('16:00', 75)).toBe('17:15');
    expect(shiftTime('09:45', -30)).toBe('09:15');
    expect(shiftTime('00:10', -30)).toBe('00:00');
    expect(shiftTime('23:30', 60)).toBe('23:59');
  });

  it('knows a clock time when it sees one', () => {
    expect(isClockTime('16:05')).toBe(true);
    expect(isClockTime('4pm')).toBe(false);
    expect(isClockTime('24:00')).toBe(false);
  });
});

describe('the day of the proposal', () => {
  it('is said with its weekday', () => {
    expect(longDay('2026-12-01')).toBe('Tuesday 1 December 2026');
  });
});
