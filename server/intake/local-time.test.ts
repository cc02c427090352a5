import { describe, expect, it } from 'vitest';
import { localDateTime } from './local-time.js';

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
