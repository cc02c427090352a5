/**
 * Session records in real Chromium, on a fresh demo: a supervised session of the Hill family booked
 * through the API with Grace Bell as supervisor, then moved to have started ten minutes ago. Grace writes
 * an observation record on the case page and corrects it (the earlier version stays, marked corrected);
 * the coordinator records an incident with a follow-up and marks the follow-up done, and takes a card
 * through its steps (received, checked, passed on) and a letter to held back. axe checks every page and
 * every dialog.
 */
import { eq, sql } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingPeople, bookings, staffChecks, users } from '../../server/db/schema.js';
import { DEMO_PASSWORD, DEMO_STAFF } from '../../server/demo/demo-data.js';
import { Client, totpCodeFor, type TestApp } from '../../server/test-support/app.js';
import { readyCase, type ReadyCase } from '../../server/test-support/ready-case.js';
import { addDays, longDay, todayIn } from '../../web/src/features/timetable/calendar.js';
import {
  expectAccessible,
  launchChromium,
  newPage,
  startApp,
  type RunningApp,
  chooseCentre,
} from './support.js';

let browser: Browser;
let app: RunningApp;
let hills: ReadyCase;
/** "Saturday 5 December 2026, 10:00 to 12:00" for the session that has started. */
let sessionName: string;

const LONDON = 'Europe/London';

/** The first Saturday at least three days away, clear of the demo's Christmas closure. */
function firstSaturday(): string {
  const clear = (date: string) => date.slice(5) < '12-24' && date.slice(5) > '01-02';
  let day = addDays(todayIn(LONDON), 3);
  while (new Date(`${day}T12:00:00Z`).getUTCDay() !== 6) day = addDays(day, 1);
  while (!clear(day)) day = addDays(day, 7);
  return day;
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

/** The signed-in browser's own session, used through the API to set the family up. */
async function apiAs(context: BrowserContext): Promise<Client> {
  const client = new Client(app);
  const cookie = (await context.cookies()).find((c) => c.name === 'ng_session');
  client.cookie = `ng_session=${cookie!.value}`;
  expect((await client.get('/api/auth/session')).statusCode).toBe(200);
  return client;
}

/** The dialog has gone: its request answered and its fade-out done (slow on a busy machine). */
async function closed(dialog: Locator) {
  await expect.poll(() => dialog.count(), { timeout: 15_000 }).toBe(0);
}

/** Moves a booked session to today, started ten minutes ago, keeping its staggered times. */
async function startItNow(id: string) {
  const db = app.database.db;
  const [row] = await db.select().from(bookings).where(eq(bookings.id, id));
  const start = new Date(Date.now() - 10 * 60_000);
  const shift = start.getTime() - row!.startsAt.getTime();
  await db
    .update(bookings)
    .set({ localDate: todayIn(LONDON), startsAt: start, endsAt: new Date(row!.endsAt.getTime() + shift) })
    .where(eq(bookings.id, id));
  await db
    .update(bookingPeople)
    .set({
      plannedArriveAt: sql`${bookingPeople.plannedArriveAt} + make_interval(secs => ${shift / 1000})`,
      plannedLeaveAt: sql`${bookingPeople.plannedLeaveAt} + make_interval(secs => ${shift / 1000})`,
    })
    .where(eq(bookingPeople.bookingId, id));
}

let coordinatorContext: { context: BrowserContext; page: Page };

beforeAll(async () => {
  browser = await launchChromium();
  app = await startApp();
  const staff = await app.database.db.select({ id: users.id, email: users.email }).from(users);
  await app.database.db
    .insert(staffChecks)
    .values(
      staff.map((u) => ({
        userId: u.id,
        dbsCheckedOn: '2025-06-01',
        dbsRecheckBy: addDays(todayIn(LONDON), 700),
        trainingCompletedOn: '2025-06-01',
        trainingExpiresOn: addDays(todayIn(LONDON), 700),
      })),
    )
    .onConflictDoNothing();
  coordinatorContext = await newPage(browser);
  await signIn(coordinatorContext.page, 'coordinator@example.org');
  const coordinator = await apiAs(coordinatorContext.context);
  const riverside = (
    (await app.app.inject({ method: 'GET', url: '/api/public/centres' })).json() as {
      items: { id: string; name: string }[];
    }
  ).items.find((centre) => centre.name.startsWith('Riverside'))!.id;
  const api = { anonymous: () => new Client(app) } as unknown as TestApp;
  const saturday = firstSaturday();
  hills = await readyCase(api, coordinator, riverside, { startsOn: saturday });
  const rooms = (await coordinator.get(`/api/centres/${riverside}/rooms`)).json().items as {
    id: string;
    name: string;
  }[];
  const booked = await coordinator.post(`/api/centres/${riverside}/cases/${hills.caseId}/bookings`, {
    date: saturday,
    roomId: rooms.find((room) => room.name === 'Garden room')!.id,
    supervisorUserId: staff.find((u) => u.email === 'supervisor@example.org')!.id,
  });
  expect(booked.statusCode, booked.body).toBe(201);
  await startItNow(booked.json().id);
  const today = todayIn(LONDON);
  const session = (
    await coordinator.get(
      `/api/centres/${riverside}/bookings?from=${today}&to=${today}&caseId=${hills.caseId}`,
    )
  ).json().items[0] as { date: string; startTime: string; endTime: string };
  sessionName = `${longDay(session.date)}, ${session.startTime} to ${session.endTime}`;
}, 120_000);
afterAll(async () => {
  await coordinatorContext?.context.close();
  await app.close();
  await browser.close();
});

describe('session records', () => {
  it('the session’s supervisor writes an observation record and corrects it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'supervisor@example.org');
    // Grace works at two centres: the Hills are Riverside's.
    await chooseCentre(page, 'Riverside Contact Centre');
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    await page.getByRole('heading', { level: 1, name: `Hill family (${hills.reference})` }).waitFor();
    const section = page.getByRole('region', { name: 'Observation records' });
    const session = section.getByRole('article', { name: sessionName });
    await session.getByText('No record for this session yet.').waitFor();
    // A supervisor handles no letters or gifts, and marks no follow-up done.
    await page
      .getByRole('region', { name: 'Letters, cards and gifts' })
      .getByText('No items have been received.')
      .waitFor();
    expect(await page.getByRole('button', { name: 'Record an item received' }).count()).toBe(0);
    await expectAccessible(page, 'case page for the supervisor');

    await session.getByRole('button', { name: `Write an observation record for ${sessionName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Observation record: ${sessionName}` });
    await dialog.getByRole('textbox', { name: 'What you observed' }).waitFor();
    await expectAccessible(page, 'write an observation record');
    await dialog.getByRole('button', { name: 'Save the record' }).click();
    await dialog.getByRole('alert').getByRole('link', { name: 'Write what you observed' }).waitFor();
    await expectAccessible(page, 'observation record with a problem');
    await dialog
      .getByRole('textbox', { name: 'What you observed' })
      .fill('Mark arrived on time and played a board game with Ayo. Warm and calm throughout.');
    await dialog.getByRole('button', { name: 'Save the record' }).click();
    await closed(dialog);
    await session
      .getByText('Mark arrived on time and played a board game with Ayo.', { exact: false })
      .waitFor();
    await session.getByText('Written by Grace Bell', { exact: false }).waitFor();

    // A correction: a new record; the first stays, marked as corrected.
    await session.getByRole('button', { name: /^Correct the record written by Grace Bell/ }).click();
    const correcting = page.getByRole('dialog', { name: `Correct an observation record: ${sessionName}` });
    const notes = correcting.getByRole('textbox', { name: 'What you observed' });
    await expect.poll(() => notes.inputValue()).toContain('arrived on time');
    await expectAccessible(page, 'correct an observation record');
    await notes.fill(
      'Mark arrived five minutes late and played a board game with Ayo. Warm and calm throughout.',
    );
    await correcting.getByRole('button', { name: 'Save the correction' }).click();
    await closed(correcting);
    await session.getByText('Correction', { exact: true }).waitFor();
    await session.getByText('Corrected', { exact: true }).waitFor();
    await session.getByText(/^Earlier version, corrected/).waitFor();
    await session.getByText('Mark arrived on time', { exact: false }).waitFor();
    await session.getByText('Mark arrived five minutes late', { exact: false }).waitFor();
    await expectAccessible(page, 'case page with a corrected observation record');
    await context.close();
  }, 180_000);

  it('a coordinator records an incident and marks its follow-up done', async () => {
    const { page } = coordinatorContext;
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    const section = page.getByRole('region', { name: 'Incidents' });
    await section.getByText('No incidents have been recorded.').waitFor();
    await section.getByRole('button', { name: 'Record an incident' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record an incident' });
    // The family's one session so far is the one chosen.
    await dialog.getByText(`At the session on ${sessionName}.`).waitFor();
    await expectAccessible(page, 'record an incident');
    await dialog.getByRole('button', { name: 'Record the incident' }).click();
    const problems = dialog.getByRole('alert');
    await problems.getByRole('link', { name: 'Choose what kind of incident it was' }).waitFor();
    await problems.getByRole('link', { name: 'Choose the action taken' }).waitFor();
    await expectAccessible(page, 'record an incident with problems');
    await dialog.getByRole('radio', { name: 'Language' }).check();
    await dialog.getByRole('combobox', { name: 'Who it concerns' }).selectOption({ label: 'Mark Hill' });
    await dialog
      .getByRole('textbox', { name: 'What happened' })
      .fill('Raised his voice at the door when asked to wait.');
    await dialog.getByRole('radio', { name: 'Warning given' }).check();
    await dialog
      .getByRole('textbox', { name: 'Follow-up needed' })
      .fill('Call Mark about the rules before the next session.');
    await dialog.getByRole('button', { name: 'Record the incident' }).click();
    await closed(dialog);

    const incident = section.getByRole('article', { name: /^Language, / });
    await incident.getByText('Concerning Mark Hill').waitFor();
    await incident.getByText('Action taken: Warning given · Recorded by Priya Shah').waitFor();
    await incident.getByText('Follow-up to do').waitFor();
    await expectAccessible(page, 'case page with an incident');

    // The follow-up waits on the centre's follow-ups page, reached from the navigation, until done there.
    await page.getByRole('link', { name: 'Follow-ups', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Follow-ups to do' }).waitFor();
    const entry = page.getByRole('listitem').filter({ hasText: 'Call Mark about the rules' });
    await entry.getByRole('link', { name: `Case ${hills.reference}` }).waitFor();
    await entry.getByText('Follow-up: Call Mark about the rules before the next session.').waitFor();
    await expectAccessible(page, 'follow-ups to do');
    await entry.getByRole('button', { name: /^Mark the follow-up of the incident of/ }).click();
    const confirm = page.getByRole('dialog', { name: 'Mark the follow-up as done?' });
    await expectAccessible(page, 'mark the follow-up done');
    await confirm.getByRole('button', { name: 'Mark as done' }).click();
    await closed(confirm);
    await entry.waitFor({ state: 'detached' });

    await page.goto(`${app.url}/cases/${hills.caseId}`);
    const done = page
      .getByRole('region', { name: 'Incidents' })
      .getByRole('article', { name: /^Language, / });
    await done.getByText('Follow-up done').waitFor();
    await done.getByText(/^Done by Priya Shah/).waitFor();
  }, 180_000);

  it('a coordinator takes a card through its steps, and holds a letter back', async () => {
    const { page } = coordinatorContext;
    await page.goto(`${app.url}/cases/${hills.caseId}`);
    const section = page.getByRole('region', { name: 'Letters, cards and gifts' });
    await section.getByRole('button', { name: 'Record an item received' }).click();
    const receive = page.getByRole('dialog', { name: 'Record an item received' });
    await receive.getByRole('radio', { name: 'Card' }).waitFor();
    await expectAccessible(page, 'record an item received');
    await receive.getByRole('radio', { name: 'Card' }).check();
    await receive.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Mark Hill' });
    await receive.getByRole('textbox', { name: 'Description' }).fill('Birthday card in a sealed envelope.');
    await receive.getByRole('button', { name: 'Record the item' }).click();
    await closed(receive);

    const card = section.getByRole('article', { name: 'Card from Mark Hill for Ayo Hill' });
    await card.getByText('Not checked yet', { exact: true }).first().waitFor();
    await card.getByText(/^Received .* by Priya Shah$/).waitFor();
    await expectAccessible(page, 'an item received');
    // The next step only: no passing on before the check.
    expect(await card.getByRole('button', { name: /passed on/ }).count()).toBe(0);
    await card.getByRole('button', { name: 'Record the check of the card from Mark Hill' }).click();
    const check = page.getByRole('dialog', { name: 'Check: card from Mark Hill' });
    await expectAccessible(page, 'check an item');
    await check
      .getByRole('textbox', { name: 'What the check found' })
      .fill('Opened with Laura: a card and a drawing.');
    await check.getByRole('button', { name: 'Record the check' }).click();
    await closed(check);
    await card.getByText('Checked, waiting to be passed on').waitFor();
    await card.getByText('Opened with Laura: a card and a drawing.').waitFor();
    await card.getByRole('button', { name: 'Record that the card from Mark Hill was passed on' }).click();
    const passOn = page.getByRole('dialog', { name: 'Record that it was passed on?' });
    await passOn
      .getByText('The card from Mark Hill will be recorded as passed on to Ayo Hill, by you, now.')
      .waitFor();
    await expectAccessible(page, 'pass an item on');
    await passOn.getByRole('button', { name: 'Record as passed on' }).click();
    await closed(passOn);
    await card.getByText(/^Passed on .* by Priya Shah$/).waitFor();

    // A letter, held back with the reason.
    await section.getByRole('button', { name: 'Record an item received' }).click();
    await receive.getByRole('radio', { name: 'Letter' }).check();
    await receive.getByRole('combobox', { name: 'From' }).selectOption({ label: 'Mark Hill' });
    await receive.getByRole('textbox', { name: 'Description' }).fill('A two-page letter.');
    await receive.getByRole('button', { name: 'Record the item' }).click();
    await closed(receive);
    const letter = section.getByRole('article', { name: 'Letter from Mark Hill for Ayo Hill' });
    await letter.getByRole('button', { name: 'Record the check of the letter from Mark Hill' }).click();
    const checkLetter = page.getByRole('dialog', { name: 'Check: letter from Mark Hill' });
    await checkLetter.getByRole('textbox', { name: 'What the check found' }).fill('Read it.');
    await checkLetter.getByRole('button', { name: 'Record the check' }).click();
    await closed(checkLetter);
    await letter.getByRole('button', { name: 'Hold back the letter from Mark Hill' }).click();
    const hold = page.getByRole('dialog', { name: 'Hold back: letter from Mark Hill' });
    await expectAccessible(page, 'hold an item back');
    await hold
      .getByRole('textbox', { name: 'Why it is held back' })
      .fill('It names the children’s new school.');
    await hold.getByRole('button', { name: 'Hold the item back' }).click();
    await closed(hold);
    await letter.getByText('Held back', { exact: true }).first().waitFor();
    await letter.getByText(/Held back: It names the children’s new school\./).waitFor();
    await expectAccessible(page, 'case page with items passed on and held back');
  }, 180_000);
});
