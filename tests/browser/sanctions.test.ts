/**
 * Suspending a family, in real Chromium: a family made ready and booked for three Saturdays through the
 * API; the Riverside coordinator opens the case, suspends contact for the second and third Saturdays from
 * the case page (the dialog says what will happen, and a missing answer is named), sees those sessions
 * cancelled by the centre and who was told, sees the family's attendance, and lifts the suspension; then
 * sets the centre's reminder days on its page. axe checks each page and each dialog.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closures, incidents, staffChecks, users } from '../../server/db/schema.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase } from '../../server/test-support/ready-case.js';
import { addDays, longDay, todayIn } from '../../web/src/features/timetable/calendar.js';
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

/** The first Saturday at least three days away. */
function firstSaturday(): string {
  let day = addDays(todayIn('Europe/London'), 3);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
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

/** The browser's own signed-in session, used through the API to make the family ready. */
async function apiAs(context: BrowserContext): Promise<Client> {
  const client = new Client(app);
  const cookie = (await context.cookies()).find((c) => c.name === 'ng_session');
  expect(cookie).toBeDefined();
  client.cookie = `ng_session=${cookie!.value}`;
  expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  return client;
}

/** The dialog has gone (the change behind it is made, mail queued, then it fades out). */
async function closed(dialog: Locator) {
  await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
}

describe('sanctions on the case page', () => {
  it('a coordinator suspends a family, sees its sessions cancelled, lifts it, and sets reminder days', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page);
    const coordinator = await apiAs(context);
    const riverside = (
      (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
        items: { id: string; name: string }[];
      }
    ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
    // Whenever this runs, the demo's Christmas closure must not refuse the sessions; staff checks current.
    await app.database.db.delete(closures);
    const staff = await app.database.db.select({ id: users.id, email: users.email }).from(users);
    const today = todayIn('Europe/London');
    await app.database.db
      .insert(staffChecks)
      .values(
        staff.map((u) => ({
          userId: u.id,
          dbsCheckedOn: addDays(today, -100),
          dbsRecheckBy: addDays(today, 700),
          trainingCompletedOn: addDays(today, -100),
          trainingExpiresOn: addDays(today, 700),
        })),
      )
      .onConflictDoNothing();
    const first = firstSaturday();
    const api = { anonymous: () => new Client(app) } as unknown as TestApp;
    const hills = await readyCase(api, coordinator, riverside, { startsOn: first });
    const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
      id: string;
      usage: string;
    }[];
    const supervisorId = staff.find((u) => u.email === 'supervisor@example.org')!.id;
    for (const week of [0, 7, 14]) {
      const booked = await coordinator.post(`/api/centres/${riverside}/cases/${hills.caseId}/bookings`, {
        date: addDays(first, week),
        roomId: rooms.find((room) => room.usage === 'private')!.id,
        supervisorUserId: supervisorId,
      });
      expect(booked.statusCode, booked.body).toBe(201);
    }
    const second = addDays(first, 7);
    const third = addDays(first, 14);
    // An incident recorded earlier, which the suspension is made because of.
    await app.database.db.insert(incidents).values({
      centreId: riverside,
      caseId: hills.caseId,
      kind: 'behaviour',
      personId: hills.people.Mark!,
      occurredAt: new Date(Date.now() - 3 * 86_400_000),
      description: 'Shouted at a volunteer in the car park.',
      actionTaken: 'warning',
      recordedByUserId: staff.find((u) => u.email === 'coordinator@example.org')!.id,
    });

    await page.goto(`${app.url}/cases/${hills.caseId}`);
    await page.getByRole('heading', { level: 1, name: `Hill family (${hills.reference})` }).waitFor();
    const section = page.getByRole('region', { name: 'Suspensions and revocations' });
    await section.getByText('Contact has never been suspended or revoked.').waitFor();
    const attendance = page.getByRole('region', { name: 'Attendance' });
    await attendance.getByText('No session has taken place yet.').waitFor();
    await attendance.getByRole('cell', { name: 'Laura Hill' }).waitFor();
    await expectAccessible(page, 'case page with sanctions and attendance');

    // Suspend: without the last day or a reason, the dialog names what is missing.
    await section.getByRole('button', { name: 'Suspend contact' }).click();
    const dialog = page.getByRole('dialog', { name: 'Suspend the Hill family’s contact' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Suspend and cancel sessions' }).click();
    const problems = dialog.getByRole('alert');
    await problems.getByRole('link', { name: 'Enter the last day of the suspension' }).waitFor();
    await problems.getByRole('link', { name: 'Give the reason for the decision' }).waitFor();
    await expectAccessible(page, 'suspend dialog with problems');
    const from = dialog.getByRole('textbox', { name: 'First day', exact: true });
    await from.fill(typed(second));
    await from.press('Tab');
    const until = dialog.getByRole('textbox', { name: 'Last day of the suspension', exact: true });
    await until.fill(typed(third));
    await until.press('Tab');
    await dialog
      .getByRole('combobox', { name: 'Whose conduct led to it' })
      .selectOption({ label: 'Mark Hill' });
    const incident = dialog.getByRole('combobox', { name: 'The incident that led to it' });
    expect(await incident.locator('option').allTextContents()).toEqual([
      'None recorded, or not one incident',
      expect.stringMatching(/^.+: Behaviour \(Mark H/),
    ]);
    await incident.selectOption({ index: 1 });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Shouted at a volunteer at the last session');
    await dialog
      .getByText(
        `Booked sessions from ${longDay(second)} to ${longDay(third)} will be cancelled. Laura Hill, Mark Hill and the professionals will be told by mail.`,
        { exact: false },
      )
      .waitFor();
    await expectAccessible(page, 'suspend dialog filled in');
    await dialog.getByRole('button', { name: 'Suspend and cancel sessions' }).click();
    await closed(dialog);

    // What happened, said on the page.
    const status = section.getByRole('status');
    await status.getByText(`Contact is suspended from ${longDay(second)} to ${longDay(third)}.`).waitFor();
    await status.getByText('2 booked sessions were cancelled.').waitFor();
    await status.getByText('Told by mail: Laura Hill and Mark Hill.').waitFor();
    await section.getByText('Starts later', { exact: true }).waitFor();
    await section.getByText('Because of: Mark Hill').waitFor();
    await section.getByText(/^After the incident of .+: Behaviour \(Mark H/).waitFor();

    // Its sessions are cancelled by the centre; the first Saturday is still booked.
    const sessions = page.getByRole('region', { name: 'Sessions' });
    for (const day of [second, third]) {
      const row = sessions.getByRole('row').filter({ hasText: longDay(day) });
      await row.getByText('Cancelled', { exact: true }).waitFor();
      await row.getByText(/Contact suspended until/).waitFor();
    }
    await sessions
      .getByRole('row')
      .filter({ hasText: longDay(first) })
      .getByText('Booked', { exact: true })
      .waitFor();
    await expectAccessible(page, 'case page with a suspension');

    // Lift it, with a reason.
    await section
      .getByRole('button', { name: `Lift the suspension from ${longDay(second)} to ${longDay(third)}` })
      .click();
    const lift = page.getByRole('dialog', { name: 'Lift this decision' });
    await lift.waitFor();
    await lift.getByRole('button', { name: 'Lift it' }).click();
    await lift.getByText('Say why it is lifted').waitFor();
    await expectAccessible(page, 'lift dialog with a problem');
    await lift.getByRole('textbox', { name: 'Why it is lifted' }).fill('Agreed at the review meeting');
    await lift.getByRole('button', { name: 'Lift it' }).click();
    await closed(lift);
    await status.getByText('Lifted. The adults and the professionals are being told by mail.').waitFor();
    await section.getByText('Lifted', { exact: true }).waitFor();
    await section.getByText(/Lifted by .* Agreed at the review meeting/).waitFor();
    expect(await section.getByRole('button', { name: /^Lift the suspension/ }).count()).toBe(0);
    await expectAccessible(page, 'case page after lifting');

    // The two sessions it had cancelled are offered again, and are booked again as they were.
    const again = section.getByRole('region', { name: 'Sessions to book again' });
    await again
      .getByText('It had cancelled 2 sessions still to come. Book them again as they were?')
      .waitFor();
    await again.getByText(new RegExp(`^${longDay(second)} at \\d\\d:\\d\\d, `)).waitFor();
    await again.getByRole('button', { name: 'Book the 2 sessions again' }).click();
    for (const day of [second, third]) {
      await again.getByText(new RegExp(`^${longDay(day)} at .*: booked again\\.$`)).waitFor();
      await sessions
        .getByRole('row')
        .filter({ hasText: longDay(day) })
        .getByText('Booked', { exact: true })
        .first()
        .waitFor();
    }
    expect(await again.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'sessions booked again');

    // The centre's reminder setting, on its page.
    await page.goto(`${app.url}/admin/centres/${riverside}`);
    const reminders = page.getByRole('region', { name: 'Reminders to families' });
    const days = reminders.getByRole('textbox', { name: 'Days before each session' });
    await expect.poll(() => days.inputValue()).toBe('2');
    await expectAccessible(page, 'centre page with the reminder setting');
    await days.fill('3');
    await reminders.getByRole('button', { name: 'Save' }).click();
    await reminders.getByText('Reminders are sent 3 days before each session.').waitFor();
    const settings = await coordinator.get(`/api/centres/${riverside}/settings`);
    expect(settings.json().reminderDaysBefore).toBe(3);
    await context.close();
  });
});
