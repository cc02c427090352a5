import { z } from 'zod';
import path from 'node:path';

/**
 * Settings, read and checked once at start. A bad value stops the process with a message naming it.
 * Nothing else reads process.env.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: 'must start with postgres:// or postgresql://' })
    .optional(),
  PUBLIC_URL: z.url({ error: 'must be a full address such as https://centre.example.org' }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, { error: 'must start with smtp:// or smtps://' })
    .optional(),
  MAIL_FROM: z.string().min(3).default('Neutral Ground <no-reply@neutral-ground.invalid>'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: booleanFlag.default(false),
  DEMO: z.enum(['auto', 'off']).default('auto'),
  WORKER: booleanFlag.default(true),
});

export interface Config {
  port: number;
  host: string;
  /** The embedded database's folder; used only when databaseUrl is not set. */
  dataDir: string;
  databaseUrl: string | undefined;
  /** Where people reach the app; used to build links in mail. */
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof environment>['LOG_LEVEL'];
  trustProxy: boolean;
  /** 'auto': an empty embedded database is filled with the demo centre at start. */
  demo: 'auto' | 'off';
  /** Run the background worker (mail, later reminders and retention) in this process. */
  worker: boolean;
  /** Where the built web app is; absent in development and in API-only tests. */
  webRoot?: string;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environment.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== '')),
  );
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`The settings are not right:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, ''),
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    demo: e.DEMO,
    worker: e.WORKER,
  };
}
