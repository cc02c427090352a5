import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { casePeople, cases, referrals } from '../db/schema.js';
import { verifyAuditChain } from '../audit/service.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { loadDemoFamilies } from './families.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
  await loadDemoFamilies(t.database.db);
});
afterAll(() => t.close());

describe('the demo', () => {
  it('holds twenty invented families across both centres, in every state of the inbox', async () => {
    const rows = await t.database.db.select({ status: referrals.status }).from(referrals);
    expect(rows).toHaveLength(20);
    const byStatus = Object.fromEntries(
      ['new', 'awaiting_information', 'accepted', 'declined'].map((s) => [
        s,
        rows.filter((r) => r.status === s).length,
      ]),
    );
    expect(byStatus).toEqual({ new: 5, awaiting_information: 2, accepted: 12, declined: 1 });
    const [opened] = await t.database.db.select({ n: count() }).from(cases);
    expect(opened!.n).toBe(12);
    const [children] = await t.database.db
      .select({ n: count() })
      .from(casePeople)
      .where(eq(casePeople.role, 'child'));
    expect(children!.n).toBeGreaterThanOrEqual(12);
    expect((await verifyAuditChain(t.database.db)).firstBreak).toBeNull();
  });

  it('each centre has its premises and opening times, and every member of staff their checks', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const riverside = (await coordinator.get('/api/auth/session')).json().centres[0].id as string;
    const venues = (await coordinator.get(`/api/centres/${riverside}/venues`)).json().items;
    expect(venues.map((v: { kind: string }) => v.kind)).toEqual(['centre', 'library']);
    const sessions = (await coordinator.get(`/api/centres/${riverside}/opening-sessions`)).json().items;
    expect(sessions.map((s: { name: string }) => s.name).sort()).toEqual([
      'Saturday supported',
      'Thursday supervised',
      'Tuesday supervised',
    ]);
    const staff = (await (await t.as(DEMO.admin)).get('/api/admin/users')).json().items as {
      email: string;
      checks: { current: boolean; warnings: string[] } | null;
    }[];
    for (const person of staff.filter((p) => p.email !== DEMO.admin)) {
      expect(person.checks?.current, person.email).toBe(true);
      expect(person.checks?.warnings.length, person.email).toBe(person.email === DEMO.volunteer ? 1 : 0);
    }
  });

  it('each coordinator sees their own centre’s families in the inbox', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const session = (await coordinator.get('/api/auth/session')).json();
    const inbox = await coordinator.get(`/api/centres/${session.centres[0].id}/referrals`);
    expect(inbox.json().items.length).toBeGreaterThan(8);
  });
});
