/**
 * npm run demo — resets the embedded database to the demo centre. With DATABASE_URL set it only loads
 * the demo into an empty database: it never wipes a server database.
 */
import { rmSync } from 'node:fs';
import { readConfig } from '../config.js';
import { loadDemoFamilies } from '../demo/families.js';
import { loadDemo } from '../demo/load-demo.js';
import { openDatabase } from '../platform/database.js';

async function main(): Promise<void> {
  const config = readConfig();
  if (!config.databaseUrl) {
    rmSync(config.dataDir, { recursive: true, force: true });
    console.log(`Cleared the embedded database in ${config.dataDir}.`);
  }
  const database = await openDatabase(config);
  try {
    await database.migrate();
    await loadDemo(database.db);
    await loadDemoFamilies(database.db);
    console.log('Loaded the demo organisation. Sign-in details are in the README.');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Could not load the demo:', error instanceof Error ? error.message : error);
  process.exit(1);
});
