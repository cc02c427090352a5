import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { auditEvents } from '../db/schema.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

async function centreNamed(name: string): Promise<{ id: string; timeZone: string }> {
  const admin = await t.as(DEMO.admin);
  return (await admin.get('/api/admin/centres')).json().items.find((c: { name: string }) => c.name === name);
}

describe('centres', () => {
  it('an organisation admin opens a centre; its time zone defaults to Europe/London', async () => {
    const admin = await t.as(DEMO.admin);
    const created = await admin.post('/api/admin/centres', {
      name: 'Brookside Contact Centre',
      address: '1 Brook Road',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      name: 'Brookside Contact Centre',
      timeZone: 'Europe/London',
      address: '1 Brook Road',
    });
    const [event] = await t.database.db.select().from(auditEvents).orderBy(desc(auditEvents.seq)).limit(1);
    expect(event).toMatchObject({
      action: 'centre.created',
      outcome: 'success',
      resourceId: created.json().id,
    });
    const again = await admin.post('/api/admin/centres', { name: 'Brookside Contact Centre' });
    expect(again.statusCode).toBe(409);
    expect(again.json().message).toBe('There is already a centre with that name. Choose another name.');
  });

  it('a coordinator sees only their own centre and cannot open or change centres', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const names = (await coordinator.get('/api/admin/centres'))
      .json()
      .items.map((c: { name: string }) => c.name);
    expect(names).toEqual(['Riverside Contact Centre']);
    expect((await coordinator.post('/api/admin/centres', { name: 'Mine' })).statusCode).toBe(403);
    const riverside = await centreNamed('Riverside Contact Centre');
    expect(
      (await coordinator.patch(`/api/admin/centres/${riverside.id}`, { name: 'Renamed' })).statusCode,
    ).toBe(403);
  });

  it('changes a centre and refuses an unknown time zone with the field named', async () => {
    const admin = await t.as(DEMO.admin);
    const hillview = await centreNamed('Hillview Contact Centre');
    const bad = await admin.patch(`/api/admin/centres/${hillview.id}`, { timeZone: 'Europe/Nowhere' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: 'timeZone', message: 'Enter a time zone such as Europe/London' },
    ]);
    const good = await admin.patch(`/api/admin/centres/${hillview.id}`, { phone: '01632 960 999' });
    expect(good.statusCode).toBe(200);
    expect(good.json().phone).toBe('01632 960 999');
  });
});

describe('rooms', () => {
  it('a coordinator adds and changes rooms in their centre; names are unique per centre', async () => {
    const coordinator = await t.as(DEMO.coordinator);
    const riverside = await centreNamed('Riverside Contact Centre');
    const added = await coordinator.post(`/api/centres/${riverside.id}/rooms`, {
      name: 'Sunflower room',
      capacity: 4,
      hasSeparateEntrance: true,
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      name: 'Sunflower room',
      capacity: 4,
      hasSeparateEntrance: true,
      accessibilityNotes: null,
    });
    const changed = await coordinator.patch(`/api/centres/${riverside.id}/rooms/${added.json().id}`, {
      capacity: 5,
    });
    expect(changed.json().capacity).toBe(5);
    const duplicate = await coordinator.post(`/api/centres/${riverside.id}/rooms`, {
      name: 'Sunflower room',
      capacity: 2,
    });
    expect(duplicate.statusCode).toBe(409);
    const zero = await coordinator.post(`/api/centres/${riverside.id}/rooms`, {
      name: 'Cupboard',
      capacity: 0,
    });
    expect(zero.statusCode).toBe(400);
    expect(zero.json().details[0]).toEqual({ field: 'capacity', message: 'Capacity is at least 1' });
    const rooms = (await coordinator.get(`/api/centres/${riverside.id}/rooms`))
      .json()
      .items.map((r: { name: string }) => r.name);
    expect(rooms).toContain('Sunflower room');
  });

  it('a volunteer may see rooms but not add them; a room of another centre is not found', async () => {
    const volunteer = await t.as(DEMO.volunteer);
    const riverside = await centreNamed('Riverside Contact Centre');
    const hillview = await centreNamed('Hillview Contact Centre');
    expect((await volunteer.get(`/api/centres/${riverside.id}/rooms`)).statusCode).toBe(200);
    expect(
      (await volunteer.post(`/api/centres/${riverside.id}/rooms`, { name: 'Mine', capacity: 2 })).statusCode,
    ).toBe(403);
    const coordinator = await t.as(DEMO.coordinator);
    const hillviewRoom = (await (await t.as(DEMO.admin)).get(`/api/centres/${hillview.id}/rooms`)).json()
      .items[0];
    const across = await coordinator.patch(`/api/centres/${riverside.id}/rooms/${hillviewRoom.id}`, {
      capacity: 1,
    });
    expect(across.statusCode).toBe(404);
  });
});
