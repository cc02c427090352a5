import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.js';
import { readConfig } from '../config.js';
import { loadDemo } from '../demo/load-demo.js';
import { DEMO_PASSWORD } from '../demo/demo-data.js';
import { freshDatabase } from '../test-support/database.js';
import type { Database } from './database.js';

let built: App;
let database: Database;
const lines: string[] = [];

beforeAll(async () => {
  database = await freshDatabase();
  await loadDemo(database.db);
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      callback();
    },
  });
  built = await buildApp({ ...readConfig({ LOG_LEVEL: 'info' }) }, { database, logStream: stream });
});
afterAll(async () => {
  await built.close();
  await database.close();
});

describe('logs', () => {
  it('are JSON with request ids, and hold no email, password, token or query string', async () => {
    const signIn = await built.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'coordinator@example.org', password: DEMO_PASSWORD },
    });
    const cookie = signIn.cookies.find((c) => c.name === 'ng_session')!.value;
    await built.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'someone.else@example.org', password: 'secret-guess' },
    });
    await built.app.inject({ method: 'GET', url: '/api/invitations/SECRETTOKENSECRETTOKENSECRETTOKEN' });
    await built.app.inject({ method: 'GET', url: '/api/audit/events?actorUserId=someone@example.org' });
    await built.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: '{"email": broken',
      headers: { 'content-type': 'application/json' },
    });

    expect(lines.length).toBeGreaterThan(5);
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed.filter((entry) => entry.reqId).length).toBeGreaterThan(0);
    const all = lines.join('\n');
    for (const secret of [
      'example.org',
      DEMO_PASSWORD,
      'secret-guess',
      cookie,
      'SECRETTOKEN',
      'actorUserId=',
      'broken',
    ]) {
      expect(all).not.toContain(secret);
    }
  });
});
