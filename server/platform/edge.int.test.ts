/**
 * The edge of the API: security headers on every answer, one JSON error shape, 400s that name the bad
 * field, and never a 500 or a stack trace, whatever is sent to whichever route.
 */
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteAccess } from '../access/guard.js';
import { DEMO, testApp, type Client, type TestApp } from '../test-support/app.js';

type Routed = FastifyInstance & { routeAccess: Map<string, RouteAccess | undefined> };

let t: TestApp;
let riverside: string;

beforeAll(async () => {
  t = await testApp();
  const admin = await t.as(DEMO.admin);
  riverside = (await admin.get('/api/admin/centres'))
    .json()
    .items.find((c: { name: string }) => c.name === 'Riverside Contact Centre').id;
});
afterAll(() => t.close());

function expectSecurityHeaders(response: LightMyRequestResponse) {
  const csp = String(response.headers['content-security-policy']);
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(response.headers['strict-transport-security']).toMatch(/max-age=\d{7,}/);
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers['cache-control']).toBe('no-store');
}

/** Node's stack frames ("at fn (/path/file.ts:1:2)") or a `stack` property anywhere in the answer. */
function leaksInternals(body: string): boolean {
  return (
    /"stack"\s*:/.test(body) ||
    /\bat (?:\S+ \()?(?:\/|file:|node:)\S*:\d+/.test(body) ||
    body.includes('node_modules')
  );
}

describe('security headers', () => {
  it('are on a JSON 404, a 401, a 400 and a 200 under /api', async () => {
    const anonymous = t.anonymous();
    const missing = await anonymous.get('/api/no-such-thing');
    const unauthorised = await anonymous.get('/api/admin/users');
    const bad = await anonymous.post('/api/auth/sign-in', { email: 'not an email', password: 'x' });
    const fine = await anonymous.get('/api/health');
    expect([missing.statusCode, unauthorised.statusCode, bad.statusCode, fine.statusCode]).toEqual([
      404, 401, 400, 200,
    ]);
    for (const response of [missing, unauthorised, bad, fine]) expectSecurityHeaders(response);
    // A signed-in answer too: that is the one that holds personal data.
    expectSecurityHeaders(await (await t.as(DEMO.admin)).get('/api/admin/users'));
  });
});

describe('one error shape', () => {
  it('an unknown /api address answers 404 with { code, message }, whatever the method', async () => {
    const anonymous = t.anonymous();
    for (const [method, url] of [
      ['GET', '/api/no-such-thing'],
      ['GET', '/api'],
      ['POST', '/api/admin/nothing-here'],
      ['DELETE', '/api/health'],
      ['PUT', '/api/auth/sign-in'],
    ] as const) {
      const response = await anonymous.request({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
      expect(response.json()).toEqual({ code: 'not_found', message: expect.any(String) });
    }
  });

  it('GET /api/health answers 200 with the database checked', async () => {
    const response = await t.anonymous().get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', database: 'ok' });
  });

  it('GET /api/openapi.json is an OpenAPI 3 document of the /api routes', async () => {
    const response = await t.anonymous().get('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json() as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(document.openapi).toMatch(/^3\./);
    const listed = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const registered = [...(t.app as Routed).routeAccess.keys()]
      .filter((route) => route.includes(' /api/') && route !== 'GET /api/openapi.json')
      .map((route) => route.replace(/:(\w+)/g, '{$1}'));
    expect(listed.sort()).toEqual(registered.sort());
    expect(listed).toContain('POST /api/auth/sign-in');
  });
});

describe('bad input is a 400 that names the field, never a 500', () => {
  const roomsUrl = () => `/api/centres/${riverside}/rooms`;
  const asJson = { 'content-type': 'application/json' };

  it('malformed JSON', async () => {
    const admin = await t.as(DEMO.admin);
    const response = await admin.request({
      method: 'POST',
      url: roomsUrl(),
      payload: '{"name": "Red room", ',
      headers: asJson,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ code: 'invalid_json', message: 'The request body is not valid JSON.' });
  });

  it('an unknown field', async () => {
    const response = await (
      await t.as(DEMO.admin)
    ).post(roomsUrl(), { name: 'Red room', capacity: 4, colour: 'red' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'invalid_input', details: [{ field: 'colour' }] });
  });

  it('a field of the wrong type', async () => {
    const response = await (await t.as(DEMO.admin)).post(roomsUrl(), { name: 'Red room', capacity: 'four' });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ field: 'capacity', message: expect.any(String) }]);
  });

  it('a missing field', async () => {
    const response = await (await t.as(DEMO.admin)).post(roomsUrl(), { capacity: 4 });
    expect(response.statusCode).toBe(400);
    expect(response.json().details).toEqual([{ field: 'name', message: 'This is required.' }]);
  });

  it('several problems at once are all named', async () => {
    const response = await t.anonymous().post('/api/auth/sign-in', { email: 'nope', extra: 1 });
    expect(response.statusCode).toBe(400);
    const fields = (response.json().details as { field: string }[]).map((d) => d.field).sort();
    expect(fields).toEqual(['email', 'extra', 'password']);
  });

  it('a body over 256 KiB is refused with 413', async () => {
    const admin = await t.as(DEMO.admin);
    const payload = JSON.stringify({
      name: 'Big room',
      capacity: 4,
      accessibilityNotes: 'x'.repeat(256 * 1024),
    });
    const response = await admin.request({ method: 'POST', url: roomsUrl(), payload, headers: asJson });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toEqual({ code: 'body_too_large', message: 'The request is too large.' });
  });

  it('a body that is not JSON at all is refused with 415', async () => {
    const admin = await t.as(DEMO.admin);
    const response = await admin.request({
      method: 'POST',
      url: roomsUrl(),
      payload: 'name=Red+room&capacity=4',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  it('a text field holding a NUL character is bad input, not a 500 (the database cannot store it)', async () => {
    const admin = await t.as(DEMO.admin);
    const centre = await admin.post('/api/admin/centres', { name: 'Nul\u0000 Contact Centre' });
    expect(centre.statusCode).toBe(400);
    const [room] = (await admin.get(roomsUrl())).json().items as { id: string }[];
    const renamed = await admin.patch(`${roomsUrl()}/${room!.id}`, { name: 'Blue\u0000room' });
    expect(renamed.statusCode).toBe(400);
    expect(leaksInternals(centre.body + renamed.body)).toBe(false);
  });

  it('none of these answers holds a stack trace, and no room was made', async () => {
    const admin = await t.as(DEMO.admin);
    const responses = [
      await admin.request({ method: 'POST', url: roomsUrl(), payload: '{"name": ', headers: asJson }),
      await admin.post(roomsUrl(), { name: 'Red room', capacity: 4, colour: 'red' }),
      await admin.post(roomsUrl(), { name: 'Red room', capacity: 'four' }),
      await admin.post(roomsUrl(), { capacity: 4 }),
      await admin.request({
        method: 'POST',
        url: roomsUrl(),
        payload: 'x'.repeat(300 * 1024),
        headers: asJson,
      }),
    ];
    for (const response of responses) {
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.body).not.toContain('stack');
      expect(leaksInternals(response.body)).toBe(false);
    }
    const rooms = (await admin.get(roomsUrl())).json().items as { name: string }[];
    expect(rooms.map((r) => r.name)).not.toContain('Red room');
  });
});

describe('junk to every route', () => {
  interface Junk {
    label: string;
    payload?: string;
    contentType?: string;
  }

  const deepObject = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
  const deepArray = '['.repeat(5000) + ']'.repeat(5000);
  /** Keys here are chosen so that an answer echoing one cannot look like a leak. */
  const JUNK_BODIES: Junk[] = [
    { label: 'no body' },
    { label: 'malformed JSON', payload: '{"name": "x", ' },
    { label: 'empty JSON body', payload: '' },
    { label: '[]', payload: '[]' },
    { label: 'null', payload: 'null' },
    { label: 'a number', payload: '42' },
    { label: 'a bare string', payload: '"hello"' },
    { label: 'deeply nested object', payload: deepObject },
    { label: 'deeply nested array', payload: deepArray },
    {
      label: 'huge string fields',
      payload: JSON.stringify({
        name: 'x'.repeat(200_000),
        email: 'y'.repeat(20_000),
        code: '1'.repeat(5_000),
      }),
    },
    {
      label: 'unknown fields',
      payload: JSON.stringify({ isAdmin: true, role: 'organisation_admin', organisationId: randomUUID() }),
    },
    { label: 'prototype pollution', payload: '{"__proto__": {"polluted": true}, "name": "x"}' },
    { label: 'constructor pollution', payload: '{"constructor": {"prototype": {"polluted": true}}}' },
    {
      label: 'wrong types',
      payload: JSON.stringify({
        email: 5,
        password: [],
        roles: 'all of them',
        capacity: 'many',
        centreId: {},
        code: 123456,
        name: null,
        token: false,
        displayName: { first: 'x' },
        timeZone: 'Mars/Olympus_Mons',
      }),
    },
    {
      label: 'numbers out of range',
      payload: JSON.stringify({ capacity: 1e308, limit: -1, before: 2 ** 64 }),
    },
    { label: 'control characters', payload: '{"name": "\\u0000\\u0001\\ud800"}' },
    { label: 'text/plain', payload: 'hello', contentType: 'text/plain' },
    { label: 'a form', payload: 'name=x&capacity=2', contentType: 'application/x-www-form-urlencoded' },
    {
      label: 'JSON with a charset nobody uses',
      payload: '{}',
      contentType: 'application/json; charset=utf-7',
    },
  ];

  const JUNK_QUERIES = [
    '?limit=abc&before=-1&outcome=nope&from=yesterday&to=1e999&status=lost',
    '?centreId=../../etc&actorUserId=%00&action=' + 'a'.repeat(300),
    '?limit=1&limit=2&before[x]=1&__proto__[polluted]=1',
    '?%E0%A4%A=%ZZ&=&&&',
  ];

  /** Values for path parameters that are not what the route expects, including attempts to escape it. */
  const JUNK_PARAMS = [
    '..%2F..%2Fetc',
    '../../etc',
    '%00',
    'a'.repeat(300),
    '-1',
    '00000000-0000-0000-0000-000000000000',
    randomUUID().toUpperCase(),
    '%E0%A4%A',
    '%3Cscript%3E',
  ];

  /** Every registered route: the guard's list, which a test in access/ checks against the router. */
  function routes(): { route: string; method: string; path: string }[] {
    return [...(t.app as Routed).routeAccess.keys()].map((route) => {
      const [method, path] = route.split(' ') as [string, string];
      return { route, method, path };
    });
  }

  /** The path with every parameter set to `value`; with null, a real centre, a token or a random id. */
  function fill(path: string, value: string | null): string {
    return path.replace(/:(\w+)/g, (_all, name: string) => {
      if (value !== null) return value;
      if (name === 'centreId') return riverside;
      if (name === 'token') return 'b'.repeat(43);
      return randomUUID();
    });
  }

  const failures: string[] = [];
  let sent = 0;

  async function probe(
    client: Client,
    label: string,
    options: InjectOptions & { method: string; url: string },
  ) {
    let response: LightMyRequestResponse;
    try {
      response = await client.request(options);
    } catch (error) {
      failures.push(`${label}: the request threw ${String(error)}`);
      return;
    }
    sent++;
    const where = `${label} → ${response.statusCode}`;
    if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 200)}`);
    if (leaksInternals(response.body))
      failures.push(`${where}: leaks internals: ${response.body.slice(0, 200)}`);
    if (response.statusCode >= 400 && options.method !== 'HEAD') {
      let body: unknown;
      try {
        body = JSON.parse(response.body);
      } catch {
        failures.push(`${where}: the error is not JSON: ${response.body.slice(0, 200)}`);
        return;
      }
      const { code, message } = (body ?? {}) as { code?: unknown; message?: unknown };
      if (typeof code !== 'string' || typeof message !== 'string')
        failures.push(`${where}: not { code, message }`);
    }
  }

  /** Sign-out ends the admin's session, so it is probed last, in a test of its own. */
  const SIGN_OUT = 'POST /api/auth/sign-out';

  /** Methods whose bodies Fastify does not read: two junk bodies show that, the rest would repeat it. */
  const BODILESS = ['GET', 'HEAD'];

  async function junkEveryRoute(client: Client, who: string, skip: string[] = []) {
    for (const { route, method, path } of routes()) {
      if (skip.includes(route)) continue;
      const bodies = BODILESS.includes(method) ? JUNK_BODIES.slice(0, 2) : JUNK_BODIES;
      for (const junk of bodies) {
        await probe(client, `${who} ${method} ${path} with ${junk.label}`, {
          method,
          url: fill(path, null),
          payload: junk.payload,
          headers:
            junk.payload === undefined ? {} : { 'content-type': junk.contentType ?? 'application/json' },
        });
      }
      const queries = BODILESS.includes(method) ? JUNK_QUERIES : JUNK_QUERIES.slice(0, 1);
      for (const query of queries) {
        await probe(client, `${who} ${method} ${path}${query}`, { method, url: fill(path, null) + query });
      }
      for (const param of path.includes(':') ? JUNK_PARAMS : []) {
        await probe(client, `${who} ${method} ${path} with parameters ${param.slice(0, 20)}`, {
          method,
          url: fill(path, param),
          payload: BODILESS.includes(method) ? undefined : '{}',
          headers: BODILESS.includes(method) ? {} : { 'content-type': 'application/json' },
        });
      }
      if (method === 'GET')
        await probe(client, `${who} HEAD ${path}`, { method: 'HEAD', url: fill(path, null) });
      // A method the route does not have.
      await probe(client, `${who} OPTIONS ${path}`, { method: 'OPTIONS', url: fill(path, null) });
    }
  }

  it('as the organisation admin: never a 500, never a stack trace, every error { code, message }', async () => {
    const admin = await t.as(DEMO.admin);
    await junkEveryRoute(admin, 'admin', [SIGN_OUT]);
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(400);
    // The admin is still signed in: the junk changed nothing it should not have.
    expect((await admin.get('/api/auth/session')).json().stage).toBe('signed-in');
  }, 120_000);

  it('as someone not signed in: the same', async () => {
    failures.length = 0;
    await junkEveryRoute(t.anonymous(), 'anonymous');
    expect(failures).toEqual([]);
  }, 120_000);

  it('random JSON, parameters and queries to random routes (property-based)', async () => {
    failures.length = 0;
    const admin = await t.as(DEMO.admin);
    const anonymous = t.anonymous();
    const candidates = routes().filter(({ route }) => route !== SIGN_OUT);
    const text = fc.string({ unit: 'grapheme', maxLength: 60 });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...candidates),
        fc.boolean(),
        fc.oneof(
          fc.jsonValue({ maxDepth: 4 }),
          fc.object({ maxDepth: 3 }).map((o) => JSON.parse(JSON.stringify(o))),
        ),
        fc.option(fc.oneof(text, fc.uuid(), fc.constantFrom(...JUNK_PARAMS)), { nil: null }),
        fc.dictionary(
          fc.constantFrom('limit', 'before', 'outcome', 'from', 'to', 'action', 'status', 'centreId', 'x'),
          text,
          {
            maxKeys: 4,
          },
        ),
        async ({ method, path }, signedIn, body, param, query) => {
          const url =
            fill(
              path,
              param === null ? null : JUNK_PARAMS.includes(param) ? param : encodeURIComponent(param),
            ) + (Object.keys(query).length ? `?${new URLSearchParams(query)}` : '');
          const before = failures.length;
          await probe(signedIn ? admin : anonymous, `${signedIn ? 'admin' : 'anonymous'} ${method} ${url}`, {
            method,
            url,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          return failures.length === before;
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 10_000 },
    );
    expect(failures).toEqual([]);
    expect((await admin.get('/api/auth/session')).json().stage).toBe('signed-in');
  }, 120_000);

  it('sign-out, last: junk bodies never make it fail', async () => {
    failures.length = 0;
    for (const client of [await t.as(DEMO.admin), t.anonymous()]) {
      for (const junk of JUNK_BODIES) {
        await probe(client, `sign-out with ${junk.label}`, {
          method: 'POST',
          url: '/api/auth/sign-out',
          payload: junk.payload,
          headers:
            junk.payload === undefined ? {} : { 'content-type': junk.contentType ?? 'application/json' },
        });
      }
    }
    expect(failures).toEqual([]);
  });
});
