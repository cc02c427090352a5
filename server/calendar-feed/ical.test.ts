import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, icalendar, utcStamp } from './ical.js';
import { readICalendar, valueOf } from './read-ical.js';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('iCalendar text', () => {
  it('escapes backslashes, semicolons, commas and line breaks in TEXT values', () => {
    expect(escapeText('a\\b; c, d\ne\r\nf')).toBe('a\\\\b\\; c\\, d\\ne\\nf');
  });

  it('writes times in UTC, basic form', () => {
    expect(utcStamp(new Date('2026-12-05T10:00:00.000Z'))).toBe('20261205T100000Z');
  });

  it('folds long lines at 75 octets, continuations starting with one space, never inside a character', () => {
    const line = `SUMMARY:${'Supervised contact — L.H. / M.H. — Garden room — '.repeat(5)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(3);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((part) => part.startsWith(' '))).toBe(true);
    // Unfolding gives the line back, and no em dash was cut in two.
    expect(parts.map((part, index) => (index === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
    // A short line is left alone.
    expect(foldLine('UID:abc')).toBe('UID:abc');
    // Exactly 75 octets stays on one line; 76 folds.
    expect(foldLine(`X:${'a'.repeat(73)}`)).not.toContain('\r\n');
    expect(foldLine(`X:${'a'.repeat(74)}`)).toContain('\r\n');
  });

  it('makes a calendar a strict reader accepts, with each event’s fields', () => {
    const text = icalendar({
      name: 'Neutral Ground: shifts, sessions',
      now: new Date('2026-11-26T09:00:00Z'),
      events: [
        {
          uid: 'shift-1@neutral-ground',
          start: new Date('2026-12-05T09:30:00Z'),
          end: new Date('2026-12-05T12:30:00Z'),
          summary: 'Rota: volunteer — Saturday supported',
          location: 'Riverside Contact Centre; main building',
        },
        {
          uid: 'booking-2@neutral-ground',
          start: new Date('2026-12-08T16:00:00Z'),
          end: new Date('2026-12-08T18:00:00Z'),
          summary: 'Supervised contact — L.H. / M.H. — Garden room',
          description: `Arrivals and departures:\nL.H. 15:45–18:15\nM.H. 16:00–18:00\n${'More words, '.repeat(20)}`,
          lastModified: new Date('2026-11-20T08:00:00Z'),
        },
      ],
    });
    expect(text.split('\r\n').every((line) => octets(line) <= 75)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = readICalendar(text);
    expect(valueOf(calendar, 'X-WR-CALNAME')).toBe('Neutral Ground: shifts, sessions');
    const events = calendar.components.filter((c) => c.name === 'VEVENT');
    expect(events).toHaveLength(2);
    expect(valueOf(events[0]!, 'LOCATION')).toBe('Riverside Contact Centre; main building');
    expect(valueOf(events[0]!, 'DTSTART')).toBe('20261205T093000Z');
    expect(valueOf(events[0]!, 'DTSTAMP')).toBe('20261126T090000Z');
    expect(valueOf(events[1]!, 'SUMMARY')).toBe('Supervised contact — L.H. / M.H. — Garden room');
    expect(valueOf(events[1]!, 'DESCRIPTION')).toContain('L.H. 15:45–18:15\nM.H. 16:00–18:00');
  });

  it('the reader refuses what a calendar app might choke on, so the check above can fail', () => {
    const good = icalendar({ name: 'x', now: new Date(), events: [] });
    expect(() => readICalendar(good.replace(/\r\n/g, '\n'))).toThrow();
    expect(() => readICalendar(good.replace('END:VCALENDAR\r\n', ''))).toThrow(/never closed/);
    expect(() => readICalendar(good.replace('X-WR-CALNAME:x', `X-WR-CALNAME:${'y'.repeat(80)}`))).toThrow(
      /longer than 75/,
    );
    expect(() => readICalendar(good.replace('X-WR-CALNAME:x', 'X-WR-CALNAME:a,b'))).toThrow(/unescaped/);
    const noUid = icalendar({
      name: 'x',
      now: new Date(),
      events: [{ uid: 'u', start: new Date(), end: new Date(), summary: 's' }],
    }).replace('UID:u\r\n', '');
    expect(() => readICalendar(noUid)).toThrow(/UID/);
  });
});
