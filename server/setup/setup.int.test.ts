import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from '../test-support/app.js';
import { issueSetupToken } from './service.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ demo: false });
});
afterAll(() => t.close());

const body = (token: string, email = 'jo.first@example.org') => ({
  token,
  organisationName: 'Oakfield Contact Centres',
  centreName: 'Oakfield Contact Centre',
  timeZone: 'Europe/London',
  adminName: 'Jo First',
  email,
  password: 'the first admin password',
});

describe('first run on an empty database', () => {
  it('says setup is needed, refuses a made-up link, and names bad fields', async () => {
    const client = t.anonymous();
    expect((await client.get('/api/setup')).json()).toEqual({ needed: true });
    const made = await client.post('/api/setup', body('x'.repeat(43)));
    expect(made.statusCode).toBe(404);
    expect(made.json().message).toMatch(/not valid/);
    const bad = await client.post('/api/setup', {
      ...body('y'.repeat(43)),
      timeZone: 'Mars/Olympus',
      email: 'nope',
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .details.map((d: { field: string }) => d.field)
        .sort(),
    ).toEqual(['email', 'timeZone']);
  });

  it('creates the organisation, first centre and administrator once, even when asked twice at once', async () => {
    const [first, second] = [await issueSetupToken(t.database.db), await issueSetupToken(t.database.db)];
    const client = t.anonymous();
    const results = await Promise.all([
      client.post('/api/setup', body(first)),
      client.post('/api/setup', body(second, 'someone.else@example.org')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await client.get('/api/setup')).json()).toEqual({ needed: false });
    // The link does not work again.
    expect((await client.post('/api/setup', body(first))).statusCode).toBe(409);

    const winner = results[0]!.statusCode === 201 ? 'jo.first@example.org' : 'someone.else@example.org';
    const signIn = await client.post('/api/auth/sign-in', {
      email: winner,
      password: 'the first admin password',
    });
    expect(signIn.statusCode).toBe(200);
    // Staff must set up two-factor before they reach anything else.
    expect(signIn.json().stage).toBe('two-factor-setup');
    expect((await client.get('/api/admin/centres')).statusCode).toBe(401);
  });
});
