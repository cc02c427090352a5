/**
 * A national-scale data set for the benchmarks, made inside the database with generate_series (fast on
 * both engines): 400 centres with 6 rooms each, 20,000 open cases ready to book (referral, visits, risk
 * assessment, a fortnightly plan, rules accepted, consent), and 150 fortnightly sessions per case — 3
 * million bookings over almost six years, with each person's planned times, and separation windows for the
 * sessions still to come. `scale` shrinks the cases and bookings for a quick run.
 *
 * Every id is derived from md5 of a label (with the version and variant digits of a random uuid, so the
 * API's uuid checks accept it), so that the statements can refer to each other's rows without reading
 * them back. All invented.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../server/accounts/secrets.js';
import type { Db } from '../server/platform/database.js';
import { rowsOf } from '../server/platform/database.js';

export const BENCH_COORDINATOR = {
  email: 'bench.coordinator@example.org',
  totpSecret: 'BENCHCOORDINATORAAAAAAAAAAAAAAAA',
};

export interface NationalData {
  centres: number;
  cases: number;
  bookings: number;
  /** One centre and a day on which it has sessions, for the roster. */
  rosterCentreId: string;
  rosterDate: string;
  /** Cases (with their centre and first room) whose plans have sessions free to book after the data set. */
  bookable: { centreId: string; caseId: string; roomId: string; firstDate: string }[];
  seconds: number;
}

/** The uuid bench_uuid(label) makes in the database: md5 of the label, marked as version 4, variant 1. */
function uuidOf(label: string): string {
  const hex = createHash('md5').update(label).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
}

const CENTRES = 400;
const ROOMS = 6;
const FORTNIGHTS = 150;
/** How many centres the bench coordinator coordinates: the requests go to these. */
const COORDINATED = 10;
/** The first fortnight of the data set: a Monday in June 2021. */
const FIRST_MONDAY = '2021-06-07';

/**
 * Drops the indexes and constraints (all but checks, and keys other tables refer to) of the tables about
 * to be bulk-loaded, as a restore does, and returns what puts them back: building an index once over
 * millions of rows is far faster than keeping it up to date row by row.
 */
async function withoutIndexes(db: Db, tables: string[]): Promise<() => Promise<void>> {
  const list = sql.raw(tables.map((table) => `'${table}'::regclass`).join(', '));
  const constraints = rowsOf<{ table: string; name: string; definition: string; kind: string }>(
    await db.execute(sql`select c.conrelid::regclass::text as "table", c.conname as name,
        pg_get_constraintdef(c.oid) as definition, c.contype as kind
      from pg_constraint c
      where c.conrelid in (${list}) and c.contype in ('p', 'u', 'x', 'f')
        and not (c.contype in ('p', 'u') and exists (select 1 from pg_constraint r where r.contype = 'f' and r.confrelid = c.conrelid))`),
  );
  const indexes = rowsOf<{ name: string; definition: string }>(
    await db.execute(sql`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
      from pg_index i
      where i.indrelid in (${list}) and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)`),
  );
  for (const c of constraints.filter((c) => c.kind === 'f'))
    await db.execute(sql.raw(`alter table ${c.table} drop constraint "${c.name}"`));
  for (const c of constraints.filter((c) => c.kind !== 'f'))
    await db.execute(sql.raw(`alter table ${c.table} drop constraint "${c.name}"`));
  for (const index of indexes) await db.execute(sql.raw(`drop index ${index.name}`));
  return async () => {
    const order = ['p', 'u', 'x', 'f'];
    for (const kind of order.slice(0, 2))
      for (const c of constraints.filter((c) => c.kind === kind))
        await db.execute(sql.raw(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`));
    for (const index of indexes) await db.execute(sql.raw(index.definition));
    for (const kind of order.slice(2))
      for (const c of constraints.filter((c) => c.kind === kind))
        await db.execute(sql.raw(`alter table ${c.table} add constraint "${c.name}" ${c.definition}`));
  };
}

export async function buildNationalData(db: Db, scale = 1): Promise<NationalData> {
  const started = performance.now();
  const cases = Math.max(CENTRES, Math.round(20_000 * scale));
  const fortnights = FORTNIGHTS;
  const run = (query: ReturnType<typeof sql>) => db.execute(query);
  const [org] = rowsOf<{ id: string }>(await db.execute(sql`select id from organisations limit 1`));
  const organisationId = org!.id;
  await run(sql`create or replace function bench_uuid(label text) returns uuid language sql immutable as $$
    select (substr(md5(label), 1, 12) || '4' || substr(md5(label), 14, 3) || '8' || substr(md5(label), 18))::uuid $$`);

  // Centres, their building, six private rooms each, and version 1 of their rules.
  await run(sql`insert into centres (id, organisation_id, name, time_zone)
    select bench_uuid('c' || g), ${organisationId}, 'Bench centre ' || g, 'Europe/London'
    from generate_series(1, ${CENTRES}) g`);
  await run(sql`insert into venues (id, centre_id, name, kind)
    select bench_uuid('v' || g), bench_uuid('c' || g), 'Bench centre ' || g, 'centre'
    from generate_series(1, ${CENTRES}) g`);
  await run(sql`insert into rooms (id, centre_id, venue_id, name, capacity, usage)
    select bench_uuid('r' || g || '-' || r), bench_uuid('c' || g), bench_uuid('v' || g), 'Room ' || r, 8, 'private'
    from generate_series(1, ${CENTRES}) g, generate_series(1, ${ROOMS}) r`);
  await run(sql`insert into centre_rule_versions (id, centre_id, version, body)
    select bench_uuid('rv' || g), bench_uuid('c' || g), 1, 'Be kind. Be on time. No recordings.'
    from generate_series(1, ${CENTRES}) g`);

  // A coordinator of the first ten centres (a small network's coordinator), for the requests.
  const hash = await hashPassword('neutral-ground-demo');
  await run(sql`insert into users (id, organisation_id, email, display_name, password_hash, totp_secret, totp_enabled_at, email_verified_at)
    values (bench_uuid('bench-user'), ${organisationId}, ${BENCH_COORDINATOR.email}, 'Bench Coordinator', ${hash}, ${BENCH_COORDINATOR.totpSecret}, now(), now())`);
  await run(sql`insert into role_assignments (user_id, centre_id, role)
    select bench_uuid('bench-user'), bench_uuid('c' || g), 'coordinator' from generate_series(1, ${COORDINATED}) g`);

  // Case k is at centre ((k - 1) % 400) + 1, the j-th there; its slot: room j % 6, weekday (j / 6) % 7,
  // 10:00 or 13:00 — no two cases of a centre share a room at a time.
  const caseRows = sql`select k, ((k - 1) % ${CENTRES}) + 1 as centre, (k - 1) / ${CENTRES} as j from generate_series(1, ${cases}) k`;
  await run(sql`insert into cases (id, centre_id, reference, status, service_requested)
    select bench_uuid('k' || k), bench_uuid('c' || centre), 'B-' || k, 'open', 'supported' from (${caseRows}) s`);
  await run(sql`insert into referrals (id, centre_id, reference, status, body, referrer_name, referrer_email, referrer_role, service_requested, court_order_kind, case_id)
    select bench_uuid('ref' || k), bench_uuid('c' || centre), 'BR-' || k, 'accepted', '{}'::jsonb, 'Bench Referrer', 'referrer@example.org', 'solicitor', 'supported', 'none', bench_uuid('k' || k)
    from (${caseRows}) s`);
  await run(
    sql`update cases set referral_id = bench_uuid('ref' || substr(reference, 3)) where reference like 'B-%'`,
  );
  await run(sql`insert into case_people (id, case_id, centre_id, role, first_name, last_name, date_of_birth)
    select bench_uuid('p' || k || x.who), bench_uuid('k' || k), bench_uuid('c' || centre), x.role, x.first_name, 'Family' || k, x.dob::date
    from (${caseRows}) s, (values ('a', 'resident_parent', 'Alex', null), ('b', 'non_resident_parent', 'Blake', null), ('c', 'child', 'Casey', '2019-01-01')) as x(who, role, first_name, dob)`);
  await run(sql`insert into intake_visits (case_id, centre_id, kind, person_id, scheduled_at, status, attended_person_ids, outcome, completed_at)
    select bench_uuid('k' || k), bench_uuid('c' || centre), x.kind, bench_uuid('p' || k || x.who), '2021-05-01T10:00:00Z', 'done',
      jsonb_build_array(bench_uuid('p' || k || x.who)), 'Done', '2021-05-01T11:00:00Z'
    from (${caseRows}) s, (values ('adult', 'a'), ('adult', 'b'), ('children_introduction', 'a')) as x(kind, who)`);
  await run(sql`insert into risk_assessments (case_id, centre_id, version, factors, level, decision, conditions)
    select bench_uuid('k' || k), bench_uuid('c' || centre), 1, '[]'::jsonb, 'low', 'supported',
      jsonb_build_object('staggerMinutes', 15, 'separateEntrances', false, 'separateWaitingRooms', true,
        'mustNotMeet', jsonb_build_array(jsonb_build_array(bench_uuid('p' || k || 'a'), bench_uuid('p' || k || 'b'))),
        'mayAttend', jsonb_build_array(bench_uuid('p' || k || 'a'), bench_uuid('p' || k || 'b'), bench_uuid('p' || k || 'c')))
    from (${caseRows}) s`);
  const firstDay = sql`(${FIRST_MONDAY}::date + ((j / ${ROOMS}) % 7))`;
  await run(sql`insert into contact_plans (case_id, centre_id, version, service_type, recurrence, length_minutes, starts_on, attendee_person_ids, timings, first_review_after_sessions, special_conditions)
    select bench_uuid('k' || k), bench_uuid('c' || centre), 1, 'supported',
      jsonb_build_object('frequency', 'fortnightly', 'weekday', extract(dow from ${firstDay})::int,
        'startTime', case when j / 42 = 0 then '10:00' else '13:00' end),
      120, ${firstDay},
      jsonb_build_array(bench_uuid('p' || k || 'a'), bench_uuid('p' || k || 'b'), bench_uuid('p' || k || 'c')),
      jsonb_build_object(bench_uuid('p' || k || 'a')::text, jsonb_build_object('arriveMinutes', -15, 'leaveMinutes', 15),
        bench_uuid('p' || k || 'b')::text, jsonb_build_object('arriveMinutes', 0, 'leaveMinutes', 0)),
      6, '{"interpreter": null, "accessNeeds": null, "giftsAllowed": true, "foodAllowed": true, "photographsAllowed": false, "phonesAllowed": false, "noRecordings": true}'::jsonb
    from (${caseRows}) s`);
  await run(sql`insert into rule_acceptances (centre_id, case_id, person_id, rule_version_id, method)
    select bench_uuid('c' || centre), bench_uuid('k' || k), bench_uuid('p' || k || x.who), bench_uuid('rv' || centre), 'online'
    from (${caseRows}) s, (values ('a'), ('b')) as x(who)`);
  await run(sql`insert into child_consents (case_id, centre_id, child_person_id, given_by_person_id, given_on)
    select bench_uuid('k' || k), bench_uuid('c' || centre), bench_uuid('p' || k || 'c'), bench_uuid('p' || k || 'a'), '2021-05-01'
    from (${caseRows}) s`);
  await run(sql`insert into separation_pairs (id, centre_id, person_a_id, person_b_id, minutes, source)
    select bench_uuid('sp' || k), bench_uuid('c' || centre),
      least(bench_uuid('p' || k || 'a'), bench_uuid('p' || k || 'b')), greatest(bench_uuid('p' || k || 'a'), bench_uuid('p' || k || 'b')),
      15, 'risk_assessment'
    from (${caseRows}) s`);

  // The sessions: one every fortnight per case, 2 hours, on the centre's clock.
  const restoreIndexes = await withoutIndexes(db, ['bookings', 'booking_people', 'separation_windows']);
  const sessionRows = sql`select k, centre, j, f,
      (${firstDay} + 14 * f) as day,
      ((${firstDay} + 14 * f) + (case when j / 42 = 0 then time '10:00' else time '13:00' end)) at time zone 'Europe/London' as starts_at
    from (${caseRows}) s, generate_series(0, ${fortnights - 1}) f`;
  await run(sql`insert into bookings (id, centre_id, case_id, plan_id, venue_id, room_id, local_date, starts_at, ends_at, service_type, source, status, exclusive, headcount)
    select bench_uuid('bk' || k || '-' || f), bench_uuid('c' || centre), bench_uuid('k' || k), null, bench_uuid('v' || centre),
      bench_uuid('r' || centre || '-' || ((j % ${ROOMS}) + 1)), day, starts_at, starts_at + interval '2 hours',
      'supported', 'plan', 'booked', true, 3
    from (${sessionRows}) b`);
  await run(sql`insert into booking_people (booking_id, centre_id, person_id, planned_arrive_at, planned_leave_at, brought_by_person_id)
    select bench_uuid('bk' || k || '-' || f), bench_uuid('c' || centre), bench_uuid('p' || k || x.who),
      starts_at + make_interval(mins => x.arrive), starts_at + interval '2 hours' + make_interval(mins => x.leave),
      case when x.who = 'c' then bench_uuid('p' || k || 'a') end
    from (${sessionRows}) b, (values ('a', -15, 15), ('b', 0, 0), ('c', -15, 15)) as x(who, arrive, leave)`);
  // Windows only where they still matter: the sessions to come.
  await run(sql`insert into separation_windows (centre_id, pair_id, booking_id, venue_id, person_id, kind, starts_at, ends_at)
    select bp.centre_id, bench_uuid('sp' || substr(c.reference, 3)), bp.booking_id, b.venue_id, bp.person_id, w.kind,
      case w.kind when 'stay' then bp.planned_arrive_at when 'door-in' then bp.planned_arrive_at else bp.planned_leave_at end,
      case w.kind when 'stay' then bp.planned_leave_at + interval '15 minutes'
        when 'door-in' then bp.planned_arrive_at + interval '15 minutes' else bp.planned_leave_at + interval '15 minutes' end
    from booking_people bp
    join bookings b on b.id = bp.booking_id
    join cases c on c.id = b.case_id
    join case_people p on p.id = bp.person_id and p.role <> 'child'
    cross join (values ('stay'), ('door-in'), ('door-out')) as w(kind)
    where b.starts_at > now() and c.reference like 'B-%'`);
  await run(sql`update separation_windows set kind = 'door' where kind in ('door-in', 'door-out')`);
  await restoreIndexes();
  // As after a restore: statistics and the visibility map made now, and the new pages written out, so
  // that neither autovacuum nor the checkpointer works through millions of rows during the measurements.
  await run(sql`vacuum (analyze)`);
  await run(sql`checkpoint`).catch(() => undefined);

  const [counts] = rowsOf<{ bookings: number }>(
    await db.execute(sql`select count(*)::int as bookings from bookings`),
  );
  // A centre's busiest coming day, for the roster; cases whose next free sessions follow the data set.
  const [day] = rowsOf<{ local_date: string }>(
    await db.execute(sql`select local_date::text as local_date from bookings where centre_id = bench_uuid('c1') and starts_at > now()
      group by local_date order by count(*) desc, local_date limit 1`),
  );
  const bookable = rowsOf<{ k: number; centre: number; j: number }>(
    await db.execute(
      sql`select k, centre, j from (${caseRows}) s where centre <= ${COORDINATED} order by k limit 200`,
    ),
  ).map((row) => {
    const first = new Date(`${FIRST_MONDAY}T12:00:00Z`);
    first.setUTCDate(first.getUTCDate() + (Math.floor(row.j / ROOMS) % 7) + 14 * fortnights);
    return {
      centreId: uuidOf(`c${row.centre}`),
      caseId: uuidOf(`k${row.k}`),
      roomId: uuidOf(`r${row.centre}-${(row.j % ROOMS) + 1}`),
      firstDate: first.toISOString().slice(0, 10),
    };
  });
  return {
    centres: CENTRES,
    cases,
    bookings: counts!.bookings,
    rosterCentreId: uuidOf('c1'),
    rosterDate: day!.local_date,
    bookable,
    seconds: (performance.now() - started) / 1000,
  };
}
