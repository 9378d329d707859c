import type { Page } from 'playwright-core';
import { heading, visible } from './patient.js';

/** A clinic member created with the CLI before the server starts. */
export interface Clinician {
  readonly name: string;
  readonly email: string;
  readonly password: string;
}

/** The `steady create-clinician` arguments for `clinician` (in `clinicId` when given). */
export function createClinicianArgs(
  clinician: Clinician,
  discipline: 'prescriber' | 'pharmacist',
  timeZone: string,
  clinicId?: string,
): string[] {
  return [
    'create-clinician',
    '--email',
    clinician.email,
    '--discipline',
    discipline,
    '--password',
    clinician.password,
    ...(clinicId === undefined ? [] : ['--clinic', clinicId]),
    '--name',
    clinician.name,
    '--time-zone',
    timeZone,
  ];
}

/**
 * Sign a clinician in from the front page and wait for the Patients page they land on, so a
 * following `goto` cannot cut the sign-in request off (the sign-in page has an h1 too).
 */
export async function signInClinician(
  page: Page,
  url: string,
  clinician: Clinician,
): Promise<void> {
  await page.goto(url);
  await visible(heading(page, 'Sign in'));
  await page.getByRole('textbox', { name: 'Email' }).fill(clinician.email);
  await page.getByLabel('Password', { exact: true }).fill(clinician.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await visible(heading(page, 'Patients'));
}

/** Open one tab of a patient's page in the clinician workspace (Chart, Medications, …). */
export async function openPatientTab(page: Page, name: string): Promise<void> {
  const tab = page.getByRole('tab', { name, exact: true });
  await tab.click();
  await page.getByRole('tab', { name, exact: true, selected: true }).waitFor();
}
