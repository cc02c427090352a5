/**
 * The timetable assistant in real Chromium: three families made ready through the API for a Tuesday
 * evening (the demo centre's supervised opening, 16:00 to 18:00), two parents of different families kept
 * apart. The coordinator opens "Plan a day" from the timetable, sees the families whose plan meets that
 * day chosen, asks for a proposal, sees each family's room, times and supervisor (one moved to keep the
 * parents apart), changes a room, books them all and sees each result; planning one of them again shows
 * why it cannot be placed. axe checks each step, and the dialog fits a phone.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase } from '../../server/test-support/ready-case.js';
import { addDays, todayIn } from '../../web/src/features/timetable/calendar.js';
import { longDay } from '../../web/src/features/assistant/times.js';
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

/** A Tuesday at least three days away, clear of the demo's Christmas closure (24 December to 2 January). */
function comingTuesday(): string {
  let day = addDays(todayIn('Europe/London'), 3);
  while (
    new Date(`${day}T12:00:00Z`).getUTCDay() !== 2 ||
    day.slice(5) >= '12-24' ||
    day.slice(5) <= '01-02'
  ) {
    day = addDays(day, 1);
  }
  return day;
}

async function signIn(page: Page, email = 'coordinator@example.org') {
  const person = DEMO_STAFF.find((staff) => staff.email === email)!;
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('textbox', { name: '6-digit code', exact: true })
    .fill(await totpCodeFor(person.totpSecret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Home', exact: true }).waitFor();
}

/** The browser's own signed-in session, used through the API to make families ready. */
async function apiAs(context: BrowserContext): Promise<Client> {
  const client = new Client(app);
  const cookie = (await context.cookies()).find((c) => c.name === 'ng_session');
  expect(cookie).toBeDefined();
  client.cookie = `ng_session=${cookie!.value}`;
  expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  return client;
}

describe('plan a day', () => {
  it('a coordinator plans a Tuesday evening, changes a room, books it, and sees why a family cannot be placed', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page);
    const coordinator = await apiAs(context);
    const riverside = (
      (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
        items: { id: string; name: string }[];
      }
    ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
    const tuesday = comingTuesday();
    const api = { anonymous: () => new Client(app) } as unknown as TestApp;
    const evening = {
      recurrence: { frequency: 'weekly' as const, weekday: 2, startTime: '16:00' },
      startsOn: tuesday,
      lengthMinutes: 45,
    };
    const hills = await readyCase(api, coordinator, riverside, evening);
    const patels = await readyCase(api, coordinator, riverside, {
      ...evening,
      family: { resident: 'Nadia', other: 'Omar', child: 'Zara', surname: 'Patel' },
    });
    const khans = await readyCase(api, coordinator, riverside, {
      ...evening,
      family: { resident: 'Amina', other: 'Bilal', child: 'Sami', surname: 'Khan' },
    });
    const apart = await coordinator.post(`/api/centres/${riverside}/separations`, {
      personAId: hills.people.Mark,
      personBId: patels.people.Nadia,
      reason: 'Non-molestation order between them',
    });
    expect(apart.statusCode, apart.body).toBe(201);

    // The timetable for that Tuesday; "Plan a day" opens the dialog on it.
    await page.goto(`${app.url}/timetable?date=${tuesday}`);
    await page.getByRole('heading', { level: 1, name: 'Timetable' }).waitFor();
    await page.getByRole('button', { name: 'Plan a day' }).click();
    const dialog = page.getByRole('dialog', { name: 'Plan a day' });
    const hill = dialog.getByRole('checkbox', { name: `${hills.reference} – Hill family` });
    await hill.waitFor();
    // The three families meet on Tuesdays: all three are chosen to start with.
    for (const [reference, family] of [
      [hills.reference, 'Hill'],
      [patels.reference, 'Patel'],
      [khans.reference, 'Khan'],
    ]) {
      expect(
        await dialog.getByRole('checkbox', { name: `${reference} – ${family} family` }).isChecked(),
      ).toBe(true);
    }
    await dialog.getByText('Supervised, 16:00 for 45 minutes. Meets on this day').first().waitFor();
    await expectAccessible(page, 'plan a day: choosing the families');

    // Nobody chosen: the dialog says what to do.
    await dialog.getByRole('button', { name: 'Clear' }).click();
    await dialog.getByRole('button', { name: 'Propose a timetable' }).click();
    await dialog.getByRole('link', { name: 'Choose at least one family' }).waitFor();
    await dialog.getByRole('button', { name: 'Choose all' }).click();

    // The proposal: the Patels moved to 17:15 so that Nadia arrives after Mark has left.
    await dialog.getByRole('button', { name: 'Propose a timetable' }).click();
    await dialog.getByRole('heading', { name: `Proposal for ${longDay(tuesday)}` }).waitFor();
    await dialog.getByText('3 families placed.').waitFor();
    const patel = dialog.getByRole('region', { name: `${patels.reference} – Patel family` });
    await patel.getByText('17:15–18:00', { exact: true }).waitFor();
    await patel.getByText('Moved 75 minutes from 16:00 to keep to the rules', { exact: false }).waitFor();
    await patel.getByText('Nadia P. 17:00–18:15').waitFor();
    await patel.getByText('Zara P. with Nadia').waitFor();
    const hillCard = dialog.getByRole('region', { name: `${hills.reference} – Hill family` });
    await hillCard.getByText('16:00–16:45', { exact: true }).waitFor();
    await hillCard.getByText('Laura H. 15:45–17:00').waitFor();
    await hillCard.getByText('Mark H. 16:00–16:45').waitFor();
    await expectAccessible(page, 'plan a day: the proposal');

    // The coordinator puts the Khans in the Garden room instead.
    const khan = dialog.getByRole('region', { name: `${khans.reference} – Khan family` });
    await khan
      .getByRole('combobox', { name: 'Room' })
      .selectOption({ label: 'Garden room (private room, 8 people)' });
    await khan.getByText('Changed by you: every rule is checked again when it is booked.').waitFor();

    // Book: each family's result.
    await dialog.getByRole('button', { name: 'Book 3 sessions' }).click();
    await dialog.getByText('3 booked, 0 not booked.').waitFor();
    await dialog.getByText('Booked 16:00–16:45 in the Garden room').waitFor();
    await dialog.getByText('Booked 17:15–18:00 in the', { exact: false }).waitFor();
    await expectAccessible(page, 'plan a day: what was booked');

    // The timetable behind shows the sessions.
    await dialog.getByRole('button', { name: 'Back to the timetable' }).click();
    await page.getByText('3 sessions booked.').waitFor();

    // Planning the Hills again: no time is left, and the dialog says why.
    await page.getByRole('button', { name: 'Plan a day' }).click();
    await hill.waitFor();
    await dialog.getByText('Already has a session this day').first().waitFor();
    expect(await hill.isChecked()).toBe(false);
    await hill.check();
    await page.setViewportSize(PHONE);
    await dialog.getByRole('button', { name: 'Propose a timetable' }).click();
    const refused = dialog.getByRole('alert').filter({ hasText: 'Could not be placed' });
    await refused
      .getByText(`${hills.reference} – Hill family: No time between 16:00 and 18:00`, { exact: false })
      .waitFor();
    await refused
      .getByText('Mark H. must not meet Nadia P., who is on site 17:00–18:15', { exact: false })
      .waitFor();
    await dialog.getByText('No family could be placed.', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await expectAccessible(page, 'plan a day: a family that cannot be placed, on a phone');
    await context.close();
  });
});
