/**
 * Cases in real Chromium, on the demo families: the Riverside coordinator opens a case, sees why it is
 * not ready to book, and emails an adult a link to the centre's rules; the adult accepts on a phone with
 * no account, and the case page shows it. The supervisor sees "Not shared" where addresses would be.
 * axe checks every page.
 */
import { desc, like } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../server/db/schema.js';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { loadDemoFamilies } from '../../server/demo/families.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

const PHONE = { width: 390, height: 844 };

let browser: Browser;
let app: RunningApp;
beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp();
  await loadDemoFamilies(app.database.db);
});
afterAll(async () => {
  await app.close();
  await browser.close();
});

async function signIn(page: Page, email: string, secret: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill(await totpCodeFor(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Opens Cases from the navigation and then the first case in the table; answers its h1. */
async function openFirstCase(page: Page, label: string): Promise<string> {
  await page.getByRole('link', { name: 'Cases', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cases' }).waitFor();
  const table = page.getByRole('table', { name: 'Cases' });
  await table.getByRole('row').nth(1).waitFor();
  await expectAccessible(page, `${label}: cases`);

  // The search narrows the list by reference or family name.
  const firstReference = (await table.getByRole('row').nth(1).getByRole('link').textContent()) ?? '';
  await page.getByRole('searchbox', { name: 'Search by reference or family name' }).fill('no such family');
  await page.getByText('No cases match “no such family”.').waitFor();
  await page.getByRole('searchbox', { name: 'Search by reference or family name' }).fill(firstReference);
  await expect.poll(() => table.getByRole('row').count()).toBe(2);

  await table.getByRole('link', { name: firstReference }).click();
  const heading = page.getByRole('heading', {
    level: 1,
    name: new RegExp(`family \\(${firstReference}\\)$`),
  });
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

describe('cases, readiness and the centre’s rules', () => {
  it('the coordinator emails an adult the rules; they accept on a phone; the case shows it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'coordinator@example.org', 'DEMOCOORDINATORAAAAAAAAAAAAAAAAA');
    await openFirstCase(page, 'coordinator');

    const readiness = page.getByRole('region', { name: 'Ready to book?' });
    await readiness.getByText('Not ready to book yet').waitFor();
    await readiness.getByText('The risk assessment is not done yet.').waitFor();
    await readiness.getByText('The contact plan is not agreed yet.').waitFor();
    await page.getByRole('region', { name: 'People' }).getByText('Hidden from:').first().waitFor();
    await expectAccessible(page, 'case page');

    const rules = page.getByRole('region', { name: 'The centre’s rules' });
    const emailButton = rules.getByRole('button', { name: /^Email a link to / }).first();
    const adultName = ((await emailButton.getAttribute('aria-label')) ?? '').replace('Email a link to ', '');
    expect(adultName).not.toBe('');
    const row = rules.getByRole('row').filter({ hasText: adultName });
    await row.getByText('Not accepted the current rules').waitFor();

    await emailButton.click();
    const dialog = page.getByRole('dialog', { name: 'Email a link' });
    await dialog.getByText(`Email ${adultName} a link to read and accept the rules online.`).waitFor();
    await expectAccessible(page, 'email a link dialog');
    await dialog.getByRole('button', { name: 'Send the link' }).click();
    await rules.getByText(`We have emailed ${adultName} a link. It works once, for 7 days.`).waitFor();
    await expect.poll(() => dialog.count()).toBe(0);
    await expectAccessible(page, 'case page after emailing a link');

    // The mail the adult receives, from the outbox.
    const firstName = adultName.split(' ')[0]!;
    const [message] = await app.database.db
      .select({ bodyText: outboxMessages.bodyText })
      .from(outboxMessages)
      .where(like(outboxMessages.bodyText, `Dear ${firstName},%`))
      .orderBy(desc(outboxMessages.createdAt))
      .limit(1);
    const link = /\/rules\/[\w-]+/.exec(message?.bodyText ?? '')?.[0];
    expect(link).toBeDefined();

    // The adult, on their phone, with no account.
    const adult = await newPage(browser, PHONE);
    await adult.page.goto(`${app.url}${link}`);
    await adult.page.getByRole('heading', { level: 1, name: `Hello ${firstName}` }).waitFor();
    await adult.page.getByText(/^These are the rules of Riverside Contact Centre \(version \d+\)/).waitFor();
    await expectAccessible(adult.page, 'rules link');
    const width = await adult.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);

    // Accepting without ticking the box is refused, beside the box and in the summary.
    await adult.page.getByRole('button', { name: 'Accept the rules' }).click();
    await adult.page.getByRole('alert').getByText('There is a problem').waitFor();
    await expectAccessible(adult.page, 'rules link with a problem');
    await adult.page.getByRole('checkbox', { name: 'I have read the rules and I agree to them' }).check();
    await adult.page.getByRole('button', { name: 'Accept the rules' }).click();
    await adult.page.getByRole('heading', { level: 1, name: 'Thank you' }).waitFor();
    await adult.page.getByText('Thank you. The centre has your agreement.').waitFor();
    await expectAccessible(adult.page, 'rules accepted');

    // The link works once.
    await adult.page.goto(`${app.url}${link}`);
    await adult.page.getByRole('heading', { level: 1, name: 'This link no longer works' }).waitFor();
    await adult.page
      .getByText('This link has expired or was already used. Ask the centre for a new one.')
      .waitFor();
    await expectAccessible(adult.page, 'rules link used');
    await adult.context.close();

    // Back on the case page, the adult shows as accepted.
    await page.reload();
    await rules.getByRole('table').waitFor();
    await row.getByText(/^Accepted version \d+ online$/).waitFor();
    await expect
      .poll(() => rules.getByRole('button', { name: `Email a link to ${adultName}` }).count())
      .toBe(0);
    await expectAccessible(page, 'case page after the adult accepted');
    await context.close();
  });

  it('the supervisor sees "Not shared" instead of the family’s addresses', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'supervisor@example.org', 'DEMOSUPERVISORAAAAAAAAAAAAAAAAAA');
    await openFirstCase(page, 'supervisor');

    const people = page.getByRole('region', { name: 'People' });
    await people.getByText('Not shared').first().waitFor();
    await expect
      .poll(() => people.getByText(/@example\.org|Mill Lane|Station Road|Quiet Close|Orchard Way/).count())
      .toBe(0);
    await expectAccessible(page, 'case page seen by the supervisor');
    await context.close();
  });
});
