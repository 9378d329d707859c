import { randomUUID } from 'node:crypto';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { checkA11y, localDate, snap } from './browser.js';

/** Steps a patient takes, through the UI only, by accessible names (packages/web/src/i18n/en.json). */

/** Wait (with Playwright's auto-waiting and the context's timeout) until the element is visible. */
export async function visible(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
}

export interface Patient {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

export function newPatient(name = 'Alex'): Patient {
  return {
    name,
    email: `patient-${randomUUID()}@example.com`,
    password: 'correct horse battery staple',
  };
}

/** Options for steps that also check accessibility and take a screenshot. */
export interface Visit {
  /** Screenshot name prefix; when null, no screenshots and no axe runs (repeated set-up steps). */
  readonly shots: string | null;
}

export async function visited(page: Page, visit: Visit, step: string): Promise<void> {
  if (visit.shots === null) return;
  await checkA11y(page, `${visit.shots} ${step}`);
  await snap(page, `${visit.shots}-${step}`);
}

export function heading(page: Page, name: string) {
  return page.getByRole('heading', { level: 1, name, exact: true });
}

/** Open a page from the main navigation (the phone tab bar). */
export async function openTab(
  page: Page,
  name: 'Today' | 'Check in' | 'History' | 'Medications' | 'Care team' | 'Profile',
) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  // Five tabs on the bar; the other pages are rows of the More page.
  if (name === 'Today' || name === 'Check in') {
    await nav.getByRole('link', { name, exact: true }).click();
  } else {
    await nav.getByRole('link', { name: 'More', exact: true }).click();
    await visible(heading(page, 'More'));
    await page.getByRole('main').getByRole('link', { name, exact: true }).click();
  }
  await visible(heading(page, name));
}

/** From the signed-out app at `baseUrl`: sign-in page → "Create an account" → Today. */
export async function register(
  page: Page,
  baseUrl: string,
  patient: Patient,
  visit: Visit,
): Promise<void> {
  await page.goto(baseUrl);
  await visible(heading(page, 'Sign in'));
  await visited(page, visit, 'sign-in');

  await page.getByRole('link', { name: 'Create an account' }).click();
  await visible(heading(page, 'Create your account'));
  await page.getByRole('textbox', { name: 'Your name' }).fill(patient.name);
  await page.getByRole('textbox', { name: 'Email' }).fill(patient.email);
  // A password input has no ARIA role; find it by its label.
  await page.getByLabel('Password', { exact: true }).fill(patient.password);
  await visited(page, visit, 'register');
  await page.getByRole('button', { name: 'Create account' }).click();

  await visible(heading(page, 'Today'));
  await visible(page.getByRole('navigation', { name: 'Main' }));
}

export async function signIn(page: Page, patient: Patient): Promise<void> {
  await visible(heading(page, 'Sign in'));
  await page.getByRole('textbox', { name: 'Email' }).fill(patient.email);
  await page.getByLabel('Password', { exact: true }).fill(patient.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await visible(heading(page, 'Today'));
}

export interface RegimenEntry {
  readonly formulation: string;
  readonly time: string;
  readonly amountMg: string;
  readonly timeZone: string;
}

/** From Today's empty state: "Enter my regimen" → fill the form → "Current: version 1". */
export async function enterRegimen(page: Page, regimen: RegimenEntry, visit: Visit): Promise<void> {
  await visible(page.getByRole('heading', { name: 'No diazepam plan yet' }));
  await visited(page, visit, 'today-empty');
  await page.getByRole('link', { name: 'Enter my regimen' }).click();
  await visible(heading(page, 'Medications'));
  await visible(page.getByText("You haven't entered your diazepam regimen yet."));
  await visited(page, visit, 'medications-form');

  await page
    .getByRole('combobox', { name: 'Form of diazepam' })
    .selectOption({ label: regimen.formulation });
  const dose = page.getByRole('group', { name: 'Dose 1' });
  await dose.getByLabel('Time', { exact: true }).fill(regimen.time);
  await dose.getByRole('textbox', { name: 'Amount (mg)' }).fill(regimen.amountMg);
  const startDate = page.getByLabel('Start date');
  expect(await startDate.inputValue(), 'the start date defaults to today').toBe(
    localDate(regimen.timeZone),
  );
  await startDate.fill(localDate(regimen.timeZone));
  await page
    .getByRole('textbox', { name: 'Why are you entering or changing this?' })
    .fill('New prescription');
  await page.getByRole('button', { name: 'Save regimen' }).click();

  await visible(page.getByText('Current: version 1'));
  await visited(page, visit, 'medications-saved');
}

/** Answer a 0–10 scale or a choice group (native radios in a fieldset/legend). */
export async function choose(page: Page, group: string, option: string): Promise<void> {
  await page
    .getByRole('group', { name: group, exact: true })
    .getByRole('radio', { name: option, exact: true })
    .check();
}
