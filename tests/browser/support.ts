/**
 * Browser-test support: the app built in-process on a fresh database, listening on a loopback port and
 * serving the built web app; Debian's Chromium driven by playwright-core; axe-core on every page.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, type App } from '../../server/app.js';
import { readConfig } from '../../server/config.js';
import { loadDemo } from '../../server/demo/load-demo.js';
import { projectRoot } from '../../server/platform/project-root.js';
import { freshDatabase } from '../../server/test-support/database.js';
import { WEB_BUILD } from '../../server/test-support/paths.js';

export const CHROMIUM = '/usr/bin/chromium';

export interface RunningApp extends App {
  url: string;
}

export async function startApp(options: { demo?: boolean } = {}): Promise<RunningApp> {
  if (!existsSync(path.join(WEB_BUILD, 'index.html')))
    throw new Error('the web app was not built by global setup');
  const database = await freshDatabase();
  if (options.demo !== false) await loadDemo(database.db);
  const config = { ...readConfig({ LOG_LEVEL: 'silent' }), port: 0, webRoot: WEB_BUILD };
  const built = await buildApp(config, { database, logger: false });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  const address = built.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  built.config.publicUrl = url;
  return {
    ...built,
    url,
    close: async () => {
      await built.close();
      await database.close();
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function newPage(
  browser: Browser,
  viewport = { width: 1280, height: 900 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London' });
  const page = await context.newPage();
  return { context, page };
}

/** axe-core finds no violations on the page as it is now. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // A dialog fading in has, for a moment, colours that fail contrast: check the page at rest. Two frames
  // first, so that a transition a click has just asked for has started and is seen running.
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
  await page.waitForFunction(() => {
    if (document.getAnimations().some((animation) => animation.playState === 'running')) return false;
    // And every open dialog fully shown: not one step of its fade still to come.
    return [...document.querySelectorAll('[role="dialog"]')].every((dialog) => {
      for (let node: Element | null = dialog; node; node = node.parentElement) {
        if (getComputedStyle(node).opacity !== '1') return false;
      }
      return true;
    });
  });
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
  );
  expect(summary, `accessibility problems on ${label}`).toEqual([]);
}

export { projectRoot };

/**
 * Chooses the centre in the header's switcher (staff who work at several centres). It waits on the
 * outcome, the switcher showing the centre, and meanwhile opens the dropdown or clicks the option,
 * whichever the page shows: a click just after the page settles can land while the dropdown closes,
 * and an option seen during the closing animation is gone by the time it is clicked.
 */
export async function chooseCentre(page: Page, name: string): Promise<void> {
  const switcher = page.locator('#centre-switcher-header');
  const option = page.getByRole('option', { name });
  await expect
    .poll(
      async () => {
        if ((await switcher.inputValue()) === name) return true;
        if (await option.isVisible()) {
          await option.click({ timeout: 2_000 }).catch(() => undefined);
        } else {
          await switcher.click();
        }
        return (await switcher.inputValue()) === name;
      },
      { timeout: 60_000, interval: 750 },
    )
    .toBe(true);
}
