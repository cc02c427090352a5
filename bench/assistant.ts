/**
 * The timetable assistant on a busy Saturday: 40 families (supervised, supported and handovers), 6 rooms
 * (a shared hall and five private rooms), 10 staff (supervisors, one whose checks have lapsed, a
 * coordinator and volunteers), three sessions already booked, each family's parents kept apart and
 * eight pairs kept apart across families. Times the pure planner only (no database, no HTTP): the figures
 * are the search itself.
 */
import { planDay, type DayInput, type SessionRequest } from '../server/assistant/planner.js';

const DATE = '2026-12-05';
const at = (time: string) => new Date(`${DATE}T${time}:00.000Z`);
const uuid = (kind: number, n: number) =>
  `00000000-0000-4000-8${String(kind).padStart(3, '0')}-${String(n).padStart(12, '0')}`;

/** The day: deterministic, so every run plans the same thing. */
export function busySaturday(families = 40): DayInput {
  const venueId = uuid(1, 1);
  const rooms = [
    { id: uuid(2, 1), name: 'Main hall', venueId, capacity: 30, usage: 'shared' as const, active: true },
    ...['Blue room', 'Family room', 'Garden room', 'Quiet room', 'Yellow room'].map((name, i) => ({
      id: uuid(2, i + 2),
      name,
      venueId,
      capacity: 4 + (i % 3) * 2,
      usage: 'private' as const,
      active: true,
    })),
  ];
  const staff = Array.from({ length: 10 }, (_, i) => ({
    id: uuid(3, i + 1),
    name: `Staff ${String.fromCharCode(65 + i)}`,
    roles: i < 5 ? ['supervisor'] : i === 5 ? ['coordinator'] : ['volunteer'],
    checksCurrent: i !== 4,
    commitments: i === 1 ? [{ startsAt: at('09:00'), endsAt: at('11:00') }] : [],
  }));
  const services = ['supervised', 'supported', 'supported', 'handover', 'supported'] as const;
  const preferred = ['10:00', '10:00', '10:30', '11:00', '13:00', '14:00', '15:00', '10:00'];
  const requests: SessionRequest[] = [];
  const separations: DayInput['separations'] = [];
  let person = 0;
  for (let f = 0; f < families; f++) {
    const serviceType = services[f % services.length]!;
    const resident = uuid(4, ++person);
    const other = uuid(4, ++person);
    const children = Array.from({ length: 1 + (f % 2) }, () => uuid(4, ++person));
    requests.push({
      caseId: uuid(5, f + 1),
      reference: `NG-${String(f + 1).padStart(4, '0')}`,
      serviceType,
      lengthMinutes: serviceType === 'handover' ? 30 : serviceType === 'supervised' ? 90 : 120,
      people: [
        { id: resident, name: `Resident${f} R.`, role: 'resident_parent' },
        { id: other, name: `Other${f} O.`, role: 'non_resident_parent' },
        ...children.map((id, c) => ({ id, name: `Child${f}${c} C.`, role: 'child' as const })),
      ],
      timings: {
        [resident]: { arriveMinutes: -15, leaveMinutes: 15 },
        [other]: { arriveMinutes: 0, leaveMinutes: 0 },
      },
      preferredStart: at(preferred[f % preferred.length]!),
    });
    separations.push({ id: uuid(6, f + 1), personAId: resident, personBId: other, minutes: 15 });
  }
  // Across families: a parent of one family kept apart from a parent of another (non-molestation orders).
  for (let k = 0; k < 8; k++) {
    const a = requests[k * 5]!.people[1]!.id;
    const b = requests[k * 5 + 1]!.people[0]!.id;
    separations.push({ id: uuid(7, k + 1), personAId: a, personBId: b, minutes: 30 });
  }
  const booked: DayInput['booked'] = [0, 1, 2].map((i) => {
    const startsAt = at(['10:00', '12:00', '14:00'][i]!);
    const endsAt = new Date(startsAt.getTime() + 90 * 60_000);
    const p = uuid(8, i + 1);
    return {
      id: uuid(9, i + 1),
      caseId: uuid(10, i + 1),
      reference: `NG-B${i + 1}`,
      roomId: rooms[i + 1]!.id,
      venueId,
      startsAt,
      endsAt,
      headcount: 3,
      exclusive: true,
      supervisorId: staff[0]!.id,
      people: [
        {
          personId: p,
          name: `Booked${i} B.`,
          role: 'non_resident_parent',
          arriveAt: startsAt,
          leaveAt: endsAt,
          broughtByPersonId: null,
        },
      ],
    };
  });
  // One family of the day is kept apart from a parent already booked in.
  separations.push({
    id: uuid(7, 99),
    personAId: requests[2]!.people[1]!.id,
    personBId: booked[0]!.people[0]!.personId,
    minutes: 20,
  });
  return {
    date: DATE,
    timeZone: 'Europe/London',
    openings: [
      { venueId, startsAt: at('09:00'), endsAt: at('13:00') },
      { venueId, startsAt: at('13:00'), endsAt: at('18:00') },
    ],
    requests,
    rooms,
    staff,
    booked,
    separations,
    bufferMinutes: 15,
  };
}

export async function benchAssistant(): Promise<{ p50: number; p95: number; max: number; runs: number }> {
  const day = busySaturday();
  const runs = 50;
  planDay(day); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    planDay(day);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]!, runs };
}
