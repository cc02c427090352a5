/** The entry point: reads the settings, opens and migrates the database, then listens. */
import path from 'node:path';
import { buildApp } from './app.js';
import { ConfigError, readConfig, type Config } from './config.js';
import { loadDemoFamilies } from './demo/families.js';
import { loadDemo } from './demo/load-demo.js';
import { openDatabase } from './platform/database.js';
import { projectRoot } from './platform/project-root.js';
import { issueSetupToken, setupNeeded } from './setup/service.js';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = { ...readConfig(), webRoot: path.join(projectRoot(), 'dist', 'web') };
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }

  const database = await openDatabase(config);
  await database.migrate();
  const notices: string[] = [];
  if (await setupNeeded(database.db)) {
    if (database.engine === 'pglite' && config.demo === 'auto') {
      await loadDemo(database.db);
      await loadDemoFamilies(database.db);
      notices.push(
        'The data folder was empty, so the demo centre was loaded. Sign-in details are in the README.',
      );
    } else {
      const token = await issueSetupToken(database.db);
      notices.push(
        `First run: open ${config.publicUrl}/setup/${token} to set up your organisation. The link works once.`,
      );
    }
  }

  const built = await buildApp(config, { database });
  const { app, worker } = built;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping: finishing requests in progress');
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    await built.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  if (config.worker) worker.start();
  app.log.info(
    { engine: database.engine, mail: config.smtpUrl ? 'smtp' : 'outbox only' },
    `Neutral Ground is ready at ${config.publicUrl}`,
  );
  // Printed plainly as well as logged, so a person starting it at a terminal sees them.
  for (const notice of notices) console.log(`\n${notice}\n`);
}

main().catch((error: unknown) => {
  console.error('Neutral Ground could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
