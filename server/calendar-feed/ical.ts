/**
 * An iCalendar (RFC 5545) document for a calendar app to subscribe to. Pure. Written here rather than
 * with a library because the feed needs very little of the format, and what it needs is easy to test:
 * CRLF line ends, TEXT values escaped (backslash, semicolon, comma, line breaks), lines folded at 75
 * octets without splitting a UTF-8 character, times in UTC.
 */

export interface CalendarEvent {
  /** Globally unique and stable across fetches, so an app updates the event rather than adding one. */
  uid: string;
  start: Date;
  end: Date;
  summary: string;
  location?: string;
  description?: string;
  /** When the event last changed; DTSTAMP is the time the feed was made. */
  lastModified?: Date;
}

export interface Calendar {
  name: string;
  /** When this copy of the feed was made: every event's DTSTAMP. */
  now: Date;
  events: readonly CalendarEvent[];
  /** How often an app should fetch again. */
  refreshMinutes?: number;
}

const MAX_OCTETS = 75;

/** A UTC date-time in the basic form: 20261205T100000Z. */
export function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/** A TEXT value: backslash, semicolon and comma escaped, any line break written as \n. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * One content line folded as RFC 5545 says: no line longer than 75 octets, each continuation starting
 * with a single space, and never inside a UTF-8 character.
 */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  // The continuation's leading space counts toward its 75 octets.
  let limit = MAX_OCTETS;
  for (const character of line) {
    const size = encoder.encode(character).length;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = MAX_OCTETS - 1;
    }
    current += character;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

const property = (name: string, value: string) => foldLine(`${name}:${value}`);

export function icalendar(calendar: Calendar): string {
  const stamp = utcStamp(calendar.now);
  const refresh = calendar.refreshMinutes ?? 60;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Neutral Ground//Shifts and sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(calendar.name)),
    `REFRESH-INTERVAL;VALUE=DURATION:PT${refresh}M`,
    `X-PUBLISHED-TTL:PT${refresh}M`,
  ];
  for (const event of calendar.events) {
    lines.push(
      'BEGIN:VEVENT',
      property('UID', event.uid),
      `DTSTAMP:${stamp}`,
      `DTSTART:${utcStamp(event.start)}`,
      `DTEND:${utcStamp(event.end)}`,
      property('SUMMARY', escapeText(event.summary)),
    );
    if (event.location) lines.push(property('LOCATION', escapeText(event.location)));
    if (event.description) lines.push(property('DESCRIPTION', escapeText(event.description)));
    if (event.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(event.lastModified)}`);
    lines.push('STATUS:CONFIRMED', 'TRANSP:OPAQUE', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}
