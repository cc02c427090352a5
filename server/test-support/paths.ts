import path from 'node:path';
import { projectRoot } from '../platform/project-root.js';

export const TEMPLATE_DIR = path.join(projectRoot(), '.tmp', 'test-templates');
export const PGLITE_TEMPLATE = path.join(TEMPLATE_DIR, 'pglite.tar');
export const POSTGRES_TEMPLATE = 'ng_test_template';

/** The same server, another database. */
export function serverUrl(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** The web app, built once per test run for the browser tests. */
export const WEB_BUILD = path.join(projectRoot(), '.tmp', 'web-build');
