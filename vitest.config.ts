import { defineConfig } from 'vitest/config';

/**
 * Three tiers. Unit tests (pure rules) run once. Integration tests (*.int.test.ts, through HTTP against a
 * real database) run on the embedded engine, and again on PostgreSQL when TEST_DATABASE_URL is set.
 * Browser tests drive Debian's Chromium against the app in-process.
 * Global setup (templates, the web build) runs once, from the root; projects do not inherit it.
 */
const integration = ['server/**/*.int.test.ts'];
// Names this run's templates and web build (see server/test-support/paths.ts); workers inherit it.
process.env.NG_TEST_RUN ??= String(process.pid);
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const timeouts = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    globalSetup: ['server/test-support/global-setup.ts'],
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: integration,
          ...timeouts,
        },
      },
      { test: { name: 'pglite', include: integration, env: { TEST_ENGINE: 'pglite' }, ...timeouts } },
      ...(onPostgres
        ? [
            {
              test: { name: 'postgres', include: integration, env: { TEST_ENGINE: 'postgres' }, ...timeouts },
            },
          ]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          env: { TEST_ENGINE: 'pglite' },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
