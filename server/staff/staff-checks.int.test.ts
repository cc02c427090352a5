/**
 * Staff checks through HTTP: who may record them (a coordinator for the staff of their own centre, an
 * organisation administrator for anyone), the staff list's status, and the rota's view of the centre's
 * staff on a day.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, users } from '../db/schema.js';
import { localReading } from '../plans/recurrence.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { currentStaffOn } from './service.js';

let t: TestApp;
let riverside: string;
const ids: Record<string, string> = {};
const checksUrl = (userId: string) => `/api/admin/users/${userId}/checks`;
const today = () => localReading(new Date(), 'Europe/London').date;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await testApp();
  const centres = (await t.anonymous().get('/api/public/centres')).json().items as {
    id: string;
    name: string;
  }[];
  riverside = centres.find((c) => c.name.startsWith('Riverside'))!.id;
  for (const row of await t.database.db.select({ id: users.id, email: users.email }).from(users)) {
    ids[row.email] = row.id;
  }
});
afterAll(() => t.close());

describe('staff checks', () => {
  it('the demo volunteer’s checks are current, with training running out within the month', async () => {
    const response = await (await t.as(DEMO.coordinator)).get(checksUrl(ids[DEMO.volunteer]!));
    expect(response.statusCode).toBe(200);
    const checks = response.json();
    expect(checks).toMatchObject({ displayName: 'Sam Carter', asOf: today(), updatedBy: null });
    expect(checks.dbsNumber).toMatch(/^\d{12}$/);
    expect(checks.status.current).toBe(true);
    expect(checks.status.warnings).toEqual([
      expect.stringMatching(/^Training expires on \d{1,2} \w+ \d{4}$/),
    ]);
    const [read] = await t.database.db
      .select({ actorLabel: auditEvents.actorLabel })
      .from(auditEvents)
      .where(
        and(eq(auditEvents.action, 'staff_checks.read'), eq(auditEvents.resourceId, ids[DEMO.volunteer]!)),
      );
    expect(read?.actorLabel).toBe('Priya Shah');
  });

  it('a coordinator records a volunteer’s checks; the change is audited without the number', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const checkedOn = shift(today(), -10);
    const body = {
      dbsNumber: '009876543210',
      dbsCheckedOn: checkedOn,
      dbsRecheckBy: shift(checkedOn, 3 * 365),
      trainingCompletedOn: shift(today(), -5),
      trainingExpiresOn: shift(today(), 360),
    };
    const saved = await coordinator.put(checksUrl(ids[DEMO.volunteer]!), body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      ...body,
      updatedBy: 'Priya Shah',
      status: { current: true, problems: [], warnings: [] },
    });
    const [audit] = await t.database.db
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.action, 'staff_checks.recorded'),
          eq(auditEvents.resourceId, ids[DEMO.volunteer]!),
        ),
      );
    expect(audit?.detail).toEqual({
      fields: ['dbsCheckedOn', 'dbsNumber', 'dbsRecheckBy', 'trainingCompletedOn', 'trainingExpiresOn'],
    });
    expect(JSON.stringify(audit)).not.toContain('009876543210');
  });

  it('bad checks are a 400 naming each field', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const half = await coordinator.put(checksUrl(ids[DEMO.supervisor]!), {
      dbsNumber: '',
      dbsCheckedOn: '2026-01-10',
      dbsRecheckBy: '2025-01-10',
      trainingCompletedOn: '2026-02-01',
      trainingExpiresOn: null,
    });
    expect(half.statusCode).toBe(400);
    expect(half.json().details).toEqual([
      { field: 'dbsNumber', message: 'Enter the certificate number' },
      { field: 'dbsRecheckBy', message: 'The renewal date must be after the date of the check' },
      { field: 'trainingExpiresOn', message: 'Enter the date the training expires' },
    ]);
    const future = await coordinator.put(checksUrl(ids[DEMO.supervisor]!), {
      dbsNumber: '001234567890',
      dbsCheckedOn: shift(today(), 2),
      dbsRecheckBy: shift(today(), 1000),
      trainingCompletedOn: null,
      trainingExpiresOn: null,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().details).toEqual([
      { field: 'dbsCheckedOn', message: 'The date of the check cannot be in the future' },
    ]);
  });

  it('a coordinator may not see or record checks of another centre’s person (404); others may not at all (403)', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    // Tom Okafor works only at Hillview.
    const elsewhere = await coordinator.get(checksUrl(ids[DEMO.hillviewCoordinator]!));
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json()).toEqual({ code: 'not_found', message: 'That person was not found.' });
    const put = await coordinator.put(checksUrl(ids[DEMO.hillviewCoordinator]!), {
      dbsNumber: null,
      dbsCheckedOn: null,
      dbsRecheckBy: null,
      trainingCompletedOn: null,
      trainingExpiresOn: null,
    });
    expect(put.statusCode).toBe(404);
    // Nor the organisation administrator, who works at no centre.
    expect((await coordinator.get(checksUrl(ids[DEMO.admin]!))).statusCode).toBe(404);
    // Grace Bell supervises at both centres: the Riverside coordinator may record hers.
    expect((await coordinator.get(checksUrl(ids[DEMO.supervisor]!))).statusCode).toBe(200);
    // The organisation administrator may record anyone's.
    expect((await (await t.as(DEMO.admin)).get(checksUrl(ids[DEMO.hillviewCoordinator]!))).statusCode).toBe(
      200,
    );

    for (const who of [DEMO.supervisor, DEMO.volunteer, DEMO.safeguarding]) {
      const refused = await (await t.as(who)).get(checksUrl(ids[DEMO.volunteer]!));
      expect(refused.statusCode, who).toBe(403);
    }
  });

  it('the staff list shows each person’s check status; none for someone at no centre', async () => {
    const list = (await (await t.as(DEMO.admin)).get('/api/admin/users')).json().items as {
      email: string;
      checks: { current: boolean; problems: string[]; warnings: string[] } | null;
    }[];
    const byEmail = Object.fromEntries(list.map((u) => [u.email, u.checks]));
    expect(byEmail[DEMO.admin]).toBeNull();
    expect(byEmail[DEMO.hillviewCoordinator]).toEqual({ current: true, problems: [], warnings: [] });
    expect(byEmail[DEMO.safeguarding]?.current).toBe(true);
  });
});

describe('the centre’s staff on a day, for the rota', () => {
  it('names every member of staff of the centre with their roles and whether their checks are current', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    // Dee Walsh's training ran out yesterday.
    await coordinator.put(checksUrl(ids[DEMO.safeguarding]!), {
      dbsNumber: '001234500000',
      dbsCheckedOn: shift(today(), -400),
      dbsRecheckBy: shift(today(), 700),
      trainingCompletedOn: shift(today(), -366),
      trainingExpiresOn: shift(today(), -1),
    });
    const staff = await currentStaffOn(t.database.db, riverside, today());
    expect(staff.map((s) => [s.displayName, s.roles, s.checks.current])).toEqual([
      ['Dee Walsh', ['safeguarding_lead'], false],
      ['Grace Bell', ['supervisor'], true],
      ['Priya Shah', ['coordinator'], true],
      ['Sam Carter', ['volunteer'], true],
    ]);
    expect(staff[0]!.checks.problems).toEqual([expect.stringMatching(/^Training expired on /)]);
    // On a day far ahead, everyone's checks have run out.
    const later = await currentStaffOn(t.database.db, riverside, shift(today(), 4000));
    expect(later.every((s) => !s.checks.current)).toBe(true);

    // The staff page says the same.
    const list = (await coordinator.get('/api/admin/users')).json().items as {
      email: string;
      checks: { current: boolean } | null;
    }[];
    expect(list.find((u) => u.email === DEMO.safeguarding)?.checks?.current).toBe(false);
  });
});
