/**
 * Whether the rota staffs the centre's sessions. Pure: the opening sessions of the days asked about, the
 * shifts and the booked sessions in, counts and warnings out.
 *
 * - A supported opening session needs at least its minimum staff on the rota at its venue for the whole
 *   session (everyone on a shift counts, whatever they do on it).
 * - It takes at most its families per volunteer: families are the supported sessions booked at the venue
 *   overlapping it; volunteers are the shifts rostered as volunteer (a coordinator or supervisor helping
 *   in the hall is rostered as a volunteer for that shift).
 * - A supervised session needs its named supervisor on the rota at its venue from the first planned
 *   arrival to the last planned departure.
 *
 * Counts are taken at every moment of the session, so a shift that ends early leaves a warning for the
 * rest; the sentence names the time when it is not the whole session.
 */
import type { ShiftRole, StaffingWarning } from '../../shared/api/rota.js';
import { dayNumber, localReading, weekdayOfDay } from '../plans/recurrence.js';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "Saturday 5 December", as the rota's warnings say a day (the week on screen gives the year). */
export function dayOfWeekAndMonth(date: string): string {
  return `${WEEKDAYS[weekdayOfDay(dayNumber(date))]} ${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1]}`;
}

export interface OpeningOnDay {
  openingSessionId: string;
  name: string;
  serviceType: 'supported' | 'supervised' | 'handover';
  venueId: string;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: Date;
  endsAt: Date;
  closed: boolean;
  minimumStaff: number;
  familiesPerVolunteer: number;
}

export interface ShiftOnDay {
  userId: string;
  displayName: string;
  role: ShiftRole;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface BookedSession {
  id: string;
  venueId: string;
  date: string;
  serviceType: 'supported' | 'supervised' | 'handover';
  startsAt: Date;
  endsAt: Date;
  /** The first planned arrival and last planned departure of the family (staggered around the session). */
  firstArrival: Date;
  lastDeparture: Date;
  room: string;
  caseReference: string;
  supervisorUserId: string | null;
  supervisorName: string | null;
}

export interface SessionStaffing {
  openingSessionId: string;
  date: string;
  staffOnShift: number;
  families: number;
}

export interface Staffing {
  sessions: SessionStaffing[];
  warnings: StaffingWarning[];
}

interface Span {
  from: number;
  to: number;
}

const overlaps = (a: Span, b: Span) => a.from < b.to && b.from < a.to;
const covers = (outer: Span, inner: Span) => outer.from <= inner.from && outer.to >= inner.to;
const spanOf = (item: { startsAt: Date; endsAt: Date }): Span => ({
  from: item.startsAt.getTime(),
  to: item.endsAt.getTime(),
});

/** The stretches of `whole` between every start and end of `items` that fall inside it. */
function segmentsOf(whole: Span, items: Span[]): Span[] {
  const cuts = new Set([whole.from, whole.to]);
  for (const item of items) {
    if (item.from > whole.from && item.from < whole.to) cuts.add(item.from);
    if (item.to > whole.from && item.to < whole.to) cuts.add(item.to);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  return sorted.slice(0, -1).map((from, index) => ({ from, to: sorted[index + 1]! }));
}

/** The run of consecutive segments from the first one `worst` picks, while each stays as bad. */
function worstRun<T>(
  segments: Span[],
  measure: (segment: Span) => T,
  same: (a: T, b: T) => boolean,
  pick: number,
) {
  const first = segments[pick]!;
  const value = measure(first);
  let to = first.to;
  for (let index = pick + 1; index < segments.length; index++) {
    if (!same(measure(segments[index]!), value)) break;
    to = segments[index]!.to;
  }
  return { from: first.from, to, value };
}

const staffWords = (count: number) =>
  count === 0 ? 'no staff' : count === 1 ? '1 member of staff' : `${count} staff`;
const families = (count: number) => (count === 1 ? '1 family' : `${count} families`);
const volunteers = (count: number) =>
  count === 0 ? 'no volunteer' : count === 1 ? '1 volunteer' : `${count} volunteers`;

export function staffingOf(
  openings: readonly OpeningOnDay[],
  shifts: readonly ShiftOnDay[],
  bookings: readonly BookedSession[],
  timeZone: string,
): Staffing {
  const clock = (instant: number) => localReading(new Date(instant), timeZone).time;
  const during = (whole: Span, run: Span) =>
    run.from === whole.from && run.to === whole.to ? '' : ` from ${clock(run.from)} to ${clock(run.to)}`;
  const warnings: StaffingWarning[] = [];
  const sessions: SessionStaffing[] = [];

  for (const opening of openings) {
    const whole = spanOf(opening);
    const shiftsHere = shifts.filter((s) => s.venueId === opening.venueId && overlaps(spanOf(s), whole));
    const familiesHere = bookings.filter(
      (b) =>
        b.venueId === opening.venueId && b.serviceType === opening.serviceType && overlaps(spanOf(b), whole),
    );
    sessions.push({
      openingSessionId: opening.openingSessionId,
      date: opening.date,
      staffOnShift: new Set(shiftsHere.map((s) => s.userId)).size,
      families: familiesHere.length,
    });
    if (opening.closed || opening.serviceType !== 'supported') continue;

    const heading = `${dayOfWeekAndMonth(opening.date)} ${opening.startTime}–${opening.endTime}, ${opening.name}`;
    const segments = segmentsOf(whole, [...shiftsHere.map(spanOf), ...familiesHere.map(spanOf)]);
    const onShift = (segment: Span, role?: ShiftRole) =>
      new Set(
        shiftsHere
          .filter((s) => covers(spanOf(s), segment) && (role === undefined || s.role === role))
          .map((s) => s.userId),
      ).size;
    const base = { date: opening.date, openingSessionId: opening.openingSessionId, bookingId: null };

    const counts = segments.map((segment) => onShift(segment));
    const fewest = Math.min(...counts);
    if (fewest < opening.minimumStaff) {
      const run = worstRun(
        segments,
        (s) => onShift(s),
        (a, b) => a === b,
        counts.indexOf(fewest),
      );
      warnings.push({
        ...base,
        kind: 'below_minimum_staff',
        message: `${heading}: ${staffWords(fewest)} on the rota${during(whole, run)} — at least ${opening.minimumStaff} needed`,
        suggestedShift: null,
      });
    }

    const ratio = opening.familiesPerVolunteer;
    const load = (segment: Span) => ({
      families: familiesHere.filter((b) => overlaps(spanOf(b), segment)).length,
      volunteers: onShift(segment, 'volunteer'),
    });
    const shortfall = (segment: Span) => {
      const { families: f, volunteers: v } = load(segment);
      return Math.ceil(f / ratio) - v;
    };
    const shortfalls = segments.map(shortfall);
    const worst = Math.max(0, ...shortfalls);
    if (worst > 0) {
      const run = worstRun(
        segments,
        load,
        (a, b) => a.families === b.families && a.volunteers === b.volunteers,
        shortfalls.indexOf(worst),
      );
      warnings.push({
        ...base,
        kind: 'too_many_families',
        message: `${heading}: ${families(run.value.families)} and ${volunteers(run.value.volunteers)}${during(whole, run)} — up to ${ratio} ${ratio === 1 ? 'family' : 'families'} per volunteer`,
        suggestedShift: null,
      });
    }
  }

  for (const booking of bookings) {
    if (booking.serviceType !== 'supervised') continue;
    const local = (instant: Date) => localReading(instant, timeZone).time;
    const heading = `${dayOfWeekAndMonth(booking.date)} ${local(booking.startsAt)}–${local(booking.endsAt)}, ${booking.room} (${booking.caseReference})`;
    const base = { date: booking.date, openingSessionId: null, bookingId: booking.id };
    if (!booking.supervisorUserId) {
      warnings.push({
        ...base,
        kind: 'no_supervisor',
        message: `${heading}: supervised contact with no supervisor named`,
        suggestedShift: null,
      });
      continue;
    }
    const needed: Span = {
      from: Math.min(booking.startsAt.getTime(), booking.firstArrival.getTime()),
      to: Math.max(booking.endsAt.getTime(), booking.lastDeparture.getTime()),
    };
    const theirs = shifts.filter(
      (s) => s.userId === booking.supervisorUserId && s.venueId === booking.venueId,
    );
    // Shifts of one person never overlap (the database holds it), so they cover the span if they
    // cover each stretch of it between their own starts and ends.
    const uncovered = segmentsOf(needed, theirs.map(spanOf)).filter(
      (segment) => !theirs.some((s) => covers(spanOf(s), segment)),
    );
    if (uncovered.length === 0) continue;
    const partly = uncovered.reduce((sum, s) => sum + s.to - s.from, 0) < needed.to - needed.from;
    warnings.push({
      ...base,
      kind: 'supervisor_not_on_rota',
      message: partly
        ? `${heading}: ${booking.supervisorName ?? 'the supervisor'} supervises, but is on the rota for only part of it (${local(new Date(needed.from))}–${local(new Date(needed.to))} needed)`
        : `${heading}: ${booking.supervisorName ?? 'the supervisor'} supervises, but is not on the rota`,
      suggestedShift: partly
        ? null
        : {
            userId: booking.supervisorUserId,
            displayName: booking.supervisorName ?? '',
            role: 'supervisor',
            venueId: booking.venueId,
            date: booking.date,
            startTime: local(new Date(needed.from)),
            endTime: local(new Date(needed.to)),
          },
    });
  }

  return { sessions, warnings };
}
