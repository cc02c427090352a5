/**
 * npm run restore <file> — replaces the embedded database with a backup made by npm run backup.
 * The current data folder is kept beside it (renamed), not deleted. Stop the app first.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.js';
import { openPglite } from '../platform/database.js';
import { sql } from 'drizzle-orm';

async function main(): Promise<void> {
  const config = readConfig();
  const file = process.argv[2];
  if (config.databaseUrl) {
    console.error('DATABASE_URL is set: restore the server with pg_restore or psql (see the README).');
    process.exit(1);
  }
  if (!file || !existsSync(file)) {
    console.error('Name the backup file: npm run restore -- path/to/backup.tar.gz');
    process.exit(1);
  }
  if (existsSync(config.dataDir)) {
    const aside = `${config.dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    renameSync(config.dataDir, aside);
    console.log(`Kept the current data folder as ${aside}.`);
  }
  const blob = new Blob([readFileSync(path.resolve(file))]);
  const database = await openPglite({ dataDir: config.dataDir, loadDataDir: blob });
  try {
    await database.db.execute(sql`select 1`);
    console.log(`Restored ${file} into ${config.dataDir}.`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Restore failed:', error instanceof Error ? error.message : error);
  process.exit(1);
});
