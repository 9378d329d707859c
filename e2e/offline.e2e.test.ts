import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { apiSession } from './support/api.js';
import { afternoonTimeZone, newPhonePage } from './support/browser.js';
import {
  choose,
  enterRegimen,
  heading,
  newPatient,
  openTab,
  register,
  visible,
  visited,
} from './support/patient.js';
import { e2eSuite } from './support/suite.js';

/**
 * The installable, offline-capable app (docs/offline.md): the service worker keeps the app and
 * Today, and doses and check-ins logged offline are queued on the phone and sent, once each,
 * when the connection returns. Offline is Chromium's network emulation (context.setOffline).
 */
const suite = e2eSuite({});

function doseCard(page: Page) {
  return page.getByRole('article', { name: 'Dose at 8:00 AM' });
}

interface History {
  readonly timeline: readonly { readonly type: 'dose' | 'checkin' }[];
}

describe('offline on a phone', () => {
  test('Today opens offline; a dose and a check-in logged offline are saved once', async () => {
    const timeZone = afternoonTimeZone();
    const phone = await newPhonePage(suite.browser, timeZone);
    suite.contexts.push(phone);
    const { page, context } = phone;
    const patient = newPatient('Robin');

    // The app is installable: it links its manifest, with the icons it names.
    await register(page, suite.server.url, patient, { shots: null });
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestHref).toBe('/manifest.webmanifest');
    const manifest = (await (await fetch(`${suite.server.url}/manifest.webmanifest`)).json()) as {
      display: string;
      start_url: string;
      icons: { sizes: string; purpose?: string }[];
    };
    expect(manifest).toMatchObject({ display: 'standalone', start_url: '/' });
    expect(
      manifest.icons.map((i) => `${i.sizes}${i.purpose === undefined ? '' : ` ${i.purpose}`}`),
    ).toEqual(['192x192', '512x512', '512x512 maskable']);

    await enterRegimen(
      page,
      { formulation: '5 mg tablet', time: '08:00', amountMg: '5', timeZone },
      { shots: null },
    );
    await openTab(page, 'Today');
    await visible(doseCard(page));

    // The service worker now controls the page; one more visit online saves Today for later.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.reload();
    await visible(doseCard(page).getByText('Not logged yet'));

    // Offline: a reload still opens the app and shows Today as it was saved.
    await context.setOffline(true);
    await page.reload();
    await visible(heading(page, 'Today'));
    await visible(page.getByText(/^You're offline — showing what was saved at \d{1,2}:\d{2}/));
    await visible(doseCard(page).getByText('Not logged yet'));

    // A dose logged offline waits on the phone, shown at once.
    await doseCard(page).getByRole('button', { name: 'Taken', exact: true }).click();
    await visible(doseCard(page).getByText('Waiting to sync'));
    await expect.poll(() => doseCard(page).getByRole('button', { name: 'Taken' }).count()).toBe(0);

    // So does a check-in.
    await openTab(page, 'Check in');
    await choose(page, 'Pain right now', '5');
    await choose(page, 'Muscle spasm or tension', '2');
    await choose(page, 'Any falls?', 'No');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await visible(page.getByRole('heading', { name: 'Check-in saved on this phone' }));

    await openTab(page, 'Today');
    const pending = page.getByRole('region', { name: 'Not sent yet' });
    await visible(pending.getByText(/^Check-in at /));
    await visible(pending.getByText(/^Dose logged at /));
    expect(await pending.getByText('Waiting to sync').count()).toBe(2);
    await visible(doseCard(page).getByText('Waiting to sync'));
    await visited(page, { shots: 'offline' }, 'today-waiting');

    // Back online: both are sent, and the server's answers replace the waiting state.
    await context.setOffline(false);
    await visible(doseCard(page).getByText(/^Taken at /));
    await pending.waitFor({ state: 'detached' });
    await page.reload();
    await visible(doseCard(page).getByText(/^Taken at /));
    await visited(page, { shots: 'offline' }, 'today-synced');

    // Exactly once each, as the API sees it.
    const api = await apiSession(suite.server.url, '/api/auth/login', {
      email: patient.email,
      password: patient.password,
    });
    const history = await api.get<History>(`/api/patients/${api.userId}/history?days=2`);
    expect(history.timeline.filter((i) => i.type === 'dose')).toHaveLength(1);
    expect(history.timeline.filter((i) => i.type === 'checkin')).toHaveLength(1);
  });
});
