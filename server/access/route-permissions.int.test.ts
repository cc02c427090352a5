/**
 * Walks every route the app registers: each declares who may call it, the public ones are a short list
 * written here, and everyone without a route's permission is refused — 403, or 404 where the route
 * names a centre, exactly as for a centre that does not exist.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { desc, eq } from 'drizzle-orm';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_PERMISSIONS,
  PERMISSIONS,
  ROLE_PERMISSIONS,
  type Permission,
  type Role,
} from '../../shared/access.js';
import { hashPassword } from '../accounts/secrets.js';
import { createAccount } from '../accounts/staff.js';
import { auditEvents, users } from '../db/schema.js';
import { DEMO_CENTRES, DEMO_PASSWORD, DEMO_STAFF } from '../demo/demo-data.js';
import { DEMO, testApp, totpCodeFor, type Client, type TestApp } from '../test-support/app.js';
import { undeclaredRoutes, type RouteAccess } from './guard.js';
import { day, instant } from '../test-support/dates.js';

/** Adding a public route is a decision: it needs a line here. */
const PUBLIC_ROUTES: string[] = [
  'GET /api/health',
  'GET /api/openapi.json',
  'GET /api/setup',
  'POST /api/setup',
  'GET /api/auth/session',
  'POST /api/auth/sign-in',
  'POST /api/auth/sign-out',
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/complete',
  'GET /api/invitations/:token',
  'POST /api/invitations/:token/accept',
  // The online referral form: anyone may refer a family (rate-limited per address).
  'GET /api/public/centres',
  'POST /api/referrals/drafts',
  'GET /api/referrals/drafts/:draftId',
  'PUT /api/referrals/drafts/:draftId',
  'DELETE /api/referrals/drafts/:draftId',
  'POST /api/referrals',
  // Accepting the centre's rules through the single-use emailed link.
  'GET /api/rules-links/:token',
  'POST /api/rules-links/:token/accept',
];

/**
 * Each area may keep its public routes and valid bodies in ./route-fixtures/<area>.ts, exporting
 * `publicRoutes` and `validBodies`; they are merged into the lists here.
 */
type RouteFixtures = { publicRoutes?: string[]; validBodies?: Record<string, unknown> };
const FIXTURES: RouteFixtures[] = await Promise.all(
  readdirSync(new URL('./route-fixtures/', import.meta.url))
    .filter((name) => name.endsWith('.ts'))
    .sort()
    .map((name) => import(`./route-fixtures/${name}`) as Promise<RouteFixtures>),
);
PUBLIC_ROUTES.push(...FIXTURES.flatMap((f) => f.publicRoutes ?? []));

/** Reachable with a password but before two-factor: the rest of signing in, nothing else. */
const SIGN_IN_STEP_ROUTES = [
  'POST /api/auth/two-factor/setup',
  'POST /api/auth/two-factor/confirm',
  'POST /api/auth/two-factor/verify',
];

/** Pages of the built web app, when there is one; never anything under /api. */
const WEB_PAGES = ['GET /', 'GET /*'];

/**
 * A body that passes each route's schema, so that what is tested is the refusal and not validation.
 * {centreId} is filled with a real centre.
 */
const VALID_BODIES: Record<string, unknown> = Object.assign(
  {},
  ...FIXTURES.map((f) => f.validBodies ?? {}),
) as Record<string, unknown>;
Object.assign(VALID_BODIES, {
  'PUT /api/admin/users/:id/roles': { roles: [{ centreId: '{centreId}', role: 'volunteer' }] },
  'POST /api/admin/invitations': {
    email: 'new.volunteer@example.org',
    role: 'volunteer',
    centreId: '{centreId}',
  },
  'POST /api/admin/centres': { name: 'Lakeside Contact Centre', timeZone: 'Europe/London' },
  'PATCH /api/admin/centres/:id': { phone: '01632 960 999' },
  'POST /api/centres/:centreId/rooms': { name: 'Sun room', capacity: 6, hasSeparateEntrance: false },
  'PATCH /api/centres/:centreId/rooms/:id': { capacity: 7 },
  'POST /api/centres/:centreId/referrals/:id/request-information': { message: 'Please send the order.' },
  'POST /api/centres/:centreId/referrals/:id/decline': { reason: 'not_a_fit' },
  'PUT /api/centres/:centreId/cases/:caseId/people/:personId/contact-details/:kind': { value: '1 New Road' },
  'POST /api/centres/:centreId/cases/:caseId/plans': {
    replacesVersion: null,
    serviceType: 'supported',
    recurrence: { frequency: 'fortnightly', weekday: 6, startTime: '10:00' },
    lengthMinutes: 120,
    startsOn: day('2027-01-09'),
    attendeePersonIds: ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000003'],
    specialConditions: { giftsAllowed: true, foodAllowed: true, photographsAllowed: false },
  },
  'PUT /api/centres/:centreId/rules': { body: 'Be kind. Be on time. No recordings of any kind.' },
  'PATCH /api/centres/:centreId/settings': { reviewAfterSessions: 7 },
  'POST /api/centres/:centreId/cases/:caseId/rules-acceptances': {
    personId: '00000000-0000-4000-8000-000000000001',
    witnessedByUserId: '00000000-0000-4000-8000-000000000002',
  },
  'POST /api/centres/:centreId/cases/:caseId/rules-acceptances/links': {
    personId: '00000000-0000-4000-8000-000000000001',
  },
  'POST /api/centres/:centreId/cases/:caseId/intake-visits': {
    kind: 'adult',
    personId: '00000000-0000-4000-8000-000000000001',
    scheduledAt: instant('2030-03-14T10:15:00Z'),
  },
  'POST /api/centres/:centreId/cases/:caseId/intake-visits/:visitId/complete': {
    attendedPersonIds: ['00000000-0000-4000-8000-000000000001'],
    outcome: 'Rules explained and agreed.',
  },
  'POST /api/centres/:centreId/cases/:caseId/risk-assessments': {
    replacesVersion: null,
    factors: {
      domestic_abuse: { present: false },
      injunctions: { present: false },
      substance_misuse: { present: false },
      abduction_risk: { present: false },
      mental_health: { present: false },
      previous_incidents: { present: false },
    },
    level: 'low',
    decision: 'supported',
    conditions: {},
  },
});

const REFERRER_EMAIL = 'referrer@example.org';
const REFERRER_TOTP = 'TESTREFERRERAAAAAAAAAAAAAAAAAAAA';

type Routed = FastifyInstance & { routeAccess: Map<string, RouteAccess | undefined> };

interface Person {
  email: string;
  /** Roles and where: null is organisation-wide. */
  roles: { centre: string | null; role: Role }[];
}

let t: TestApp;
let centreIds: Record<string, string>;
let people: Person[];
let referrer: Client | undefined;

beforeAll(async () => {
  t = await testApp();
  const admin = await t.as(DEMO.admin);
  const centres = (await admin.get('/api/admin/centres')).json().items as { id: string; name: string }[];
  centreIds = Object.fromEntries(
    DEMO_CENTRES.map((centre) => [centre.key, centres.find((c) => c.name === centre.name)!.id]),
  );
  people = DEMO_STAFF.map((p) => ({
    email: p.email,
    roles: p.roles.map((r) => ({ centre: r.centre, role: r.role })),
  }));
});
afterAll(() => t.close());

/**
 * A referrer: an account outside the staff whose role grants no staff permission (decision 003). Every
 * staff role can read centres and rooms, so without them nobody would lack those two permissions. Their
 * portal arrives later; until then they must be refused everywhere.
 */
async function addReferrer(): Promise<void> {
  const organisationId = (await t.database.db.select({ id: users.organisationId }).from(users).limit(1))[0]!
    .id;
  await t.database.db.transaction(async (tx) => {
    const id = await createAccount(tx, {
      organisationId,
      email: REFERRER_EMAIL,
      displayName: 'Robin Referrer',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: [{ centreId: null, role: 'referrer' }],
    });
    await tx
      .update(users)
      .set({ totpSecret: REFERRER_TOTP, totpEnabledAt: new Date() })
      .where(eq(users.id, id));
  });
  people.push({ email: REFERRER_EMAIL, roles: [{ centre: null, role: 'referrer' }] });
}

/**
 * The staff list cannot show an account with a role outside the staff yet (GET /api/admin/users answers
 * 500: the list passes every role on as a staff role, and the response schema refuses it), so the
 * account goes once the refusals are tested.
 */
async function removeReferrer(): Promise<void> {
  await t.database.db.delete(users).where(eq(users.email, REFERRER_EMAIL));
  people = people.filter((p) => p.email !== REFERRER_EMAIL);
  referrer = undefined;
}

/** Signs a person in through HTTP: demo people through the harness, the referrer the same way by hand. */
async function clientFor(email: string): Promise<Client> {
  if (email !== REFERRER_EMAIL) return t.as(email);
  if (referrer) return referrer;
  const client = t.anonymous();
  expect((await client.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  const verify = await client.post('/api/auth/two-factor/verify', { code: await totpCodeFor(REFERRER_TOTP) });
  expect(verify.statusCode).toBe(200);
  referrer = client;
  return client;
}

function routeTable(): [string, RouteAccess | undefined][] {
  return [...(t.app as Routed).routeAccess.entries()];
}

/**
 * The routes as Fastify's own router holds them (HEAD left out: Fastify adds one to every GET), read from
 * printRoutes: a second list, independent of the guard's, so a route the guard never saw shows up.
 */
function routerRoutes(): string[] {
  const found: string[] = [];
  const pathAt: string[] = [];
  for (const line of t.app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^((?:│ {3}| {4})*)[├└]── (\S+)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    const path = (depth > 0 ? pathAt[depth - 1]! : '') + match[2]!;
    pathAt[depth] = path;
    for (const method of (match[3] ?? '').split(', ')) {
      if (method && method !== 'HEAD') found.push(`${method} ${path}`);
    }
  }
  return found.sort();
}

function holds(person: Person, permission: Permission, centreKey?: string): boolean {
  return person.roles.some(
    (r) =>
      ROLE_PERMISSIONS[r.role].includes(permission) &&
      (centreKey === undefined || r.centre === null || r.centre === centreKey),
  );
}

/**
 * The answer to a person without a route's permission. Where the route names a centre: a centre they
 * do not work for answers 404, exactly like one that does not exist; in a centre they work for, 403.
 */
function refusalAt(person: Person, centreKey: string | undefined): string {
  if (centreKey === undefined) return '403 not_allowed';
  return holds(person, PERMISSIONS.CENTRE_READ, centreKey) ? '403 not_allowed' : '404 not_found';
}

/** Real ids where the route needs a centre, random ones for every other record. */
function urlFor(route: string, centreId: string): string {
  return route
    .split(' ')[1]!
    .replace(':centreId', centreId)
    .replace(':id', randomUUID())
    .replace(':token', 'a'.repeat(43));
}

function bodyFor(route: string, centreId: string): unknown {
  const body = VALID_BODIES[route];
  return body === undefined ? undefined : JSON.parse(JSON.stringify(body).replaceAll('{centreId}', centreId));
}

async function send(client: Client, route: string, centreId: string) {
  const method = route.split(' ')[0]!;
  const response = await client.request({
    method,
    url: urlFor(route, centreId),
    payload: bodyFor(route, centreId) as InjectOptions['payload'],
  });
  return { status: response.statusCode, body: response.json() as { code: string; message: string } };
}

async function countAudit(action: string) {
  return (
    await t.database.db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.action, action))
  ).length;
}

describe('every route declares who may call it', () => {
  it('the guard saw every route the router holds, and none lacks a declaration', () => {
    const declared = routeTable().map(([route]) => route);
    expect(declared.length).toBeGreaterThan(20);
    expect([...declared].sort()).toEqual(routerRoutes());
    for (const route of declared) {
      const [method, url] = route.split(' ') as [string, string];
      expect(t.app.hasRoute({ method: method as 'GET', url }), route).toBe(true);
    }
    expect(undeclaredRoutes(t.app as Routed)).toEqual([]);
    const missing = routeTable().filter(([, access]) => !access);
    expect(missing.map(([route]) => route)).toEqual([]);
  });

  it('each declaration is public, a sign-in step, or one known permission', () => {
    for (const [route, access] of routeTable()) {
      const kinds = Object.keys(access ?? {});
      expect(kinds, route).toHaveLength(1);
      if (access && 'permission' in access) expect(ALL_PERMISSIONS, route).toContain(access.permission);
      if (access && 'public' in access) expect(access.public, route).toBe(true);
      if (access && 'signInStep' in access) expect(access.signInStep, route).toBe(true);
    }
  });

  it('the public routes are exactly the short list written in this test, and nothing else skips sign-in', () => {
    const api = routeTable().filter(([route]) => route.split(' ')[1]!.startsWith('/api/'));
    const publicApi = api.filter(([, access]) => access && 'public' in access).map(([route]) => route);
    const steps = api.filter(([, access]) => access && 'signInStep' in access).map(([route]) => route);
    expect(publicApi.sort()).toEqual([...PUBLIC_ROUTES].sort());
    expect(steps.sort()).toEqual([...SIGN_IN_STEP_ROUTES].sort());
    const outside = routeTable().filter(([route]) => !route.split(' ')[1]!.startsWith('/api/'));
    for (const [route, access] of outside) {
      expect(WEB_PAGES, route).toContain(route);
      expect(access, route).toEqual({ public: true });
    }
  });

  it('every route that changes something has a valid body in this test', () => {
    const openapi = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
    const withBody = Object.entries(openapi.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody)
        .map(([method]) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const needed = withBody.filter((route) => {
      const access = (t.app as Routed).routeAccess.get(route);
      return access && 'permission' in access;
    });
    expect(needed.length).toBeGreaterThan(0);
    expect(needed.filter((route) => !(route in VALID_BODIES))).toEqual([]);
  });
});

describe('everyone without a route’s permission is refused', () => {
  beforeAll(addReferrer);
  afterAll(removeReferrer);

  const permissionRoutes = () =>
    routeTable().flatMap(([route, access]) =>
      access && 'permission' in access ? [{ route, permission: access.permission }] : [],
    );

  it('a signed-in person whose roles grant the permission nowhere gets 403, or 404 for a centre they do not work for', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    let refusals = 0;
    const auditBefore = await countAudit('access.refused');
    const permissionsTried = new Set<Permission>();
    for (const { route, permission } of permissionRoutes()) {
      const names = route.includes(':centreId');
      const without = people.filter((person) => !holds(person, permission));
      // Every permission a route asks for has at least one person here who lacks it.
      expect(without.length, `nobody lacks ${permission}`).toBeGreaterThan(0);
      permissionsTried.add(permission);
      for (const person of without) {
        const client = await clientFor(person.email);
        for (const [key, centreId] of Object.entries(centreIds)) {
          const { status, body } = await send(client, route, centreId);
          seen.push(`${route} at ${key} as ${person.email}: ${status} ${body.code}`);
          expected.push(
            `${route} at ${key} as ${person.email}: ${refusalAt(person, names ? key : undefined)}`,
          );
          refusals++;
          if (!names) break;
        }
      }
    }
    expect(seen).toEqual(expected);
    // Each refusal is in the audit trail.
    expect((await countAudit('access.refused')) - auditBefore).toBe(refusals);
    expect([...permissionsTried].sort()).toEqual(
      [...new Set(permissionRoutes().map((r) => r.permission))].sort(),
    );
    // Every route times every person who lacks its permission: it grows with each area.
  }, 120_000);

  it('where a route names a centre, a person who holds the permission only at other centres is refused there', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const { route, permission } of permissionRoutes().filter((r) => r.route.includes(':centreId'))) {
      for (const person of people.filter((p) => holds(p, permission))) {
        for (const [key, centreId] of Object.entries(centreIds)) {
          if (holds(person, permission, key)) continue;
          const { status, body } = await send(await clientFor(person.email), route, centreId);
          seen.push(`${route} at ${key} as ${person.email}: ${status} ${body.code}`);
          expected.push(`${route} at ${key} as ${person.email}: ${refusalAt(person, key)}`);
        }
      }
    }
    // The Riverside volunteer at Hillview, the Riverside coordinator at Hillview, and so on.
    expect(seen.length).toBeGreaterThan(5);
    expect(seen).toEqual(expected);
  });

  it('anyone not signed in gets 401 on every route that needs a permission or a sign-in step', async () => {
    const anonymous = t.anonymous();
    const seen: string[] = [];
    const expected: string[] = [];
    for (const [route, access] of routeTable()) {
      if (!access || 'public' in access) continue;
      const { status, body } = await send(anonymous, route, centreIds.riverside!);
      seen.push(`${route}: ${status} ${body.code}`);
      expected.push(`${route}: 401 not_signed_in`);
    }
    expect(seen.length).toBe(routeTable().length - PUBLIC_ROUTES.length);
    expect(seen).toEqual(expected);
  });

  it('someone part-way through signing in (password, no two-factor yet) gets 401 on every permission route', async () => {
    const halfway = t.anonymous();
    expect(
      (await halfway.post('/api/auth/sign-in', { email: DEMO.admin, password: DEMO_PASSWORD })).statusCode,
    ).toBe(200);
    const seen: string[] = [];
    const expected: string[] = [];
    for (const { route } of permissionRoutes()) {
      const { status, body } = await send(halfway, route, centreIds.riverside!);
      seen.push(`${route}: ${status} ${body.code}`);
      expected.push(`${route}: 401 not_signed_in`);
    }
    expect(seen).toEqual(expected);
  });

  it('the people above can do what their roles allow, so the refusals are not the only answer', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get(`/api/centres/${centreIds.riverside}/rooms`)).statusCode).toBe(200);
    const coordinator = await t.as(DEMO.coordinator);
    expect((await coordinator.get('/api/admin/users')).statusCode).toBe(200);
    expect((await coordinator.get('/api/audit/events')).statusCode).toBe(200);
    const admin = await t.as(DEMO.admin);
    expect((await admin.get('/api/admin/outbox')).statusCode).toBe(200);
    // The referrer signed in for real: the refusals above were for the role, not for a broken session.
    const session = (await (await clientFor(REFERRER_EMAIL)).get('/api/auth/session')).json();
    expect(session).toMatchObject({ stage: 'signed-in', organisationRoles: ['referrer'], centres: [] });
  });
});

describe('another centre’s records answer exactly like missing ones', () => {
  async function lastRefusal() {
    const [row] = await t.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.action, 'access.refused'))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    return row;
  }

  it('the Riverside coordinator asking for Hillview’s rooms gets the same 404 as for a centre that does not exist', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const hillview = await coordinator.get(`/api/centres/${centreIds.hillview}/rooms`);
    const nowhere = await coordinator.get(`/api/centres/${randomUUID()}/rooms`);
    expect(hillview.statusCode).toBe(404);
    expect(nowhere.statusCode).toBe(404);
    expect(hillview.json()).toEqual(nowhere.json());
    expect(hillview.body).not.toContain('Hillview');

    await coordinator.get(`/api/centres/${centreIds.hillview}/rooms`);
    const refusal = await lastRefusal();
    expect(refusal).toMatchObject({
      outcome: 'refused',
      actorLabel: 'Priya Shah',
      detail: {
        reason: 'centre_out_of_scope',
        method: 'GET',
        route: '/api/centres/:centreId/rooms',
        status: 404,
      },
    });

    // Their own centre answers, so the 404 above is about scope.
    expect((await coordinator.get(`/api/centres/${centreIds.riverside}/rooms`)).statusCode).toBe(200);
  });

  it('adding a room at Hillview is refused the same way, and no room appears', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const room = { name: 'Sneaky room', capacity: 4 };
    const hillview = await coordinator.post(`/api/centres/${centreIds.hillview}/rooms`, room);
    const nowhere = await coordinator.post(`/api/centres/${randomUUID()}/rooms`, room);
    expect(hillview.statusCode).toBe(404);
    expect(hillview.json()).toEqual(nowhere.json());
    expect((await lastRefusal())?.detail).toMatchObject({ reason: 'centre_out_of_scope', method: 'POST' });

    const admin = await t.as(DEMO.admin);
    const rooms = (await admin.get(`/api/centres/${centreIds.hillview}/rooms`)).json().items as {
      name: string;
    }[];
    expect(rooms.map((r) => r.name)).not.toContain('Sneaky room');
  });

  it('a Hillview room reached through the coordinator’s own centre is not found, and is not changed', async () => {
    const admin = await t.as(DEMO.admin);
    const [hillviewRoom] = (await admin.get(`/api/centres/${centreIds.hillview}/rooms`)).json().items as {
      id: string;
      capacity: number;
    }[];
    const coordinator = await t.as(DEMO.coordinator);
    const changed = await coordinator.patch(`/api/centres/${centreIds.riverside}/rooms/${hillviewRoom!.id}`, {
      capacity: 99,
    });
    const missing = await coordinator.patch(`/api/centres/${centreIds.riverside}/rooms/${randomUUID()}`, {
      capacity: 99,
    });
    expect(changed.statusCode).toBe(404);
    expect(changed.json()).toEqual(missing.json());
    const after = (await admin.get(`/api/centres/${centreIds.hillview}/rooms`)).json().items as {
      id: string;
      capacity: number;
    }[];
    expect(after.find((r) => r.id === hillviewRoom!.id)?.capacity).toBe(hillviewRoom!.capacity);
  });

  it('a centre id that is not a uuid answers 404 too, not 400 or 500', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const odd = await coordinator.get('/api/centres/not-a-centre/rooms');
    expect(odd.statusCode).toBe(404);
    expect(odd.json()).toEqual((await coordinator.get(`/api/centres/${randomUUID()}/rooms`)).json());
  });
});

describe('coordinators manage people in their own centres only', () => {
  let staff: { id: string; email: string; roles: { centreId: string | null; role: string }[] }[];
  const idOf = (email: string) => staff.find((u) => u.email === email)!.id;

  beforeAll(async () => {
    staff = (await (await t.as(DEMO.admin)).get('/api/admin/users')).json().items;
  });

  it('the Riverside coordinator does not see a person who works only at Hillview', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const seen = ((await coordinator.get('/api/admin/users')).json().items as { email: string }[]).map(
      (u) => u.email,
    );
    expect(seen).toContain(DEMO.volunteer);
    expect(seen).not.toContain(DEMO.hillviewCoordinator);
    expect(seen).not.toContain(DEMO.admin);
  });

  it('changing the roles of a Hillview-only person answers 404, like a person who does not exist', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const body = { roles: [{ centreId: centreIds.riverside, role: 'volunteer' }] };
    const hillviewPerson = await coordinator.put(
      `/api/admin/users/${idOf(DEMO.hillviewCoordinator)}/roles`,
      body,
    );
    const nobody = await coordinator.put(`/api/admin/users/${randomUUID()}/roles`, body);
    expect(hillviewPerson.statusCode).toBe(404);
    expect(hillviewPerson.json()).toEqual(nobody.json());
    for (const action of ['disable', 'enable', 'reset-two-factor']) {
      const response = await coordinator.post(`/api/admin/users/${idOf(DEMO.hillviewCoordinator)}/${action}`);
      expect(response.statusCode, action).toBe(404);
    }
    const after = (await (await t.as(DEMO.admin)).get('/api/admin/users')).json().items as typeof staff;
    expect(after.find((u) => u.email === DEMO.hillviewCoordinator)).toMatchObject({
      status: 'active',
      twoFactorEnabled: true,
      roles: [{ centreId: centreIds.hillview, role: 'coordinator' }],
    });
  });

  it('a coordinator cannot make anyone an organisation admin, by roles or by invitation', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const promote = await coordinator.put(`/api/admin/users/${idOf(DEMO.volunteer)}/roles`, {
      roles: [{ centreId: null, role: 'organisation_admin' }],
    });
    expect(promote.statusCode).toBe(403);
    expect(promote.json().code).toBe('not_allowed');
    const invite = await coordinator.post('/api/admin/invitations', {
      email: 'would.be.admin@example.org',
      role: 'organisation_admin',
      centreId: null,
    });
    expect(invite.statusCode).toBe(403);
    // Nor give a role at another centre: to them, that centre does not exist.
    const elsewhere = await coordinator.put(`/api/admin/users/${idOf(DEMO.volunteer)}/roles`, {
      roles: [{ centreId: centreIds.hillview, role: 'coordinator' }],
    });
    expect(elsewhere.statusCode).toBe(404);

    const volunteer = (await (await t.as(DEMO.admin)).get('/api/admin/users'))
      .json()
      .items.find((u: { email: string }) => u.email === DEMO.volunteer);
    expect(volunteer.roles).toEqual([
      { centreId: centreIds.riverside, centreName: 'Riverside Contact Centre', role: 'volunteer' },
    ]);
    const invitations = (await (await t.as(DEMO.admin)).get('/api/admin/invitations')).json().items as {
      email: string;
    }[];
    expect(invitations.map((i) => i.email)).not.toContain('would.be.admin@example.org');
  });

  it('a coordinator cannot disable someone who also works at a centre they do not manage', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const response = await coordinator.post(`/api/admin/users/${idOf(DEMO.supervisor)}/disable`);
    expect(response.statusCode).toBe(403);
    expect(response.json().message).toMatch(/organisation administrator/);
  });
});

describe('the organisation keeps an administrator', () => {
  it('the last organisation admin cannot disable themselves or give up the role', async () => {
    const admin = await t.as(DEMO.admin);
    const users0 = (await admin.get('/api/admin/users')).json().items as { id: string; email: string }[];
    const adminId = users0.find((u) => u.email === DEMO.admin)!.id;

    const disable = await admin.post(`/api/admin/users/${adminId}/disable`);
    expect(disable.statusCode).toBe(422);
    const giveUp = await admin.put(`/api/admin/users/${adminId}/roles`, {
      roles: [{ centreId: centreIds.riverside, role: 'coordinator' }],
    });
    expect(giveUp.statusCode).toBe(422);
    expect(giveUp.json()).toMatchObject({ code: 'last_admin' });
    expect(giveUp.json().message).toMatch(/at least one active organisation administrator/);
    const session = (await admin.get('/api/auth/session')).json();
    expect(session.organisationRoles).toEqual(['organisation_admin']);
  });

  it('a second admin who is disabled does not count; once enabled, the first may step down', async () => {
    const admin = await t.as(DEMO.admin);
    const list = (await admin.get('/api/admin/users')).json().items as { id: string; email: string }[];
    const adminId = list.find((u) => u.email === DEMO.admin)!.id;
    const graceId = list.find((u) => u.email === DEMO.supervisor)!.id;
    const promote = await admin.put(`/api/admin/users/${graceId}/roles`, {
      roles: [
        { centreId: null, role: 'organisation_admin' },
        { centreId: centreIds.riverside, role: 'supervisor' },
      ],
    });
    expect(promote.statusCode).toBe(200);
    expect((await admin.post(`/api/admin/users/${graceId}/disable`)).statusCode).toBe(200);

    const stepDown = { roles: [{ centreId: centreIds.riverside, role: 'coordinator' }] };
    const refused = await admin.put(`/api/admin/users/${adminId}/roles`, stepDown);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('last_admin');

    expect((await admin.post(`/api/admin/users/${graceId}/enable`)).statusCode).toBe(200);
    const allowed = await admin.put(`/api/admin/users/${adminId}/roles`, stepDown);
    expect(allowed.statusCode).toBe(200);
    expect(allowed.json().roles).toEqual([
      { centreId: centreIds.riverside, centreName: 'Riverside Contact Centre', role: 'coordinator' },
    ]);
  });
});
