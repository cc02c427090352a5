/**
 * Booking from the plan, in real Chromium, on a fresh demo with no families: a family made ready through
 * the API; the Riverside coordinator opens its case, books the plan's first session choosing a room and
 * the supervisor, and sees each person's staggered times; finds the session in its room on the
 * timetable, by day, by staff member and by week; keeps two adults of different families apart and ends
 * it; moves the session a week; cancels it as a parent's cancellation and sees it, with the reason, on
 * the timetable; books the rest of the plan's sessions at once, one refused with the closure that stops
 * it. The timetable fits a tablet and a phone. axe checks every page and every dialog.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closures } from '../../server/db/schema.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase } from '../../server/test-support/ready-case.js';
import { addDays, longDay, mondayOf, shortDay, todayIn } from '../../web/src/features/timetable/calendar.js';
import {
  expectAccessible,
  launchChromium,
  newPage,
  startApp,
  type RunningApp,
  chooseCentre,
} from './support.js';

const TABLET = { width: 1024, height: 768 };
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

/** Outside the demo's Christmas closure (24 December to 2 January). */
const clearOfChristmas = (date: string) => date.slice(5) < '12-24' && date.slice(5) > '01-02';

/** The first Saturday at least three days away whose next Saturday is clear of Christmas too. */
function firstSaturday(): string {
  let day = addDays(todayIn('Europe/London'), 3);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
  while (!clearOfChristmas(day) || !clearOfChristmas(addDays(day, 7))) day = addDays(day, 7);
  return day;
}

/** As people in the UK type a date: 05/12/2026. */
const typed = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

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

/**
 * The coordinator's signed-in session, used through the API to make families ready: the browser's own
 * cookie, so nobody signs in twice within one two-factor step.
 */
async function apiAs(context: BrowserContext): Promise<Client> {
  const client = new Client(app);
  const cookie = (await context.cookies()).find((c) => c.name === 'ng_session');
  expect(cookie).toBeDefined();
  client.cookie = `ng_session=${cookie!.value}`;
  const session = await client.get('/api/auth/session');
  expect(session.statusCode).toBe(200);
  return client;
}

/** A choice of a segmented control, by clicking its words as a person would. */
async function choose(page: Page, group: string, option: string) {
  await page.getByRole('radiogroup', { name: group }).getByText(option, { exact: true }).click();
  await expect.poll(() => page.getByRole('radio', { name: option, exact: true }).isChecked()).toBe(true);
}

/** The family whose option starts with its reference. */
async function chooseFamily(group: Locator, reference: string) {
  const select = group.getByRole('combobox', { name: 'Family' });
  const value = await select.locator('option', { hasText: reference }).getAttribute('value');
  await select.selectOption(value!);
}

async function closed(dialog: Locator) {
  await expect.poll(() => dialog.count()).toBe(0);
}

/** Nothing on the page scrolls sideways. */
async function fitsWidth(page: Page) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
    .toBe(true);
}

/** What the coordinator's journey booked, for the read-only checks after it. */
let booked: { caseId: string; reference: string; date: string } | null = null;

describe('the timetable', () => {
  it('a coordinator books, finds, moves and cancels a session from the plan', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page);
    const coordinator = await apiAs(context);
    const riverside = (
      (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
        items: { id: string; name: string }[];
      }
    ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
    const first = firstSaturday();
    const second = addDays(first, 7);
    const api = { anonymous: () => new Client(app) } as unknown as TestApp;
    const hills = await readyCase(api, coordinator, riverside, { startsOn: first });
    const patels = await readyCase(api, coordinator, riverside, {
      family: { resident: 'Nadia', other: 'Tom', child: 'Zara', surname: 'Patel' },
      startsOn: first,
    });

    // The case page: the plan's sessions for the next eight weeks, none booked yet.
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    await page.getByRole('heading', { level: 1, name: `Hill family (${hills.reference})` }).waitFor();
    const sessions = page.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('button', { name: `Book the session on ${longDay(first)}` }).waitFor();
    await expectAccessible(page, 'case page with the plan’s sessions');

    // Book the first: without a room or supervisor the dialog says what to choose.
    await sessions.getByRole('button', { name: `Book the session on ${longDay(first)}` }).click();
    const book = page.getByRole('dialog', { name: 'Book a session' });
    await book.getByText(`${longDay(first)}, 10:00 to 12:00.`).waitFor();
    await expectAccessible(page, 'book a session dialog');
    await book.getByRole('button', { name: 'Book the session' }).click();
    const problems = book.getByRole('alert');
    await problems.getByRole('link', { name: 'Choose a room' }).waitFor();
    await problems.getByRole('link', { name: 'Choose the supervisor for this family' }).waitFor();
    await expectAccessible(page, 'book a session with problems');
    // Supervised contact: only private rooms are offered.
    const rooms = await book.getByRole('combobox', { name: 'Room' }).locator('option').allTextContents();
    expect(rooms.some((room) => room.startsWith('Main hall'))).toBe(false);
    await book
      .getByRole('combobox', { name: 'Room' })
      .selectOption({ label: 'Garden room – private room, up to 8 people' });
    await book
      .getByRole('combobox', { name: 'Supervisor' })
      .selectOption({ label: 'Grace Bell (supervisor)' });
    await book.getByRole('button', { name: 'Book the session' }).click();
    await closed(book);

    // Booked, with each person's staggered times and the keep-apart flag.
    const firstRow = sessions.getByRole('row').filter({ hasText: longDay(first) });
    await firstRow.getByText('Booked', { exact: true }).waitFor();
    await firstRow.getByText('Garden room (private room) · Supervisor: Grace Bell').waitFor();
    await firstRow.getByText('Laura H. 09:45–12:15').waitFor();
    await firstRow.getByText('Mark H. 10:00–12:00').waitFor();
    await firstRow.getByText('Ayo H. with Laura').waitFor();
    expect(await firstRow.getByText('Keep apart').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'case page with a booked session');

    // The timetable for that day: the session in its room, with the times.
    await firstRow.getByRole('link', { name: `See ${longDay(first)} in the timetable` }).click();
    await page.getByRole('heading', { level: 1, name: 'Timetable' }).waitFor();
    await page.getByRole('heading', { level: 2, name: longDay(first) }).waitFor();
    const garden = page.getByRole('region', { name: 'Garden room' });
    const session = garden.getByRole('article', { name: `10:00 to 12:00, ${hills.reference}` });
    await session.getByText('Laura H. 09:45–12:15').waitFor();
    await session.getByText('Mark H. 10:00–12:00').waitFor();
    await session.getByText('Supervisor: Grace Bell').waitFor();
    await session.getByRole('link', { name: hills.reference }).waitFor();
    await page.getByText('1 session booked.').waitFor();
    await expectAccessible(page, 'timetable, a day by room');

    // By staff member, then the week.
    await choose(page, 'Arrange by', 'Staff member');
    await page
      .getByRole('region', { name: 'Grace Bell' })
      .getByRole('article', { name: `10:00 to 12:00, ${hills.reference}` })
      .getByText('Room: Garden room')
      .waitFor();
    await choose(page, 'Arrange by', 'Room');
    await choose(page, 'Show', 'The week');
    const week = page.getByRole('table', { name: `Sessions in the week of ${longDay(mondayOf(first))}` });
    await week
      .getByRole('row', { name: /Garden room/ })
      .getByText(hills.reference)
      .waitFor();
    await expectAccessible(page, 'timetable, a week by room');
    await page.getByRole('button', { name: 'Next week' }).click();
    await page.getByText('No sessions are booked in this week.').waitFor();
    await page.getByRole('button', { name: 'Previous week' }).click();
    await week.waitFor();

    // A tablet and a phone: nothing scrolls sideways.
    await page.setViewportSize(TABLET);
    await fitsWidth(page);
    await page.setViewportSize(PHONE);
    await fitsWidth(page);
    await expectAccessible(page, 'a week on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });
    // A day of the week opens that day.
    await week.getByRole('button', { name: `${shortDay(first)}: open ${longDay(first)}` }).click();
    await page.getByRole('heading', { level: 2, name: longDay(first) }).waitFor();
    await page.setViewportSize(PHONE);
    await page.getByRole('region', { name: 'Garden room' }).waitFor();
    await fitsWidth(page);
    await expectAccessible(page, 'a day on a phone');
    await page.setViewportSize({ width: 1280, height: 900 });

    // Keep Mark Hill and Nadia Patel apart (an order between them), then end it.
    await page.getByRole('tab', { name: 'Kept apart' }).click();
    const apart = page.getByRole('region', { name: 'Adults kept apart' });
    const pairs = apart.getByRole('table', { name: 'Adults kept apart' });
    // The Hills' own pair, from their risk assessment, arrived with the booking.
    await pairs
      .getByRole('row', { name: /Laura H\..*Mark H\.|Mark H\..*Laura H\./ })
      .getByText('The risk assessment', { exact: true })
      .waitFor();
    await expectAccessible(page, 'adults kept apart');
    await apart.getByRole('button', { name: 'Keep two adults apart' }).click();
    const keep = page.getByRole('dialog', { name: 'Keep two adults apart' });
    await keep.getByRole('button', { name: 'Keep them apart' }).click();
    await keep
      .getByRole('alert')
      .getByRole('link', { name: 'Choose the family of this adult' })
      .first()
      .waitFor();
    const firstAdult = keep.getByRole('group', { name: 'First adult' });
    const secondAdult = keep.getByRole('group', { name: 'Second adult' });
    await chooseFamily(firstAdult, hills.reference);
    await firstAdult.getByRole('combobox', { name: 'Adult' }).selectOption({ label: 'Mark Hill' });
    await chooseFamily(secondAdult, patels.reference);
    await secondAdult.getByRole('combobox', { name: 'Adult' }).selectOption({ label: 'Nadia Patel' });
    await keep.getByRole('textbox', { name: 'Reason' }).fill('Non-molestation order between them');
    await expectAccessible(page, 'keep two adults apart dialog');
    await keep.getByRole('button', { name: 'Keep them apart' }).click();
    await closed(keep);
    const across = pairs.getByRole('row', { name: /Mark H\..*Nadia P\.|Nadia P\..*Mark H\./ });
    await across.getByText('Non-molestation order between them').waitFor();
    await across.getByText('15 minutes').waitFor();
    await across
      .getByRole('button', { name: /^Stop keeping (Mark H\. and Nadia P\.|Nadia P\. and Mark H\.) apart$/ })
      .click();
    const stop = page.getByRole('dialog', { name: 'Stop keeping them apart?' });
    await stop.waitFor();
    await expectAccessible(page, 'stop keeping apart dialog');
    await stop.getByRole('button', { name: 'Stop keeping them apart' }).click();
    await closed(stop);
    await expect.poll(() => across.count()).toBe(0);

    // Back on the case page: move the session a week.
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    await sessions.getByRole('button', { name: `Move the session on ${longDay(first)}` }).click();
    const move = page.getByRole('dialog', { name: `Move the session on ${longDay(first)}` });
    await move.waitFor();
    await expectAccessible(page, 'move a session dialog');
    const date = move.getByRole('textbox', { name: 'Date', exact: true });
    await date.fill(typed(second));
    await date.press('Tab');
    await move.getByRole('button', { name: 'Move the session' }).click();
    await closed(move);
    const secondRow = sessions.getByRole('row').filter({ hasText: longDay(second) });
    await secondRow.getByText('Booked', { exact: true }).waitFor();
    await secondRow.getByText('Laura H. 09:45–12:15').waitFor();
    await sessions
      .getByRole('row')
      .filter({ hasText: longDay(first) })
      .getByText('Not booked')
      .waitFor();

    // Cancel it: a parent called it off. Who and why are asked for first.
    await secondRow.getByRole('button', { name: `Cancel the session on ${longDay(second)}` }).click();
    const cancel = page.getByRole('dialog', { name: `Cancel the session on ${longDay(second)}?` });
    await cancel.waitFor();
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await cancel
      .getByRole('alert')
      .getByRole('link', { name: 'Say who cancelled: a parent or carer, a professional, or the centre' })
      .waitFor();
    await cancel.getByRole('link', { name: 'Give the reason' }).waitFor();
    await expectAccessible(page, 'cancel a session with problems');
    await cancel.getByRole('radio', { name: 'A parent or carer of this family' }).check();
    await cancel
      .getByRole('combobox', { name: 'Parent or carer who cancelled' })
      .selectOption({ label: 'Mark Hill' });
    await cancel.getByRole('textbox', { name: 'Reason' }).fill('Working that weekend');
    await expectAccessible(page, 'cancel a session dialog');
    await cancel.getByRole('button', { name: 'Cancel the session' }).click();
    await closed(cancel);
    const cancelledRow = sessions.getByRole('row').filter({ hasText: 'Working that weekend' });
    await cancelledRow.getByText('Cancelled', { exact: true }).waitFor();
    await cancelledRow.getByText('Cancelled by Mark H.: Working that weekend').waitFor();
    expect(await cancelledRow.getByText(/Late cancellation/).count()).toBe(0);

    // On the timetable, the cancelled session shows only when asked for, with its reason.
    await page.goto(`${app.url}/timetable?date=${second}`);
    await page.getByRole('heading', { level: 2, name: longDay(second) }).waitFor();
    await page.getByText('No sessions are booked on this day.').waitFor();
    await page.getByRole('checkbox', { name: 'Show cancelled sessions' }).check();
    const muted = page
      .getByRole('region', { name: 'Garden room' })
      .getByRole('article', { name: `10:00 to 12:00, ${hills.reference}` });
    await muted.getByText('Cancelled', { exact: true }).waitFor();
    await page.getByText('No sessions are booked on this day; the cancelled ones are shown.').waitFor();
    await muted.getByText('Cancelled by Mark H.: Working that weekend').waitFor();
    await expectAccessible(page, 'timetable with a cancelled session');

    // Book every remaining session at once; a closure stops one, and its sentence is beside its date.
    let closedDay = addDays(second, 14);
    while (!clearOfChristmas(closedDay)) closedDay = addDays(closedDay, 7);
    await app.database.db
      .insert(closures)
      .values({ centreId: riverside, startsOn: closedDay, endsOn: closedDay, reason: 'Staff training' });
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    await sessions.getByRole('button', { name: /^Book all \d+ shown$/ }).click();
    const bookAll = page.getByRole('dialog', { name: /^Book \d+ sessions$/ });
    await bookAll.waitFor();
    await expectAccessible(page, 'book all sessions dialog');
    await bookAll
      .getByRole('combobox', { name: 'Room' })
      .selectOption({ label: 'Garden room – private room, up to 8 people' });
    await bookAll
      .getByRole('combobox', { name: 'Supervisor' })
      .selectOption({ label: 'Grace Bell (supervisor)' });
    await bookAll.getByRole('button', { name: /^Book \d+ sessions$/ }).click();
    await closed(bookAll);
    await sessions
      .getByText(/sessions booked; \d+ could not be booked: the reason is beside each date\./)
      .waitFor();
    await sessions
      .getByRole('row')
      .filter({ hasText: longDay(closedDay) })
      .getByText(`Could not be booked: The centre is closed on ${longDay(closedDay)} (Staff training).`)
      .waitFor();
    await sessions
      .getByRole('row')
      .filter({ hasText: longDay(first) })
      .getByText('Booked', { exact: true })
      .waitFor();
    await expectAccessible(page, 'case page after booking all');
    booked = { caseId: hills.caseId, reference: hills.reference, date: first };
    await context.close();
  }, 240_000);

  it('a supervisor sees the timetable and the case’s sessions but changes nothing; a volunteer sees neither', async () => {
    expect(booked, 'the coordinator’s journey booked the sessions looked at here').not.toBeNull();
    const { reference, caseId, date } = booked!;
    const { context, page } = await newPage(browser);
    await signIn(page, 'supervisor@example.org');
    // Grace works at two centres: the families here are Riverside's.
    await chooseCentre(page, 'Riverside Contact Centre');
    await page.getByRole('link', { name: 'Timetable', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Timetable' }).waitFor();
    await page.goto(`${app.url}/timetable?date=${date}`);
    await page
      .getByRole('region', { name: 'Garden room' })
      .getByRole('article', { name: `10:00 to 12:00, ${reference}` })
      .getByText('Laura H. 09:45–12:15')
      .waitFor();
    await page.getByRole('tab', { name: 'Kept apart' }).click();
    await page.getByRole('table', { name: 'Adults kept apart' }).waitFor();
    expect(await page.getByRole('button', { name: 'Keep two adults apart' }).count()).toBe(0);
    await expectAccessible(page, 'kept apart, read only');

    await page.goto(`${app.url}/cases/${caseId}`);
    const sessions = page.getByRole('region', { name: 'Sessions' });
    const row = sessions.getByRole('row').filter({ hasText: longDay(date) });
    await row.getByText('Mark H. 10:00–12:00').waitFor();
    expect(await sessions.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'case sessions, read only');
    await context.close();

    const volunteer = await newPage(browser);
    await signIn(volunteer.page, 'volunteer@example.org');
    expect(await volunteer.page.getByRole('link', { name: 'Timetable', exact: true }).count()).toBe(0);
    await volunteer.page.goto(`${app.url}/timetable`);
    await volunteer.page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await volunteer.context.close();
  }, 120_000);
});
