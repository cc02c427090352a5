/**
 * Runs once before the tests: migrates one template database per engine, which each test file then
 * copies (PGlite: a dump loaded into memory; PostgreSQL: CREATE DATABASE … TEMPLATE).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import pg from 'pg';
import { openPglite, openPostgres } from '../platform/database.js';
import { PGLITE_TEMPLATE, POSTGRES_TEMPLATE, TEMPLATE_DIR, WEB_BUILD, serverUrl } from './paths.js';
import { projectRoot } from '../platform/project-root.js';

export default async function setup(): Promise<() => Promise<void>> {
  mkdirSync(TEMPLATE_DIR, { recursive: true });
  // The browser tests serve the real production build of the web app.
  await build({
    configFile: `${projectRoot()}/vite.config.ts`,
    logLevel: 'warn',
    build: { outDir: WEB_BUILD, emptyOutDir: true },
  });
  const embedded = await openPglite({});
  await embedded.migrate();
  const client = (embedded.db as unknown as { $client: { dumpDataDir(c: 'none'): Promise<Blob> } }).$client;
  const dump = await client.dumpDataDir('none');
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await embedded.close();

  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`drop database if exists ${POSTGRES_TEMPLATE} with (force)`);
    await admin.query(`create database ${POSTGRES_TEMPLATE}`);
    await admin.end();
    const template = openPostgres(serverUrl(url, POSTGRES_TEMPLATE), 1);
    await template.migrate();
    await template.close();
  }

  // This run's copies go when it ends.
  return async () => {
    rmSync(TEMPLATE_DIR, { recursive: true, force: true });
    rmSync(WEB_BUILD, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`drop database if exists ${POSTGRES_TEMPLATE} with (force)`);
      await admin.end();
    }
  };
}
