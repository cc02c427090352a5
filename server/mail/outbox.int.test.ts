import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { jobs, outboxMessages } from '../db/schema.js';
import { Worker } from '../jobs/worker.js';
import { DEMO, testApp, type TestApp } from '../test-support/app.js';
import { startSmtpServer } from '../test-support/smtp.js';
import { createTransport, MAIL_JOB, mailSender } from './service.js';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

describe('mail through a real SMTP server', () => {
  let smtp: Smtp;
  let t: TestApp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await testApp({ config: { smtpUrl: smtp.url, mailFrom: 'Neutral Ground <no-reply@example.org>' } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  async function invite(email: string) {
    const admin = await t.as(DEMO.admin);
    const response = await admin.post('/api/admin/invitations', {
      email,
      role: 'organisation_admin',
      centreId: null,
    });
    expect(response.statusCode).toBe(201);
  }

  async function messageTo(address: string) {
    const [row] = await t.database.db
      .select()
      .from(outboxMessages)
      .where(eq(outboxMessages.toAddress, address));
    return row!;
  }

  it('delivers a queued message and marks it sent', async () => {
    await invite('first@example.org');
    expect(await t.worker.runDue()).toBe(1);
    const mail = smtp.received.find((m) => m.to.includes('first@example.org'));
    expect(mail?.raw).toMatch(/Subject: You are invited to Neutral Ground/);
    expect(mail?.raw).toMatch(/\/invitation\//);
    expect(mail?.from).toBe('no-reply@example.org');
    const row = await messageTo('first@example.org');
    expect(row.status).toBe('sent');
    expect(row.sentAt).not.toBeNull();
  });

  it('keeps a message the server refused, retries it later with back-off, and then delivers it', async () => {
    smtp.rejectNextDeliveries(1);
    await invite('second@example.org');
    expect(await t.worker.runDue()).toBe(1);
    let row = await messageTo('second@example.org');
    expect(row.status).toBe('pending');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/451|busy/i);
    expect(row.nextAttemptAt!.getTime()).toBeGreaterThan(Date.now() + 30_000);
    // Not due yet: nothing is claimed.
    expect(await t.worker.runDue()).toBe(0);
    await t.database.db
      .update(jobs)
      .set({ runAt: new Date(Date.now() - 1000) })
      .where(sql`done_at is null`);
    expect(await t.worker.runDue()).toBe(1);
    row = await messageTo('second@example.org');
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(2);
    expect(smtp.received.filter((m) => m.to.includes('second@example.org'))).toHaveLength(1);
  });

  it('picks up a job whose worker died mid-way once its claim expires', async () => {
    await invite('third@example.org');
    // A process claims the job and dies before finishing: the claim is left in place.
    await t.database.db
      .update(jobs)
      .set({ lockedUntil: new Date(Date.now() + 60_000), attempts: 1 })
      .where(sql`done_at is null`);
    expect(await t.worker.runDue()).toBe(0);
    await t.database.db
      .update(jobs)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(sql`done_at is null`);
    expect(await t.worker.runDue()).toBe(1);
    expect((await messageTo('third@example.org')).status).toBe('sent');
  });

  it('two workers sharing the database send each message exactly once', async () => {
    for (const n of [4, 5, 6, 7, 8]) await invite(`batch${n}@example.org`);
    const handlers = {
      [MAIL_JOB]: mailSender(t.database.db, createTransport(smtp.url), 'no-reply@example.org'),
    };
    const silent = t.app.log;
    const workers = [
      new Worker(t.database.db, handlers, silent),
      new Worker(t.database.db, handlers, silent),
    ];
    const counts = await Promise.all(workers.map((w) => w.runDue()));
    expect(counts[0]! + counts[1]!).toBe(5);
    for (const n of [4, 5, 6, 7, 8]) {
      expect(smtp.received.filter((m) => m.to.includes(`batch${n}@example.org`))).toHaveLength(1);
    }
  });
});

describe('without a mail server', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await testApp();
  });
  afterAll(() => t.close());

  it('keeps messages in the outbox, which admins can read, and the worker leaves them waiting', async () => {
    const admin = await t.as(DEMO.admin);
    await admin.post('/api/admin/invitations', {
      email: 'waiting@example.org',
      role: 'organisation_admin',
      centreId: null,
    });
    expect(await t.worker.runDue()).toBe(0);
    const outbox = await admin.get('/api/admin/outbox?status=pending');
    expect(outbox.statusCode).toBe(200);
    expect(outbox.json().smtpConfigured).toBe(false);
    const message = outbox.json().items.find((m: { to: string }) => m.to === 'waiting@example.org');
    expect(message.body).toMatch(/http:\/\/localhost:3000\/invitation\//);
  });

  it('shows a coordinator only the mail of their own centre', async () => {
    const admin = await t.as(DEMO.admin);
    const centres = (await admin.get('/api/admin/centres')).json().items as { id: string; name: string }[];
    const hillview = centres.find((c) => c.name === 'Hillview Contact Centre')!;
    await admin.post('/api/admin/invitations', {
      email: 'hillview.helper@example.org',
      role: 'volunteer',
      centreId: hillview.id,
    });
    const coordinator = await t.as(DEMO.coordinator);
    const items = (await coordinator.get('/api/admin/outbox')).json().items as { to: string }[];
    expect(items.map((m) => m.to)).not.toContain('hillview.helper@example.org');
    expect(items.map((m) => m.to)).not.toContain('waiting@example.org');
    const volunteer = await t.as(DEMO.volunteer);
    expect((await volunteer.get('/api/admin/outbox')).statusCode).toBe(403);
  });
});
