import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PersonRole } from '../bookings/planning.js';
import {
  planDay,
  REFUSAL_REASONS,
  type BookedSession,
  type DayInput,
  type DayPlan,
  type DayRoom,
  type DayStaff,
  type Proposal,
  type SessionRequest,
} from './planner.js';

const DATE = '2026-12-05';
const MINUTE = 60_000;
const at = (time: string) => new Date(`${DATE}T${time}:00.000Z`);
const atMinute = (minutes: number) => new Date(at('00:00').getTime() + minutes * MINUTE);
const clock = (date: Date) => date.toISOString().slice(11, 16);

// An independent checker: the hard constraints written out from their definitions (decision 008), without
// the planner's or the booking module's window arithmetic.

interface Session {
  id: string;
  caseId: string;
  roomId: string;
  venueId: string;
  startsAt: number;
  endsAt: number;
  headcount: number;
  exclusive: boolean;
  supervisorId: string | null;
  adults: { personId: string; arriveAt: number; leaveAt: number }[];
  proposed: boolean;
}

function problemsOf(input: DayInput, plan: DayPlan): string[] {
  const problems: string[] = [];
  const rooms = new Map(input.rooms.map((room) => [room.id, room]));
  const requests = new Map(input.requests.map((request) => [request.caseId, request]));
  const sessions: Session[] = input.booked.map((b) => ({
    id: b.id,
    caseId: b.caseId,
    roomId: b.roomId,
    venueId: b.venueId,
    startsAt: b.startsAt.getTime(),
    endsAt: b.endsAt.getTime(),
    headcount: b.headcount,
    exclusive: b.exclusive,
    supervisorId: b.supervisorId,
    adults: b.people
      .filter((p) => p.role !== 'child')
      .map((p) => ({ personId: p.personId, arriveAt: p.arriveAt.getTime(), leaveAt: p.leaveAt.getTime() })),
    proposed: false,
  }));
  for (const proposal of plan.proposals) {
    const request = requests.get(proposal.caseId);
    const room = rooms.get(proposal.roomId);
    if (!request || !room) {
      problems.push(`${proposal.reference}: unknown family or room`);
      continue;
    }
    const starts = proposal.startsAt.getTime();
    const ends = proposal.endsAt.getTime();
    if (ends - starts !== request.lengthMinutes * MINUTE)
      problems.push(`${proposal.reference}: wrong length`);
    if (!room.active || room.venueId !== proposal.venueId)
      problems.push(`${proposal.reference}: room not usable`);
    const open = input.openings.some(
      (o) => o.venueId === room.venueId && o.startsAt.getTime() <= starts && ends <= o.endsAt.getTime(),
    );
    // Two touching openings count as one span.
    const spans = input.openings
      .filter((o) => o.venueId === room.venueId)
      .map((o) => [o.startsAt.getTime(), o.endsAt.getTime()] as const)
      .sort((a, b) => a[0] - b[0]);
    let covered = starts;
    for (const [s, e] of spans) if (s <= covered && e > covered) covered = e;
    if (!open && covered < ends) problems.push(`${proposal.reference}: outside the openings`);
    if (request.serviceType === 'supervised') {
      if (room.usage !== 'private') problems.push(`${proposal.reference}: supervised in a shared room`);
      const supervisor = input.staff.find((s) => s.id === proposal.supervisorId);
      if (
        !supervisor ||
        !supervisor.checksCurrent ||
        !supervisor.roles.some((r) => r === 'supervisor' || r === 'coordinator')
      ) {
        problems.push(`${proposal.reference}: no eligible supervisor`);
      } else if (
        supervisor.commitments.some((c) => c.startsAt.getTime() < ends && starts < c.endsAt.getTime())
      ) {
        problems.push(`${proposal.reference}: supervisor committed elsewhere`);
      }
    } else if (proposal.supervisorId !== null) problems.push(`${proposal.reference}: needless supervisor`);
    if (room.usage === 'private' && request.people.length > room.capacity) {
      problems.push(`${proposal.reference}: too many for the room`);
    }
    // Each person at the plan's offsets; a child with the adult who brings them.
    const adults = request.people.filter((p) => p.role !== 'child');
    const bringer = adults.find((p) => p.role === 'resident_parent') ?? adults[0];
    for (const person of request.people) {
      const placed = proposal.people.find((p) => p.personId === person.id);
      const timingOf = (id: string) => request.timings[id] ?? { arriveMinutes: 0, leaveMinutes: 0 };
      const timing = person.role === 'child' && bringer ? timingOf(bringer.id) : timingOf(person.id);
      if (
        !placed ||
        placed.arriveAt.getTime() !== starts + timing.arriveMinutes * MINUTE ||
        placed.leaveAt.getTime() !== ends + timing.leaveMinutes * MINUTE
      ) {
        problems.push(`${proposal.reference}: ${person.name} not at the plan's times`);
      }
    }
    if (proposal.people.length !== request.people.length)
      problems.push(`${proposal.reference}: extra people`);
    sessions.push({
      id: `p:${proposal.caseId}`,
      caseId: proposal.caseId,
      roomId: proposal.roomId,
      venueId: proposal.venueId,
      startsAt: starts,
      endsAt: ends,
      headcount: request.people.length,
      exclusive: room.usage === 'private',
      supervisorId: proposal.supervisorId,
      adults: proposal.people
        .filter((p) => p.role !== 'child')
        .map((p) => ({ personId: p.personId, arriveAt: p.arriveAt.getTime(), leaveAt: p.leaveAt.getTime() })),
      proposed: true,
    });
  }
  const overlap = (a: Session, b: Session) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;
  for (const a of sessions.filter((s) => s.proposed)) {
    for (const b of sessions) {
      if (a === b || !overlap(a, b)) continue;
      if (a.caseId === b.caseId) problems.push(`${a.caseId}: family twice at once`);
      if (a.roomId === b.roomId && a.exclusive && b.exclusive)
        problems.push(`${a.roomId}: private room twice`);
      if (a.supervisorId && a.supervisorId === b.supervisorId)
        problems.push(`${a.supervisorId}: supervisor twice`);
    }
    const room = rooms.get(a.roomId)!;
    if (room.usage === 'shared') {
      const people = sessions
        .filter((b) => b.roomId === a.roomId && overlap(a, b))
        .reduce((sum, b) => sum + b.headcount, 0);
      if (people > room.capacity) problems.push(`${room.name}: ${people} people over ${room.capacity}`);
    }
  }
  for (const pair of input.separations) {
    const minutes = Math.max(pair.minutes, input.bufferMinutes) * MINUTE;
    const door = Math.max(minutes, MINUTE);
    const where = (personId: string) =>
      sessions.flatMap((s) =>
        s.adults.filter((a) => a.personId === personId).map((a) => ({ session: s, ...a })),
      );
    for (const a of where(pair.personAId)) {
      for (const b of where(pair.personBId)) {
        if (a.session.venueId !== b.session.venueId) continue;
        if (!a.session.proposed && !b.session.proposed) continue;
        if (a.session !== b.session) {
          // Stays: one arrives at least the minutes after the other leaves.
          const apart = a.arriveAt >= b.leaveAt + minutes || b.arriveAt >= a.leaveAt + minutes;
          if (!apart) problems.push(`pair ${pair.id}: on site together`);
        }
        const bothIn = (s: Session) =>
          s.adults.some((x) => x.personId === pair.personAId) &&
          s.adults.some((x) => x.personId === pair.personBId);
        if (bothIn(a.session) && bothIn(b.session)) {
          for (const x of [a.arriveAt, a.leaveAt]) {
            for (const y of [b.arriveAt, b.leaveAt]) {
              if (Math.abs(x - y) < door) problems.push(`pair ${pair.id}: at the door together`);
            }
          }
        }
      }
    }
  }
  return problems;
}

// Generated days

const ROLES_OF_ADULTS: PersonRole[] = ['resident_parent', 'non_resident_parent', 'other_attendee'];

const familyArb = fc.record({
  adults: fc.integer({ min: 1, max: 3 }),
  children: fc.integer({ min: 0, max: 2 }),
  arrive: fc.array(fc.constantFrom(-30, -15, -10, 0, 10, 15, 20), { minLength: 3, maxLength: 3 }),
  leave: fc.array(fc.constantFrom(-15, 0, 15, 30), { minLength: 3, maxLength: 3 }),
  service: fc.constantFrom('supported' as const, 'supervised' as const, 'handover' as const),
  length: fc.constantFrom(30, 45, 60, 90, 120),
  preferred: fc.integer({ min: 8 * 60, max: 17 * 60 }),
});

const dayArb = fc.record({
  venues: fc.integer({ min: 1, max: 2 }),
  openings: fc.array(
    fc.record({
      venue: fc.integer({ min: 0, max: 1 }),
      start: fc.integer({ min: 8 * 60, max: 15 * 60 }),
      length: fc.integer({ min: 30, max: 6 * 60 }),
    }),
    { minLength: 0, maxLength: 3 },
  ),
  rooms: fc.array(
    fc.record({
      venue: fc.integer({ min: 0, max: 1 }),
      usage: fc.constantFrom('private' as const, 'shared' as const),
      capacity: fc.integer({ min: 1, max: 14 }),
      active: fc.integer({ min: 0, max: 9 }).map((n) => n > 0),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  staff: fc.array(
    fc.record({
      role: fc.constantFrom('supervisor', 'coordinator', 'volunteer'),
      current: fc.boolean(),
      commitment: fc.option(
        fc.record({
          start: fc.integer({ min: 8 * 60, max: 16 * 60 }),
          length: fc.integer({ min: 30, max: 180 }),
        }),
      ),
    }),
    { minLength: 0, maxLength: 4 },
  ),
  families: fc.array(familyArb, { minLength: 1, maxLength: 9 }),
  bookedCount: fc.integer({ min: 0, max: 3 }),
  bookedAt: fc.array(
    fc.record({
      room: fc.nat(),
      start: fc.integer({ min: 8 * 60, max: 16 * 60 }),
      supervisor: fc.nat(),
      sameFamilyAsRequest: fc.boolean(),
    }),
    { minLength: 3, maxLength: 3 },
  ),
  pairs: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), minutes: fc.constantFrom(0, 5, 15, 30, 45) }), {
    minLength: 0,
    maxLength: 8,
  }),
  buffer: fc.constantFrom(0, 10, 15),
  step: fc.constantFrom(5, 15),
});

type DaySpec = typeof dayArb extends fc.Arbitrary<infer T> ? T : never;

function dayOf(spec: DaySpec): DayInput {
  const venueIds = Array.from({ length: spec.venues }, (_, i) => `venue-${i}`);
  const rooms: DayRoom[] = spec.rooms.map((room, i) => ({
    id: `room-${i}`,
    name: `Room ${i}`,
    venueId: venueIds[room.venue % venueIds.length]!,
    capacity: room.capacity,
    usage: room.usage,
    active: room.active,
  }));
  const staff: DayStaff[] = spec.staff.map((s, i) => ({
    id: `staff-${i}`,
    name: `Staff ${i}`,
    roles: [s.role],
    checksCurrent: s.current,
    commitments: s.commitment
      ? [
          {
            startsAt: atMinute(s.commitment.start),
            endsAt: atMinute(s.commitment.start + s.commitment.length),
          },
        ]
      : [],
  }));
  const families = spec.families.map((f, i) => {
    const people = [
      ...Array.from({ length: f.adults }, (_, a) => ({
        id: `f${i}-adult${a}`,
        name: `Adult${a} F${i}.`,
        role: ROLES_OF_ADULTS[a]!,
      })),
      ...Array.from({ length: f.children }, (_, c) => ({
        id: `f${i}-child${c}`,
        name: `Child${c} F${i}.`,
        role: 'child' as const,
      })),
    ];
    const timings = Object.fromEntries(
      people
        .filter((p) => p.role !== 'child')
        .map((p, a) => [p.id, { arriveMinutes: f.arrive[a]!, leaveMinutes: f.leave[a]! }]),
    );
    return { f, i, people, timings };
  });
  // The first families are wanted today; up to three more are already booked in (or, when asked, a family
  // wanted today already has a session).
  const bookedCount = Math.min(spec.bookedCount, families.length - 1);
  const wanted = families.slice(0, families.length - bookedCount);
  const requests: SessionRequest[] = wanted.map(({ f, i, people, timings }) => ({
    caseId: `case-${i}`,
    reference: `NG-${i}`,
    serviceType: f.service,
    lengthMinutes: f.length,
    people,
    timings,
    preferredStart: atMinute(f.preferred),
  }));
  const booked: BookedSession[] = families.slice(wanted.length).map(({ f, i, people, timings }, k) => {
    const spot = spec.bookedAt[k]!;
    const room = rooms[spot.room % rooms.length]!;
    const startsAt = atMinute(spot.start);
    const endsAt = atMinute(spot.start + f.length);
    const adults = people.filter((p) => p.role !== 'child');
    const bringer = adults.find((p) => p.role === 'resident_parent') ?? adults[0];
    const caseId = spot.sameFamilyAsRequest ? `case-${k % wanted.length}` : `case-${i}`;
    return {
      id: `booking-${i}`,
      caseId,
      reference: `NG-${i}`,
      roomId: room.id,
      venueId: room.venueId!,
      startsAt,
      endsAt,
      headcount: people.length,
      exclusive: room.usage === 'private',
      supervisorId:
        staff.length > 0 && spot.supervisor % 2 === 0 ? staff[spot.supervisor % staff.length]!.id : null,
      people: people.map((p) => {
        const timing = timings[p.role === 'child' && bringer ? bringer.id : p.id] ?? {
          arriveMinutes: 0,
          leaveMinutes: 0,
        };
        return {
          personId: p.id,
          name: p.name,
          role: p.role,
          arriveAt: new Date(startsAt.getTime() + timing.arriveMinutes * MINUTE),
          leaveAt: new Date(endsAt.getTime() + timing.leaveMinutes * MINUTE),
          broughtByPersonId: p.role === 'child' ? (bringer?.id ?? null) : null,
        };
      }),
    };
  });
  const adults = families.flatMap((family) => family.people.filter((p) => p.role !== 'child'));
  const seen = new Set<string>();
  const separations = spec.pairs.flatMap((pair, k) => {
    const a = adults[pair.a % adults.length]!.id;
    const b = adults[pair.b % adults.length]!.id;
    const key = [a, b].sort().join(' ');
    if (a === b || seen.has(key)) return [];
    seen.add(key);
    return [{ id: `pair-${k}`, personAId: a, personBId: b, minutes: pair.minutes }];
  });
  return {
    date: DATE,
    timeZone: 'Europe/London',
    openings: spec.openings.map((o) => ({
      venueId: venueIds[o.venue % venueIds.length]!,
      startsAt: atMinute(o.start),
      endsAt: atMinute(o.start + o.length),
    })),
    requests,
    rooms,
    staff,
    booked,
    separations,
    bufferMinutes: spec.buffer,
    stepMinutes: spec.step,
  };
}

/** Every start minute in the openings, every room, every supervisor: is there one place for it alone? */
function feasibleAlone(input: DayInput, request: SessionRequest): { possible: boolean; nearest: number } {
  let nearest = Infinity;
  const length = request.lengthMinutes;
  const supervisors = request.serviceType === 'supervised' ? input.staff.map((s) => s.id) : [null];
  // Every minute from the first opening to the last: the checker says which fit within the openings.
  const from = Math.min(...input.openings.map((o) => Math.round(o.startsAt.getTime() / MINUTE)));
  const to = Math.max(...input.openings.map((o) => Math.round(o.endsAt.getTime() / MINUTE))) - length;
  for (let minute = from; minute <= to; minute++) {
    for (const room of input.rooms) {
      for (const supervisorId of supervisors) {
        const startsAt = new Date(minute * MINUTE);
        const endsAt = new Date((minute + length) * MINUTE);
        const proposal = proposalAt(request, room, startsAt, endsAt, supervisorId);
        const alone = { ...input, requests: [request], booked: [] };
        if (problemsOf(alone, { proposals: [proposal], refusals: [] }).length === 0) {
          nearest = Math.min(nearest, Math.abs(minute * MINUTE - request.preferredStart.getTime()) / MINUTE);
        }
      }
    }
  }
  return { possible: nearest < Infinity, nearest };
}

function proposalAt(
  request: SessionRequest,
  room: DayRoom,
  startsAt: Date,
  endsAt: Date,
  supervisorId: string | null,
): Proposal {
  const adults = request.people.filter((p) => p.role !== 'child');
  const bringer = adults.find((p) => p.role === 'resident_parent') ?? adults[0];
  return {
    caseId: request.caseId,
    reference: request.reference,
    roomId: room.id,
    venueId: room.venueId!,
    startsAt,
    endsAt,
    supervisorId,
    movedMinutes: 0,
    people: request.people.map((p) => {
      const timing = request.timings[p.role === 'child' && bringer ? bringer.id : p.id] ?? {
        arriveMinutes: 0,
        leaveMinutes: 0,
      };
      return {
        personId: p.id,
        name: p.name,
        role: p.role,
        arriveAt: new Date(startsAt.getTime() + timing.arriveMinutes * MINUTE),
        leaveAt: new Date(endsAt.getTime() + timing.leaveMinutes * MINUTE),
        broughtByPersonId: p.role === 'child' ? (bringer?.id ?? null) : null,
      };
    }),
  };
}

describe('generated days', () => {
  it('no proposal ever breaks a hard constraint', () => {
    fc.assert(
      fc.property(dayArb, (spec) => {
        const input = dayOf(spec);
        const plan = planDay(input);
        expect(problemsOf(input, plan)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('every family is either proposed or refused with a sentence naming the constraint', () => {
    fc.assert(
      fc.property(dayArb, (spec) => {
        const input = dayOf(spec);
        const plan = planDay(input);
        const answered = [...plan.proposals.map((p) => p.caseId), ...plan.refusals.map((r) => r.caseId)];
        expect(answered.sort()).toEqual(input.requests.map((r) => r.caseId).sort());
        for (const refusal of plan.refusals) {
          expect(REFUSAL_REASONS).toContain(refusal.reason);
          expect(refusal.explanation).toMatch(/^[A-Z].{20,}\.$/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a family that fits alone in an empty day is always placed, as near its preferred time as the grid allows', () => {
    fc.assert(
      fc.property(dayArb, (spec) => {
        const input = dayOf(spec);
        const request = input.requests[0]!;
        const alone = { ...input, requests: [request], booked: [] };
        const { possible, nearest } = feasibleAlone(input, request);
        const plan = planDay(alone);
        expect(plan.proposals.length).toBe(possible ? 1 : 0);
        if (possible)
          expect(plan.proposals[0]!.movedMinutes).toBeLessThan(nearest + (input.stepMinutes ?? 5));
      }),
      { numRuns: 150 },
    );
  });

  it('plans the same day the same way every time', () => {
    fc.assert(
      fc.property(dayArb, (spec) => {
        const input = dayOf(spec);
        expect(planDay(input)).toEqual(planDay(input));
      }),
      { numRuns: 100 },
    );
  });
});

// Worked examples: what a coordinator sees.

const venueId = 'centre';
const room = (id: string, usage: 'private' | 'shared', capacity = 6): DayRoom => ({
  id,
  name: id,
  venueId,
  capacity,
  usage,
  active: true,
});
const supervisor = (id: string, name: string): DayStaff => ({
  id,
  name,
  roles: ['supervisor'],
  checksCurrent: true,
  commitments: [],
});

function family(
  key: string,
  names: [string, string],
  options: Partial<SessionRequest> & { stagger?: boolean } = {},
): SessionRequest {
  const { stagger = true, ...rest } = options;
  return {
    caseId: `case-${key}`,
    reference: `NG-${key}`,
    serviceType: 'supervised',
    lengthMinutes: 120,
    people: [
      { id: `${key}-resident`, name: names[0], role: 'resident_parent' },
      { id: `${key}-other`, name: names[1], role: 'non_resident_parent' },
      { id: `${key}-child`, name: `Child ${key}`, role: 'child' },
    ],
    timings: stagger
      ? {
          [`${key}-resident`]: { arriveMinutes: -15, leaveMinutes: 15 },
          [`${key}-other`]: { arriveMinutes: 0, leaveMinutes: 0 },
        }
      : {},
    preferredStart: at('10:00'),
    ...rest,
  };
}

const day = (overrides: Partial<DayInput>): DayInput => ({
  date: DATE,
  timeZone: 'Europe/London',
  openings: [{ venueId, startsAt: at('10:00'), endsAt: at('12:00') }],
  requests: [],
  rooms: [room('Blue room', 'private')],
  staff: [supervisor('sam', 'Sam T.')],
  booked: [],
  separations: [],
  bufferMinutes: 15,
  ...overrides,
});

describe('the proposal', () => {
  it('puts a family in at its preferred time with each person at the plan’s staggered times', () => {
    const plan = planDay(day({ requests: [family('hill', ['Laura H.', 'Mark H.'])] }));
    expect(plan.refusals).toEqual([]);
    const [proposal] = plan.proposals;
    expect(proposal).toMatchObject({ roomId: 'Blue room', supervisorId: 'sam', movedMinutes: 0 });
    expect(proposal!.people.map((p) => [p.name, clock(p.arriveAt), clock(p.leaveAt)])).toEqual([
      ['Laura H.', '09:45', '12:15'],
      ['Mark H.', '10:00', '12:00'],
      ['Child hill', '09:45', '12:15'],
    ]);
  });

  it('moves a family only as far as needed to keep a parent away from someone of another family', () => {
    const plan = planDay(
      day({
        openings: [{ venueId, startsAt: at('10:00'), endsAt: at('16:00') }],
        rooms: [room('Blue room', 'private'), room('Garden room', 'private')],
        staff: [supervisor('sam', 'Sam T.'), supervisor('ria', 'Ria K.')],
        requests: [family('hill', ['Laura H.', 'Mark H.']), family('park', ['Nadia P.', 'Omar P.'])],
        separations: [{ id: 'order', personAId: 'hill-other', personBId: 'park-resident', minutes: 30 }],
      }),
    );
    expect(plan.refusals).toEqual([]);
    const [hill, park] = plan.proposals;
    expect(clock(hill!.startsAt)).toBe('10:00');
    // Mark leaves at 12:00; Nadia arrives 15 minutes before the Parks' start, 30 minutes after he leaves.
    expect(clock(park!.startsAt)).toBe('12:45');
    expect(park!.movedMinutes).toBe(165);
  });

  it('gives each supervised family its own supervisor when they meet at once, and the least busy one', () => {
    const plan = planDay(
      day({
        rooms: [room('Blue room', 'private'), room('Garden room', 'private')],
        staff: [supervisor('sam', 'Sam T.'), supervisor('ria', 'Ria K.')],
        requests: [family('hill', ['Laura H.', 'Mark H.']), family('park', ['Nadia P.', 'Omar P.'])],
      }),
    );
    expect(plan.proposals.map((p) => p.supervisorId).sort()).toEqual(['ria', 'sam']);
    expect(new Set(plan.proposals.map((p) => p.roomId)).size).toBe(2);
  });

  it('prefers a supervisor on the rota at the venue for the family’s whole stay', () => {
    const shift = (from: string, to: string, where = venueId) => ({
      venueId: where,
      startsAt: at(from),
      endsAt: at(to),
    });
    const withSamOn = (shifts: ReturnType<typeof shift>[]) =>
      planDay(
        day({
          staff: [{ ...supervisor('sam', 'Sam T.'), shifts }, supervisor('ria', 'Ria K.')],
          requests: [family('hill', ['Laura H.', 'Mark H.'])],
        }),
      ).proposals[0]!.supervisorId;
    // Without a shift, the first by name; with one covering 09:45 to 12:15 there, the one on duty.
    expect(withSamOn([])).toBe('ria');
    expect(withSamOn([shift('09:30', '12:30')])).toBe('sam');
    // A shift that ends before the family leaves, or at another venue, is not a reason to prefer.
    expect(withSamOn([shift('09:30', '12:00')])).toBe('ria');
    expect(withSamOn([shift('09:00', '13:00', 'another-venue')])).toBe('ria');
    // Two shifts end to end cover the stay; with a gap between them they do not.
    expect(withSamOn([shift('11:00', '12:30'), shift('09:30', '11:00')])).toBe('sam');
    expect(withSamOn([shift('09:30', '10:55'), shift('11:00', '12:30')])).toBe('ria');
  });

  it('fills a shared hall up to its capacity and then uses a private room', () => {
    const supported = (key: string) =>
      family(key, [`Res ${key}.`, `Oth ${key}.`], { serviceType: 'supported', stagger: false });
    const plan = planDay(
      day({
        rooms: [room('Main hall', 'shared', 7), room('Blue room', 'private')],
        staff: [],
        requests: [supported('a'), supported('b'), supported('c')],
      }),
    );
    expect(plan.refusals).toEqual([]);
    expect(plan.proposals.map((p) => p.roomId)).toEqual(['Main hall', 'Main hall', 'Blue room']);
  });
});

describe('the explanations', () => {
  it('no private room free', () => {
    const booked: BookedSession = {
      id: 'b1',
      caseId: 'case-other',
      reference: 'NG-9',
      roomId: 'Blue room',
      venueId,
      startsAt: at('10:00'),
      endsAt: at('12:00'),
      headcount: 2,
      exclusive: true,
      supervisorId: null,
      people: [],
    };
    const plan = planDay(day({ booked: [booked], requests: [family('hill', ['Laura H.', 'Mark H.'])] }));
    expect(plan.refusals).toEqual([
      {
        caseId: 'case-hill',
        reference: 'NG-hill',
        reason: 'room_taken',
        explanation: 'No private room is free for 2 hours between 10:00 and 12:00.',
      },
    ]);
  });

  it('names who must not meet whom, and when the other is on site', () => {
    const booked: BookedSession = {
      id: 'b1',
      caseId: 'case-park',
      reference: 'NG-park',
      roomId: 'Garden room',
      venueId,
      startsAt: at('10:00'),
      endsAt: at('12:00'),
      headcount: 2,
      exclusive: true,
      supervisorId: null,
      people: [
        {
          personId: 'nadia',
          name: 'Nadia P.',
          role: 'resident_parent',
          arriveAt: at('10:00'),
          leaveAt: at('12:00'),
          broughtByPersonId: null,
        },
      ],
    };
    const plan = planDay(
      day({
        rooms: [room('Blue room', 'private'), room('Garden room', 'private')],
        booked: [booked],
        requests: [family('hill', ['Laura H.', 'Mark H.'])],
        separations: [{ id: 'order', personAId: 'hill-other', personBId: 'nadia', minutes: 15 }],
      }),
    );
    expect(plan.refusals[0]).toMatchObject({
      reason: 'must_not_meet',
      explanation: 'Mark H. must not meet Nadia P., who is on site 10:00–12:00 in every slot left.',
    });
  });

  it('no supervisor free', () => {
    const plan = planDay(
      day({
        rooms: [room('Blue room', 'private'), room('Garden room', 'private')],
        requests: [family('hill', ['Laura H.', 'Mark H.']), family('park', ['Nadia P.', 'Omar P.'])],
      }),
    );
    expect(plan.proposals).toHaveLength(1);
    expect(plan.refusals[0]).toMatchObject({
      reference: 'NG-park',
      reason: 'supervisor_busy',
      explanation: 'No supervisor is free for 2 hours between 10:00 and 12:00.',
    });
  });

  it('nobody’s checks are current', () => {
    const plan = planDay(
      day({
        staff: [{ ...supervisor('sam', 'Sam T.'), checksCurrent: false }],
        requests: [family('hill', ['Laura H.', 'Mark H.'])],
      }),
    );
    expect(plan.refusals[0]).toMatchObject({
      reason: 'no_supervisor',
      explanation:
        'Supervised contact needs a supervisor whose checks are current on Saturday 5 December 2026, and nobody’s are.',
    });
  });

  it('a closed day, a session longer than the opening, a family too big for any room', () => {
    expect(
      planDay(
        day({ openings: [], closures: ['Christmas'], requests: [family('hill', ['Laura H.', 'Mark H.'])] }),
      ).refusals[0],
    ).toMatchObject({
      reason: 'closed',
      explanation: 'No venue of the centre is open for sessions on Saturday 5 December 2026 (Christmas).',
    });
    expect(
      planDay(day({ requests: [family('hill', ['Laura H.', 'Mark H.'], { lengthMinutes: 150 })] }))
        .refusals[0],
    ).toMatchObject({
      reason: 'too_long',
      explanation:
        'The session lasts 2 hours 30 minutes, longer than the centre is open on Saturday 5 December 2026 (10:00–12:00).',
    });
    expect(
      planDay(
        day({
          rooms: [room('Blue room', 'private', 2)],
          requests: [family('hill', ['Laura H.', 'Mark H.'])],
        }),
      ).refusals[0],
    ).toMatchObject({
      reason: 'no_room_fits',
      explanation:
        'This family is 3 people, and no private room open on Saturday 5 December 2026 holds more than 2.',
    });
  });

  it('several constraints that together leave no time are each named', () => {
    const session = (
      id: string,
      caseId: string,
      roomId: string,
      from: string,
      to: string,
      person?: string,
    ) => ({
      id,
      caseId,
      reference: caseId,
      roomId,
      venueId,
      startsAt: at(from),
      endsAt: at(to),
      headcount: 2,
      exclusive: roomId === 'Blue room',
      supervisorId: null,
      people: person
        ? [
            {
              personId: person,
              name: 'Nadia P.',
              role: 'resident_parent' as const,
              arriveAt: at(from),
              leaveAt: at(to),
              broughtByPersonId: null,
            },
          ]
        : [],
    });
    const plan = planDay(
      day({
        rooms: [room('Blue room', 'private'), room('Hall', 'shared', 10)],
        booked: [
          session('b1', 'case-hill', 'Blue room', '10:00', '10:30'),
          session('b2', 'case-park', 'Hall', '11:30', '12:00', 'nadia'),
        ],
        requests: [
          family('hill', ['Laura H.', 'Mark H.'], {
            serviceType: 'supported',
            lengthMinutes: 60,
            stagger: false,
          }),
        ],
        separations: [{ id: 'order', personAId: 'hill-other', personBId: 'nadia', minutes: 15 }],
      }),
    );
    expect(plan.refusals[0]).toMatchObject({
      reason: 'no_time_left',
      explanation:
        'No time between 10:00 and 12:00 is left for 1 hour: this family already has a session from 10:00 to 10:30 and Mark H. must not meet Nadia P., who is on site 11:30–12:00.',
    });
  });

  it('a family already booked that day: its own session is named, not its own parents', () => {
    const hill = family('hill', ['Laura H.', 'Mark H.']);
    const first = planDay(
      day({
        requests: [hill],
        separations: [{ id: 'own', personAId: 'hill-resident', personBId: 'hill-other', minutes: 15 }],
      }),
    ).proposals[0]!;
    const booked: BookedSession = {
      id: 'b1',
      caseId: hill.caseId,
      reference: hill.reference,
      roomId: first.roomId,
      venueId,
      startsAt: first.startsAt,
      endsAt: first.endsAt,
      headcount: 3,
      exclusive: true,
      supervisorId: first.supervisorId,
      people: first.people,
    };
    const again = planDay(
      day({
        openings: [{ venueId, startsAt: at('10:00'), endsAt: at('13:00') }],
        rooms: [room('Blue room', 'private'), room('Garden room', 'private')],
        staff: [supervisor('sam', 'Sam T.'), supervisor('ria', 'Ria K.')],
        booked: [booked],
        requests: [hill],
        separations: [{ id: 'own', personAId: 'hill-resident', personBId: 'hill-other', minutes: 15 }],
      }),
    );
    expect(again.refusals[0]).toMatchObject({
      reason: 'family_busy',
      explanation: 'This family already has a session from 10:00 to 12:00 that day.',
    });
  });

  it('a plan whose own times bring the parents to the door together', () => {
    const plan = planDay(
      day({
        requests: [family('hill', ['Laura H.', 'Mark H.'], { stagger: false })],
        separations: [{ id: 'own', personAId: 'hill-resident', personBId: 'hill-other', minutes: 15 }],
      }),
    );
    expect(plan.refusals[0]).toMatchObject({
      reason: 'plan_doors',
      explanation:
        'Laura H. and Mark H. would pass the door less than 15 minutes apart at the plan’s times: agree new arrival and departure times in the plan first.',
    });
  });

  it('the same family asked for twice', () => {
    const hill = family('hill', ['Laura H.', 'Mark H.']);
    const plan = planDay(day({ requests: [hill, hill] }));
    expect(plan.proposals).toHaveLength(1);
    expect(plan.refusals[0]!.reason).toBe('asked_twice');
  });
});
