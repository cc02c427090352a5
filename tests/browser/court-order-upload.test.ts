/**
 * A copy of the court order in real Chromium: on a phone, a solicitor attaches a small PDF on the
 * court-order page of the referral form (uploaded at once to the saved draft), sees it on the check page
 * and sends the referral; the Riverside coordinator finds it under Documents on the referral, downloads it
 * as an attachment byte for byte, accepts the referral, and attaches a photo of the order to the case.
 * axe checks every page and dialog.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

const PHONE = { width: 390, height: 844 };

/** A tiny, well-formed PDF made here. */
const ORDER_PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    'trailer << /Root 1 0 R >>',
    '%%EOF',
    '',
  ].join('\n'),
  'latin1',
);
const PHOTO = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0')]);
const WEB_PAGE = Buffer.from('<!doctype html><title>not an order</title>');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

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

async function typeDate(page: Page, label: string, date: string) {
  await page.getByRole('textbox', { name: label, exact: true }).fill(date);
  await page.keyboard.press('Escape');
}

/** Chooses a file the way a person does: the field's button opens the file chooser. */
async function chooseFile(
  page: Page,
  label: string,
  file: { name: string; mimeType: string; buffer: Buffer },
) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: label }).click();
  await (await chooser).setFiles(file);
}

async function noSidewaysScroll(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(PHONE.width);
}

async function signIn(page: Page, email: string, secret: string) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill(await totpCodeFor(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
}

describe('a copy of the court order, from the referral form to the case', () => {
  it('a referrer attaches the order on a phone; the coordinator downloads it and adds a photo to the case', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto(`${app.url}/refer/centre`);
    await page.getByRole('radio', { name: 'Riverside Contact Centre' }).waitFor();
    await step(page, 'Which centre are you referring to?', 'centre');
    await page.getByRole('radio', { name: 'Riverside Contact Centre' }).check();
    await next(page);

    await step(page, 'About you', 'about you');
    await page.getByRole('textbox', { name: 'Your full name', exact: true }).fill('Helen Brooks');
    await page.getByRole('radio', { name: 'Solicitor' }).check();
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('helen.brooks@example.org');
    await next(page);

    await step(page, 'The adults', 'adults');
    const resident = page.getByRole('group', { name: 'The parent the children live with' });
    await resident.getByRole('textbox', { name: 'First name', exact: true }).fill('Amira');
    await resident.getByRole('textbox', { name: 'Last name', exact: true }).fill('Stone');
    const other = page.getByRole('group', { name: 'The parent the children will see' });
    await other.getByRole('textbox', { name: 'First name', exact: true }).fill('Daniel');
    await other.getByRole('textbox', { name: 'Last name', exact: true }).fill('Stone');
    await next(page);

    await step(page, 'The children', 'children');
    const child = page.getByRole('group', { name: 'Child 1' });
    await child.getByRole('textbox', { name: 'First name', exact: true }).fill('Mia');
    await child.getByRole('textbox', { name: 'Last name', exact: true }).fill('Stone');
    await child.getByRole('textbox', { name: 'Date of birth', exact: true }).fill('02/09/2017');
    await page.keyboard.press('Escape');
    await next(page);

    await step(page, 'Court order', 'court order');
    // No order, no file to attach.
    await page.getByRole('radio', { name: 'No court order' }).check();
    expect(await page.getByRole('button', { name: 'Copy of the order (optional)' }).count()).toBe(0);
    await page.getByRole('radio', { name: 'Yes, an interim order' }).check();
    await page
      .getByRole('textbox', { name: 'Court that made the order', exact: true })
      .fill('Family Court at Riverside');
    await typeDate(page, 'Date the order was made', '10/01/2026');

    // Something that is not a PDF or a photo, whatever it is called, is refused beside the field.
    await chooseFile(page, 'Copy of the order (optional)', {
      name: 'order.pdf',
      mimeType: 'application/pdf',
      buffer: WEB_PAGE,
    });
    const refusal =
      'The order must be a PDF or a photo (JPEG, PNG, WebP or HEIC); this file is none of these.';
    await page.getByText(refusal, { exact: true }).waitFor();
    const input = page.getByRole('button', { name: 'Copy of the order (optional)' });
    expect(await input.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'referral: a file that is not an order');

    const uploaded = page.waitForResponse(
      (response) => response.url().endsWith('/court-order') && response.request().method() === 'PUT',
    );
    await chooseFile(page, 'Copy of the order (optional)', {
      name: 'Interim order.pdf',
      mimeType: 'application/pdf',
      buffer: ORDER_PDF,
    });
    expect((await uploaded).status()).toBe(200);
    const attached = page.getByRole('region', { name: 'Copy of the order attached' });
    await attached.getByText(`Interim order.pdf (PDF, ${ORDER_PDF.length} bytes)`).waitFor();
    await attached.getByRole('button', { name: 'Remove Interim order.pdf' }).waitFor();
    expect(await page.getByText(refusal).count()).toBe(0);
    await expectAccessible(page, 'referral: order attached');
    await noSidewaysScroll(page);
    await next(page);

    await step(page, 'Known risks', 'risks');
    await next(page);
    await step(page, 'Language and access needs', 'needs');
    await next(page);
    await step(page, 'The service you are asking for', 'service');
    await page.getByRole('radio', { name: 'Supervised contact' }).check();
    await next(page);

    await step(page, 'Check your answers before sending', 'check your answers');
    const copy = page.getByRole('region', { name: 'Copy of the court order' });
    await copy.getByText(`Interim order.pdf (PDF, ${ORDER_PDF.length} bytes)`).waitFor();
    await copy.getByRole('link', { name: 'Change the copy of the court order' }).waitFor();
    await noSidewaysScroll(page);
    await page.getByRole('button', { name: 'Send referral' }).click();

    await page.getByRole('heading', { level: 1, name: 'Referral sent' }).waitFor();
    const reference = (await page.locator('.reference').innerText()).trim();
    await expectAccessible(page, 'referral: sent');
    await context.close();

    // The coordinator at Riverside finds the order under Documents and downloads it.
    const staff = await newPage(browser);
    const coordinator = staff.page;
    await signIn(coordinator, 'coordinator@example.org', 'DEMOCOORDINATORAAAAAAAAAAAAAAAAA');
    await coordinator.getByRole('link', { name: 'Referrals', exact: true }).click();
    await coordinator
      .getByRole('table', { name: 'Referrals: New' })
      .getByRole('link', { name: reference })
      .click();
    await coordinator.getByRole('heading', { level: 1, name: `Referral ${reference}` }).waitFor();
    const documents = coordinator.getByRole('region', { name: 'Documents' });
    const link = documents.getByRole('link', { name: 'Download Interim order.pdf' });
    await link.waitFor();
    await documents.getByText(`PDF, ${ORDER_PDF.length} bytes`).waitFor();
    await documents.getByText(/^Sent with the referral on /).waitFor();
    await expectAccessible(coordinator, 'referral with its documents');

    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/centres\/[0-9a-f-]{36}\/referrals\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/);
    expect(await link.getAttribute('download')).toBe('Interim order.pdf');
    const download = await staff.context.request.get(`${app.url}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect(download.headers()['content-disposition']).toBe(
      `attachment; filename="Interim order.pdf"; filename*=UTF-8''Interim%20order.pdf`,
    );
    expect(download.headers()['x-content-type-options']).toBe('nosniff');
    expect(download.headers()['cache-control']).toBe('no-store');
    expect(sha256(await download.body())).toBe(sha256(ORDER_PDF));

    // Accepted, the order goes with the case; a clearer photo of it arrives later and is attached there.
    await coordinator.getByRole('button', { name: 'Accept referral' }).click();
    const accept = coordinator.getByRole('dialog', { name: 'Accept this referral?' });
    const accepted = coordinator.waitForResponse((response) => response.url().endsWith('/accept'));
    await accept.getByRole('button', { name: 'Accept referral' }).click();
    const { caseId } = (await (await accepted).json()) as { caseId: string };
    await accept.waitFor({ state: 'hidden' });
    await coordinator.getByText('Case opened', { exact: true }).waitFor();
    await coordinator.goto(`${app.url}/cases/${caseId}`);
    await coordinator.getByRole('heading', { level: 1, name: /^Stone family/ }).waitFor();
    const caseDocuments = coordinator.getByRole('region', { name: 'Documents' });
    await caseDocuments.getByRole('link', { name: 'Download Interim order.pdf' }).waitFor();
    await caseDocuments.getByText('Copy of the court order in force').waitFor();
    await expectAccessible(coordinator, 'case with its documents');

    await caseDocuments.getByRole('button', { name: 'Attach a copy of the order' }).click();
    const dialog = coordinator.getByRole('dialog', { name: 'Attach a copy of the court order' });
    await dialog.getByRole('button', { name: 'Attach the copy' }).click();
    await dialog.getByRole('link', { name: 'Choose the file of the order' }).waitFor();
    await expectAccessible(coordinator, 'attach dialog with a problem');
    await chooseFile(coordinator, 'File of the order', {
      name: 'Photo of order.jpg',
      mimeType: 'image/jpeg',
      buffer: PHOTO,
    });
    await dialog.getByRole('button', { name: 'Attach the copy' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await coordinator.getByText('The copy of the order has been added to the case.').waitFor();
    await caseDocuments.getByRole('link', { name: 'Download Photo of order.jpg' }).waitFor();
    await caseDocuments.getByText(/^Added by Priya Shah on /).waitFor();
    await expectAccessible(coordinator, 'case with the added copy');
    await staff.context.close();
  });
});
