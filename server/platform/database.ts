/**
 * Opens the database: PGlite (embedded PostgreSQL) in a data folder, or a PostgreSQL server when a
 * DATABASE_URL is given. Both run the same migrations and return the same JavaScript types.
 */
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../db/schema.js';
import { projectRoot } from './project-root.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Either the database or an open transaction: repositories accept both. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Brings the schema up to date. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

// int8 (bigserial sequence numbers, counts) as numbers on both engines.
pg.types.setTypeParser(20, (value: string) => Number(value));
const pgliteParsers = { [pgliteTypes.INT8]: (value: string) => Number(value) };

export const migrationsFolder = () => path.join(projectRoot(), 'migrations');

/** Opens an embedded database in `dataDir` (created if missing), or from a dump held in memory. */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<Database> {
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadDataDir,
    extensions: { btree_gist, pgcrypto },
    parsers: pgliteParsers,
  });
  await client.exec("SET TIME ZONE 'UTC'");
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    migrate: () => migratePglite(drizzlePglite(client), { migrationsFolder: migrationsFolder() }),
    close: async () => {
      await client.close();
    },
  };
}

/** Names given to statements, by their text; past the limit, new texts go unnamed (decision 018). */
const statementNames = new Map<string, string>();
const NAMED_STATEMENTS_LIMIT = 2000;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The name a parameterised data statement is prepared under on each connection: a hash of its text, so
 * that the same text always has the same name and PostgreSQL parses and plans it once per connection
 * instead of at every request. Statements without parameters (migrations, DDL) stay unnamed.
 */
export function statementNameOf(text: string, parameterised: boolean): string | undefined {
  const known = statementNames.get(text);
  if (known !== undefined || !parameterised || !DATA_STATEMENT.test(text)) return known;
  if (statementNames.size >= NAMED_STATEMENTS_LIMIT) return undefined;
  const name = `ng_${createHash('sha1').update(text).digest('base64url').slice(0, 27)}`;
  statementNames.set(text, name);
  return name;
}

type QueryArguments = [config: unknown, values?: unknown, callback?: unknown];

/** Gives each parameterised statement sent on the client its name (decision 018). */
function nameStatements(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: QueryArguments) => unknown;
  const named = (...[config, values, callback]: QueryArguments) => {
    if (config && typeof config === 'object' && 'text' in config && typeof config.text === 'string') {
      const given = config as { text: string; name?: string; values?: unknown[] };
      const parameters = Array.isArray(values) ? values : given.values;
      const name = given.name ?? statementNameOf(given.text, (parameters?.length ?? 0) > 0);
      if (name !== undefined && given.name === undefined) config = { ...given, name };
    }
    return query(config, values, callback);
  };
  client.query = named as typeof client.query;
}

export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c TimeZone=UTC' });
  // An idle client's error (the server restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  pool.on('connect', nameStatements);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    // An advisory lock on one connection keeps two starting processes from migrating at once.
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock(727274001)');
        await migratePg(drizzlePg(client), { migrationsFolder: migrationsFolder() });
      } finally {
        await client.query('select pg_advisory_unlock(727274001)').catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

export async function openDatabase(config: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite({ dataDir: config.dataDir });
}

/** SQLSTATE and constraint of a database error, as wrapped by Drizzle on either engine. */
export function databaseErrorOf(error: unknown): { code?: string; constraint?: string } {
  const candidates = [error, (error as { cause?: unknown })?.cause];
  for (const candidate of candidates) {
    if (
      candidate &&
      typeof candidate === 'object' &&
      'code' in candidate &&
      typeof candidate.code === 'string'
    ) {
      const constraint = (candidate as { constraint?: unknown }).constraint;
      return { code: candidate.code, constraint: typeof constraint === 'string' ? constraint : undefined };
    }
  }
  return {};
}

/** Rows of a raw `execute`: both drivers return an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/** Whether the executor is a transaction (one connection), not the pool. */
export function isTransaction(executor: Executor): executor is Tx {
  return 'rollback' in executor;
}

/**
 * Runs independent reads side by side on the pool, and one after another in a transaction: a
 * transaction is one connection, and pg is dropping its queue for a query sent while another runs.
 */
export async function readAll<T extends unknown[]>(
  executor: Executor,
  reads: readonly [...{ [K in keyof T]: () => Promise<T[K]> }],
): Promise<T> {
  if (!isTransaction(executor)) return (await Promise.all(reads.map((read) => read()))) as T;
  const results: unknown[] = [];
  for (const read of reads) results.push(await read());
  return results as T;
}
