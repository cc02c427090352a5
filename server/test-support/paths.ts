import path from 'node:path';
import { projectRoot } from '../platform/project-root.js';

/**
 * One test run's own templates and web build, so that two runs on one machine (two people, or a run
 * and a check) do not replace each other's. vitest.config.ts names the run before any worker starts.
 */
const RUN = (process.env.NG_TEST_RUN ?? 'default').replace(/[^a-z0-9]/gi, '');
export const TEMPLATE_DIR = path.join(projectRoot(), '.tmp', `test-templates-${RUN}`);
export const PGLITE_TEMPLATE = path.join(TEMPLATE_DIR, 'pglite.tar');
export const POSTGRES_TEMPLATE = `ng_test_template_${RUN}`;

/** The same server, another database. */
export function serverUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The web app, built once per test run for the browser tests. */
export const WEB_BUILD = path.join(projectRoot(), '.tmp', `web-build-${RUN}`);
