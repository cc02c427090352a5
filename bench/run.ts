/**
 * Benchmarks: latency of signed-in requests (session lookup, permission check, scoped query, audit write)
 * against a bare Fastify endpoint measured in the same run, under concurrent clients.
 */
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

interface Figures {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

type Request = { url: string; init?: RequestInit; expect?: number };

async function measure(
  target: string | ((i: number) => Request),
  headers: Record<string, string> = {},
  requests = REQUESTS,
): Promise<Figures> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  const requestOf = typeof target === 'string' ? (): Request => ({ url: target }) : target;
  const client = async () => {
    while (next < requests) {
      const { url, init, expect = 200 } = requestOf(next++);
      const t0 = performance.now();
      const response = await fetch(url, { ...init, headers: { ...headers, ...(init?.headers as object) } });
      const body = await response.text();
      if (response.status !== expect)
        throw new Error(`${url} answered ${response.status}: ${body.slice(0, 300)}`);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: latencies.length / elapsed };
}

async function baseline(): Promise<Figures> {
  const bare = Fastify();
  bare.get('/ping', async () => ({ ok: true }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const address = bare.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await measure(`http://127.0.0.1:${port}/ping`); // warm-up
  const figures = await measure(`http://127.0.0.1:${port}/ping`);
  await bare.close();
  return figures;
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
    'case'.padEnd(40),
    'p50 ms'.padStart(8),
    'p95 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'req/s'.padStart(8),
    'p95 ÷ baseline'.padStart(15),
  );
}

function printRow(label: string, f: Figures, base: Figures): void {
  console.log(
    label.padEnd(40),
    f.p50.toFixed(2).padStart(8),
    f.p95.toFixed(2).padStart(8),
    f.p99.toFixed(2).padStart(8),
    f.perSecond.toFixed(0).padStart(8),
    `${(f.p95 / base.p95).toFixed(1)}×`.padStart(15),
  );
}

const addDays = (date: string, days: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The timetable at national scale: the day's roster, a month's calendar, and booking one session. */
async function benchTimetable(url: string, database: Database, base: Figures): Promise<void> {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  const data = await buildNationalData(database.db, scale);
  console.log(
    `national data set (scale ${scale}): ${data.centres} centres, ${data.cases} open cases, ${data.bookings.toLocaleString('en-GB')} bookings, made in ${data.seconds.toFixed(0)} s`,
  );
  const { cookie, csrfToken } = await signedIn(url, BENCH_COORDINATOR.email, BENCH_COORDINATOR.totpSecret);
  const centre = `${url}/api/centres/${data.rosterCentreId}`;
  printHeader();
  const roster = `${centre}/roster?date=${data.rosterDate}`;
  await measure(roster, { cookie }, 200);
  printRow(`day roster (one centre, ${data.rosterDate})`, await measure(roster, { cookie }), base);
  const month = `${centre}/bookings?from=${data.rosterDate.slice(0, 8)}01&to=${addDays(`${data.rosterDate.slice(0, 8)}01`, 30)}`;
  await measure(month, { cookie }, 200);
  printRow("a month's calendar (one centre)", await measure(month, { cookie }), base);
  // Each request books a different case's next free fortnight: every check runs, none conflicts.
  const book = (offset: number) => (i: number) => {
    const n = i + offset;
    const target = data.bookable[n % data.bookable.length]!;
    return {
      url: `${url}/api/centres/${target.centreId}/cases/${target.caseId}/bookings`,
      init: {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: JSON.stringify({
          date: addDays(target.firstDate, 14 * Math.floor(n / data.bookable.length)),
          roomId: target.roomId,
        }),
      },
      expect: 201,
    };
  };
  await measure(book(0), { cookie }, 200);
  printRow('book one session (all checks)', await measure(book(200), { cookie }), base);
  const assistant = await benchAssistant();
  console.log(
    `timetable assistant (40 families, 6 rooms, 10 staff, ${assistant.runs} runs): p50 ${assistant.p50.toFixed(1)} ms, p95 ${assistant.p95.toFixed(1)} ms, max ${assistant.max.toFixed(1)} ms (target under 1,000 ms)`,
  );
}

async function benchEngine(name: string, database: Database, base: Figures): Promise<void> {
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
  console.log(`\n${name}: ${CONCURRENCY} concurrent clients, ${REQUESTS} requests each case`);
  printHeader();
  for (const [label, path] of cases) {
    await measure(`${url}${path}`, { cookie }); // warm-up
    printRow(label, await measure(`${url}${path}`, { cookie }), base);
  }
  if (process.env.BENCH_SCALE !== '0') await benchTimetable(url, database, base);
  await built.close();
}

async function main(): Promise<void> {
  const base = await baseline();
  console.log(
    `baseline (bare Fastify, same machine): p50 ${base.p50.toFixed(2)} ms, p95 ${base.p95.toFixed(2)} ms, ${base.perSecond.toFixed(0)} req/s`,
  );
  const embedded = await openPglite({});
  await benchEngine('PGlite (embedded, in memory)', embedded, base);
  await embedded.close();

  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) {
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
