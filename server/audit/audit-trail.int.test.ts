/**
 * The audit trail: every sign-in is in it, the database refuses to change it, tampering breaks the hash
 * chain where it happened, and people read only what they may.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { and, asc, desc, eq, gt, isNull, like, max, or, sql } from 'drizzle-orm';
import { generate } from 'otplib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../db/schema.js';
import { loadDemo } from '../demo/load-demo.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../demo/demo-data.js';
import { databaseErrorOf, openPglite, openPostgres, type Database, type Db } from '../platform/database.js';
import { projectRoot } from '../platform/project-root.js';
import { DEMO, testApp, totpCodeFor, type TestApp } from '../test-support/app.js';
import { testEngine } from '../test-support/database.js';
import { PGLITE_TEMPLATE, POSTGRES_TEMPLATE, serverUrl } from '../test-support/paths.js';
import { eventHash } from './chain.js';
import { recordAudit, verifyAuditChain, type ChainReport } from './service.js';

let t: TestApp;
let db: Db;
let organisationId: string;
let centreIds: { riverside: string; hillview: string };

beforeAll(async () => {
  t = await testApp();
  db = t.database.db;
  const admin = await t.as(DEMO.admin);
  const centres = (await admin.get('/api/admin/centres')).json().items as { id: string; name: string }[];
  const idOf = (name: string) => centres.find((c) => c.name === name)!.id;
  centreIds = { riverside: idOf('Riverside Contact Centre'), hillview: idOf('Hillview Contact Centre') };
  organisationId = (await db.select({ id: users.organisationId }).from(users).limit(1))[0]!.id;

  // Something for the trail at each centre: invitations, and a room.
  const coordinator = await t.as(DEMO.coordinator);
  const invited = [
    await admin.post('/api/admin/invitations', {
      email: 'hill.new@example.org',
      role: 'volunteer',
      centreId: centreIds.hillview,
    }),
    await coordinator.post('/api/admin/invitations', {
      email: 'river.new@example.org',
      role: 'volunteer',
      centreId: centreIds.riverside,
    }),
    await admin.post(`/api/centres/${centreIds.hillview}/rooms`, { name: 'Attic room', capacity: 3 }),
  ];
  expect(invited.map((r) => r.statusCode)).toEqual([201, 201, 201]);
});
afterAll(() => t.close());

async function lastSeq(): Promise<number> {
  const [row] = await db.select({ seq: max(auditEvents.seq) }).from(auditEvents);
  return Number(row?.seq ?? 0);
}

async function rowsAfter(seq: number) {
  return db.select().from(auditEvents).where(gt(auditEvents.seq, seq)).orderBy(asc(auditEvents.seq));
}

async function wholeChain() {
  return db.select().from(auditEvents).orderBy(asc(auditEvents.seq));
}

describe('every sign-in, right or wrong, is in the trail', () => {
  it('adds exactly one row per attempt: wrong password, unknown email, password, wrong code, right code', async () => {
    const person = DEMO_STAFF.find((p) => p.email === DEMO.supervisor)!;
    const [grace] = await db.select({ id: users.id }).from(users).where(eq(users.email, person.email));
    const client = t.anonymous();
    const summary = (rows: Awaited<ReturnType<typeof rowsAfter>>) =>
      rows.map((r) => ({
        action: r.action,
        outcome: r.outcome,
        actorUserId: r.actorUserId,
        reason: r.detail?.reason ?? null,
      }));

    let mark = await lastSeq();
    expect(
      (await client.post('/api/auth/sign-in', { email: person.email, password: 'not-the-password' }))
        .statusCode,
    ).toBe(401);
    expect(summary(await rowsAfter(mark))).toEqual([
      { action: 'auth.sign_in', outcome: 'failure', actorUserId: grace!.id, reason: 'wrong_password' },
    ]);

    mark = await lastSeq();
    expect(
      (await client.post('/api/auth/sign-in', { email: 'nobody@example.org', password: 'whatever' }))
        .statusCode,
    ).toBe(401);
    expect(summary(await rowsAfter(mark))).toEqual([
      { action: 'auth.sign_in', outcome: 'failure', actorUserId: null, reason: 'unknown_account' },
    ]);

    mark = await lastSeq();
    expect(
      (await client.post('/api/auth/sign-in', { email: person.email, password: DEMO_PASSWORD })).statusCode,
    ).toBe(200);
    expect(summary(await rowsAfter(mark))).toEqual([
      { action: 'auth.sign_in', outcome: 'success', actorUserId: grace!.id, reason: null },
    ]);

    // A code that is certainly wrong: none of the codes the server would accept right now.
    const now = Math.floor(Date.now() / 1000 / 30);
    const live = await Promise.all(
      [-1, 0, 1, 2].map((d) => generate({ secret: person.totpSecret, epoch: (now + d) * 30 + 1 })),
    );
    const wrong = ['000000', '111111', '222222', '333333', '444444'].find((code) => !live.includes(code))!;
    mark = await lastSeq();
    expect((await client.post('/api/auth/two-factor/verify', { code: wrong })).statusCode).toBe(401);
    expect(summary(await rowsAfter(mark))).toEqual([
      { action: 'auth.two_factor', outcome: 'failure', actorUserId: grace!.id, reason: 'wrong_code' },
    ]);

    mark = await lastSeq();
    const code = await totpCodeFor(person.totpSecret);
    expect((await client.post('/api/auth/two-factor/verify', { code })).statusCode).toBe(200);
    const rows = await rowsAfter(mark);
    expect(summary(rows)).toEqual([
      { action: 'auth.two_factor', outcome: 'success', actorUserId: grace!.id, reason: null },
    ]);
    expect(rows[0]).toMatchObject({
      organisationId,
      actorLabel: 'Grace Bell',
      requestId: expect.any(String),
    });
  });

  it('each row carries the request id and client address, and request ids differ', async () => {
    const rows = await db.select().from(auditEvents).where(like(auditEvents.action, 'auth.%'));
    expect(rows.length).toBeGreaterThanOrEqual(7);
    for (const row of rows) {
      expect(row.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(row.clientAddress).toBe('127.0.0.1');
    }
    expect(new Set(rows.map((r) => r.requestId)).size).toBe(rows.length);
  });
});

describe('the hash chain', () => {
  it('after sign-ins, invitations and a room, verification checks every row and finds no break', async () => {
    const count = (await wholeChain()).length;
    expect(count).toBeGreaterThan(10);
    expect(await verifyAuditChain(db)).toEqual({ checked: count, firstBreak: null });
    // In small pages too: each page continues from where the last one stopped.
    expect(await verifyAuditChain(db, 3)).toEqual({ checked: count, firstBreak: null });
  });

  it('events written at once, with any characters, some inside a transaction, chain without a break', async () => {
    const labels = ['Zoë Ó’Brien', 'Siân ap Rhys 🙂', 'محمد', 'Line\nbreak "quoted" \\ back'];
    const before = (await wholeChain()).length;
    await Promise.all(
      Array.from({ length: 24 }, (_, i) => {
        const event = {
          action: 'test.concurrent',
          outcome: 'success' as const,
          resourceType: 'case',
          resourceId: `r${i}`,
          detail: { n: i, note: labels[i % labels.length], nested: { ü: [1.5, null, true] } },
        };
        const who = { actorUserId: null, actorLabel: labels[i % labels.length]!, organisationId };
        const meta = { requestId: `concurrent-${i}`, clientAddress: '::1' };
        return i % 3 === 0
          ? db.transaction((tx) => recordAudit(tx, meta, who, event))
          : recordAudit(db, meta, who, event);
      }),
    );
    const after = await wholeChain();
    expect(after.length).toBe(before + 24);
    const seqs = after.map((row) => row.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(await verifyAuditChain(db)).toEqual({ checked: after.length, firstBreak: null });
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_events', async () => {
    const before = await wholeChain();
    const target = before[Math.floor(before.length / 2)]!;
    const attempts = {
      UPDATE: sql`update audit_events set outcome = 'failure' where seq = ${target.seq}`,
      DELETE: sql`delete from audit_events where seq = ${target.seq}`,
      TRUNCATE: sql`truncate audit_events`,
    };
    for (const [what, statement] of Object.entries(attempts)) {
      const error = await db.execute(statement).then(
        () => null,
        (e: unknown) => e as Error & { cause?: Error },
      );
      expect(error, `${what} went through`).not.toBeNull();
      expect(databaseErrorOf(error).code, what).toBe('42501');
      expect(`${error!.message} ${error!.cause?.message}`, what).toMatch(
        new RegExp(`append-only: ${what} is not allowed`),
      );
    }
    // Through the query builder as well: it is the database that refuses, whoever asks.
    await expect(
      db.update(auditEvents).set({ outcome: 'failure' }).where(eq(auditEvents.seq, target.seq)),
    ).rejects.toThrow();
    await expect(db.delete(auditEvents)).rejects.toThrow();
    expect(await wholeChain()).toEqual(before);
  });
});

describe('tampering breaks the chain where it happened', () => {
  /**
   * Test-only: someone with full control of the database can switch the append-only triggers off. What
   * they change is put back before the triggers come on again, so each case starts from a whole chain.
   */
  async function whileTampered(
    tamper: () => Promise<unknown>,
    restore: () => Promise<unknown>,
  ): Promise<ChainReport> {
    await db.execute(sql`alter table audit_events disable trigger user`);
    try {
      await tamper();
      return await verifyAuditChain(db);
    } finally {
      try {
        await restore();
      } finally {
        await db.execute(sql`alter table audit_events enable trigger user`);
      }
    }
  }

  async function expectWhole() {
    expect((await verifyAuditChain(db)).firstBreak).toBeNull();
  }

  it('an edited outcome fails that row’s own hash', async () => {
    const rows = await wholeChain();
    const at = Math.floor(rows.length / 2);
    const row = rows[at]!;
    const edited = row.outcome === 'success' ? 'failure' : 'success';
    const report = await whileTampered(
      () => db.update(auditEvents).set({ outcome: edited }).where(eq(auditEvents.seq, row.seq)),
      () => db.update(auditEvents).set({ outcome: row.outcome }).where(eq(auditEvents.seq, row.seq)),
    );
    expect(report).toEqual({ checked: at, firstBreak: { seq: row.seq, problem: 'hash_mismatch' } });
    await expectWhole();
  });

  it('an edit with its hash recomputed breaks the link of the row after it', async () => {
    const rows = await wholeChain();
    const at = Math.floor(rows.length / 3);
    const row = rows[at]!;
    const edited = { ...row, actorLabel: 'Somebody Else' };
    const report = await whileTampered(
      () =>
        db
          .update(auditEvents)
          .set({ actorLabel: edited.actorLabel, hash: eventHash(row.prevHash, edited) })
          .where(eq(auditEvents.seq, row.seq)),
      () =>
        db
          .update(auditEvents)
          .set({ actorLabel: row.actorLabel, hash: row.hash })
          .where(eq(auditEvents.seq, row.seq)),
    );
    expect(report).toEqual({
      checked: at + 1,
      firstBreak: { seq: rows[at + 1]!.seq, problem: 'link_mismatch' },
    });
    await expectWhole();
  });

  it('a deleted row breaks the chain at the next row', async () => {
    const rows = await wholeChain();
    const at = Math.floor(rows.length / 2);
    const row = rows[at]!;
    const report = await whileTampered(
      () => db.delete(auditEvents).where(eq(auditEvents.seq, row.seq)),
      () => db.insert(auditEvents).values(row),
    );
    expect(report).toEqual({ checked: at, firstBreak: { seq: rows[at + 1]!.seq, problem: 'link_mismatch' } });
    await expectWhole();
  });

  it('two rows that swap places (their sequence numbers exchanged) break the chain at the first of them', async () => {
    const rows = await wholeChain();
    const at = Math.floor(rows.length / 2);
    const [a, b] = [rows[at]!.seq, rows[at + 1]!.seq];
    const swap = async () => {
      await db.update(auditEvents).set({ seq: -1 }).where(eq(auditEvents.seq, a));
      await db.update(auditEvents).set({ seq: a }).where(eq(auditEvents.seq, b));
      await db.update(auditEvents).set({ seq: b }).where(eq(auditEvents.seq, -1));
    };
    const report = await whileTampered(swap, swap);
    expect(report.firstBreak).not.toBeNull();
    expect(report.firstBreak!.seq).toBe(a);
    expect(report.checked).toBe(at);
    await expectWhole();
    expect((await wholeChain()).map((r) => r.hash)).toEqual(rows.map((r) => r.hash));
  });
});

describe('reading the trail: GET /api/audit/events', () => {
  type Item = {
    seq: number;
    action: string;
    outcome: string;
    centreId: string | null;
    actorLabel: string | null;
  };
  const list = async (email: string, query = '') => {
    const response = await (await t.as(email)).get(`/api/audit/events${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as { items: Item[]; nextBefore: number | null };
  };
  const descending = (items: Item[]) => items.every((item, i) => i === 0 || items[i - 1]!.seq > item.seq);

  it('shows the admin the organisation’s events, newest first, and records the reading', async () => {
    const [newest] = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.organisationId, organisationId))
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const page = await list(DEMO.admin, '?limit=5');
    expect(page.items).toHaveLength(5);
    expect(page.items[0]!.seq).toBe(newest!.seq);
    expect(descending(page.items)).toBe(true);
    expect(page.nextBefore).toBe(page.items[4]!.seq);

    const [read] = await rowsAfter(newest!.seq);
    expect(read).toMatchObject({ action: 'audit.read', outcome: 'success', actorLabel: 'Alex Morgan' });
  });

  it('filters by outcome and by the start of the action name', async () => {
    const failures = await list(DEMO.admin, '?outcome=failure&limit=200');
    const expected = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      // An organisation admin also sees failures that belong to no organisation (an unknown email).
      .where(
        and(
          or(eq(auditEvents.organisationId, organisationId), isNull(auditEvents.organisationId)),
          eq(auditEvents.outcome, 'failure'),
        ),
      )
      .orderBy(desc(auditEvents.seq));
    expect(failures.items.map((i) => i.seq)).toEqual(expected.map((r) => r.seq));
    expect(failures.items.length).toBeGreaterThan(0);
    expect(failures.items.every((i) => i.outcome === 'failure')).toBe(true);

    const auth = await list(DEMO.admin, '?action=auth.&limit=200');
    expect(auth.items.length).toBeGreaterThan(3);
    expect(auth.items.every((i) => i.action.startsWith('auth.'))).toBe(true);
    expect(descending(auth.items)).toBe(true);
    // "_" and "%" are letters here, not wildcards.
    expect((await list(DEMO.admin, '?action=auth_')).items).toEqual([]);
    expect((await list(DEMO.admin, '?action=%25')).items).toEqual([]);
  });

  it('pages back with `before`, without gaps or repeats', async () => {
    const all = (await list(DEMO.admin, '?action=auth.&limit=200')).items.map((i) => i.seq);
    const paged: number[] = [];
    let before: number | null = null;
    let pages = 0;
    do {
      const page: { items: Item[]; nextBefore: number | null } = await list(
        DEMO.admin,
        `?action=auth.&limit=2${before ? `&before=${before}` : ''}`,
      );
      paged.push(...page.items.map((i) => i.seq));
      before = page.nextBefore;
      pages++;
    } while (before !== null && pages < 100);
    expect(pages).toBe(Math.ceil(all.length / 2));
    expect(paged).toEqual(all);
  });

  it('shows the Riverside coordinator only events of Riverside', async () => {
    const page = await list(DEMO.coordinator, '?limit=200');
    expect(page.items.length).toBeGreaterThan(0);
    expect(new Set(page.items.map((i) => i.centreId))).toEqual(new Set([centreIds.riverside]));
    expect(page.items.map((i) => i.action)).toContain('user.invited');
    // Hillview's invitation and room are in the trail, but not for them.
    const hillview = await db
      .select({ seq: auditEvents.seq })
      .from(auditEvents)
      .where(eq(auditEvents.centreId, centreIds.hillview));
    expect(hillview.length).toBeGreaterThanOrEqual(2);
    const shown = new Set(page.items.map((i) => i.seq));
    expect(hillview.filter((r) => shown.has(r.seq))).toEqual([]);
    // Asking for Hillview by name gives nothing rather than Hillview's events.
    expect((await list(DEMO.coordinator, `?centreId=${centreIds.hillview}`)).items).toEqual([]);
  });

  it('refuses a volunteer (403) and someone not signed in (401), and bad filters (400)', async () => {
    const volunteer = await (await t.as(DEMO.volunteer)).get('/api/audit/events');
    expect(volunteer.statusCode).toBe(403);
    expect(volunteer.json().code).toBe('not_allowed');
    expect((await t.anonymous().get('/api/audit/events')).statusCode).toBe(401);
    const admin = await t.as(DEMO.admin);
    const bad = await admin.get('/api/audit/events?outcome=maybe&limit=0');
    expect(bad.statusCode).toBe(400);
    expect((bad.json().details as { field: string }[]).map((d) => d.field).sort()).toEqual([
      'limit',
      'outcome',
    ]);
  });
});

describe('npm run audit:verify', () => {
  const run = promisify(execFile);
  const tsx = path.join(projectRoot(), 'node_modules', '.bin', 'tsx');

  /** A database of its own on this test's engine, on disk or on the server, that the script can open. */
  async function scriptDatabase(): Promise<{
    env: Record<string, string>;
    open(): Promise<Database>;
    drop(): Promise<void>;
  }> {
    if (testEngine() === 'pglite') {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'ng-audit-verify-'));
      // The first opening starts from the migrated template, which is quicker than migrating afresh.
      let loadDataDir: Blob | undefined = new Blob([readFileSync(PGLITE_TEMPLATE)]);
      return {
        env: { DATA_DIR: dataDir },
        open: async () => {
          const database = await openPglite({ dataDir, loadDataDir });
          loadDataDir = undefined;
          return database;
        },
        drop: async () => rmSync(dataDir, { recursive: true, force: true }),
      };
    }
    const url = process.env.TEST_DATABASE_URL!;
    const name = `ng_audit_verify_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name} template ${POSTGRES_TEMPLATE}`);
    await admin.end();
    return {
      env: { DATABASE_URL: serverUrl(url, name) },
      open: async () => openPostgres(serverUrl(url, name), 1),
      drop: async () => {
        const dropper = new pg.Client({ connectionString: url });
        await dropper.connect();
        await dropper.query(`drop database if exists ${name} with (force)`);
        await dropper.end();
      },
    };
  }

  async function verify(env: Record<string, string>) {
    return run(tsx, ['server/scripts/audit-verify.ts'], {
      cwd: projectRoot(),
      env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? tmpdir(), LOG_LEVEL: 'silent', ...env },
    }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
  }

  it('reports an intact trail (exit 0), a tampered one (exit 1, naming the row), and a bad setting (exit 2)', async () => {
    // A setting it cannot use: checked alongside, as it needs no database.
    const unusable = verify({ DATABASE_URL: 'mysql://nowhere' });
    const target = await scriptDatabase();
    try {
      let database = await target.open();
      await loadDemo(database.db);
      const [first] = await database.db.select().from(auditEvents).orderBy(asc(auditEvents.seq)).limit(1);
      await database.close();

      const intact = await verify(target.env);
      expect(intact.code, intact.stderr).toBe(0);
      expect(intact.stdout).toMatch(/Audit trail intact: 1 events checked/);

      database = await target.open();
      await database.db.execute(sql`alter table audit_events disable trigger user`);
      await database.db
        .update(auditEvents)
        .set({ outcome: 'failure' })
        .where(eq(auditEvents.seq, first!.seq));
      await database.db.execute(sql`alter table audit_events enable trigger user`);
      await database.close();

      const broken = await verify(target.env);
      expect(broken.code).toBe(1);
      expect(broken.stdout).toContain(`Audit trail BROKEN at event ${first!.seq}`);
      expect(broken.stdout).toContain('the row was changed');
    } finally {
      await target.drop();
    }

    const refused = await unusable;
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Could not check the audit trail: .*DATABASE_URL/s);
  }, 60_000);
});
