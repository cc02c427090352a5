/**
 * Builds a real app on a fresh database for one test file, and signs people in through HTTP, two-factor
 * included. Nothing is mocked: the database, the mail server and the browser are real.
 */
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { generate } from 'otplib';
import { buildApp, type App } from '../app.js';
import { readConfig, type Config } from '../config.js';
import { loadDemo } from '../demo/load-demo.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../demo/demo-data.js';
import { freshDatabase } from './database.js';

export interface TestApp extends App {
  /** Signs in a demo person by email (password and two-factor) and returns their client. */
  as(email: string): Promise<Client>;
  anonymous(): Client;
}

export async function testApp(options: { demo?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const database = await freshDatabase();
  if (options.demo !== false) await loadDemo(database.db);
  const config = {
    ...readConfig({ LOG_LEVEL: 'silent' }),
    publicUrl: 'http://localhost:3000',
    ...options.config,
  };
  const built = await buildApp(config, { database, logger: false });
  const signedIn = new Map<string, Client>();
  return {
    ...built,
    close: async () => {
      await built.close();
      await database.close();
    },
    anonymous: () => new Client(built),
    async as(email: string) {
      const cached = signedIn.get(email);
      if (cached) return cached;
      const person = DEMO_STAFF.find((p) => p.email === email);
      if (!person) throw new Error(`no demo person ${email}`);
      const client = new Client(built);
      const signIn = await client.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD });
      if (signIn.statusCode !== 200) throw new Error(`sign-in failed: ${signIn.body}`);
      const verify = await client.post('/api/auth/two-factor/verify', {
        code: await totpCodeFor(person.totpSecret),
      });
      if (verify.statusCode !== 200) throw new Error(`two-factor failed: ${verify.body}`);
      signedIn.set(email, client);
      return client;
    },
  };
}

const lastStepUsed = new Map<string, number>();

/**
 * A valid code for `secret` that has not been used yet in this test run: the server accepts each 30-second
 * step once, and one step either side of now, so a second sign-in within 30 seconds uses the next step.
 */
export async function totpCodeFor(secret: string): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const currentStep = Math.floor(now / 30);
  const step = Math.max(currentStep, (lastStepUsed.get(secret) ?? currentStep - 1) + 1);
  if (step > currentStep + 1) {
    await new Promise((resolve) => setTimeout(resolve, ((currentStep + 1) * 30 - now + 1) * 1000));
    return totpCodeFor(secret);
  }
  lastStepUsed.set(secret, step);
  return generate({ secret, epoch: step * 30 + 1 });
}

/** One browser's worth of state: the session cookie and the CSRF token, sent as a real web app would. */
export class Client {
  cookie: string | undefined;
  csrfToken: string | null = null;

  constructor(private readonly built: { app: App['app'] }) {}

  async request(options: InjectOptions & { method: string; url: string }): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrfToken && options.method !== 'GET') headers['x-csrf-token'] ??= this.csrfToken;
    const response = await this.built.app.inject({ ...options, headers });
    const setCookie = response.cookies.find((c) => c.name === 'ng_session');
    if (setCookie) this.cookie = setCookie.value ? `ng_session=${setCookie.value}` : undefined;
    if (response.headers['content-type']?.toString().includes('json') && response.body) {
      const body = JSON.parse(response.body) as { csrfToken?: unknown } | null;
      if (body && typeof body === 'object' && (typeof body.csrfToken === 'string' || body.csrfToken === null))
        this.csrfToken = body.csrfToken ?? null;
    }
    return response;
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request({ method: 'GET', url, headers });
  }

  post(url: string, payload?: unknown, headers?: Record<string, string>) {
    return this.request({ method: 'POST', url, payload: payload as InjectOptions['payload'], headers });
  }

  put(url: string, payload?: unknown) {
    return this.request({ method: 'PUT', url, payload: payload as InjectOptions['payload'] });
  }

  patch(url: string, payload?: unknown) {
    return this.request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] });
  }

  delete(url: string) {
    return this.request({ method: 'DELETE', url });
  }
}

export const DEMO = {
  admin: 'admin@example.org',
  coordinator: 'coordinator@example.org',
  hillviewCoordinator: 'hillview.coordinator@example.org',
  supervisor: 'supervisor@example.org',
  volunteer: 'volunteer@example.org',
  safeguarding: 'safeguarding@example.org',
} as const;
