/**
 * The foundation's user journeys in real Chromium: first-run setup, sign-in with two-factor, a wrong
 * password, sign-out, and an admin inviting a coordinator who accepts and signs in. axe checks every page.
 */
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { desc } from 'drizzle-orm';
import { outboxMessages } from '../../server/db/schema.js';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { issueSetupToken } from '../../server/setup/service.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser.close();
});

async function signIn(page: Page, email: string, password: string) {
  await page.getByRole('textbox', { name: 'Email address' }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Reads the key shown on the set-up page and answers with a code from it, as an authenticator app would. */
async function setUpTwoFactor(page: Page) {
  await page.getByRole('heading', { name: 'Set up two-factor sign-in' }).waitFor();
  await page.locator('.secret-key').waitFor();
  await expectAccessible(page, 'two-factor set-up');
  const secret = (await page.locator('.secret-key').innerText()).replace(/\s+/g, '');
  await page.getByRole('textbox', { name: '6-digit code' }).fill(await generate({ secret }));
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
}

describe('first run on an empty database', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp({ demo: false });
  });
  afterAll(() => app.close());

  it('the setup link creates the organisation and its administrator, who sets up two-factor', async () => {
    const token = await issueSetupToken(app.database.db);
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/setup/${token}`);
    await page.getByRole('textbox', { name: 'Organisation name' }).waitFor();
    await expectAccessible(page, 'setup');

    // Sending it half-filled shows the problems, keeps what was typed.
    await page.getByRole('textbox', { name: 'Organisation name' }).fill('Oakfield Contact Centres');
    await page.getByRole('button', { name: 'Set up Neutral Ground' }).click();
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor();
    await expectAccessible(page, 'setup with errors');
    expect(await page.getByRole('textbox', { name: 'Organisation name' }).inputValue()).toBe(
      'Oakfield Contact Centres',
    );

    await page.getByRole('textbox', { name: 'First centre name' }).fill('Oakfield Contact Centre');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Jo First');
    await page.getByRole('textbox', { name: 'Email address' }).fill('jo.first@example.org');
    await page.getByLabel('Choose a password').fill('the first admin password');
    await page.getByRole('button', { name: 'Set up Neutral Ground' }).click();

    await page.getByText('Neutral Ground is set up.').waitFor();
    await expectAccessible(page, 'sign-in after setup');
    await signIn(page, 'jo.first@example.org', 'the first admin password');
    await setUpTwoFactor(page);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: /Jo/ }).waitFor();
    await expectAccessible(page, 'home after first sign-in');
    await context.close();
  });
});

describe('signing in and out', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('a wrong password is refused with a plain message; the right one and a code sign in; sign-out ends it', async () => {
    const { context, page } = await newPage(browser);
    await page.goto(`${app.url}/admin/users`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await expectAccessible(page, 'sign-in');

    await signIn(page, 'coordinator@example.org', 'not the password');
    const alert = page.getByRole('alert').filter({ hasText: 'The email or password is not right.' });
    await alert.waitFor();
    await expectAccessible(page, 'sign-in with an error');
    expect(await page.getByRole('textbox', { name: 'Email address' }).inputValue()).toBe(
      'coordinator@example.org',
    );

    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Enter your code' }).waitFor();
    await expectAccessible(page, 'two-factor challenge');
    await page
      .getByRole('textbox', { name: '6-digit code' })
      .fill(await totpCodeFor('DEMOCOORDINATORAAAAAAAAAAAAAAAAA'));
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back where they were going.
    await page.getByRole('table', { name: 'Staff accounts' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/users');
    await expectAccessible(page, 'users');

    await page
      .getByRole('button', { name: /sign out/i })
      .first()
      .click();
    await page.getByText('You have signed out.').waitFor();
    await page.goto(`${app.url}/admin/users`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await context.close();
  });
});

describe('inviting a coordinator', () => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.close());

  it('an admin invites; the invitee accepts from the emailed link, sets up two-factor and signs in', async () => {
    const admin = await newPage(browser);
    const page = admin.page;
    await page.goto(`${app.url}/sign-in`);
    await signIn(page, 'admin@example.org', DEMO_PASSWORD);
    await page
      .getByRole('textbox', { name: '6-digit code' })
      .fill(await totpCodeFor('DEMOADMINAAAAAAAAAAAAAAAAAAAAAAA'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page, 'admin home');

    await page.goto(`${app.url}/admin/users`);
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite someone' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: 'Email address' }).fill('nia.evans@example.org');
    await dialog.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Coordinator' }).click();
    await dialog.getByRole('combobox', { name: 'Centre' }).click();
    await page.getByRole('option', { name: 'Hillview Contact Centre' }).click();
    await expectAccessible(page, 'invite dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await page
      .getByRole('table', { name: 'Invited, not yet joined' })
      .getByText('nia.evans@example.org')
      .waitFor();

    // The message waits in the outbox (no mail server in this test); the admin can read it there.
    await page.goto(`${app.url}/admin/outbox`);
    await page.getByText('nia.evans@example.org').first().waitFor();
    await expectAccessible(page, 'outbox');
    for (const path of ['/admin/centres', '/admin/audit']) {
      await page.goto(`${app.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      await expectAccessible(page, path);
    }
    await admin.context.close();

    const [mail] = await app.database.db
      .select()
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt))
      .limit(1);
    const link = mail!.bodyText.match(/http\S+\/invitation\/\S+/)![0]!.replace(/^http:\/\/[^/]+/, app.url);

    const invitee = await newPage(browser, { width: 390, height: 844 });
    await invitee.page.goto(link);
    await invitee.page.getByRole('heading', { name: /Join/ }).waitFor();
    await expectAccessible(invitee.page, 'invitation (phone)');
    await invitee.page.getByRole('textbox', { name: 'Your name' }).fill('Nia Evans');
    await invitee.page.getByLabel('Choose a password').fill('nia has a long password');
    await invitee.page.getByRole('button', { name: 'Create account' }).click();
    await invitee.page.getByRole('button', { name: 'Sign in' }).waitFor();
    await signIn(invitee.page, 'nia.evans@example.org', 'nia has a long password');
    await setUpTwoFactor(invitee.page);
    await invitee.page.getByRole('heading', { level: 1 }).filter({ hasText: /Nia/ }).waitFor();
    await expectAccessible(invitee.page, 'home (phone)');
    const width = await invitee.page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await invitee.context.close();
  });
});
