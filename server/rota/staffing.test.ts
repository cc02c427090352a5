import { describe, expect, it } from 'vitest';
import { zonedInstant } from '../plans/recurrence.js';
import {
  dayOfWeekAndMonth,
  staffingOf,
  type BookedSession,
  type OpeningOnDay,
  type ShiftOnDay,
} from './staffing.js';

const ZONE = 'Europe/London';
const DAY = '2026-12-05'; // a Saturday
const at = (time: string, date = DAY) => zonedInstant(date, time, ZONE);
const HALL = 'venue-hall';
const LIBRARY = 'venue-library';

function saturday(overrides: Partial<OpeningOnDay> = {}): OpeningOnDay {
  return {
    openingSessionId: 'saturday',
    name: 'Saturday supported',
    serviceType: 'supported',
    venueId: HALL,
    date: DAY,
    startTime: '10:00',
    endTime: '12:00',
    startsAt: at('10:00'),
    endsAt: at('12:00'),
    closed: false,
    minimumStaff: 2,
    familiesPerVolunteer: 3,
    ...overrides,
  };
}

let people = 0;
function shift(from: string, to: string, overrides: Partial<ShiftOnDay> = {}): ShiftOnDay {
  people += 1;
  return {
    userId: `user-${people}`,
    displayName: `Person ${people}`,
    role: 'volunteer',
    venueId: HALL,
    startsAt: at(from),
    endsAt: at(to),
    ...overrides,
  };
}

let families = 0;
function booking(from: string, to: string, overrides: Partial<BookedSession> = {}): BookedSession {
  families += 1;
  return {
    id: `booking-${families}`,
    venueId: HALL,
    date: DAY,
    serviceType: 'supported',
    startsAt: at(from),
    endsAt: at(to),
    firstArrival: at(from),
    lastDeparture: at(to),
    room: 'Main hall',
    caseReference: `C-2026-000${families}`,
    supervisorUserId: null,
    supervisorName: null,
    ...overrides,
  };
}

const messages = (result: ReturnType<typeof staffingOf>) => result.warnings.map((w) => w.message);

describe('a supported session’s minimum staff', () => {
  it('is met by enough people on shift for the whole session, whatever they do on it', () => {
    const result = staffingOf(
      [saturday()],
      [shift('09:30', '12:30'), shift('10:00', '12:00', { role: 'coordinator' })],
      [],
      ZONE,
    );
    expect(result.warnings).toEqual([]);
    expect(result.sessions).toEqual([
      { openingSessionId: 'saturday', date: DAY, staffOnShift: 2, families: 0 },
    ]);
  });

  it('warns with the numbers when nobody or too few are on the rota', () => {
    expect(messages(staffingOf([saturday()], [], [], ZONE))).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: no staff on the rota — at least 2 needed',
    ]);
    expect(
      messages(staffingOf([saturday({ minimumStaff: 3 })], [shift('10:00', '12:00')], [], ZONE)),
    ).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: 1 member of staff on the rota — at least 3 needed',
    ]);
  });

  it('names the time when someone leaves early', () => {
    const result = staffingOf([saturday()], [shift('10:00', '12:00'), shift('09:30', '11:00')], [], ZONE);
    expect(messages(result)).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: 1 member of staff on the rota from 11:00 to 12:00 — at least 2 needed',
    ]);
    expect(result.sessions[0]!.staffOnShift).toBe(2);
  });

  it('counts only shifts at the session’s venue', () => {
    const result = staffingOf(
      [saturday()],
      [shift('10:00', '12:00'), shift('10:00', '12:00', { venueId: LIBRARY })],
      [],
      ZONE,
    );
    expect(result.warnings.map((w) => w.kind)).toEqual(['below_minimum_staff']);
  });

  it('says nothing about a closed session or a supervised one', () => {
    expect(staffingOf([saturday({ closed: true })], [], [], ZONE).warnings).toEqual([]);
    expect(
      staffingOf([saturday({ serviceType: 'supervised', minimumStaff: 1 })], [], [], ZONE).warnings,
    ).toEqual([]);
  });
});

describe('families per volunteer', () => {
  const enoughStaff = () => [shift('09:30', '12:30', { role: 'coordinator' }), shift('09:30', '12:30')];

  it('allows up to the ratio per volunteer', () => {
    const bookings = [1, 2, 3].map(() => booking('10:00', '12:00'));
    expect(staffingOf([saturday()], enoughStaff(), bookings, ZONE).warnings).toEqual([]);
  });

  it('warns when more families overlap than the volunteers can take', () => {
    const bookings = [1, 2, 3, 4, 5].map(() => booking('10:00', '12:00'));
    const result = staffingOf([saturday()], enoughStaff(), bookings, ZONE);
    expect(messages(result)).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: 5 families and 1 volunteer — up to 3 families per volunteer',
    ]);
    expect(result.warnings[0]).toMatchObject({ kind: 'too_many_families', openingSessionId: 'saturday' });
    expect(result.sessions[0]!.families).toBe(5);
  });

  it('counts families at the same time only, and names when it is too many', () => {
    const bookings = [
      booking('10:00', '11:00'),
      booking('10:00', '11:00'),
      booking('10:30', '12:00'),
      booking('11:00', '12:00'),
      booking('11:00', '12:00'),
    ];
    // 10:00–10:30: 2; 10:30–11:00: 3; 11:00–12:00: 3 — one volunteer is enough throughout.
    expect(staffingOf([saturday()], enoughStaff(), bookings, ZONE).warnings).toEqual([]);
    const busier = [...bookings, booking('10:30', '11:00')];
    expect(messages(staffingOf([saturday()], enoughStaff(), busier, ZONE))).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: 4 families and 1 volunteer from 10:30 to 11:00 — up to 3 families per volunteer',
    ]);
  });

  it('with no volunteer on the rota, even one family is too many', () => {
    const result = staffingOf(
      [saturday({ minimumStaff: 1, familiesPerVolunteer: 1 })],
      [shift('10:00', '12:00', { role: 'coordinator' })],
      [booking('10:00', '12:00')],
      ZONE,
    );
    expect(messages(result)).toEqual([
      'Saturday 5 December 10:00–12:00, Saturday supported: 1 family and no volunteer — up to 1 family per volunteer',
    ]);
  });

  it('leaves out supervised sessions booked at the same venue', () => {
    const bookings = [1, 2, 3, 4].map(() => booking('10:00', '12:00', { serviceType: 'supervised' }));
    const result = staffingOf([saturday()], enoughStaff(), bookings, ZONE);
    expect(result.warnings.map((w) => w.kind)).not.toContain('too_many_families');
  });
});

describe('a supervised session’s supervisor', () => {
  const supervised = (overrides: Partial<BookedSession> = {}) =>
    booking('16:00', '18:00', {
      serviceType: 'supervised',
      room: 'Garden room',
      caseReference: 'C-2026-0042',
      supervisorUserId: 'grace',
      supervisorName: 'Grace Bell',
      firstArrival: at('15:45'),
      lastDeparture: at('18:15'),
      ...overrides,
    });

  it('is on the rota from the first arrival to the last departure', () => {
    const grace = shift('15:30', '18:30', { userId: 'grace', role: 'supervisor' });
    expect(staffingOf([], [grace], [supervised()], ZONE).warnings).toEqual([]);
  });

  it('not on the rota: a warning offering the shift that would cover it', () => {
    const result = staffingOf([], [], [supervised()], ZONE);
    expect(result.warnings).toEqual([
      {
        kind: 'supervisor_not_on_rota',
        date: DAY,
        bookingId: result.warnings[0]!.bookingId,
        openingSessionId: null,
        message:
          'Saturday 5 December 16:00–18:00, Garden room (C-2026-0042): Grace Bell supervises, but is not on the rota',
        suggestedShift: {
          userId: 'grace',
          displayName: 'Grace Bell',
          role: 'supervisor',
          venueId: HALL,
          date: DAY,
          startTime: '15:45',
          endTime: '18:15',
        },
      },
    ]);
  });

  it('on the rota for part of it, or at another venue', () => {
    const early = shift('15:00', '17:00', { userId: 'grace', role: 'supervisor' });
    expect(messages(staffingOf([], [early], [supervised()], ZONE))).toEqual([
      'Saturday 5 December 16:00–18:00, Garden room (C-2026-0042): Grace Bell supervises, but is on the rota for only part of it (15:45–18:15 needed)',
    ]);
    const elsewhere = shift('15:00', '19:00', { userId: 'grace', venueId: LIBRARY });
    expect(staffingOf([], [elsewhere], [supervised()], ZONE).warnings.map((w) => w.kind)).toEqual([
      'supervisor_not_on_rota',
    ]);
  });

  it('two shifts back to back cover it', () => {
    const first = shift('15:30', '17:00', { userId: 'grace' });
    const second = shift('17:00', '18:30', { userId: 'grace' });
    expect(staffingOf([], [first, second], [supervised()], ZONE).warnings).toEqual([]);
  });

  it('a supervised session with nobody named is a warning of its own', () => {
    expect(
      messages(staffingOf([], [], [supervised({ supervisorUserId: null, supervisorName: null })], ZONE)),
    ).toEqual([
      'Saturday 5 December 16:00–18:00, Garden room (C-2026-0042): supervised contact with no supervisor named',
    ]);
  });
});

describe('days as the warnings say them', () => {
  it('weekday, day and month', () => {
    expect(dayOfWeekAndMonth('2026-12-05')).toBe('Saturday 5 December');
    expect(dayOfWeekAndMonth('2027-03-28')).toBe('Sunday 28 March');
  });

  it('times stay on the centre’s clock across the clocks going forward', () => {
    const day = '2027-03-28';
    const result = staffingOf(
      [
        saturday({
          date: day,
          startsAt: zonedInstant(day, '10:00', ZONE),
          endsAt: zonedInstant(day, '12:00', ZONE),
        }),
      ],
      [
        {
          userId: 'a',
          displayName: 'A',
          role: 'volunteer',
          venueId: HALL,
          startsAt: zonedInstant(day, '10:00', ZONE),
          endsAt: zonedInstant(day, '11:00', ZONE),
        },
        {
          userId: 'b',
          displayName: 'B',
          role: 'volunteer',
          venueId: HALL,
          startsAt: zonedInstant(day, '10:00', ZONE),
          endsAt: zonedInstant(day, '12:00', ZONE),
        },
      ],
      [],
      ZONE,
    );
    expect(messages(result)).toEqual([
      'Sunday 28 March 10:00–12:00, Saturday supported: 1 member of staff on the rota from 11:00 to 12:00 — at least 2 needed',
    ]);
  });
});
