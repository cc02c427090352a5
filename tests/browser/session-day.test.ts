/**
 * The session day at the door, in real Chromium on a tablet-sized screen (820×1180): a family made ready
 * and booked through the API, its session moved to have started ten minutes ago; the Riverside volunteer
 * checks in the resident parent, then the child (not before), then the other parent; is asked before
 * letting someone go out of turn; checks them out in the prompted order; and sees everyone on site now —
 * a printable list — empty once they have gone. axe checks every page and the dialog.
 */
import { eq, sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingPeople, bookings } from '../../server/db/schema.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { addDays } from '../../server/plans/recurrence.js';
import { localDay } from '../../server/platform/local-time.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase } from '../../server/test-support/ready-case.js';
import { expectAccessible, launchChromium, newPage, startApp, type RunningApp } from './support.js';

const TABLET = { width: 820, height: 1180 };
const ZONE = 'Europe/London';

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

/** Signs a demo person in through the API (password and two-factor), as the web app would. */
async function apiSignIn(email: string): Promise<Client> {
  const person = DEMO_STAFF.find((staff) => staff.email === email)!;
  const client = new Client(app);
  expect((await client.post('/api/auth/sign-in', { email, password: DEMO_PASSWORD })).statusCode).toBe(200);
  const verify = await client.post('/api/auth/two-factor/verify', {
    code: await totpCodeFor(person.totpSecret),
  });
  expect(verify.statusCode, verify.body).toBe(200);
  return client;
}

async function signIn(page: Page, email: string) {
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

/** Outside the demo's Christmas closure (24 December to 2 January). */
const clearOfChristmas = (date: string) => date.slice(5) < '12-24' && date.slice(5) > '01-02';

/** A Saturday at least three days away, outside the Christmas closure: the plan's first session. */
function aSaturday(): string {
  let day = addDays(localDay(new Date(), ZONE), 3);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6 || !clearOfChristmas(day)) day = addDays(day, 1);
  return day;
}

/**
 * Moves a booked session to today, started ten minutes ago, keeping its staggered times (as the roster's
 * own tests do: a session cannot be booked once it has started).
 */
async function startItNow(id: string) {
  const db = app.database.db;
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  const start = new Date(Date.now() - 10 * 60_000);
  const shift = start.getTime() - row!.startsAt.getTime();
  await db
    .update(bookings)
    .set({
      localDate: localDay(new Date(), ZONE),
      startsAt: start,
      endsAt: new Date(row!.endsAt.getTime() + shift),
    })
    .where(eq(bookings.id, id));
  await db
    .update(bookingPeople)
    .set({
      plannedArriveAt: sql`${bookingPeople.plannedArriveAt} + make_interval(secs => ${shift / 1000})`,
      plannedLeaveAt: sql`${bookingPeople.plannedLeaveAt} + make_interval(secs => ${shift / 1000})`,
    })
    .where(eq(bookingPeople.bookingId, id));
}

describe('the session day', () => {
  it('a volunteer checks a family in and out in order on a tablet, and sees who is on site', async () => {
    // The day's booking, made through the API: supported contact in the hall, started ten minutes ago.
    const coordinator = await apiSignIn('coordinator@example.org');
    const riverside = (
      (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
        items: { id: string; name: string }[];
      }
    ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
    const saturday = aSaturday();
    const api = { anonymous: () => new Client(app) } as unknown as TestApp;
    const hills = await readyCase(api, coordinator, riverside, {
      serviceType: 'supported',
      startsOn: saturday,
    });
    const hall = (
      (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
        id: string;
        name: string;
      }[]
    ).find((room) => room.name === 'Main hall')!.id;
    const booked = await coordinator.post(`/api/centres/${riverside}/cases/${hills.caseId}/bookings`, {
      date: saturday,
      roomId: hall,
    });
    expect(booked.statusCode, booked.body).toBe(201);
    await startItNow(booked.json().id);
    const day = (await coordinator.get(`/api/centres/${riverside}/roster`)).json();
    const session = day.sessions[0] as {
      startTime: string;
      endTime: string;
      people: { firstName: string; plannedDeparture: string }[];
    };
    const planned = (name: string) => session.people.find((p) => p.firstName === name)!.plannedDeparture;

    const { context, page } = await newPage(browser, TABLET);
    await signIn(page, 'volunteer@example.org');
    await page.getByRole('link', { name: 'Check-in', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    const card = page.getByRole('region', { name: `${session.startTime}–${session.endTime}, Main hall` });
    await card.getByText('Supported contact at').waitFor();
    // First names, times and safety flags; no family name anywhere on the page.
    await card.getByText('Keep apart').first().waitFor();
    await card.getByText('Separate entrance').first().waitFor();
    expect(await page.locator('main').textContent()).not.toMatch(/Hill|example\.org|07700|Quiet Close/);
    // The child waits for the adult who brings them: the button is off, and says why.
    const ayoIn = card.getByRole('button', { name: 'Check in Ayo' });
    expect(await ayoIn.isDisabled()).toBe(true);
    await card
      .getByText('Check Laura in first: a child comes in only with the adult who brings them.')
      .waitFor();
    await expectAccessible(page, 'check-in, nobody here yet');
    // Large targets for a finger.
    const box = (await card.getByRole('button', { name: 'Check in Laura' }).boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(56);

    const announced = page.locator('.door-announcement');
    await card.getByRole('button', { name: 'Check in Laura' }).click();
    await announced.getByText(/^Laura checked in at \d\d:\d\d\. Laura arrived \d+ minutes late\.$/).waitFor();
    await card
      .getByText(/^Arrived \d\d:\d\d, \d+ minutes late$/)
      .first()
      .waitFor();
    await ayoIn.click();
    await announced.getByText(/^Ayo checked in at \d\d:\d\d\./).waitFor();
    await card.getByRole('button', { name: 'Check in Mark' }).click();
    await announced.getByText(/^Mark checked in at \d\d:\d\d\./).waitFor();
    await card.getByText(`Next to leave: Mark, planned for ${planned('Mark')}.`).waitFor();
    await expectAccessible(page, 'check-in, everyone here');

    // An incident can be recorded from the session on the roster (the volunteer sees first names only).
    await card.getByRole('button', { name: 'Record an incident' }).click();
    const incident = page.getByRole('dialog', { name: /^Record an incident/ });
    await incident.waitFor();
    await incident.getByText('Who it concerns').first().waitFor();
    await expectAccessible(page, 'record an incident from the roster');
    await page.keyboard.press('Escape');
    await incident.waitFor({ state: 'hidden' });

    // Everyone on site now, for a fire roll call, printable.
    await page.getByRole('link', { name: 'On site now (fire roll call)' }).click();
    await page.getByRole('heading', { level: 1, name: 'On site now' }).waitFor();
    await page.getByText('3 people on site.').waitFor();
    const list = page.getByRole('table');
    for (const name of ['Laura H.', 'Mark H.', 'Ayo H.']) {
      await list.getByRole('rowheader', { name }).waitFor();
    }
    await page
      .getByText(/^Riverside Contact Centre: the list as at \d\d:\d\d on \w+ \d+ \w+ \d{4}$/)
      .waitFor();
    await expectAccessible(page, 'on site now');
    // Printed: the list and its time, black on white, with a column to tick; no menu or buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: 'Print the list' }).isVisible()).toBe(false);
    expect(await page.locator('.mantine-AppShell-navbar').isVisible()).toBe(false);
    expect(await list.getByRole('columnheader', { name: 'Accounted for' }).isVisible()).toBe(true);
    expect(
      await page.getByText(/the list as at/).evaluate((element) => getComputedStyle(element).color),
    ).toBe('rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
    expect(await list.getByRole('columnheader', { name: 'Accounted for' }).isVisible()).toBe(false);
    // The print button prints the list as it is now (window.print is replaced so the test can see it).
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print the list' }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

    // Back at the door: out of turn asks first.
    await page.getByRole('link', { name: 'Back to check-in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check-in' }).waitFor();
    // Laura takes Ayo home, so she cannot go before him; Ayo going now would be before Mark.
    expect(await card.getByRole('button', { name: 'Check out Laura' }).isDisabled()).toBe(true);
    await card.getByText('Laura takes Ayo home: check Ayo out first.').waitFor();
    await card.getByRole('button', { name: 'Check out Ayo' }).click();
    const ask = page.getByRole('dialog', { name: 'Check Ayo out now?' });
    await ask.getByText(`Mark is due to leave first, at ${planned('Mark')}.`, { exact: false }).waitFor();
    await expectAccessible(page, 'check-out out of turn');
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => ask.count()).toBe(0);

    // In the prompted order: Mark, then Ayo with Laura.
    await card.getByRole('button', { name: 'Check out Mark' }).click();
    await announced
      .getByText(
        new RegExp(
          `^Mark checked out at \\d\\d:\\d\\d\\. Next to leave: Laura, planned for ${planned('Laura')}\\.$`,
        ),
      )
      .waitFor();
    await card.getByText(`Next to leave: Laura, planned for ${planned('Laura')}.`).waitFor();
    await card.getByRole('button', { name: 'Check out Ayo' }).click();
    await announced.getByText(/^Ayo checked out at \d\d:\d\d\./).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    await card.getByRole('button', { name: 'Check out Laura' }).click();
    await announced.getByText(/^Laura checked out at \d\d:\d\d\.$/).waitFor();
    await card.getByText('Everyone has left.').waitFor();
    expect(await card.getByRole('button', { name: 'Laura has left' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'check-in, everyone gone');

    // A tap made by mistake is taken back, after a question: Laura is still here after all.
    await card.getByRole('button', { name: 'Undo Laura’s check-out' }).click();
    const undo = page.getByRole('dialog', { name: 'Undo Laura’s check-out?' });
    await undo.getByText(/^Laura was checked out at \d\d:\d\d\./).waitFor();
    await expectAccessible(page, 'undo a check-out');
    await undo.getByRole('button', { name: 'Undo the check-out' }).click();
    await announced.getByText('Laura’s check-out is taken back: Laura shows as still here.').waitFor();
    await expect.poll(() => undo.count()).toBe(0);
    await card.getByRole('button', { name: 'Check out Laura' }).click();
    await announced.getByText(/^Laura checked out at \d\d:\d\d\.$/).waitFor();
    await card.getByText('Everyone has left.').waitFor();

    // The on-site list is empty.
    await page.getByRole('link', { name: 'On site now', exact: true }).click();
    await page.getByText('Nobody is checked in on site.').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await expectAccessible(page, 'on site now, empty');

    // Nothing on the tablet scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await context.close();
  });
});
