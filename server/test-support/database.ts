import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../platform/database.js';
import { PGLITE_TEMPLATE, POSTGRES_TEMPLATE, serverUrl } from './paths.js';

export type Engine = 'pglite' | 'postgres';

export function testEngine(): Engine {
  return process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * A clean, migrated database of its own for one test file, on the engine this test project runs:
 * an in-memory PGlite loaded from the template dump, or a new PostgreSQL database copied from the
 * template. Closing it drops the PostgreSQL database.
 */
export async function freshDatabase(): Promise<Database> {
  if (testEngine() === 'pglite') {
    return openPglite({ loadDataDir: new Blob([readFileSync(PGLITE_TEMPLATE)]) });
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is needed for the postgres test project');
  const name = `ng_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    // Two files copying the template at the same instant can collide; a short wait clears it.
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name} template ${POSTGRES_TEMPLATE}`);
        break;
      } catch (error) {
        if (attempt >= 10) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
  const database = openPostgres(serverUrl(url, name), 20);
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
