/**
 * A referrer account in real Chromium: a solicitor creates an account on a phone, opens the link from the
 * email, sets up two-factor sign-in, refers a family with the form filled in from their account, and sees
 * the referral in "Your referrals" as New. The Riverside coordinator asks for more information (and finds
 * the solicitor already has an account when inviting them); the solicitor then sees "Awaiting
 * information" and the message. axe checks every page and dialog.
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages } from '../../server/db/schema.js';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';
import type { Browser } from 'playwright-core';

const PHONE = { width: 390, height: 844 };
const EMAIL = 'amara.osei@example.org';
const PASSWORD = 'amara picks a long password';
const MESSAGE = 'Please send us a copy of the interim order before we decide.';

let browser: Browser;
let app: RunningApp;
beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp();
});
afterAll(async () => {
  await app.close();
  await browser.close();
});

async function heading(page: Page, name: string, label: string) {
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await expectAccessible(page, label);
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

/** The link in the latest mail asking to confirm the address (the worker is off: mail waits in the outbox). */
async function confirmationPath(): Promise<string> {
  const [mail] = await app.database.db
    .select({ body: outboxMessages.bodyText })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.toAddress, EMAIL),
        eq(outboxMessages.subject, 'Confirm your email address for Neutral Ground'),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt))
    .limit(1);
  const path = /\/referrer\/verify\/[A-Za-z0-9_-]+/.exec(mail?.body ?? '')?.[0];
  expect(path).toBeDefined();
  return path!;
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('a solicitor follows their referral online', () => {
  it('registers, confirms the address, sets up two-factor, refers a family and follows its status', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/sign-in`);
    await heading(page, 'Sign in', 'sign-in page');
    await page.getByRole('link', { name: 'Create a referrer account' }).click();

    await heading(page, 'Create a referrer account', 'register');
    await page.getByRole('button', { name: 'Create account' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.waitFor();
    await expectAccessible(page, 'register: problems');
    await page.getByRole('textbox', { name: 'Your full name', exact: true }).fill('Amara Osei');
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(EMAIL);
    await page.getByLabel('Choose a password', { exact: true }).fill(PASSWORD);
    await page.getByRole('radio', { name: 'Solicitor' }).check();
    await page.getByRole('textbox', { name: 'Organisation (optional)', exact: true }).fill('Osei Family Law');
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Create account' }).click();

    await heading(page, 'Check your email', 'check your email');
    await page.getByText(`We have sent an email to ${EMAIL}.`).waitFor();

    // The link from the email; the password chosen goes with it.
    await page.goto(`${app.url}${await confirmationPath()}`);
    await heading(page, 'Confirm your email address', 'confirm the address');
    await page.getByLabel('Your password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Confirm and sign in' }).click();

    await heading(page, 'Set up two-factor sign-in', 'two-factor set-up');
    const key = (await page.locator('.secret-key').innerText()).replace(/\s+/g, '');
    await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill(await totpCodeFor(key));
    await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();

    // A referrer lands on their referrals, and their navigation offers nothing else.
    await heading(page, 'Your referrals', 'your referrals (none yet)');
    await page.getByText('You have not made any referrals yet.').waitFor();
    await page.getByRole('button', { name: 'Menu' }).click();
    const navigation = page.getByRole('navigation');
    await navigation.getByRole('link', { name: 'Refer a family' }).waitFor();
    expect(await navigation.getByRole('link').allInnerTexts()).toEqual(['Your referrals', 'Refer a family']);
    await expectAccessible(page, 'referrer navigation');
    await navigation.getByRole('link', { name: 'Refer a family' }).click();

    await heading(page, 'Which centre are you referring to?', 'referral form: centre');
    await page.getByRole('link', { name: 'Go to your referrals' }).waitFor();
    await page.getByRole('radio', { name: 'Riverside Contact Centre' }).check();
    await next(page);

    // Filled in from the account.
    await heading(page, 'About you', 'referral form: about you (prefilled)');
    expect(await page.getByRole('textbox', { name: 'Your full name', exact: true }).inputValue()).toBe(
      'Amara Osei',
    );
    expect(await page.getByRole('textbox', { name: 'Email address', exact: true }).inputValue()).toBe(EMAIL);
    expect(
      await page.getByRole('textbox', { name: 'Organisation (optional)', exact: true }).inputValue(),
    ).toBe('Osei Family Law');
    expect(await page.getByRole('radio', { name: 'Solicitor' }).isChecked()).toBe(true);
    await next(page);

    await heading(page, 'The adults', 'referral form: adults');
    const resident = page.getByRole('group', { name: 'The parent the children live with' });
    await resident.getByRole('textbox', { name: 'First name', exact: true }).fill('Grace');
    await resident.getByRole('textbox', { name: 'Last name', exact: true }).fill('Mensah');
    const other = page.getByRole('group', { name: 'The parent the children will see' });
    await other.getByRole('textbox', { name: 'First name', exact: true }).fill('Kofi');
    await other.getByRole('textbox', { name: 'Last name', exact: true }).fill('Mensah');
    await next(page);

    await heading(page, 'The children', 'referral form: children');
    const child = page.getByRole('group', { name: 'Child 1' });
    await child.getByRole('textbox', { name: 'First name', exact: true }).fill('Esi');
    await child.getByRole('textbox', { name: 'Last name', exact: true }).fill('Mensah');
    await child.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('02/05/2019');
    await page.keyboard.press('Escape');
    await next(page);

    await heading(page, 'Court order', 'referral form: court order');
    await page.getByRole('radio', { name: 'No court order' }).check();
    await next(page);
    await heading(page, 'Known risks', 'referral form: risks');
    await next(page);
    await heading(page, 'Language and access needs', 'referral form: needs');
    await next(page);
    await heading(page, 'The service you are asking for', 'referral form: service');
    await page.getByRole('radio', { name: 'Supported contact' }).check();
    await next(page);

    await heading(page, 'Check your answers before sending', 'referral form: check');
    await page.getByRole('button', { name: 'Send referral' }).click();
    await heading(page, 'Referral sent', 'referral sent (signed in)');
    const reference = (await page.locator('.reference').innerText()).trim();
    await page.getByRole('link', { name: 'Go to your referrals' }).click();

    await heading(page, 'Your referrals', 'your referrals');
    const table = page.getByRole('table', { name: 'Your referrals' });
    await table.getByRole('link', { name: reference }).waitFor();
    await table.getByText('New', { exact: true }).waitFor();
    await table.getByText('Esi', { exact: true }).waitFor();
    await noSidewaysScroll(page);

    // The coordinator at Riverside asks for more information.
    const coordinator = await newPage(browser);
    const staff = coordinator.page;
    await staff.goto(`${app.url}/sign-in`);
    await staff.getByRole('textbox', { name: 'Email address', exact: true }).fill('coordinator@example.org');
    await staff.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff
      .getByRole('textbox', { name: '6-digit code', exact: true })
      .fill(await totpCodeFor('DEMOCOORDINATORAAAAAAAAAAAAAAAAA'));
    await staff.getByRole('button', { name: 'Continue' }).click();
    await staff.getByRole('link', { name: 'Referrals', exact: true }).click();
    await staff.getByRole('table', { name: 'Referrals: New' }).getByRole('link', { name: reference }).click();
    await heading(staff, `Referral ${reference}`, 'staff referral page');

    // Inviting the referrer: they already have an account, and the dialog says so.
    await staff.getByRole('button', { name: 'Invite the referrer to follow online' }).click();
    const invite = staff.getByRole('dialog', { name: 'Invite the referrer?' });
    await invite.getByText(`We will email ${EMAIL} a link to create an account.`, { exact: false }).waitFor();
    await expectAccessible(staff, 'invite the referrer dialog');
    await invite.getByRole('button', { name: 'Send invitation' }).click();
    await invite
      .getByText('They already have an account; they will see this referral when they sign in.')
      .waitFor();
    await expectAccessible(staff, 'invite the referrer: already has an account');
    await invite.getByRole('button', { name: 'Cancel' }).click();
    await invite.waitFor({ state: 'hidden' });

    await staff.getByRole('button', { name: 'Ask for more information' }).click();
    const ask = staff.getByRole('dialog', { name: `Ask for more information about ${reference}` });
    await ask.getByRole('textbox', { name: 'What do you need to know?' }).fill(MESSAGE);
    await expectAccessible(staff, 'ask for more information dialog');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.waitFor({ state: 'hidden' });
    await coordinator.context.close();

    // The solicitor sees where the referral is, and what the centre asked.
    await page.reload();
    await heading(page, 'Your referrals', 'your referrals (awaiting information)');
    await table.getByText('Awaiting information', { exact: true }).waitFor();
    await table.getByRole('link', { name: reference }).click();
    await heading(page, `Referral ${reference}`, 'your referral');
    await page.getByText('The centre needs more information').waitFor();
    await page.getByText(MESSAGE).waitFor();
    await page.getByText('Awaiting information', { exact: true }).waitFor();
    await noSidewaysScroll(page);

    // Staff pages are not theirs: the app answers as for a page that does not exist.
    await page.goto(`${app.url}/referrals`);
    await heading(page, 'Page not found', 'a staff page, as a referrer');
    await context.close();
  });
});
