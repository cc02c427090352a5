/**
 * The online referral in real Chromium: a solicitor refers a family on a phone, page by page, with a
 * reload half-way that resumes the saved draft; the Riverside coordinator finds it in the inbox, reads it
 * and accepts it. A final order without an end date is refused beside the field. axe checks every page.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

const PHONE = { width: 390, height: 844 };

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

async function step(page: Page, heading: string, label: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
  await expectAccessible(page, `referral: ${label}`);
}

async function next(page: Page) {
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Types a date, then closes the calendar that opened under the field so it covers nothing. */
async function typeDate(page: Page, label: string, date: string, within: Page | Locator = page) {
  await within.getByRole('textbox', { name: label, exact: true }).fill(date);
  await page.keyboard.press('Escape');
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

describe('the online referral form and the coordinator’s decision', () => {
  it('a solicitor refers a family on a phone; the Riverside coordinator accepts it', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('link', { name: 'Make a referral' }).click();

    await page.getByRole('radio', { name: 'Riverside Contact Centre' }).waitFor();
    await step(page, 'Which centre are you referring to?', 'centre');
    await page.getByText('Step 1 of 8').waitFor();
    await page.getByRole('radio', { name: 'Riverside Contact Centre' }).check();
    await next(page);

    await step(page, 'About you', 'about you');
    await page.getByRole('textbox', { name: 'Your full name', exact: true }).fill('Helen Brooks');
    await page.getByRole('radio', { name: 'Solicitor' }).check();
    await page
      .getByRole('textbox', { name: 'Organisation (optional)', exact: true })
      .fill('Brooks Family Law');
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('helen.brooks@example.org');
    await page.getByRole('textbox', { name: 'Phone number (optional)', exact: true }).fill('0117 496 0000');
    await next(page);

    await step(page, 'The adults', 'adults');
    await page
      .getByText('The other parent will not see the addresses, phone numbers or emails you give here.')
      .waitFor();
    const resident = page.getByRole('group', { name: 'The parent the children live with' });
    await resident.getByRole('textbox', { name: 'First name', exact: true }).fill('Amira');
    await resident.getByRole('textbox', { name: 'Last name', exact: true }).fill('Hill');
    await resident
      .getByRole('textbox', { name: 'Relationship to the children (optional)', exact: true })
      .fill('Mother');
    await resident
      .getByRole('textbox', { name: 'Address (optional)', exact: true })
      .fill('12 Mill Lane\nRiverside RS1 2AB');
    await resident
      .getByRole('textbox', { name: 'Phone number (optional)', exact: true })
      .fill('07700 900123');
    const other = page.getByRole('group', { name: 'The parent the children will see' });
    await other.getByRole('textbox', { name: 'First name', exact: true }).fill('Daniel');
    await other.getByRole('textbox', { name: 'Last name', exact: true }).fill('Hill');
    await other
      .getByRole('textbox', { name: 'Relationship to the children (optional)', exact: true })
      .fill('Father');
    await other
      .getByRole('textbox', { name: 'Address (optional)', exact: true })
      .fill('4 Station Road\nHillview HV2 9CD');
    await expectAccessible(page, 'referral: adults filled in');
    await noSidewaysScroll(page);
    const saved = page.waitForResponse(
      (response) =>
        response.url().includes('/api/referrals/drafts/') && response.request().method() === 'PUT',
    );
    await next(page);

    // A reload, once the answers are saved, picks up the draft where the referrer was.
    await page.getByRole('heading', { level: 1, name: 'The children' }).waitFor();
    expect((await saved).status()).toBe(200);
    await page.reload();
    await page.getByText('Welcome back').waitFor();
    await step(page, 'The children', 'children (resumed)');
    const child = page.getByRole('group', { name: 'Child 1' });
    await child.getByRole('textbox', { name: 'First name', exact: true }).fill('Ayo');
    await child.getByRole('textbox', { name: 'Last name', exact: true }).fill('Hill');
    await typeDate(page, 'Date of birth', '14/03/2018', child);
    await next(page);

    await step(page, 'Court order', 'court order');
    await page.getByRole('radio', { name: 'Yes, an interim order' }).check();
    await page
      .getByRole('textbox', { name: 'Court that made the order', exact: true })
      .fill('Family Court at Riverside');
    await typeDate(page, 'Date the order was made', '10/01/2026');
    await expectAccessible(page, 'referral: interim order');
    await next(page);

    await step(page, 'Known risks', 'risks');
    await page.getByRole('checkbox', { name: 'Domestic abuse' }).check();
    await page.getByRole('button', { name: 'Add a protective order' }).click();
    const order = page.getByRole('group', { name: 'Protective order 1' });
    await order
      .getByRole('combobox', { name: 'Kind of order' })
      .selectOption({ label: 'Non-molestation order' });
    await order
      .getByRole('combobox', { name: 'Person the order protects' })
      .selectOption({ label: 'Amira Hill (parent the children live with)' });
    await order
      .getByRole('combobox', { name: 'Person the order is against' })
      .selectOption({ label: 'Daniel Hill (parent the children will see)' });
    await expectAccessible(page, 'referral: protective order');
    await next(page);

    await step(page, 'Language and access needs', 'needs');
    await page
      .getByRole('textbox', { name: 'Language the family prefers (optional)', exact: true })
      .fill('Arabic');
    await page.getByRole('checkbox', { name: 'An interpreter is needed' }).check();
    await page.getByRole('textbox', { name: 'Language for the interpreter', exact: true }).fill('Arabic');
    await next(page);

    await step(page, 'The service you are asking for', 'service');
    await page.getByRole('radio', { name: 'Supervised contact' }).check();
    await next(page);

    await step(page, 'Check your answers before sending', 'check your answers');
    await page.getByText('Non-molestation order protecting Amira Hill from Daniel Hill.').waitFor();
    // Typed before the reload, so it came back from the saved draft.
    await page.getByText('12 Mill Lane').waitFor();
    await page.getByText('Yes, for Arabic').waitFor();
    await page.getByRole('link', { name: 'Change the adults' }).waitFor();
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Send referral' }).click();

    await page.getByRole('heading', { level: 1, name: 'Referral sent' }).waitFor();
    await page.getByText('We will contact you within 5 working days.').waitFor();
    const reference = (await page.locator('.reference').innerText()).trim();
    expect(reference).toMatch(/^R-\d{4}-\d{4}$/);
    await expectAccessible(page, 'referral: sent');
    expect(await page.evaluate(() => localStorage.getItem('neutral-ground.referral-draft'))).toBeNull();
    await context.close();

    // The coordinator at Riverside decides.
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

    const inbox = staff.getByRole('table', { name: 'Referrals: New' });
    await inbox.getByRole('link', { name: reference }).waitFor();
    await expectAccessible(staff, 'referral inbox');
    await inbox.getByRole('link', { name: reference }).click();

    await staff.getByRole('heading', { level: 1, name: `Referral ${reference}` }).waitFor();
    await staff.getByText('Non-molestation order protecting Amira Hill from Daniel Hill.').waitFor();
    await staff.getByText('Ayo Hill', { exact: true }).waitFor();
    await expectAccessible(staff, 'referral');

    await staff.getByRole('button', { name: 'Accept referral' }).click();
    const dialog = staff.getByRole('dialog', { name: 'Accept this referral?' });
    await dialog
      .getByText(`Accept referral ${reference}? A case will be opened for the Hill family`)
      .waitFor();
    await expectAccessible(staff, 'accept dialog');
    await dialog.getByRole('button', { name: 'Accept referral' }).click();

    await dialog.waitFor({ state: 'hidden' });
    await staff.getByText('Case opened', { exact: true }).waitFor();
    await staff.getByText('Accepted', { exact: true }).waitFor();
    expect(await staff.getByRole('button', { name: 'Accept referral' }).count()).toBe(0);
    await expectAccessible(staff, 'referral accepted');
    await coordinator.context.close();
  });

  it('a final order without an end date is refused, with the message beside the field', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/refer/court-order`);
    await step(page, 'Court order', 'court order (direct)');
    await page.getByRole('radio', { name: 'Yes, a final order' }).check();
    await page
      .getByRole('textbox', { name: 'Court that made the order', exact: true })
      .fill('Family Court at Riverside');
    await typeDate(page, 'Date the order was made', '10/01/2026');
    await next(page);

    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await summary.getByRole('link', { name: 'Enter the end date of the final order' }).waitFor();
    const endDate = page.getByRole('textbox', { name: 'End date of the order', exact: true });
    const describedBy = (await endDate.getAttribute('aria-describedby')) ?? '';
    const beside = await Promise.all(
      describedBy
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).innerText()),
    );
    expect(beside).toContain('Enter the end date of the final order');
    expect(await endDate.getAttribute('aria-invalid')).toBe('true');
    // What was typed is still there.
    expect(
      await page.getByRole('textbox', { name: 'Court that made the order', exact: true }).inputValue(),
    ).toBe('Family Court at Riverside');
    await expectAccessible(page, 'referral: final order without an end date');

    // The summary's link takes the referrer to the field.
    await summary.getByRole('link', { name: 'Enter the end date of the final order' }).click();
    expect(await endDate.evaluate((input) => input === document.activeElement)).toBe(true);

    // A day that does not exist is kept as typed, and explained.
    await typeDate(page, 'End date of the order', '31/02/2027');
    await next(page);
    await summary.getByRole('link', { name: 'Enter a date like 14/03/2026' }).waitFor();
    expect(await endDate.inputValue()).toBe('31/02/2027');
    await context.close();
  });
});
