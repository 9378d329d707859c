import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  afternoonTimeZone,
  launchBrowser,
  newPhonePage,
  type PhonePage,
} from './support/browser.js';
import {
  choose,
  enterRegimen,
  heading,
  newPatient,
  openTab,
  register,
  signIn,
  visible,
  visited,
  type RegimenEntry,
} from './support/patient.js';
import { startServer, type RunningServer } from './support/server.js';

let server: RunningServer;
let browser: Browser;
let current: PhonePage | null = null;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterEach(async () => {
  const errors = current?.pageErrors ?? [];
  await current?.context.close();
  current = null;
  expect(errors, 'uncaught errors in the page').toEqual([]);
});

afterAll(async () => {
  await browser.close();
  const exit = await server.stop();
  if (exit.code !== 0) {
    console.warn(
      `The server did not exit cleanly on SIGTERM: ${JSON.stringify(exit)}\n${server.output()}`,
    );
  }
});

async function phone(): Promise<{ page: Page; regimen: RegimenEntry }> {
  const timeZone = afternoonTimeZone();
  current = await newPhonePage(browser, timeZone);
  return {
    page: current.page,
    regimen: { formulation: '5 mg tablet', time: '08:00', amountMg: '5', timeZone },
  };
}

/** Today's date as the History table shows it, e.g. "Mar 3, 2026". */
function longDate(timeZone: string): string {
  return new Intl.DateTimeFormat('en-US', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(new Date());
}

/** The card of the 08:00 dose on Today. */
function doseCard(page: Page) {
  return page.getByRole('article', { name: 'Dose at 8:00 AM' });
}

describe('patient journey on a phone', () => {
  test('registers, enters a regimen, logs a dose, checks in and sees both in History', async () => {
    const { page, regimen } = await phone();
    const patient = newPatient('Alex');
    const visit = { shots: 'journey' };

    await register(page, server.url, patient, visit);
    await enterRegimen(page, regimen, visit);

    // Today: the scheduled dose, one tap to log it.
    await openTab(page, 'Today');
    const card = doseCard(page);
    await visible(card);
    await visible(card.getByText('Not logged yet'));
    await visible(card.getByRole('button', { name: 'Taken earlier…' }));
    await visible(card.getByRole('button', { name: 'Skipped' }));
    await visible(page.getByRole('button', { name: 'Extra dose' }));
    await visited(page, visit, 'today-due');
    await card.getByRole('button', { name: 'Taken', exact: true }).click();
    await visible(card.getByText(/^Taken at \d{1,2}:\d{2}\s?[AP]M$/));
    await visible(card.getByRole('button', { name: 'Change' }));
    await visited(page, visit, 'today-taken');

    // Check in.
    await openTab(page, 'Check in');
    await choose(page, 'Pain right now', '4');
    await choose(page, 'Muscle spasm or tension', '3');
    await choose(page, 'Drowsiness', 'Mild');
    await choose(page, 'Dizziness', 'None');
    await choose(page, 'Any falls?', 'No');
    await visited(page, visit, 'checkin-form');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await visible(page.getByRole('heading', { name: 'Check-in saved' }));
    expect(await page.getByRole('alert').count(), 'no safety guidance for a mild side effect').toBe(
      0,
    );
    await visited(page, visit, 'checkin-saved');

    // History: the dose and the check-in, in the timeline and in the table.
    await openTab(page, 'History');
    const timeline = page.getByRole('region', { name: 'Doses and check-ins' });
    await visible(timeline.getByText(/Took 5 mg/));
    await visible(timeline.getByText(/Check-in: pain 4, spasm 3/));
    await visible(timeline.getByText('Side effects: Drowsiness (mild)'));
    // Only today has data, so the summary speaks of today rather than a 30-day average.
    await visible(page.getByRole('img', { name: /^Today you took 5 mg of diazepam\. / }));
    await page.getByText('Show the numbers as a table').click();
    const table = page.getByRole('table', { name: 'Diazepam taken and pain, by day' });
    await visible(table);
    const today = table.getByRole('row').filter({
      has: page.getByRole('rowheader', { name: longDate(regimen.timeZone), exact: true }),
    });
    expect(await today.getByRole('cell').allInnerTexts(), "today's row: 5 mg, pain 4").toEqual([
      '5',
      '4',
    ]);
    await visited(page, visit, 'history');

    // Sign out and back in: the data is still there.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn(page, patient);
    await visible(doseCard(page).getByText(/^Taken at /));
  });

  test('logging the same dose twice asks first, and a confirmed repeat replaces the first entry', async () => {
    const { page, regimen } = await phone();
    await register(page, server.url, newPatient('Sam'), { shots: null });
    await enterRegimen(page, regimen, { shots: null });
    await openTab(page, 'Today');
    const visit = { shots: 'duplicate' };

    await doseCard(page).getByRole('button', { name: 'Taken', exact: true }).click();
    await visible(doseCard(page).getByText(/^Taken at /));

    // Again, as if from a second device or a stale screen.
    await doseCard(page).getByRole('button', { name: 'Change' }).click();
    await doseCard(page).getByRole('button', { name: 'Taken', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Already logged' });
    await visible(dialog);
    await visible(dialog.getByText(/^Already logged at \d{1,2}:\d{2}\s?[AP]M — log again\?$/));
    await visited(page, visit, 'dialog');

    // "No, keep it": nothing new is logged.
    await dialog.getByRole('button', { name: 'No, keep it' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await visible(doseCard(page).getByText(/^Taken at /));

    // "Yes, log again" (the card still offers its actions): the new entry supersedes the first;
    // both stay in History.
    await doseCard(page).getByRole('button', { name: 'Taken', exact: true }).click();
    await visible(dialog);
    await dialog.getByRole('button', { name: 'Yes, log again' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(doseCard(page).getByText(/^Taken at /));

    await openTab(page, 'History');
    const timeline = page.getByRole('region', { name: 'Doses and check-ins' });
    await visible(timeline.getByText('Corrected — replaced by a later entry'));
    await visible(timeline.getByText('Correction', { exact: true }));
    expect(await timeline.getByText(/Took 5 mg/).count(), 'both entries are kept').toBe(2);
    await visited(page, visit, 'history');
  });

  test('a fall reported in a check-in shows guidance to contact the care team', async () => {
    const { page } = await phone();
    await register(page, server.url, newPatient('Jo'), { shots: null });
    const visit = { shots: 'fall' };

    await openTab(page, 'Check in');
    await choose(page, 'Pain right now', '6');
    await choose(page, 'Muscle spasm or tension', '5');
    await choose(page, 'Unsteady on your feet', 'Moderate');
    await choose(page, 'Any falls?', 'Fell');
    await visited(page, visit, 'checkin-form');
    await page.getByRole('button', { name: 'Save check-in' }).click();

    await visible(page.getByRole('heading', { name: 'Check-in saved' }));
    const guidance = page.getByRole('alert').filter({ hasText: 'Contact your care team today' });
    await visible(guidance);
    await visible(
      guidance.getByText(/You reported a fall or near fall\..*Please tell your care team today\./),
    );
    expect(
      await page.getByRole('alert').filter({ hasText: 'Call emergency services now' }).count(),
      'a fall alone is not an emergency',
    ).toBe(0);
    await visited(page, visit, 'guidance');

    await page.getByRole('link', { name: 'See history' }).click();
    await visible(heading(page, 'History'));
    const timeline = page.getByRole('region', { name: 'Doses and check-ins' });
    await visible(timeline.getByText('Fall: Fell'));
    await visible(timeline.getByText('Side effects: Unsteady on your feet (moderate)'));
  });
});
