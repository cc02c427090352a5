/**
 * Benchmarks: latency of signed-in requests (session lookup, permission check, scoped query, audit write)
 * against a bare Fastify endpoint measured in the same run, under concurrent clients.
 */
import { Worker } from 'node:worker_threads';
import Fastify from 'fastify';
import { generate } from 'otplib';
import pg from 'pg';
import { buildApp } from '../server/app.js';
import { readConfig } from '../server/config.js';
import { loadDemo } from '../server/demo/load-demo.js';
import { DEMO_PASSWORD } from '../server/demo/demo-data.js';
import { openPglite, openPostgres, type Database } from '../server/platform/database.js';
import { serverUrl } from '../server/test-support/paths.js';
import { benchAssistant } from './assistant.js';
import { BENCH_COORDINATOR, buildNationalData } from './national.js';

const CONCURRENCY = 20;
const REQUESTS = 2000;
/** Paced clients pause 250 ms on average between requests: 20 people at screens, ~80 requests a second. */
const THINK_MS = 250;
const PACED_REQUESTS = 1000;
/**
 * Booking is also measured at people's pace for that task: 20 coordinators each booking a session every
 * 2 s on average (10 a second, far more than a network books; decision 016). Printed beside, not instead.
 */
const BOOKING_THINK_MS = 2000;
const BOOKING_PACED_REQUESTS = 400;

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

interface Request {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  expect?: number;
}

type Mode = 'closed' | 'paced';

/** Sends the requests from 20 clients in a worker thread (load-client.mjs) and summarises the latencies. */
async function measure(
  target: string | ((i: number) => Request),
  headers: Record<string, string> = {},
  { requests = REQUESTS, mode = 'closed' as Mode, thinkMs = THINK_MS } = {},
): Promise<Figures> {
  const requestOf = typeof target === 'string' ? (): Request => ({ url: target }) : target;
  const list = Array.from({ length: requests }, (_, i) => {
    const request = requestOf(i);
    return { ...request, headers: { ...headers, ...request.headers } };
  });
  const worker = new Worker(new URL('./load-client.mjs', import.meta.url), {
    workerData: { requests: list, clients: CONCURRENCY, mode, thinkMs },
  });
  const result = await new Promise<{ latencies?: number[]; seconds?: number; error?: string }>(
    (resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    },
  );
  await worker.terminate();
  if (result.error || !result.latencies || !result.seconds) throw new Error(result.error ?? 'no figures');
  const latencies = result.latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: latencies.length / result.seconds };
}

interface Baseline {
  closed: Figures;
  paced: Figures;
}

/** A bare Fastify endpoint on the same machine, measured as the app is: the ratio's denominator. */
async function baseline(): Promise<Baseline> {
  const bare = Fastify();
  bare.get('/ping', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  const ping = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/ping`;
  await measure(ping); // warm-up
  const closed = await measure(ping);
  const paced = await measure(ping, {}, { requests: PACED_REQUESTS, mode: 'paced' });
  await bare.close();
  return { closed, paced };
}

async function fetchAgainOnReset(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch {
    return fetch(url, init);
  }
}

async function signedIn(
  base: string,
  email = 'admin@example.org',
  secret = 'DEMOADMINAAAAAAAAAAAAAAAAAAAAAAA',
): Promise<{ cookie: string; csrfToken: string }> {
  // After the data set is built (minutes), the pooled connection may have been closed by the server.
  const signIn = await fetchAgainOnReset(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  let cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const verify = await fetch(`${base}/api/auth/two-factor/verify`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ code: await generate({ secret }) }),
  });
  if (verify.status !== 200) throw new Error(`two-factor failed: ${verify.status}`);
  cookie = verify.headers.getSetCookie()[0]!.split(';')[0]!;
  return { cookie, csrfToken: ((await verify.json()) as { csrfToken: string }).csrfToken };
}

function printHeader(): void {
  console.log(
    'case'.padEnd(44),
    'clients'.padEnd(11),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'req/s'.padStart(7),
    'p95 ÷ baseline'.padStart(15),
  );
}

function printRow(label: string, mode: Mode, f: Figures, base: Baseline, clients?: string): void {
  console.log(
    label.padEnd(44),
    (clients ?? (mode === 'closed' ? 'saturating' : 'paced')).padEnd(11),
    f.p50.toFixed(2).padStart(8),
    f.p95.toFixed(2).padStart(8),
    f.p99.toFixed(2).padStart(8),
    f.perSecond.toFixed(0).padStart(7),
    `${(f.p95 / base[mode].p95).toFixed(1)}×`.padStart(15),
  );
}

/** Warms up, then measures the case with saturating clients and with paced ones, and prints both. */
async function measureBoth(
  label: string,
  target: string | ((i: number) => Request),
  headers: Record<string, string>,
  base: Baseline,
): Promise<void> {
  // Each call sees requests from its own offset, so that bookings never repeat across the runs.
  const from = (offset: number) => (typeof target === 'string' ? target : (i: number) => target(i + offset));
  await measure(from(0), headers, { requests: 200 });
  printRow(label, 'closed', await measure(from(200), headers), base);
  printRow(
    label,
    'paced',
    await measure(from(200 + REQUESTS), headers, { requests: PACED_REQUESTS, mode: 'paced' }),
    base,
  );
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The timetable at national scale: the day's roster, a month's calendar, and booking one session. */
async function benchTimetable(url: string, database: Database, base: Baseline): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const data = await buildNationalData(database.db, scale);
  console.log(
    `national data set (scale ${scale}): ${data.centres} centres, ${data.cases} open cases, ${data.bookings.toLocaleString('en-GB')} bookings, made in ${data.seconds.toFixed(0)} s`,
  );
  const { cookie, csrfToken } = await signedIn(url, BENCH_COORDINATOR.email, BENCH_COORDINATOR.totpSecret);
  const centre = `${url}/api/centres/${data.rosterCentreId}`;
  printHeader();
  await measureBoth(
    `day roster (one centre, ${data.rosterDate})`,
    `${centre}/roster?date=${data.rosterDate}`,
    { cookie },
    base,
  );
  const monthStart = `${data.rosterDate.slice(0, 8)}01`;
  await measureBoth(
    "a month's calendar (one centre)",
    `${centre}/bookings?from=${monthStart}&to=${addDays(monthStart, 30)}`,
    { cookie },
    base,
  );
  // Each request books a different case's next free fortnight: every check runs, none conflicts.
  const book = (n: number): Request => {
    const target = data.bookable[n % data.bookable.length]!;
    return {
      url: `${url}/api/centres/${target.centreId}/cases/${target.caseId}/bookings`,
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        date: addDays(target.firstDate, 14 * Math.floor(n / data.bookable.length)),
        roomId: target.roomId,
      }),
      expect: 201,
    };
  };
  await measureBoth('book one session (all checks)', book, { cookie }, base);
  const offset = 200 + REQUESTS + PACED_REQUESTS;
  printRow(
    'book one session (all checks)',
    'paced',
    await measure(
      (i) => book(i + offset),
      { cookie },
      {
        requests: BOOKING_PACED_REQUESTS,
        mode: 'paced',
        thinkMs: BOOKING_THINK_MS,
      },
    ),
    base,
    'paced 2 s',
  );
  const assistant = await benchAssistant();
  console.log(
    `timetable assistant (40 families, 6 rooms, 10 staff, ${assistant.runs} runs): p50 ${assistant.p50.toFixed(1)} ms, p95 ${assistant.p95.toFixed(1)} ms, max ${assistant.max.toFixed(1)} ms (target under 1,000 ms)`,
  );
}

async function benchEngine(name: string, database: Database, base: Baseline): Promise<void> {
  await database.migrate();
  await loadDemo(database.db);
  const built = await buildApp(
    { ...readConfig({ LOG_LEVEL: 'silent' }), port: 0 },
    { database, logger: false },
  );
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const { cookie } = await signedIn(url);
  const centres = (await (await fetch(`${url}/api/admin/centres`, { headers: { cookie } })).json()) as {
    items: { id: string }[];
  };
  const cases: [string, string][] = [
    ['health (one query)', '/api/health'],
    ['session view (signed in)', '/api/auth/session'],
    ["centre's rooms (guard + scope)", `/api/centres/${centres.items[0]!.id}/rooms`],
    ['staff list (admin)', '/api/admin/users'],
    ['audit trail page (read + audit write)', '/api/audit/events?limit=50'],
  ];
  console.log(
    `\n${name}: ${CONCURRENCY} clients; saturating (${REQUESTS} requests, each client's next as soon as its last is answered) and paced (${PACED_REQUESTS} requests, ${THINK_MS} ms average pause)`,
  );
  printHeader();
  for (const [label, path] of cases) await measureBoth(label, `${url}${path}`, { cookie }, base);
  if (process.env.BENCH_SCALE !== '0') await benchTimetable(url, database, base);
  await built.close();
}

async function main(): Promise<void> {
  const base = await baseline();
  for (const mode of ['closed', 'paced'] as const)
    console.log(
      `baseline (bare Fastify, same machine, ${mode === 'closed' ? 'saturating' : 'paced'}): p50 ${base[mode].p50.toFixed(2)} ms, p95 ${base[mode].p95.toFixed(2)} ms, ${base[mode].perSecond.toFixed(0)} req/s`,
    );
  // BENCH_ENGINES picks the engines (default both: pglite,postgres; PostgreSQL needs a URL).
  const engines = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');
  if (engines.includes('pglite')) {
    const embedded = await openPglite({});
    await benchEngine('PGlite (embedded, in memory)', embedded, base);
    await embedded.close();
  }

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url && engines.includes('postgres')) {
    const name = `ng_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const server = openPostgres(serverUrl(url, name), 20);
    try {
      await benchEngine('PostgreSQL (local server)', server, base);
    } finally {
      await server.close();
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
