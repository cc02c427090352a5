/**
 * npm run backup [file] — copies the embedded database, everything in it (sessions, files, documents),
 * into one compressed file. Stop the app first: the embedded engine is one process at a time.
 * For a PostgreSQL server use pg_dump (see the README).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.js';
import { openPglite } from '../platform/database.js';

async function main(): Promise<void> {
  const config = readConfig();
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: back up the server with pg_dump (see the README).');
    process.exit(1);
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.resolve(process.argv[2] ?? `neutral-ground-backup-${stamp}.tar.gz`);
  const database = await openPglite({ dataDir: config.dataDir });
  try {
    const client = (database.db as unknown as { $client: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).$client;
    const dump = await client.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    console.log(`Backed up the embedded database to ${file} (${Math.round(dump.size / 1024)} KiB).`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Backup failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
