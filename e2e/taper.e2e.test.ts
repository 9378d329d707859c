import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import {
  afternoonTimeZone,
  localDate,
  newDesktopPage,
  newSmallPhonePage,
  screenshotDir,
} from './support/browser.js';
import { apiSession } from './support/api.js';
import { createClinicianArgs, signInClinician } from './support/clinician.js';
import { signIn, visible, visited, type Patient } from './support/patient.js';
import { e2eSuite } from './support/suite.js';

/**
 * Issue 5 item 8: the prescriber opens the patient's Taper tab, fills the planner (first step
 * today in the patient's zone), sees the live preview, and signs with the password; the
 * patient's Today then shows the reduced dose. Axe passes on the planner and on Today.
 */

const prescriber = {
  name: 'Dana Prescriber',
  email: 'dana.prescriber@riverside.example',
  password: 'correct horse battery staple',
};
const timeZone = afternoonTimeZone();
const patient: Patient = {
  name: 'Robin Patient',
  email: `patient-${crypto.randomUUID()}@example.com`,
  password: 'another correct horse battery',
};

const suite = e2eSuite({
  before: async (steady) => {
    await steady(createClinicianArgs(prescriber, 'prescriber', timeZone));
  },
});

/** A screenful (not the whole page) with `locator` at the top, to look at one part closely. */
async function screenful(page: Page, locator: Locator, name: string): Promise<void> {
  await locator.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
  });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}

/** Open the planner from the patient's Taper tab (no taper yet). */
async function openPlanner(page: Page, patientId: string): Promise<void> {
  await page.goto(`${suite.server.url}/patients/${patientId}?tab=taper`);
  // The first load of a patient's page fetches a dozen sections: slow on a busy machine.
  await page
    .getByRole('heading', { level: 1, name: patient.name })
    .waitFor({ state: 'visible', timeout: 60_000 });
  await visible(page.getByText('No taper is planned for this patient.'));
  await page.getByRole('button', { name: 'Plan a taper' }).click();
  await visible(page.getByRole('heading', { level: 2, name: 'Plan a taper' }));
}

test('a prescriber plans and signs a taper; the patient sees the reduced dose on Today', async () => {
  // The patient (5 mg twice a day from today) and the link to the prescriber, through the API.
  const api = await apiSession(suite.server.url, '/api/auth/register', {
    email: patient.email,
    password: patient.password,
    displayName: patient.name,
    timeZone,
  });
  const base = `/api/patients/${api.userId}`;
  const today = localDate(timeZone);
  await api.post(`${base}/regimen`, {
    formulation: 'tab5',
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    asNeeded: null,
    startDate: today,
    endDate: null,
    prescriber: 'Dr. Prescriber',
    indication: 'Muscle spasm',
    reason: 'As prescribed',
  });
  const { invitation } = await api.post<{ invitation: { code: string } }>(`${base}/invitations`, {
    memberKind: 'clinician',
  });
  const doctor = await apiSession(suite.server.url, '/api/auth/login', {
    email: prescriber.email,
    password: prescriber.password,
  });
  await doctor.post(`/api/invitations/${invitation.code}/accept`, {});

  // On a 360 px phone the planner stacks: form, then preview; nothing wider than the screen.
  const phone = await newSmallPhonePage(suite.browser, timeZone, 800);
  suite.contexts.push(phone);
  await signInClinician(phone.page, suite.server.url, prescriber);
  await openPlanner(phone.page, api.userId);
  await visible(phone.page.getByRole('region', { name: 'Steps of the plan' }));
  const overflow = await phone.page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, 'nothing wider than the phone').toBeLessThanOrEqual(0);
  await visited(phone.page, { shots: 'taper-phone' }, 'planner');
  await screenful(
    phone.page,
    phone.page.getByRole('heading', { name: 'Plan a taper' }),
    'taper-phone-form',
  );
  await screenful(
    phone.page,
    phone.page.getByRole('heading', { name: 'Preview' }),
    'taper-phone-preview',
  );
  await screenful(
    phone.page,
    phone.page.getByRole('region', { name: 'Steps of the plan' }),
    'taper-phone-steps',
  );

  // On a desktop: fill the planner, watch the preview follow, sign.
  const desktop = await newDesktopPage(suite.browser, timeZone);
  suite.contexts.push(desktop);
  const { page } = desktop;
  const visit = { shots: 'taper' };
  await signInClinician(page, suite.server.url, prescriber);
  await openPlanner(page, api.userId);

  // Prefilled from the regimen in force; the first step starts today in the patient's zone.
  expect(await page.getByLabel('Dose 1 (mg)').inputValue()).toBe('5');
  expect(await page.getByLabel('Dose 2 (mg)').inputValue()).toBe('5');
  const start = page.getByLabel('First reduced step starts on');
  expect(await start.inputValue()).toBe(today);
  await start.fill(today);
  await page.getByRole('textbox', { name: 'Days between steps' }).fill('28');
  await page.getByRole('textbox', { name: 'Reduction (% of the current dose)' }).fill('10');

  // The preview: steps with what to take at each dose time, and the guideline checks.
  const steps = page.getByRole('region', { name: 'Steps of the plan' });
  const first = steps.getByRole('row').nth(1);
  await visible(first.getByText(/4\.5 mg \(half a tablet of 5 mg \+ 1 tablet of 2 mg\)/).first());
  await visible(first.getByText('9 mg', { exact: true }));
  await visible(first.getByText(/for 28 days/));
  // The engine's own findings for this plan, with their sources.
  await visible(page.getByText(/^\d+ warnings?$/));
  await visible(page.getByText(/^Guideline: reduce by 5–10 %/));
  await visible(page.getByRole('img', { name: /^Planned daily dose from 10 mg to 0 mg/ }));

  // A faster-than-guideline override needs a reason before it can be signed.
  await page
    .getByRole('checkbox', {
      name: 'Allow faster steps than the guideline (more than 25 % per 2 weeks)',
    })
    .check();
  await visible(page.getByText('Faster than the guideline'));
  await page.getByRole('button', { name: 'Sign plan' }).click();
  await visible(page.getByText('An override needs a reason.'));
  await page
    .getByRole('checkbox', {
      name: 'Allow faster steps than the guideline (more than 25 % per 2 weeks)',
    })
    .uncheck();
  await visited(page, visit, 'planner');
  await screenful(page, page.getByRole('heading', { name: 'Plan a taper' }), 'taper-desktop-form');
  await screenful(
    page,
    page.getByText(/^Levels are relative to the starting doses/),
    'taper-desktop-chart',
  );
  await screenful(
    page,
    page.getByRole('region', { name: 'Steps of the plan' }),
    'taper-desktop-steps',
  );

  await page.getByRole('button', { name: 'Sign plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign the taper plan' });
  await dialog.getByLabel('Your password').fill('not my password');
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await visible(dialog.getByRole('alert'));
  await dialog.getByLabel('Your password').fill(prescriber.password);
  await dialog.getByRole('button', { name: 'Sign', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  // The Taper tab now shows the signed plan.
  await visible(page.getByText('Active', { exact: true }));
  await visible(page.getByText(/^Step 1: 9 mg a day from /));
  await visible(page.getByText(/^Version 1: Plan signed, from /));
  await screenful(
    page,
    page.getByRole('heading', { level: 2, name: 'Taper', exact: true }),
    'taper-desktop-signed',
  );
  await visited(page, visit, 'signed');

  // The patient's Today (phone) shows the reduced dose.
  const patientPhone = await newSmallPhonePage(suite.browser, timeZone, 800);
  suite.contexts.push(patientPhone);
  await patientPhone.page.goto(suite.server.url);
  await signIn(patientPhone.page, patient);
  const morning = patientPhone.page.getByRole('article', { name: 'Dose at 8:00 AM' });
  await visible(morning.getByText('4.5 mg', { exact: false }));
  await visited(patientPhone.page, { shots: 'taper-patient' }, 'today');
});
