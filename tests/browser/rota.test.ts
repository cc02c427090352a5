/**
 * The rota and one's calendar feed, in real Chromium: the Riverside coordinator opens the week of the
 * next Saturday session, sees it short of staff, puts a volunteer on for the session through the form
 * (after the form says what is missing), puts the supervisor of a booked family on the rota from the
 * warning, takes the volunteer off again; then makes a calendar feed, sees its address once, and turns
 * it off. The week fits a phone. axe checks every page and dialog.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffChecks } from '../../server/db/schema.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { addDays } from '../../server/plans/recurrence.js';
import { localDay } from '../../server/platform/local-time.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase } from '../../server/test-support/ready-case.js';
import { dayOfWeekAndMonth } from '../../server/rota/staffing.js';
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

/** The browser's own session, used through the API to make a family ready and book it. */
async function apiAs(page: Page): Promise<Client> {
  const client = new Client(app);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ng_session');
  client.cookie = `ng_session=${cookie!.value}`;
  expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  return client;
}

const typed = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

async function closed(dialog: Locator) {
  await expect.poll(() => dialog.count(), { timeout: 10_000 }).toBe(0);
}

describe('the rota', () => {
  it('a coordinator staffs a Saturday from its warnings, and keeps a calendar feed', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'coordinator@example.org');
    const coordinator = await apiAs(page);
    const riverside = (
      (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
        items: { id: string; name: string }[];
      }
    ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
    const today = localDay(new Date(), 'Europe/London');
    // Everyone's checks current for the weeks ahead, whatever day the test runs.
    await app.database.db
      .update(staffChecks)
      .set({ trainingCompletedOn: addDays(today, -100), trainingExpiresOn: addDays(today, 900) });
    const occurrences = (
      await coordinator.get(
        `/api/centres/${riverside}/opening-sessions/occurrences?from=${addDays(today, 2)}&to=${addDays(today, 60)}`,
      )
    ).json().items as { name: string; date: string; closed: boolean; venueName: string }[];
    const saturday = occurrences.find((o) => o.name === 'Saturday supported' && !o.closed)!;
    // A supervised family at 14:00 that day, with Grace as its supervisor.
    const api = { anonymous: () => new Client(app) } as unknown as TestApp;
    const family = await readyCase(api, coordinator, riverside, {
      recurrence: { frequency: 'weekly', weekday: 6, startTime: '14:00' },
      startsOn: saturday.date,
    });
    const garden = (
      (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
        id: string;
        name: string;
      }[]
    ).find((room) => room.name === 'Garden room')!.id;
    const grace = (
      (await coordinator.get('/api/admin/users')).json().items as { id: string; email: string }[]
    ).find((u) => u.email === 'supervisor@example.org')!.id;
    const booked = await coordinator.post(`/api/centres/${riverside}/cases/${family.caseId}/bookings`, {
      date: saturday.date,
      roomId: garden,
      supervisorUserId: grace,
    });
    expect(booked.statusCode, booked.body).toBe(201);

    // The week of that Saturday: short of staff, and Grace not on the rota.
    await page.getByRole('link', { name: 'Rota', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Rota' }).waitFor();
    await page.goto(`${app.url}/rota?week=${saturday.date}`);
    const warnings = page.getByRole('region', { name: 'Staffing warnings' });
    const day = dayOfWeekAndMonth(saturday.date);
    await warnings
      .getByText(`${day} 10:00–12:00, Saturday supported: no staff on the rota — at least 3 needed`)
      .waitFor();
    await warnings
      .getByText(
        `${day} 14:00–16:00, Garden room (${family.reference}): Grace Bell supervises, but is not on the rota`,
      )
      .waitFor();
    const saturdaySection = page.getByRole('region', { name: day });
    await saturdaySection.getByText('Nobody is on the rota.').waitFor();
    await expectAccessible(page, 'the rota, a week with warnings');

    // Add a shift: the form says what is missing first.
    await page.getByRole('button', { name: 'Add a shift' }).click();
    const add = page.getByRole('dialog', { name: 'Add a shift' });
    await add.waitFor();
    const dayInput = add.getByRole('textbox', { name: 'Day', exact: true });
    await dayInput.fill('');
    await add.getByRole('button', { name: 'Add to the rota' }).click();
    const problems = add.getByRole('alert');
    await problems.getByRole('link', { name: 'Enter the day, like 05/12/2026' }).waitFor();
    await problems.getByRole('link', { name: 'Choose who is on duty' }).waitFor();
    await expectAccessible(page, 'add a shift, with problems');
    await dayInput.fill(typed(saturday.date));
    await dayInput.press('Tab');
    const who = add.getByRole('combobox', { name: 'Who' });
    await expect.poll(() => who.locator('option', { hasText: 'Sam Carter' }).count()).toBe(1);
    await who.selectOption({ label: 'Sam Carter' });
    expect(await add.getByRole('combobox', { name: 'Doing' }).inputValue()).toBe('volunteer');
    await add
      .getByRole('combobox', { name: 'For' })
      .selectOption({ label: `Saturday supported, 10:00–12:00 at ${saturday.venueName}` });
    expect(await add.getByLabel('Starts').inputValue()).toBe('10:00');
    expect(await add.getByLabel('Ends').inputValue()).toBe('12:00');
    await expectAccessible(page, 'add a shift, filled in');
    await add.getByRole('button', { name: 'Add to the rota' }).click();
    await closed(add);
    const samRow = saturdaySection.getByRole('row').filter({ hasText: 'Sam Carter' });
    await samRow.getByText('10:00–12:00').waitFor();
    await samRow.getByText(`${saturday.venueName}, for Saturday supported`).waitFor();
    await warnings
      .getByText(`${day} 10:00–12:00, Saturday supported: 1 member of staff on the rota — at least 3 needed`)
      .waitFor();

    // Grace, from the warning that names her.
    await warnings.getByRole('button', { name: 'Put Grace Bell on the rota, 13:45–16:15' }).click();
    await saturdaySection
      .getByRole('row')
      .filter({ hasText: 'Grace Bell' })
      .getByText('13:45–16:15')
      .waitFor();
    await expect.poll(() => warnings.getByText(/Grace Bell supervises/).count()).toBe(0);
    await expectAccessible(page, 'the rota, with shifts');

    // On a phone, nothing scrolls sideways.
    await page.setViewportSize(PHONE);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth))
      .toBe(true);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Sam comes off the rota again, after a question naming what happens.
    await samRow.getByRole('button', { name: 'Take off the rota: Sam Carter, 10:00–12:00' }).click();
    const remove = page.getByRole('dialog', { name: 'Take Sam Carter off the rota?' });
    await remove.getByText(`Sam Carter will no longer be on the rota on`, { exact: false }).waitFor();
    await expectAccessible(page, 'take a shift off the rota');
    await remove.getByRole('button', { name: 'Take off the rota' }).click();
    await closed(remove);
    await expect.poll(() => samRow.count()).toBe(0);

    // The calendar feed: made, its address shown once, then turned off.
    await page.getByRole('link', { name: 'My calendar', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'My calendar' }).waitFor();
    await page.getByText('You have no calendar feed.').waitFor();
    await expectAccessible(page, 'my calendar, no feed');
    await page.getByRole('button', { name: 'Make my calendar feed' }).click();
    const address = page.getByRole('textbox', { name: 'Your calendar feed address' });
    await address.waitFor();
    const url = await address.inputValue();
    expect(url).toMatch(new RegExp(`^${app.url}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    await page.getByText('Copy the address now: it is shown only this once.', { exact: false }).waitFor();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: app.url });
    await page.getByRole('button', { name: 'Copy the address' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    await expectAccessible(page, 'my calendar, feed made');
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');

    await page.getByRole('button', { name: 'Turn off my calendar feed' }).click();
    const off = page.getByRole('dialog', { name: 'Turn off your calendar feed?' });
    await off.waitFor();
    await expectAccessible(page, 'turn off the calendar feed');
    await off.getByRole('button', { name: 'Turn off my calendar feed' }).click();
    await closed(off);
    await page.getByText('You have no calendar feed.').waitFor();
    expect((await fetch(url)).status).toBe(404);
    await context.close();
  });
});
