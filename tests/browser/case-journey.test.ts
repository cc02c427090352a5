/**
 * A case from referral to ready, in real Chromium, on a fresh demo with no families: a solicitor's referral
 * arrives through the API; the Riverside coordinator accepts it and, on the case page, books and records
 * both adults' intake visits and the children's introduction, records a parent's consent for the child's
 * information, records a risk assessment, agrees a
 * fortnightly plan with staggered times, records both adults' acceptance of the rules in person, and
 * sees the case ready to book. axe checks the page and every dialog.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { totpCodeFor } from '../../server/test-support/app.js';
import { referralFor } from '../../server/test-support/factories.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

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

/** A day a week from now, as people in the UK type it. */
function nextWeek(): string {
  const day = new Date(Date.now() + 7 * 86_400_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${pad(day.getDate())}/${pad(day.getMonth() + 1)}/${day.getFullYear()}`;
}

async function sendReferral(): Promise<string> {
  const centres = await app.app.inject({ method: 'GET', url: '/api/public/centres' });
  const riverside = (centres.json() as { items: { id: string; name: string }[] }).items.find((centre) =>
    centre.name.startsWith('Riverside'),
  );
  expect(riverside).toBeDefined();
  const sent = await app.app.inject({
    method: 'POST',
    url: '/api/referrals',
    payload: referralFor(riverside!.id),
  });
  expect(sent.statusCode, sent.body).toBe(201);
  return (sent.json() as { reference: string }).reference;
}

async function typeDay(dialog: Locator, label: string, date: string) {
  const input = dialog.getByRole('textbox', { name: label, exact: true });
  await input.fill(date);
  await input.press('Tab');
}

/** axe once the dialog has finished fading in: half-faded text would fail the contrast check. */
async function expectDialogAccessible(page: Page, label: string) {
  await expectAccessible(page, label);
}

async function closed(dialog: Locator) {
  // Generous: on a busy machine a save and the refresh after it can take more than a second.
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
}

/** Books a visit through the dialog. */
async function scheduleVisit(page: Page, kind: 'adult' | 'introduction', adult: string, when: string) {
  await page.getByRole('button', { name: 'Schedule a visit' }).click();
  const dialog = page.getByRole('dialog', { name: 'Schedule a visit' });
  await dialog.waitFor();
  if (kind === 'introduction') {
    await dialog.getByRole('radio', { name: 'Children’s introduction' }).check();
    await dialog
      .getByRole('combobox', { name: 'Adult who brings the children' })
      .selectOption({ label: adult });
  } else {
    await dialog.getByRole('combobox', { name: 'Adult', exact: true }).selectOption({ label: adult });
  }
  await typeDay(dialog, 'Date', when);
  await dialog.getByLabel('Time', { exact: true }).fill('10:00');
  await dialog.getByRole('textbox', { name: 'Place (optional)' }).fill('Riverside Contact Centre, room 2');
  await dialog.getByRole('button', { name: 'Schedule the visit' }).click();
  await closed(dialog);
}

/** Records the outcome of a booked visit, with the people ticked by default. */
async function completeVisit(page: Page, visit: string, expectTicked: string[]) {
  const intake = page.getByRole('region', { name: 'Intake visits' });
  await intake.getByRole('button', { name: `Record the outcome of: ${visit}` }).click();
  const dialog = page.getByRole('dialog', { name: `Record the outcome: ${visit}` });
  await dialog.waitFor();
  for (const name of expectTicked)
    await expect.poll(() => dialog.getByRole('checkbox', { name }).isChecked()).toBe(true);
  await dialog.getByRole('textbox', { name: 'Outcome' }).fill('Went well; ready for supervised contact.');
  await dialog.getByRole('button', { name: 'Record the outcome' }).click();
  await closed(dialog);
  await expect
    .poll(() => intake.getByRole('button', { name: `Record the outcome of: ${visit}` }).count())
    .toBe(0);
}

describe('a case from referral to ready to book', () => {
  it('the coordinator takes the Hill family from referral to ready, all through the case page', async () => {
    const reference = await sendReferral();
    const { context, page } = await newPage(browser);

    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('textbox', { name: 'Email address', exact: true }).fill('coordinator@example.org');
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('textbox', { name: '6-digit code', exact: true })
      .fill(await totpCodeFor('DEMOCOORDINATORAAAAAAAAAAAAAAAAA'));
    await page.getByRole('button', { name: 'Continue' }).click();

    // Accept the referral.
    await page.getByRole('link', { name: 'Referrals', exact: true }).click();
    await page.getByRole('table', { name: 'Referrals: New' }).getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Referral ${reference}` }).waitFor();
    await page.getByRole('button', { name: 'Accept referral' }).click();
    const accept = page.getByRole('dialog', { name: 'Accept this referral?' });
    await accept.getByRole('button', { name: 'Accept referral' }).click();
    await page.getByText('Case opened', { exact: true }).waitFor();

    // Open the case.
    await page.getByRole('link', { name: 'Cases', exact: true }).click();
    const cases = page.getByRole('table', { name: 'Cases' });
    await cases.getByRole('row').nth(1).waitFor();
    await cases.getByRole('row').nth(1).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Hill family \(/ }).waitFor();
    const readiness = page.getByRole('region', { name: 'Ready to book?' });
    await readiness.getByText('Not ready to book yet').waitFor();
    await expectAccessible(page, 'new case');

    // Scheduling without a date is refused, in the summary and beside the field; nothing typed is lost.
    await page.getByRole('button', { name: 'Schedule a visit' }).click();
    const schedule = page.getByRole('dialog', { name: 'Schedule a visit' });
    await expectDialogAccessible(page, 'schedule a visit dialog');
    await schedule.getByRole('textbox', { name: 'Place (optional)' }).fill('Family home');
    await schedule.getByRole('button', { name: 'Schedule the visit' }).click();
    await schedule.getByRole('alert').getByText('There is a problem').waitFor();
    await schedule
      .getByRole('alert')
      .getByRole('link', { name: 'Enter the date of the visit, like 14/03/2027' })
      .waitFor();
    expect(await schedule.getByRole('textbox', { name: 'Place (optional)' }).inputValue()).toBe(
      'Family home',
    );
    await expectDialogAccessible(page, 'schedule a visit with a problem');
    await schedule.getByRole('button', { name: 'Cancel' }).click();
    await closed(schedule);

    // A visit booked by mistake is cancelled, after a question.
    const when = nextWeek();
    await scheduleVisit(page, 'adult', 'Mark Hill', when);
    const intake = page.getByRole('region', { name: 'Intake visits' });
    await intake.getByRole('button', { name: 'Cancel visit: Intake visit with Mark Hill' }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel this visit?' });
    await cancel.getByText(/^Cancel the visit \(Intake visit with Mark Hill\) on /).waitFor();
    await expectDialogAccessible(page, 'cancel a visit dialog');
    await cancel.getByRole('button', { name: 'Cancel the visit' }).click();
    await closed(cancel);
    await intake.getByText('Cancelled', { exact: true }).waitFor();

    // Both adults' own visits, and the children's introduction.
    await scheduleVisit(page, 'adult', 'Laura Hill', when);
    // Booked at 10:00 on the centre's clock, and shown so.
    await intake.getByText(/Intake visit with Laura Hill, \w{3} \d{1,2} \w+( \d{4})?, 10:00/).waitFor();
    await intake.getByRole('button', { name: 'Record the outcome of: Intake visit with Laura Hill' }).click();
    const outcome = page.getByRole('dialog', { name: 'Record the outcome: Intake visit with Laura Hill' });
    await expectDialogAccessible(page, 'record the outcome dialog');
    await outcome.getByRole('button', { name: 'Cancel' }).click();
    await closed(outcome);
    await completeVisit(page, 'Intake visit with Laura Hill', ['Laura Hill']);
    await scheduleVisit(page, 'adult', 'Mark Hill', when);
    await completeVisit(page, 'Intake visit with Mark Hill', ['Mark Hill']);
    await scheduleVisit(page, 'introduction', 'Laura Hill', when);
    await completeVisit(page, 'Children’s introduction, brought by Laura Hill', ['Laura Hill', 'Ayo Hill']);
    await intake.getByText('Every adult has had an intake visit.', { exact: false }).waitFor();
    await intake.getByText(/The children have been introduced\./).waitFor();

    // A parent's consent for Ayo's information: without it the case cannot be booked.
    await readiness.getByText('Consent for Ayo Hill’s information has not been recorded.').waitFor();
    const consent = page.getByRole('region', { name: 'Consent for the children’s information' });
    await consent.getByRole('button', { name: 'Record consent for Ayo Hill' }).click();
    const giving = page.getByRole('dialog', { name: 'Record consent for Ayo Hill' });
    await giving
      .getByRole('combobox', { name: 'Who gave consent' })
      .selectOption({ label: 'Laura Hill (Parent the children live with)' });
    await giving.getByRole('button', { name: 'Record consent' }).click();
    await closed(giving);
    await consent.getByText(/^Given by Laura Hill on /).waitFor();

    // The risk assessment.
    const risk = page.getByRole('region', { name: 'Risk assessment' });
    await risk.getByRole('button', { name: 'Record a risk assessment' }).click();
    const assess = page.getByRole('dialog', { name: 'Record a risk assessment' });
    await assess.waitFor();
    await expectDialogAccessible(page, 'risk assessment dialog');
    const domesticAbuse = assess.getByRole('group', { name: 'Domestic abuse' });
    await domesticAbuse.getByRole('checkbox', { name: 'Present' }).check();
    // Present without evidence is refused beside the evidence box.
    await assess.getByRole('radio', { name: 'Medium risk' }).check();
    await assess.getByRole('radio', { name: 'Supervised contact' }).check();
    await assess.getByRole('textbox', { name: 'Minutes apart' }).fill('15');
    await assess.getByRole('checkbox', { name: 'Laura Hill and Mark Hill' }).check();
    await assess.getByRole('button', { name: 'Save the assessment' }).click();
    await assess.getByRole('alert').getByText('Write down the evidence of domestic abuse').waitFor();
    await expectDialogAccessible(page, 'risk assessment with a problem');
    await domesticAbuse
      .getByRole('textbox', { name: 'Evidence' })
      .fill('Non-molestation order until October 2027; disclosed by Laura at her intake visit.');
    await assess.getByRole('button', { name: 'Save the assessment' }).click();
    await closed(assess);
    await risk.getByText('Medium risk').waitFor();
    await risk.getByText('Must not meet: Laura Hill and Mark Hill').waitFor();
    await risk.getByText('Arrive and leave 15 minutes apart').waitFor();

    // The plan: fortnightly on Saturdays at 10:00, Laura 15 minutes either side of Mark.
    const plan = page.getByRole('region', { name: 'Contact plan' });
    await plan.getByRole('button', { name: 'Agree a plan' }).click();
    const agree = page.getByRole('dialog', { name: 'Agree a contact plan' });
    await agree.waitFor();
    await expectDialogAccessible(page, 'plan dialog');
    await agree.getByRole('radio', { name: 'Every other week' }).check();
    await agree.getByRole('combobox', { name: 'Day of the week' }).selectOption({ label: 'Saturday' });
    await agree.getByLabel('Starts at', { exact: true }).fill('10:00');
    expect(await agree.getByRole('textbox', { name: 'Length in minutes' }).inputValue()).toBe('120');
    await typeDay(agree, 'Start date', when);
    const laura = agree.getByRole('group', { name: 'Times for Laura Hill' });
    const mark = agree.getByRole('group', { name: 'Times for Mark Hill' });
    expect(await laura.getByRole('textbox', { name: 'Arrives (minutes from the start)' }).inputValue()).toBe(
      '-15',
    );
    expect(await laura.getByRole('textbox', { name: 'Leaves (minutes from the end)' }).inputValue()).toBe(
      '15',
    );
    expect(await mark.getByRole('textbox', { name: 'Arrives (minutes from the start)' }).inputValue()).toBe(
      '0',
    );
    await agree
      .getByRole('textbox', { name: 'Handover arrangements' })
      .fill('Laura brings Ayo and leaves by the side entrance before Mark arrives.');
    await agree.getByRole('checkbox', { name: 'Gifts may be brought' }).check();
    await expect.poll(() => agree.getByRole('checkbox', { name: 'No recordings' }).isChecked()).toBe(true);
    // Times too close for adults who must not meet are refused, beside the adult's times and at the top.
    const lauraArrives = laura.getByRole('textbox', { name: 'Arrives (minutes from the start)' });
    await lauraArrives.fill('-5');
    await agree.getByRole('button', { name: 'Agree the plan' }).click();
    const clash =
      'Laura and Mark must not meet: their arrivals and departures must be at least 15 minutes apart.';
    await agree.getByRole('alert').getByRole('link', { name: clash }).waitFor();
    await mark.getByText(clash).waitFor();
    await expectDialogAccessible(page, 'plan refused');
    await lauraArrives.fill('-15');
    await agree.getByRole('button', { name: 'Agree the plan' }).click();
    await closed(agree);
    await plan.getByText('Every other week on Saturday').waitFor();
    await plan
      .getByText('Laura Hill: arrives 15 minutes before the start, leaves 15 minutes after the end')
      .waitFor();
    await plan.getByText('Mark Hill: arrives as the session starts, leaves as the session ends').waitFor();
    await plan.getByRole('button', { name: 'Agree a new version' }).waitFor();

    // Both adults accept the rules in person.
    const rules = page.getByRole('region', { name: 'The centre’s rules' });
    for (const name of ['Laura Hill', 'Mark Hill']) {
      await rules.getByRole('button', { name: `Record acceptance in person for ${name}` }).click();
      const witness = page.getByRole('dialog', { name: 'Record acceptance in person' });
      await witness.getByRole('button', { name: 'Record acceptance' }).click();
      await closed(witness);
      await expect
        .poll(() => rules.getByRole('button', { name: `Record acceptance in person for ${name}` }).count())
        .toBe(0);
    }

    await readiness.getByText('Ready to book sessions').waitFor();
    await expectAccessible(page, 'case ready to book');
    await context.close();
    // One long journey through a dozen dialogs, each checked by axe: more than the usual two minutes.
  }, 300_000);
});
