import { defineConfig } from 'vitest/config';

/**
 * Three tiers. Unit tests (pure rules) run once. Integration tests (*.int.test.ts, through HTTP against a
 * real database) run on the embedded engine, and again on PostgreSQL when TEST_DATABASE_URL is set.
 * Browser tests drive Debian's Chromium against the app in-process.
 */
const integration = ['server/**/*.int.test.ts'];
const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    globalSetup: ['server/test-support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { test: { name: 'unit', include: ['server/**/*.test.ts', 'shared/**/*.test.ts', 'web/**/*.test.ts'], exclude: integration } },
      { test: { name: 'pglite', include: integration, env: { TEST_ENGINE: 'pglite' } } },
      ...(onPostgres
        ? [{ test: { name: 'postgres', include: integration, env: { TEST_ENGINE: 'postgres' } } }]
        : []),
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          env: { TEST_ENGINE: 'pglite' },
          testTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
