import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { closePages, launchBrowser, newSmallPhonePage, type PhonePage } from './support/browser.js';
import { choose, heading, signIn, visible, visited, type Visit } from './support/patient.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Issue 8 item 9: the demo patient (90 days of history, `steady demo`) does a guided paced
 * breathing session on a 360 px phone, rates pain and tension before and after, sees the
 * change, then finds "What helps me" with at least one result and its counts. Axe on every page.
 */

const DANA = {
  name: 'Dana Demo',
  email: 'demo.patient@steady.example',
  password: 'steady-demo-patient',
};
const ZONE = 'America/New_York';

let server: RunningServer;
let browser: Browser;
const contexts: PhonePage[] = [];

beforeAll(async () => {
  server = await startServer({
    before: async (steady) => {
      await steady(['demo']);
    },
  });
  browser = await launchBrowser();
});

afterEach(async () => {
  await closePages(contexts);
});

afterAll(async () => {
  await browser.close();
  const exit = await server.stop();
  if (exit.code !== 0) {
    console.warn(`The server did not exit cleanly: ${JSON.stringify(exit)}\n${server.output()}`);
  }
});

async function smallPhone(): Promise<Page> {
  const opened = await newSmallPhonePage(browser, ZONE, 780);
  contexts.push(opened);
  return opened.page;
}

describe('beyond the pill', () => {
  test('guided breathing with ratings before and after, then What helps me', async () => {
    const v: Visit = { shots: 'beyond-the-pill' };
    const page = await smallPhone();
    await page.goto(server.url);
    await signIn(page, DANA);
    await visited(page, v, 'today');

    // --- Techniques → Paced breathing → guided session. ---
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Techniques', exact: true })
      .click();
    await visible(heading(page, 'Techniques'));
    await visited(page, v, 'techniques');
    await page.getByRole('link', { name: /^Paced breathing/ }).click();
    await visible(heading(page, 'Paced breathing'));
    await visited(page, v, 'paced-breathing');

    await page.getByRole('button', { name: 'Start guided session' }).click();
    await visible(page.getByRole('heading', { name: 'Before you start' }));
    await choose(page, 'Pain right now, before you start', '6');
    await choose(page, 'Muscle tension right now, before you start', '7');
    await visited(page, v, 'before');
    await page.getByRole('button', { name: 'Go to the session' }).click();

    // The shortest duration, started, then stopped after a few breaths' worth of seconds.
    await page.getByLabel('How long', { exact: true }).first().click();
    await page.getByRole('option', { name: '1 minute', exact: true }).click();
    await visible(page.getByText('Time left: 1:00'));
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await visible(page.getByRole('button', { name: 'Pause' }));
    await page.waitForTimeout(2_500);
    await visited(page, v, 'pacer');
    await page.getByRole('button', { name: 'Stop and finish' }).click();

    await visible(page.getByRole('heading', { name: 'How do you feel now?' }));
    await choose(page, 'Pain right now, after the session', '4');
    await choose(page, 'Muscle tension right now, after the session', '5');
    await visited(page, v, 'after');
    await page.getByRole('button', { name: 'Save session' }).click();
    await visible(page.getByRole('heading', { name: 'Session saved' }));
    await visible(page.getByText('Your pain went from 6 to 4: 2 lower.'));
    await visible(page.getByText('Your muscle tension went from 7 to 5: 2 lower.'));
    await visited(page, v, 'saved');

    // --- More → What helps me: Dana's 90 days give results with their counts. ---
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'More', exact: true })
      .click();
    await page.getByRole('link', { name: /^What helps me/ }).click();
    await visible(heading(page, 'What helps me'));
    const breathing = page.getByRole('article', { name: 'Paced breathing' });
    await visible(breathing.getByText('Pain during a session'));
    const sessions = breathing.getByText(/^Based on \d+ sessions rated before and after\.$/);
    await visible(sessions.first());
    const days = breathing.getByText(/^Based on \d+ days with and \d+ without\.$/);
    await visible(days);
    const [, withDays, withoutDays] =
      /(\d+) days with and (\d+)/.exec(await days.innerText()) ?? [];
    expect(Number(withDays)).toBeGreaterThanOrEqual(5);
    expect(Number(withoutDays)).toBeGreaterThanOrEqual(5);
    await visible(breathing.getByText(/^Likely range \(95%\)/).first());
    await visible(page.getByText(/not proof that one thing causes another/));
    await visited(page, v, 'insights');
  });
});
