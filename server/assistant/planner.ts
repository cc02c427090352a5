/**
 * The timetable assistant's planner: for one session day, given the sessions wanted, the rooms, the staff,
 * the sessions already booked and every separation rule, it proposes a room, a start time and a supervisor
 * for each family, so that every hard constraint holds, and explains the constraint that stops a family it
 * cannot place. Pure and deterministic: no database, no clock. See docs/decisions/012-timetable-assistant.md.
 *
 * The hard constraints are the booking service's (server/bookings/service.ts), so that every proposal can
 * be booked as it stands:
 * - a session lies within an opening of its room's venue that day;
 * - a private room holds one family at a time and no more people than its capacity; supervised contact
 *   needs a private room; a shared hall never holds more people than its capacity (counted as the booking
 *   service counts them: everyone booked at any overlapping time);
 * - a family is in one session at a time; a supervisor (whose checks are current that day) supervises one
 *   family at a time and keeps to their other commitments;
 * - adults who must not meet are never at one venue within their minutes of each other: the windows of
 *   server/bookings/planning.ts (`separationWindows`), compared as the database's exclusion constraints
 *   compare them (`windowsClash`).
 *
 * Among the supervisors free for a family, the planner prefers one on the rota to supervise at the
 * session's venue for the family's whole stay (what the rota's staffing warnings ask; a shift or shifts
 * end to end), then the one given the fewest families.
 *
 * Each person's arrival and departure are the plan's offsets from the session's start and end (agreed
 * with the family, and checked against its own separation when the plan was agreed): the planner moves a
 * whole session, never one person, and moves it as little as it can from the time the family prefers.
 */
import type { AttendanceTiming } from '../../shared/api/plans.js';
import {
  plannedPeople,
  separationWindows,
  windowsClash,
  type Pair,
  type PersonRole,
  type PlannedPerson,
  type SeparationWindow,
} from '../bookings/planning.js';
import { dayNumber, localReading, weekdayOfDay } from '../plans/recurrence.js';
import { spokenDay } from '../platform/local-time.js';

const MINUTE_MS = 60_000;

export type AssistantService = 'supported' | 'supervised' | 'handover';

/** A venue open for sessions, from one instant to another (an opening session of that day). */
export interface DayOpening {
  venueId: string;
  startsAt: Date;
  endsAt: Date;
}

export interface AttendingPerson {
  id: string;
  /** As the timetable shows a person: "Mark H.". */
  name: string;
  role: PersonRole;
}

/** One family's session wanted that day. */
export interface SessionRequest {
  caseId: string;
  reference: string;
  serviceType: AssistantService;
  lengthMinutes: number;
  /** Everyone the plan names as attending: the headcount is their number. */
  people: AttendingPerson[];
  /** The plan's arrival and departure offsets per adult. */
  timings: Record<string, AttendanceTiming>;
  /** When the family would like to start (the plan's time unless the coordinator said otherwise). */
  preferredStart: Date;
}

export interface DayRoom {
  id: string;
  name: string;
  venueId: string | null;
  capacity: number;
  usage: 'private' | 'shared';
  active: boolean;
}

export interface DayStaff {
  id: string;
  name: string;
  /** Their roles at the centre: supervisors and coordinators may supervise. */
  roles: string[];
  /** Whether their criminal-record check and training are current that day. */
  checksCurrent: boolean;
  /** Times they are already taken (sessions they supervise are read from `booked` as well). */
  commitments: { startsAt: Date; endsAt: Date }[];
  /** Their shifts on the rota that day to supervise (not as a volunteer): one on duty is preferred. */
  shifts?: { venueId: string; startsAt: Date; endsAt: Date }[];
}

/** A session already booked that day. */
export interface BookedSession {
  id: string;
  caseId: string;
  reference: string;
  roomId: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  headcount: number;
  /** Booked in a private room (one family at a time). */
  exclusive: boolean;
  supervisorId: string | null;
  people: (PlannedPerson & { name: string })[];
}

/** Two adults kept apart (one family's, or across families), with their minutes. */
export type SeparationRule = Pair;

export interface DayInput {
  /** The local date, YYYY-MM-DD, and the centre's clock: for the sentences. */
  date: string;
  timeZone: string;
  openings: DayOpening[];
  /** Why venues are closed that day, if they are (a closure's reason), for the sentences. */
  closures?: string[];
  requests: SessionRequest[];
  rooms: DayRoom[];
  staff: DayStaff[];
  booked: BookedSession[];
  separations: SeparationRule[];
  /** The centre's buffer: no pair is kept apart by less. */
  bufferMinutes: number;
  /** Start times are tried on this grid of the clock (and at the openings' edges); 5 unless given. */
  stepMinutes?: number;
}

export interface ProposedPerson {
  personId: string;
  name: string;
  role: PersonRole;
  arriveAt: Date;
  leaveAt: Date;
  broughtByPersonId: string | null;
}

export interface Proposal {
  caseId: string;
  reference: string;
  roomId: string;
  venueId: string;
  startsAt: Date;
  endsAt: Date;
  supervisorId: string | null;
  people: ProposedPerson[];
  /** Minutes between the preferred start and the proposed one (0: as preferred). */
  movedMinutes: number;
}

export const REFUSAL_REASONS = [
  'asked_twice',
  'closed',
  'plan_doors',
  'no_room_fits',
  'too_long',
  'no_supervisor',
  'family_busy',
  'room_taken',
  'supervisor_busy',
  'must_not_meet',
  'no_time_left',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

export interface Refusal {
  caseId: string;
  reference: string;
  reason: RefusalReason;
  /** A sentence a coordinator understands, naming the constraint. */
  explanation: string;
}

export interface DayPlan {
  /** In the order the requests were given. */
  proposals: Proposal[];
  refusals: Refusal[];
}

// The day as the search sees it: every session placed so far (booked or proposed), indexed.

interface Placed {
  id: string;
  caseId: string;
  roomId: string;
  venueId: string;
  startsAt: number;
  endsAt: number;
  headcount: number;
  exclusive: boolean;
  supervisorId: string | null;
  people: PlannedPerson[];
  windows: (SeparationWindow & { bookingId: string; venueId: string })[];
  /** Proposed by this plan (a booking already made is not moved and not re-checked). */
  proposed: boolean;
}

const overlaps = (a: { startsAt: number; endsAt: number }, startsAt: number, endsAt: number) =>
  a.startsAt < endsAt && startsAt < a.endsAt;

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function drop<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (!list) return;
  const index = list.indexOf(value);
  if (index >= 0) list.splice(index, 1);
}

class DayState {
  readonly byRoom = new Map<string, Placed[]>();
  readonly byCase = new Map<string, Placed[]>();
  readonly bySupervisor = new Map<string, Placed[]>();
  readonly byPair = new Map<string, Placed['windows']>();
  readonly byId = new Map<string, Placed>();
  /** Families each supervisor is given in this plan: the next family goes to the least busy. */
  readonly load = new Map<string, number>();
  /** For each session, the people booked in its room at any time it overlaps (its own included). */
  readonly around = new Map<Placed, number>();

  add(slot: Placed) {
    this.byId.set(slot.id, slot);
    let around = slot.headcount;
    for (const other of this.byRoom.get(slot.roomId) ?? []) {
      if (!overlaps(other, slot.startsAt, slot.endsAt)) continue;
      around += other.headcount;
      this.around.set(other, this.around.get(other)! + slot.headcount);
    }
    this.around.set(slot, around);
    push(this.byRoom, slot.roomId, slot);
    push(this.byCase, slot.caseId, slot);
    if (slot.supervisorId) {
      push(this.bySupervisor, slot.supervisorId, slot);
      if (slot.proposed) this.load.set(slot.supervisorId, (this.load.get(slot.supervisorId) ?? 0) + 1);
    }
    for (const window of slot.windows) push(this.byPair, window.pairId, window);
  }

  remove(slot: Placed) {
    this.byId.delete(slot.id);
    drop(this.byRoom, slot.roomId, slot);
    this.around.delete(slot);
    for (const other of this.byRoom.get(slot.roomId) ?? []) {
      if (overlaps(other, slot.startsAt, slot.endsAt)) {
        this.around.set(other, this.around.get(other)! - slot.headcount);
      }
    }
    drop(this.byCase, slot.caseId, slot);
    if (slot.supervisorId) {
      drop(this.bySupervisor, slot.supervisorId, slot);
      if (slot.proposed) this.load.set(slot.supervisorId, (this.load.get(slot.supervisorId) ?? 1) - 1);
    }
    for (const window of slot.windows) drop(this.byPair, window.pairId, window);
  }

  familyClash(caseId: string, startsAt: number, endsAt: number): Placed | undefined {
    return this.byCase.get(caseId)?.find((slot) => overlaps(slot, startsAt, endsAt));
  }

  /** Whether the room takes `headcount` more people from `startsAt` to `endsAt`. */
  roomTakes(room: DayRoom, startsAt: number, endsAt: number, headcount: number): boolean {
    const inRoom = this.byRoom.get(room.id) ?? [];
    if (room.usage === 'private') {
      if (headcount > room.capacity) return false;
      for (const slot of inRoom) if (slot.exclusive && overlaps(slot, startsAt, endsAt)) return false;
      return true;
    }
    let people = headcount;
    for (const slot of inRoom) if (overlaps(slot, startsAt, endsAt)) people += slot.headcount;
    if (people > room.capacity) return false;
    // Proposals are booked in any order: each one's own count must stay within the capacity too.
    for (const slot of inRoom) {
      if (
        slot.proposed &&
        overlaps(slot, startsAt, endsAt) &&
        this.around.get(slot)! + headcount > room.capacity
      ) {
        return false;
      }
    }
    return true;
  }

  supervisorFree(staff: Staffer, startsAt: number, endsAt: number): boolean {
    if (staff.commitments.some((c) => overlaps(c, startsAt, endsAt))) return false;
    return !(this.bySupervisor.get(staff.id) ?? []).some((slot) => overlaps(slot, startsAt, endsAt));
  }

  /** The windows of other sessions at the venue that clash with these (already named by their booking). */
  separationClashes(windows: OwnWindow[], venueId: string) {
    const clashes: { own: OwnWindow; other: Placed['windows'][number] }[] = [];
    for (const own of windows) {
      for (const other of this.byPair.get(own.pairId) ?? []) {
        if (other.venueId === venueId && windowsClash(own, other)) clashes.push({ own, other });
      }
    }
    return clashes;
  }

  someClash(windows: OwnWindow[], venueId: string): boolean {
    for (const own of windows) {
      for (const other of this.byPair.get(own.pairId) ?? []) {
        if (other.venueId === venueId && windowsClash(own, other)) return true;
      }
    }
    return false;
  }
}

type OwnWindow = SeparationWindow & { bookingId: string };

/** Everyone of a family placed at one start time, and the separation windows they would take. */
interface AtStart {
  people: PlannedPerson[];
  windows: OwnWindow[];
}

interface Staffer {
  id: string;
  name: string;
  commitments: { startsAt: number; endsAt: number }[];
  shifts: { venueId: string; startsAt: number; endsAt: number }[];
}

/** A request with what the search needs worked out once. */
interface Prepared {
  index: number;
  request: SessionRequest;
  attendees: { id: string; role: PersonRole }[];
  headcount: number;
  lengthMs: number;
  preferred: number;
  pairs: Pair[];
  /** Rooms that could ever take the family, in the order they are tried. */
  rooms: DayRoom[];
  /** Start times to try, nearest the preferred first, with the venues open for the whole session. */
  starts: { at: number; venues: Set<string> }[];
  supervised: boolean;
  /** The booking id its windows carry while it is placed. */
  id: string;
  /** People and windows by start time, worked out once (every ordering tries the same starts). */
  atStart: Map<number, AtStart>;
  refusal?: Refusal;
}

const SUPERVISING_ROLES = new Set(['supervisor', 'coordinator']);

export function planDay(input: DayInput): DayPlan {
  const planner = new Planner(input);
  return planner.plan();
}

class Planner {
  private readonly step: number;
  private readonly openings: Map<string, { startsAt: number; endsAt: number }[]>;
  private readonly supervisors: Staffer[];
  private readonly prepared: Prepared[];
  private readonly names = new Map<string, string>();

  constructor(private readonly input: DayInput) {
    this.step = Math.max(1, Math.round(input.stepMinutes ?? 5)) * MINUTE_MS;
    this.openings = mergedOpenings(input.openings);
    this.supervisors = input.staff
      .filter((staff) => staff.checksCurrent && staff.roles.some((role) => SUPERVISING_ROLES.has(role)))
      .map((staff) => ({
        id: staff.id,
        name: staff.name,
        commitments: staff.commitments.map((c) => ({
          startsAt: c.startsAt.getTime(),
          endsAt: c.endsAt.getTime(),
        })),
        shifts: (staff.shifts ?? []).map((shift) => ({
          venueId: shift.venueId,
          startsAt: shift.startsAt.getTime(),
          endsAt: shift.endsAt.getTime(),
        })),
      }))
      .sort((a, b) => compare(a.name, b.name) || compare(a.id, b.id));
    for (const booking of input.booked) {
      for (const person of booking.people) this.names.set(person.personId, person.name);
    }
    for (const request of input.requests) {
      for (const person of request.people) this.names.set(person.id, person.name);
    }
    const seen = new Set<string>();
    this.prepared = input.requests.map((request, index) => {
      const prepared = this.prepare(request, index);
      if (seen.has(request.caseId)) {
        prepared.refusal = {
          caseId: request.caseId,
          reference: request.reference,
          reason: 'asked_twice',
          explanation: 'This family is asked for twice: one session each per plan.',
        };
      }
      seen.add(request.caseId);
      return prepared;
    });
  }

  plan(): DayPlan {
    const open = this.prepared.filter((p) => !p.refusal);
    let best: Placement | null = null;
    for (const order of this.orderings(open)) {
      const attempt = this.placeAll(order);
      if (!best || this.better(attempt, best)) best = attempt;
    }
    const placement = best ?? { state: this.freshState(), slots: new Map(), unplaced: [] };
    this.repair(placement);
    this.shorten(placement);

    const proposals: Proposal[] = [];
    const refusals: Refusal[] = [];
    for (const p of this.prepared) {
      const slot = placement.slots.get(p.index);
      if (slot) proposals.push(this.proposalOf(p, slot));
      else refusals.push(p.refusal ?? this.explain(p, placement.state));
    }
    return { proposals, refusals };
  }

  // Preparing each request

  private prepare(request: SessionRequest, index: number): Prepared {
    const attendees = request.people.map((person) => ({ id: person.id, role: person.role }));
    const adults = new Set(request.people.filter((p) => p.role !== 'child').map((p) => p.id));
    const pairs = this.input.separations
      .filter((pair) => adults.has(pair.personAId) || adults.has(pair.personBId))
      .map((pair) => ({ ...pair, minutes: Math.max(pair.minutes, this.input.bufferMinutes) }));
    const supervised = request.serviceType === 'supervised';
    const headcount = request.people.length;
    const rooms = this.input.rooms
      .filter(
        (room) =>
          room.active &&
          room.venueId !== null &&
          this.openings.has(room.venueId) &&
          headcount <= room.capacity &&
          (!supervised || room.usage === 'private'),
      )
      .sort((a, b) => roomOrder(request.serviceType, a, b));
    const lengthMs = request.lengthMinutes * MINUTE_MS;
    const preferred = request.preferredStart.getTime();
    const prepared: Prepared = {
      index,
      request,
      attendees,
      headcount,
      lengthMs,
      preferred,
      pairs,
      rooms,
      starts: this.startsFor(rooms, lengthMs, preferred),
      supervised,
      id: `proposal:${index}`,
      atStart: new Map(),
    };
    const refusal = this.staticRefusal(prepared);
    if (refusal) prepared.refusal = refusal;
    return prepared;
  }

  /** Start times within the openings of the rooms' venues, nearest the preferred first (earlier on a tie). */
  private startsFor(rooms: DayRoom[], lengthMs: number, preferred: number) {
    const venues = new Map<number, Set<string>>();
    for (const venueId of new Set(rooms.map((room) => room.venueId!))) {
      for (const opening of this.openings.get(venueId) ?? []) {
        const last = opening.endsAt - lengthMs;
        if (last < opening.startsAt) continue;
        const times = new Set<number>([opening.startsAt, last]);
        if (preferred >= opening.startsAt && preferred <= last) times.add(preferred);
        for (let at = Math.ceil(opening.startsAt / this.step) * this.step; at <= last; at += this.step) {
          times.add(at);
        }
        for (const at of times) {
          const open = venues.get(at);
          if (open) open.add(venueId);
          else venues.set(at, new Set([venueId]));
        }
      }
    }
    return [...venues.entries()]
      .map(([at, open]) => ({ at, venues: open }))
      .sort((a, b) => Math.abs(a.at - preferred) - Math.abs(b.at - preferred) || a.at - b.at);
  }

  /** What makes a request impossible whatever else is booked that day. */
  private staticRefusal(p: Prepared): Refusal | undefined {
    const refuse = (reason: RefusalReason, explanation: string): Refusal => ({
      caseId: p.request.caseId,
      reference: p.request.reference,
      reason,
      explanation,
    });
    const day = spokenDate(this.input.date);
    if (this.openings.size === 0) {
      const why = this.input.closures?.length ? ` (${this.input.closures.join('; ')})` : '';
      return refuse('closed', `No venue of the centre is open for sessions on ${day}${why}.`);
    }
    // The plan's own times: two adults of the family who must not meet pass the door too close together.
    const { windows } = this.at(p, p.preferred);
    for (const a of windows) {
      for (const b of windows) {
        if (a.kind === 'door' && windowsClash(a, b)) {
          const pair = p.pairs.find((pair) => pair.id === a.pairId)!;
          return refuse(
            'plan_doors',
            `${this.nameOf(pair.personAId)} and ${this.nameOf(pair.personBId)} would pass the door less than ${pair.minutes} minutes apart at the plan’s times: agree new arrival and departure times in the plan first.`,
          );
        }
      }
    }
    if (p.rooms.length === 0) {
      const openRooms = this.input.rooms.filter(
        (room) => room.active && room.venueId !== null && this.openings.has(room.venueId),
      );
      const kind = p.supervised ? openRooms.filter((room) => room.usage === 'private') : openRooms;
      if (kind.length === 0) {
        return refuse(
          'no_room_fits',
          p.supervised
            ? `Supervised contact needs a private room, and no private room is open on ${day}.`
            : `No room is open on ${day}.`,
        );
      }
      const largest = Math.max(...kind.map((room) => room.capacity));
      return refuse(
        'no_room_fits',
        `This family is ${p.headcount} people, and no ${p.supervised ? 'private ' : ''}room open on ${day} holds more than ${largest}.`,
      );
    }
    if (p.starts.length === 0) {
      const spans = this.spansOf(p.rooms);
      return refuse(
        'too_long',
        `The session lasts ${duration(p.request.lengthMinutes)}, longer than the centre is open on ${day} (${spans}).`,
      );
    }
    if (p.supervised && this.supervisors.length === 0) {
      return refuse(
        'no_supervisor',
        `Supervised contact needs a supervisor whose checks are current on ${day}, and nobody’s are.`,
      );
    }
    return undefined;
  }

  // Searching

  private freshState(): DayState {
    const state = new DayState();
    for (const booking of this.input.booked) {
      const people = booking.people;
      const pairs = this.input.separations.map((pair) => ({
        ...pair,
        minutes: Math.max(pair.minutes, this.input.bufferMinutes),
      }));
      const relevant = pairs.filter((pair) =>
        people.some(
          (person) =>
            person.role !== 'child' &&
            (person.personId === pair.personAId || person.personId === pair.personBId),
        ),
      );
      state.add({
        id: booking.id,
        caseId: booking.caseId,
        roomId: booking.roomId,
        venueId: booking.venueId,
        startsAt: booking.startsAt.getTime(),
        endsAt: booking.endsAt.getTime(),
        headcount: booking.headcount,
        exclusive: booking.exclusive,
        supervisorId: booking.supervisorId,
        people,
        windows: separationWindows(people, relevant).map((w) => ({
          ...w,
          bookingId: booking.id,
          venueId: booking.venueId,
        })),
        proposed: false,
      });
    }
    return state;
  }

  /** A few orders to place families in; the best outcome is kept. */
  private orderings(open: Prepared[]): Prepared[][] {
    const crossFamily = new Map(
      open.map((p) => {
        const own = new Set(p.request.people.map((person) => person.id));
        const others = p.pairs.filter((pair) => !(own.has(pair.personAId) && own.has(pair.personBId)));
        return [p.index, others.length] as const;
      }),
    );
    const tie = (a: Prepared, b: Prepared) => a.preferred - b.preferred || a.index - b.index;
    const constrained = (a: Prepared, b: Prepared) =>
      Number(b.supervised) - Number(a.supervised) ||
      crossFamily.get(b.index)! - crossFamily.get(a.index)! ||
      a.rooms.length - b.rooms.length ||
      b.lengthMs - a.lengthMs ||
      tie(a, b);
    const orders = [
      [...open].sort(constrained),
      [...open].sort((a, b) => a.preferred - b.preferred || constrained(a, b)),
      [...open].sort(
        (a, b) =>
          crossFamily.get(b.index)! - crossFamily.get(a.index)! || b.lengthMs - a.lengthMs || tie(a, b),
      ),
      [...open],
    ];
    const seen = new Set<string>();
    return orders.filter((order) => {
      const key = order.map((p) => p.index).join(',');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  /** More families placed wins; then less waiting in all (an earlier order wins a tie). */
  private better(a: Placement, b: Placement): boolean {
    if (a.slots.size !== b.slots.size) return a.slots.size > b.slots.size;
    const wait = (placement: Placement) => {
      let total = 0;
      for (const [index, slot] of placement.slots) {
        total += Math.abs(slot.startsAt - this.prepared[index]!.preferred);
      }
      return total;
    };
    return wait(a) < wait(b);
  }

  private placeAll(order: Prepared[]): Placement {
    const state = this.freshState();
    const slots = new Map<number, Placed>();
    const unplaced: Prepared[] = [];
    for (const p of order) {
      const slot = this.place(p, state);
      if (slot) {
        state.add(slot);
        slots.set(p.index, slot);
      } else unplaced.push(p);
    }
    return { state, slots, unplaced };
  }

  /** The nearest start to the preferred one where a room, a supervisor and the separations all allow it. */
  private place(p: Prepared, state: DayState): Placed | null {
    for (const { at, venues } of p.starts) {
      const end = at + p.lengthMs;
      if (state.familyClash(p.request.caseId, at, end)) continue;
      let supervisor: Staffer | null = null;
      if (p.supervised) {
        supervisor = this.freeSupervisor(state, at, end);
        if (!supervisor) continue;
      }
      let found: AtStart | null = null;
      let apart: Map<string, boolean> | null = null;
      for (const room of p.rooms) {
        const venueId = room.venueId!;
        if (!venues.has(venueId)) continue;
        if (!state.roomTakes(room, at, end, p.headcount)) continue;
        found ??= this.at(p, at);
        apart ??= new Map();
        let ok = apart.get(venueId);
        if (ok === undefined) {
          ok = !state.someClash(found.windows, venueId);
          apart.set(venueId, ok);
        }
        if (!ok) continue;
        if (supervisor) supervisor = this.freeSupervisor(state, at, end, { venueId, people: found.people });
        return {
          id: p.id,
          caseId: p.request.caseId,
          roomId: room.id,
          venueId,
          startsAt: at,
          endsAt: end,
          headcount: p.headcount,
          exclusive: room.usage === 'private',
          supervisorId: supervisor?.id ?? null,
          people: found.people,
          windows: found.windows.map((w) => ({ ...w, venueId })),
          proposed: true,
        };
      }
    }
    return null;
  }

  /**
   * A supervisor free for the session, or null: once the venue and the family's times are known, one on
   * the rota there for the family's whole stay comes first; then the one given the fewest families.
   */
  private freeSupervisor(
    state: DayState,
    startsAt: number,
    endsAt: number,
    at?: { venueId: string; people: PlannedPerson[] },
  ): Staffer | null {
    let stay: { from: number; to: number } | null = null;
    if (at && at.people.length > 0) {
      stay = {
        from: Math.min(...at.people.map((person) => person.arriveAt.getTime())),
        to: Math.max(...at.people.map((person) => person.leaveAt.getTime())),
      };
    }
    const onDuty = (staff: Staffer) => {
      if (stay === null) return false;
      // Shifts there, end to end, from before the first arrival: covered once one reaches the last leaving.
      let reached = stay.from;
      const there = staff.shifts
        .filter((shift) => shift.venueId === at!.venueId)
        .sort((a, b) => a.startsAt - b.startsAt);
      for (const shift of there) {
        if (shift.startsAt > reached) break;
        reached = Math.max(reached, shift.endsAt);
        if (reached >= stay.to) return true;
      }
      return false;
    };
    let chosen: Staffer | null = null;
    let chosenOnDuty = false;
    for (const staff of this.supervisors) {
      if (!state.supervisorFree(staff, startsAt, endsAt)) continue;
      const duty = onDuty(staff);
      const fewer = (state.load.get(staff.id) ?? 0) < (state.load.get(chosen?.id ?? '') ?? 0);
      if (!chosen || (duty && !chosenOnDuty) || (duty === chosenOnDuty && fewer)) {
        chosen = staff;
        chosenOnDuty = duty;
      }
    }
    return chosen;
  }

  /**
   * One step of backtracking for each family left out: take out one placed family that stands in its way,
   * place the one left out, and put the other back elsewhere; kept only if both fit.
   */
  private repair(placement: Placement) {
    const ATTEMPTS_PER_FAMILY = 12;
    for (const u of [...placement.unplaced]) {
      const related = this.inTheWayOf(u, placement);
      for (const c of related.slice(0, ATTEMPTS_PER_FAMILY)) {
        const old = placement.slots.get(c.index)!;
        placement.state.remove(old);
        const forU = this.place(u, placement.state);
        if (!forU) {
          placement.state.add(old);
          continue;
        }
        placement.state.add(forU);
        const forC = this.place(c, placement.state);
        if (forC) {
          placement.state.add(forC);
          placement.slots.set(c.index, forC);
          placement.slots.set(u.index, forU);
          placement.unplaced = placement.unplaced.filter((p) => p !== u);
          break;
        }
        placement.state.remove(forU);
        placement.state.add(old);
      }
    }
  }

  /** Placed families that compete with `u`: kept apart from it first, then sharing its kind of room or staff. */
  private inTheWayOf(u: Prepared, placement: Placement): Prepared[] {
    const uPeople = new Set(u.request.people.map((person) => person.id));
    const uRooms = new Set(u.rooms.map((room) => room.id));
    const ranked: { p: Prepared; rank: number; distance: number }[] = [];
    for (const [index, slot] of placement.slots) {
      const p = this.prepared[index]!;
      const apart = p.pairs.some((pair) => uPeople.has(pair.personAId) || uPeople.has(pair.personBId));
      const sameRoom = uRooms.has(slot.roomId);
      const sameStaff = u.supervised && slot.supervisorId !== null;
      if (!apart && !sameRoom && !sameStaff) continue;
      ranked.push({ p, rank: apart ? 0 : 1, distance: Math.abs(slot.startsAt - u.preferred) });
    }
    return ranked
      .sort((a, b) => a.rank - b.rank || a.distance - b.distance || a.p.index - b.p.index)
      .map((r) => r.p);
  }

  /** Moves each placed family nearer its preferred time where the others now leave room. */
  private shorten(placement: Placement) {
    const byWait = [...placement.slots.entries()]
      .map(([index, slot]) => ({ index, wait: Math.abs(slot.startsAt - this.prepared[index]!.preferred) }))
      .filter((entry) => entry.wait > 0)
      .sort((a, b) => b.wait - a.wait || a.index - b.index);
    for (const { index } of byWait) {
      const p = this.prepared[index]!;
      const old = placement.slots.get(index)!;
      placement.state.remove(old);
      const again = this.place(p, placement.state);
      if (again && Math.abs(again.startsAt - p.preferred) < Math.abs(old.startsAt - p.preferred)) {
        placement.state.add(again);
        placement.slots.set(index, again);
      } else placement.state.add(old);
    }
  }

  // Output

  /** The family's people and windows if it starts at `at` (worked out once per start). */
  private at(p: Prepared, at: number): AtStart {
    let found = p.atStart.get(at);
    if (!found) {
      const people = plannedPeople(
        { startsAt: new Date(at), endsAt: new Date(at + p.lengthMs) },
        p.attendees,
        p.request.timings,
      );
      // Fresh objects: each is named by the booking it would belong to, without another copy.
      const windows = separationWindows(people, p.pairs) as OwnWindow[];
      for (const window of windows) window.bookingId = p.id;
      found = { people, windows };
      p.atStart.set(at, found);
    }
    return found;
  }

  private proposalOf(p: Prepared, slot: Placed): Proposal {
    return {
      caseId: p.request.caseId,
      reference: p.request.reference,
      roomId: slot.roomId,
      venueId: slot.venueId,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      supervisorId: slot.supervisorId,
      people: slot.people.map((person) => ({
        personId: person.personId,
        name: this.nameOf(person.personId),
        role: person.role,
        arriveAt: person.arriveAt,
        leaveAt: person.leaveAt,
        broughtByPersonId: person.broughtByPersonId,
      })),
      movedMinutes: Math.round(Math.abs(slot.startsAt - p.preferred) / MINUTE_MS),
    };
  }

  private nameOf(personId: string): string {
    return this.names.get(personId) ?? 'Someone';
  }

  private clock(at: number): string {
    return localReading(new Date(at), this.input.timeZone).time;
  }

  /** "10:00–12:00" for each opening of the rooms' venues that day. */
  private spansOf(rooms: DayRoom[]): string {
    const spans = new Set<string>();
    const all = [...new Set(rooms.map((room) => room.venueId!))]
      .flatMap((venueId) => this.openings.get(venueId) ?? [])
      .sort((a, b) => a.startsAt - b.startsAt);
    for (const opening of all) spans.add(`${this.clock(opening.startsAt)}–${this.clock(opening.endsAt)}`);
    return [...spans].join(', ');
  }

  private between(rooms: DayRoom[]): string {
    const spans = this.spansOf(rooms).split(', ');
    return spans
      .map((span) => {
        const [from, to] = span.split('–');
        return `between ${from} and ${to}`;
      })
      .join(' or ');
  }

  /**
   * Why a family could not be placed in the day as planned: every start time left is tried against each
   * constraint on its own; a constraint that fails at every one of them is named (the first in the order
   * family, room, supervisor, separation); otherwise the constraints that never all hold at once.
   */
  private explain(p: Prepared, state: DayState): Refusal {
    const refuse = (reason: RefusalReason, explanation: string): Refusal => ({
      caseId: p.request.caseId,
      reference: p.request.reference,
      reason,
      explanation,
    });
    const length = duration(p.request.lengthMinutes);
    const when = this.between(p.rooms);
    let familyEverywhere = true;
    let roomEverywhere = true;
    let roomSomewhere = false;
    let supervisorEverywhere = true;
    let supervisorSomewhere = false;
    let apartEverywhere = true;
    let familyClash: Placed | undefined;
    const blockers = new Map<string, string>();
    for (const { at, venues } of p.starts) {
      const end = at + p.lengthMs;
      const clash = state.familyClash(p.request.caseId, at, end);
      let familyFails = Boolean(clash);
      if (clash) familyClash ??= clash;
      const rooms = p.rooms.filter((room) => venues.has(room.venueId!));
      if (rooms.some((room) => state.roomTakes(room, at, end, p.headcount))) roomEverywhere = false;
      else roomSomewhere = true;
      if (!p.supervised || this.freeSupervisor(state, at, end)) supervisorEverywhere = false;
      else supervisorSomewhere = true;
      const { windows } = this.at(p, at);
      for (const venueId of new Set(rooms.map((room) => room.venueId!))) {
        let others = 0;
        for (const { own, other } of state.separationClashes(windows, venueId)) {
          const slot = state.byId.get(other.bookingId);
          // Kept apart from its own family's other session that day: that session is the reason.
          if (slot?.caseId === p.request.caseId) {
            familyFails = true;
            familyClash ??= slot;
            continue;
          }
          others += 1;
          const them = slot?.people.find((person) => person.personId === other.personId);
          const onSite = them
            ? `${this.clock(them.arriveAt.getTime())}–${this.clock(them.leaveAt.getTime())}`
            : '';
          blockers.set(
            `${own.personId} ${other.personId} ${onSite}`,
            `${this.nameOf(own.personId)} must not meet ${this.nameOf(other.personId)}, who is on site ${onSite}`,
          );
        }
        if (others === 0) apartEverywhere = false;
      }
      if (!familyFails) familyEverywhere = false;
    }
    if (familyEverywhere && familyClash) {
      return refuse(
        'family_busy',
        `This family already has a session from ${this.clock(familyClash.startsAt)} to ${this.clock(familyClash.endsAt)} that day.`,
      );
    }
    const room = p.supervised
      ? 'private room'
      : p.rooms.every((r) => r.usage === 'private')
        ? `private room for ${p.headcount} people`
        : `room with space for ${p.headcount} people`;
    if (roomEverywhere) return refuse('room_taken', `No ${room} is free for ${length} ${when}.`);
    if (supervisorEverywhere) {
      return refuse('supervisor_busy', `No supervisor is free for ${length} ${when}.`);
    }
    const meetings = [...blockers.values()];
    if (apartEverywhere && meetings.length > 0) {
      if (meetings.length === 1) return refuse('must_not_meet', `${meetings[0]} in every slot left.`);
      const shown = meetings.slice(0, 3);
      const more = meetings.length > shown.length ? `, and ${meetings.length - shown.length} more` : '';
      return refuse('must_not_meet', `${shown.join('; ')}${more}: no time ${when} keeps them apart.`);
    }
    // No one constraint fills the day, but together they leave no time: name each that takes some of it.
    const clauses = [
      familyClash
        ? `this family already has a session from ${this.clock(familyClash.startsAt)} to ${this.clock(familyClash.endsAt)}`
        : null,
      roomSomewhere ? `every ${room} is taken at some of those times` : null,
      supervisorSomewhere ? 'no supervisor is free at some of those times' : null,
      ...meetings.slice(0, 3),
    ].filter((clause): clause is string => clause !== null);
    return refuse('no_time_left', `No time ${when} is left for ${length}: ${sayList(clauses)}.`);
  }
}

interface Placement {
  state: DayState;
  slots: Map<number, Placed>;
  unplaced: Prepared[];
}

/** Openings of each venue, overlapping or touching ones joined, in time order. */
function mergedOpenings(openings: DayOpening[]) {
  const byVenue = new Map<string, { startsAt: number; endsAt: number }[]>();
  for (const opening of openings) {
    const startsAt = opening.startsAt.getTime();
    const endsAt = opening.endsAt.getTime();
    if (endsAt <= startsAt) continue;
    push(byVenue, opening.venueId, { startsAt, endsAt });
  }
  for (const [venueId, list] of byVenue) {
    list.sort((a, b) => a.startsAt - b.startsAt);
    const merged: { startsAt: number; endsAt: number }[] = [];
    for (const span of list) {
      const last = merged[merged.length - 1];
      if (last && span.startsAt <= last.endsAt) last.endsAt = Math.max(last.endsAt, span.endsAt);
      else merged.push({ ...span });
    }
    byVenue.set(venueId, merged);
  }
  return byVenue;
}

/**
 * Supported contact and handovers go to a shared hall first (keeping private rooms for supervised
 * contact), then the smallest private room that fits; supervised contact to the smallest private room.
 */
function roomOrder(service: AssistantService, a: DayRoom, b: DayRoom): number {
  const shareFirst = service !== 'supervised';
  const usage = (room: DayRoom) => (room.usage === 'shared' ? 0 : 1) * (shareFirst ? 1 : -1);
  return usage(a) - usage(b) || a.capacity - b.capacity || compare(a.name, b.name) || compare(a.id, b.id);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** "2 hours", "1 hour 30 minutes", "45 minutes". */
export function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = hours === 0 ? '' : `${hours} hour${hours === 1 ? '' : 's'}`;
  const m = rest === 0 ? '' : `${rest} minute${rest === 1 ? '' : 's'}`;
  return [h, m].filter(Boolean).join(' ') || '0 minutes';
}

function sayList(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/** "Saturday 5 December 2026". */
const spokenDate = (date: string) => `${WEEKDAYS[weekdayOfDay(dayNumber(date))]} ${spokenDay(date)}`;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
