/**
 * buildApp(config) builds the whole application without listening: the entry point (main.ts) listens,
 * tests build apps of their own.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { accessGuard } from './access/guard.js';
import { pruneAccounts, PRUNE_EVERY_MS, PRUNE_JOB } from './accounts/housekeeping.js';
import { accountRoutes } from './accounts/routes.js';
import { staffRoutes } from './accounts/staff-routes.js';
import { auditRoutes } from './audit/routes.js';
import type { Config } from './config.js';
import { Worker, type JobHandler } from './jobs/worker.js';
import { createTransport, MAIL_JOB, mailSender } from './mail/service.js';
import { mailRoutes } from './mail/routes.js';
import { organisationRoutes } from './organisation/routes.js';
import { openDatabase, type Database } from './platform/database.js';
import { registerErrorHandling } from './platform/http-errors.js';
import { healthRoutes } from './platform/health.js';
import { logOptions } from './platform/logging.js';
import { securityHeaders } from './platform/security-headers.js';
import { caseRoutes } from './cases/routes.js';
import { intakeRoutes } from './intake/routes.js';
import { planRoutes } from './plans/routes.js';
import { assistantRoutes } from './assistant/routes.js';
import { bookingRoutes } from './bookings/routes.js';
import { rosterRoutes } from './roster/routes.js';
import { rotaRoutes } from './rota/routes.js';
import { calendarFeedRoutes } from './calendar-feed/routes.js';
import { sessionRecordRoutes } from './session-records/routes.js';
import { riskRoutes } from './risk/routes.js';
import { readinessRoutes } from './readiness/routes.js';
import { rulesRoutes } from './rules/routes.js';
import { referralRoutes } from './referrals/routes.js';
import { fileRoutes } from './files/routes.js';
import { DRAFTS_PRUNE_JOB, pruneDrafts } from './referrals/service.js';
import { referrerAccountRoutes } from './referrer-accounts/routes.js';
import { pruneReferrerAccounts, REFERRER_PRUNE_JOB } from './referrer-accounts/service.js';
import { setupRoutes } from './setup/routes.js';
import { staffCheckRoutes } from './staff/routes.js';
import { venueRoutes } from './venues/routes.js';
import { noticeRoutes } from './notices/routes.js';
import { REMINDER_EVERY_MS, REMINDER_JOB, sendReminders } from './notices/service.js';
import { sanctionRoutes } from './sanctions/routes.js';
import rateLimit from '@fastify/rate-limit';
import { TooManyAttempts } from './platform/errors.js';

export interface App {
  app: FastifyInstance;
  database: Database;
  worker: Worker;
  config: Config;
  close(): Promise<void>;
}

/** Largest JSON body accepted; uploads come with their own routes and limits. */
const BODY_LIMIT = 256 * 1024;

export async function buildApp(
  config: Config,
  options: { database?: Database; logger?: boolean; logStream?: NodeJS.WritableStream } = {},
): Promise<App> {
  const database = options.database ?? (await openDatabase(config));
  if (!options.database) await database.migrate();
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : { ...logOptions(config.logLevel), ...(options.logStream ? { stream: options.logStream } : {}) },
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const webRoot =
    config.webRoot && existsSync(path.join(config.webRoot, 'index.html')) ? config.webRoot : undefined;
  registerErrorHandling(app, { webApp: Boolean(webRoot) });
  await app.register(securityHeaders);
  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Neutral Ground API', version: '0.1.0', description: 'Runs a child contact centre.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'ng_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  // Per-route limits for public forms (config.rateLimit); sign-in has its own, kept in the database.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () =>
      new TooManyAttempts(
        'Too many requests from this connection. Wait an hour and try again, or telephone the centre.',
      ),
  });
  await app.register(accessGuard, { db: database.db });

  const deps = { db: database.db, config };
  await app.register(
    async (api) => {
      await api.register(healthRoutes, deps);
      await api.register(accountRoutes, deps);
      await api.register(staffRoutes, deps);
      await api.register(organisationRoutes, deps);
      await api.register(auditRoutes, deps);
      await api.register(mailRoutes, deps);
      await api.register(setupRoutes, deps);
      await api.register(referralRoutes, deps);
      await api.register(referrerAccountRoutes, deps);
      await api.register(fileRoutes, deps);
      await api.register(caseRoutes, deps);
      await api.register(intakeRoutes, deps);
      await api.register(riskRoutes, deps);
      await api.register(planRoutes, deps);
      await api.register(bookingRoutes, deps);
      await api.register(assistantRoutes, deps);
      await api.register(rosterRoutes, deps);
      await api.register(rotaRoutes, deps);
      await api.register(calendarFeedRoutes, deps);
      await api.register(sessionRecordRoutes, deps);
      await api.register(rulesRoutes, deps);
      await api.register(readinessRoutes, deps);
      await api.register(venueRoutes, deps);
      await api.register(staffCheckRoutes, deps);
      await api.register(noticeRoutes, deps);
      await api.register(sanctionRoutes, deps);
      api.get('/openapi.json', { config: { access: { public: true } }, schema: { hide: true } }, async () =>
        app.swagger(),
      );
    },
    { prefix: '/api' },
  );

  if (webRoot) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
    // Every page of the web app is index.html; the browser's router takes it from there.
    const page = { config: { access: { public: true } }, schema: { hide: true } } as const;
    app.get('/', page, (_request, reply) => reply.type('text/html').sendFile('index.html'));
    app.get('/*', page, (request, reply) => {
      const file = request.url.split('?')[0]!.slice(1);
      if (file.startsWith('assets/') && existsSync(path.join(webRoot, file))) return reply.sendFile(file);
      return reply.type('text/html').sendFile('index.html');
    });
  }

  const handlers: Record<string, JobHandler> = {
    [PRUNE_JOB]: pruneAccounts(database.db),
    [DRAFTS_PRUNE_JOB]: pruneDrafts(database.db),
    [REFERRER_PRUNE_JOB]: pruneReferrerAccounts(database.db),
    [REMINDER_JOB]: sendReminders(database.db),
  };
  if (config.smtpUrl) {
    handlers[MAIL_JOB] = mailSender(database.db, createTransport(config.smtpUrl), config.mailFrom);
  }
  const worker = new Worker(database.db, handlers, app.log, {
    [PRUNE_JOB]: { everyMs: PRUNE_EVERY_MS },
    [DRAFTS_PRUNE_JOB]: { everyMs: 24 * 60 * 60 * 1000 },
    [REFERRER_PRUNE_JOB]: { everyMs: 24 * 60 * 60 * 1000 },
    [REMINDER_JOB]: { everyMs: REMINDER_EVERY_MS },
  });

  await app.ready();
  return {
    app,
    database,
    worker,
    config,
    close: async () => {
      await worker.stop();
      await app.close();
      if (!options.database) await database.close();
    },
  };
}
