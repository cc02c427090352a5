/**
 * The rest of the case record in real Chromium, on the demo families: the Riverside coordinator records a
 * parent's consent for a child, records a new interim court order, adds a professional and ends their
 * involvement, looks at the plan dialog's specific dates and the intake dialog's choice of staff, closes
 * the case with its outcome (the calm banner replaces every change button) and opens it again. axe checks
 * the page and every dialog.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { loadDemoFamilies } from '../../server/demo/families.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

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

async function signIn(page: Page) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('coordinator@example.org');
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('textbox', { name: '6-digit code', exact: true })
    .fill(await totpCodeFor('DEMOCOORDINATORAAAAAAAAAAAAAAAAA'));
  await page.getByRole('button', { name: 'Continue' }).click();
}

async function closed(dialog: Locator) {
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
}

/** Today as people in the UK type it, on the London clock the browser runs in. */
function today(): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  }).format(new Date());
  return parts;
}

describe('the case record', () => {
  let context: BrowserContext;
  let page: Page;
  let family: string;
  let child: string;
  beforeAll(async () => {
    ({ context, page } = await newPage(browser));
    await signIn(page);
  });
  afterAll(() => context.close());

  it('a coordinator records a parent’s consent, a new interim order and a professional', async () => {
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const cases = page.getByRole('table', { name: 'Cases' });
    await cases.getByRole('row').nth(1).waitFor();
    await cases.getByRole('row').nth(1).getByRole('link').click();
    const title = page.getByRole('heading', { level: 1, name: / family \(/ });
    await title.waitFor();
    family = ((await title.textContent()) ?? '').replace(/ family \(.*$/, '');
    const readiness = page.getByRole('region', { name: 'Ready to book?' });
    await readiness.getByText('Not ready to book yet').waitFor();
    await readiness.getByText(/^Consent for .+ information has not been recorded\.$/).waitFor();
    await expectAccessible(page, 'case page');

    // Consent for the first child, given by a parent today (the dialog's defaults).
    const consent = page.getByRole('region', { name: 'Consent for the children’s information' });
    const record = consent.getByRole('button', { name: /^Record consent for / }).first();
    child = ((await record.getAttribute('aria-label')) ?? '').replace('Record consent for ', '');
    await record.click();
    const giving = page.getByRole('dialog', { name: `Record consent for ${child}` });
    await giving.getByRole('combobox', { name: 'Who gave consent' }).waitFor();
    await expectAccessible(page, 'record consent dialog');
    await giving.getByRole('button', { name: 'Record consent' }).click();
    await closed(giving);
    await expect
      .poll(() => consent.getByRole('button', { name: `Withdraw consent for ${child}` }).count())
      .toBe(1);
    await consent
      .getByText(/^Given by .+ on \d{1,2} \w+ \d{4}$/)
      .first()
      .waitFor();

    // A new interim order: refused without its date, beside the field; then recorded.
    const orders = page.getByRole('region', { name: 'Court order' });
    await orders.getByRole('button', { name: 'Record a new court order' }).click();
    const ordering = page.getByRole('dialog', { name: 'Record a new court order' });
    await ordering.getByRole('radio', { name: 'Interim order' }).waitFor();
    await expectAccessible(page, 'court order dialog');
    await ordering.getByRole('textbox', { name: 'Court that made the order' }).fill('Riverside Family Court');
    await ordering.getByRole('button', { name: 'Record the order' }).click();
    await ordering
      .getByRole('alert')
      .getByRole('link', { name: 'Enter the date the order was made' })
      .waitFor();
    await expectAccessible(page, 'court order dialog with a problem');
    const madeOn = ordering.getByRole('textbox', { name: 'Date the order was made', exact: true });
    await madeOn.fill(today());
    await madeOn.press('Tab');
    await ordering.getByRole('textbox', { name: 'Case number (optional)' }).fill('RV26F00999');
    await ordering.getByRole('button', { name: 'Record the order' }).click();
    await closed(ordering);
    await orders.getByText('Court case number: RV26F00999').waitFor();
    await orders.getByText('Interim order', { exact: true }).waitFor();

    // A professional, added and then no longer involved.
    const professionals = page.getByRole('region', { name: 'Professionals' });
    await professionals.getByRole('button', { name: 'Add a professional' }).click();
    const adding = page.getByRole('dialog', { name: 'Add a professional' });
    await adding.getByRole('combobox', { name: 'What they do' }).waitFor();
    await expectAccessible(page, 'add a professional dialog');
    await adding.getByRole('combobox', { name: 'What they do' }).selectOption({ label: 'Social worker' });
    await adding.getByRole('textbox', { name: 'Name' }).fill('Tess Marsh');
    await adding
      .getByRole('textbox', { name: 'Organisation (optional)' })
      .fill('Riverside Children’s Services');
    await adding.getByRole('textbox', { name: 'Email (optional)' }).fill('tess.marsh@example.org');
    await adding
      .getByRole('combobox', { name: 'Acting for' })
      .selectOption({ label: 'The court or the children' });
    await adding.getByRole('button', { name: 'Add the professional' }).click();
    await closed(adding);
    await professionals.getByText('Email: tess.marsh@example.org').waitFor();
    await professionals.getByRole('button', { name: 'End Tess Marsh’s involvement' }).click();
    const ending = page.getByRole('dialog', { name: 'End Tess Marsh’s involvement?' });
    await ending.getByRole('button', { name: 'End involvement' }).waitFor();
    await expectAccessible(page, 'end involvement dialog');
    await ending.getByRole('button', { name: 'End involvement' }).click();
    await closed(ending);
    await professionals.getByRole('heading', { name: 'Professionals no longer involved' }).waitFor();
  });

  it('the plan dialog offers specific dates, and the intake dialog the choice of staff', async () => {
    // The plan dialog offers specific dates, with a calendar whose buttons are named.
    const plan = page.getByRole('region', { name: 'Contact plan' });
    await plan.getByRole('button', { name: /^Agree a (plan|new version)$/ }).click();
    const agreeing = page.getByRole('dialog', { name: /^Agree a (contact plan|new version of the plan)$/ });
    await agreeing.getByRole('radio', { name: 'On specific dates' }).check();
    await expect.poll(() => agreeing.getByRole('combobox', { name: 'Day of the week' }).count()).toBe(0);
    await agreeing.getByRole('button', { name: 'Dates of the sessions' }).click();
    await page.getByRole('button', { name: 'Next month' }).waitFor();
    await expectAccessible(page, 'plan dialog with the dates calendar open');
    await page.keyboard.press('Escape');
    await agreeing.getByRole('button', { name: 'Cancel' }).click();
    await closed(agreeing);

    // The intake dialog lets the coordinator choose who holds the visit.
    await page.getByRole('button', { name: 'Schedule a visit' }).click();
    const scheduling = page.getByRole('dialog', { name: 'Schedule a visit' });
    const heldBy = scheduling.getByRole('combobox', { name: 'Held by (optional)' });
    await heldBy.waitFor();
    await heldBy.selectOption({ label: 'Priya Shah (you)' });
    await expectAccessible(page, 'schedule a visit with staff');
    await scheduling.getByRole('button', { name: 'Cancel' }).click();
    await closed(scheduling);
  });

  it('closes the case with its outcome, behind a calm banner, and opens it again', async () => {
    const readiness = page.getByRole('region', { name: 'Ready to book?' });

    // Close the case: the outcome is asked for, once.
    const closing = page.getByRole('region', { name: 'Close the case' });
    await closing.getByRole('button', { name: 'Close this case' }).click();
    const confirm = page.getByRole('dialog', { name: 'Close this case?' });
    await confirm.getByText(`Close the ${family} family’s case?`, { exact: false }).waitFor();
    await expectAccessible(page, 'close case dialog');
    await confirm.getByRole('button', { name: 'Close the case' }).click();
    await confirm.getByText('Choose how the case ends').waitFor();
    await expectAccessible(page, 'close case dialog with a problem');
    await confirm.getByRole('radio', { name: 'A court decision' }).check();
    await confirm
      .getByRole('textbox', { name: 'Note (optional)' })
      .fill('Final hearing decided on direct contact.');
    await confirm.getByRole('button', { name: 'Close the case' }).click();
    await closed(confirm);

    const banner = page.getByRole('region', { name: 'This case is closed' });
    await banner.getByText('Outcome: A court decision.').waitFor();
    await banner.getByText('Note: Final hearing decided on direct contact.').waitFor();
    await banner.getByText(/^Closed \w{3} \d{1,2} \w+(?: \d{4})?, \d{2}:\d{2} by Priya Shah\.$/).waitFor();
    await readiness.getByText('The case is closed.').waitFor();
    for (const name of [
      'Record a new court order',
      'Add a professional',
      'Schedule a visit',
      'Close this case',
      `Withdraw consent for ${child}`,
    ]) {
      expect(await page.getByRole('button', { name }).count(), name).toBe(0);
    }
    await expectAccessible(page, 'closed case');

    // Opened again, with a reason: the change buttons come back.
    await banner.getByRole('button', { name: 'Open the case again' }).click();
    const reopening = page.getByRole('dialog', { name: 'Open this case again?' });
    await reopening.getByRole('radio', { name: 'It was closed by mistake' }).waitFor();
    await expectAccessible(page, 'reopen dialog');
    await reopening.getByRole('radio', { name: 'It was closed by mistake' }).check();
    await reopening.getByRole('button', { name: 'Open the case again' }).click();
    await closed(reopening);
    await page.getByRole('button', { name: 'Close this case' }).waitFor();
    expect(await page.getByRole('region', { name: 'This case is closed' }).count()).toBe(0);
  });
});
