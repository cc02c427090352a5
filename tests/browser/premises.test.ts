/**
 * Premises and opening times in real Chromium, on the demo: the Riverside coordinator adds an alternative
 * venue with a room, adds weekly opening sessions there and a closure on one of their days, and sees that
 * day marked closed in the next four weeks; then records the volunteer's checks on the staff page.
 * axe checks every page and dialog on the way.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../server/demo/demo-data.js';
import { localReading } from '../../server/plans/recurrence.js';
import { totpCodeFor } from '../../server/test-support/app.js';
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

const DAY_MS = 86_400_000;
const today = () => localReading(new Date(), 'Europe/London').date;
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** 14/03/2026, as people in the UK type a date. */
const typed = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
/** "Wednesday 2 December", as the page heads each day. */
const spoken = (date: string) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  });

/** The first Wednesday after today. */
function nextWednesday(): string {
  let day = shift(today(), 1);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 3) day = shift(day, 1);
  return day;
}

async function signIn(
  page: Page,
  email = 'coordinator@example.org',
  secret = 'DEMOCOORDINATORAAAAAAAAAAAAAAAAA',
) {
  await page.goto(`${app.url}/sign-in`);
  await page.getByRole('textbox', { name: 'Email address', exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: '6-digit code', exact: true }).fill(await totpCodeFor(secret));
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('link', { name: 'Home', exact: true }).waitFor();
}

async function typeDay(dialog: Locator, label: string, date: string) {
  const input = dialog.getByRole('textbox', { name: label, exact: true });
  await input.fill(typed(date));
  await input.press('Tab');
}

async function closed(dialog: Locator) {
  // Generous: on a busy machine a save and the refresh after it can take more than a second.
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
}

/** Opens a dialog, checks it with axe and closes it with Cancel. */
async function lookAndCancel(page: Page, open: Locator, name: string) {
  await open.click();
  const dialog = page.getByRole('dialog', { name });
  await dialog.waitFor();
  await expectAccessible(page, `${name} dialog`);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await closed(dialog);
}

describe('premises and opening times', () => {
  it('a coordinator adds a venue with a room, opening sessions and a closure, and records a volunteer’s checks', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page);

    // Premises: the centre's building and the demo's library, each with its rooms.
    await page.getByRole('link', { name: 'Premises', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Premises' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Northgate Library community room' }).waitFor();
    const hall = page
      .getByRole('table', { name: 'Rooms at Riverside Contact Centre' })
      .getByRole('row')
      .filter({ hasText: 'Main hall' });
    await expect.poll(() => hall.textContent()).toContain('Shared hall');
    await expectAccessible(page, 'premises');

    await page.getByRole('button', { name: 'Add a venue' }).click();
    const addVenue = page.getByRole('dialog', { name: 'Add a venue' });
    await addVenue.waitFor();
    await expectAccessible(page, 'add a venue dialog');
    // Nothing filled in: the summary names what is missing.
    await addVenue.getByRole('button', { name: 'Add venue' }).click();
    await addVenue.getByRole('alert').getByText('Enter the name of the venue').waitFor();
    await expectAccessible(page, 'add a venue dialog with errors');
    await addVenue.getByRole('textbox', { name: 'Name of the venue' }).fill('Eastside community room');
    await addVenue.getByRole('combobox', { name: 'Kind of venue' }).selectOption({ label: 'Community room' });
    await addVenue.getByRole('textbox', { name: 'Address' }).fill('Eastside Community Centre, 9 Park Road');
    await addVenue
      .getByRole('textbox', { name: 'Accessibility notes' })
      .fill('Step-free; parking at the back.');
    await addVenue.getByRole('button', { name: 'Add venue' }).click();
    await closed(addVenue);
    await page.getByRole('heading', { level: 2, name: 'Eastside community room' }).waitFor();
    await page.getByText('No rooms here yet.').waitFor();

    await page.getByRole('button', { name: 'Add a room to Eastside community room' }).click();
    const addRoom = page.getByRole('dialog', { name: 'Add a room' });
    await addRoom.waitFor();
    await expectAccessible(page, 'add a room dialog');
    await addRoom.getByRole('textbox', { name: 'Room name' }).fill('Eastside room');
    await expect.poll(() => addRoom.getByRole('combobox', { name: 'Venue' }).inputValue()).not.toBe('');
    await addRoom.getByRole('radio', { name: /^Shared hall/ }).check();
    await addRoom.getByRole('textbox', { name: 'Capacity' }).fill('12');
    await addRoom.getByRole('checkbox', { name: 'Has its own waiting room' }).check();
    await addRoom.getByRole('button', { name: 'Add room' }).click();
    await closed(addRoom);
    const eastsideRoom = page
      .getByRole('table', { name: 'Rooms at Eastside community room' })
      .getByRole('row')
      .filter({ hasText: 'Eastside room' });
    await expect.poll(() => eastsideRoom.textContent()).toContain('Shared hall');
    await expect.poll(() => eastsideRoom.textContent()).toContain('12 people');

    await lookAndCancel(
      page,
      page.getByRole('button', { name: 'Take out of use: Eastside community room' }),
      'Take Eastside community room out of use?',
    );
    await lookAndCancel(page, page.getByRole('button', { name: 'Edit Eastside room' }), 'Edit Eastside room');

    // Opening times: the demo's alternate Saturdays in words.
    await page.getByRole('link', { name: 'Opening times', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Opening times' }).waitFor();
    const sessions = page.getByRole('table', { name: 'Opening sessions' });
    await sessions
      .getByText('Every other Saturday, 10:00 to 12:00, Riverside Contact Centre — supported')
      .waitFor();
    await page.getByRole('heading', { level: 2, name: 'The next four weeks' }).waitFor();
    await expectAccessible(page, 'opening times');

    await page.getByRole('button', { name: 'Add opening sessions' }).click();
    const addSessions = page.getByRole('dialog', { name: 'Add opening sessions' });
    await addSessions.waitFor();
    await expectAccessible(page, 'add opening sessions dialog');
    await addSessions.getByRole('textbox', { name: 'Name', exact: true }).fill('Eastside Wednesdays');
    await addSessions
      .getByRole('combobox', { name: 'Venue' })
      .selectOption({ label: 'Eastside community room' });
    await addSessions.getByRole('radio', { name: /^Supervised/ }).check();
    await addSessions.getByRole('radio', { name: 'Every week' }).check();
    await addSessions.getByRole('combobox', { name: 'Day of the week' }).selectOption({ label: 'Wednesday' });
    await addSessions.getByLabel('Starts at', { exact: true }).fill('16:00');
    // An end before the start is named beside the field.
    await addSessions.getByLabel('Ends at', { exact: true }).fill('15:00');
    await typeDay(addSessions, 'First day', today());
    await addSessions.getByRole('button', { name: 'Add sessions' }).click();
    await addSessions.getByRole('alert').getByText('The session must end after it starts').waitFor();
    await expectAccessible(page, 'add opening sessions dialog with errors');
    await addSessions.getByLabel('Ends at', { exact: true }).fill('18:00');
    await addSessions.getByRole('button', { name: 'Add sessions' }).click();
    await closed(addSessions);
    await sessions
      .getByText('Every Wednesday, 16:00 to 18:00, Eastside community room — supervised')
      .waitFor();

    // A closure of the new venue on the coming Wednesday.
    const wednesday = nextWednesday();
    await page.getByRole('button', { name: 'Add a closure' }).click();
    const addClosure = page.getByRole('dialog', { name: 'Add a closure' });
    await addClosure.waitFor();
    await expectAccessible(page, 'add a closure dialog');
    await addClosure
      .getByRole('combobox', { name: 'Where' })
      .selectOption({ label: 'Eastside community room' });
    await typeDay(addClosure, 'First day closed', wednesday);
    await addClosure.getByRole('textbox', { name: 'Why' }).fill('Boiler repair');
    await addClosure.getByRole('button', { name: 'Add closure' }).click();
    await closed(addClosure);
    const closures = page.getByRole('table', { name: 'Closures' });
    await closures.getByRole('row').filter({ hasText: 'Boiler repair' }).waitFor();

    // The coming Wednesday's session is there, marked closed; the one after is open.
    const thatDay = page.getByRole('list', { name: spoken(wednesday) });
    await thatDay.getByText('Closed: Boiler repair').waitFor();
    await expect.poll(() => thatDay.textContent()).toContain('Eastside Wednesdays, Eastside community room');
    const weekAfter = page.getByRole('list', { name: spoken(shift(wednesday, 7)) });
    await expect.poll(() => weekAfter.textContent()).toContain('Eastside Wednesdays');
    expect(await weekAfter.textContent()).not.toContain('Closed');
    await expectAccessible(page, 'opening times with a closure');

    await lookAndCancel(
      page,
      page.getByRole('button', { name: 'End Eastside Wednesdays' }),
      'End Eastside Wednesdays',
    );
    await page.getByRole('button', { name: /^Remove Boiler repair/ }).click();
    const remove = page.getByRole('dialog', { name: 'Remove the closure “Boiler repair”?' });
    await remove.waitFor();
    await expectAccessible(page, 'remove a closure dialog');
    await remove.getByRole('button', { name: 'Cancel' }).click();
    await closed(remove);

    // The staff page: Sam Carter's training runs out within the month.
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    const sam = page.getByRole('row').filter({ hasText: 'Sam Carter' });
    await sam.getByText('Renewal due soon').waitFor();
    await expectAccessible(page, 'staff page');

    await page.getByRole('button', { name: 'Actions for Sam Carter' }).click();
    await page.getByRole('menuitem', { name: 'Edit checks' }).click();
    const checks = page.getByRole('dialog', { name: 'Checks for Sam Carter' });
    await checks.getByRole('textbox', { name: 'Certificate number' }).waitFor();
    await expectAccessible(page, 'edit checks dialog');
    // Renewed training: completed yesterday, for a year.
    await typeDay(checks, 'Completed on', shift(today(), -1));
    await typeDay(checks, 'Expires on', shift(today(), 364));
    await checks.getByRole('button', { name: 'Save checks' }).click();
    await closed(checks);
    await sam.getByText('Current', { exact: true }).waitFor();
    expect(await sam.textContent()).not.toContain('Renewal due soon');
    await expectAccessible(page, 'staff page after recording checks');

    await context.close();
    // A dozen dialogs, each checked by axe: more than the usual two minutes on a busy machine.
  }, 240_000);

  it('a volunteer on a phone sees the premises, without changing them, and not the opening times', async () => {
    const { context, page } = await newPage(browser, { width: 390, height: 844 });
    await signIn(page, 'volunteer@example.org', 'DEMOVOLUNTEERAAAAAAAAAAAAAAAAAAA');
    await page.goto(`${app.url}/premises`);
    await page.getByRole('heading', { level: 1, name: 'Premises' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Northgate Library community room' }).waitFor();
    await page.getByText('Library community room', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Add a venue' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit / }).count()).toBe(0);
    // Nothing scrolls sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'premises on a phone');
    await page.goto(`${app.url}/opening-times`);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await context.close();
  });
});
