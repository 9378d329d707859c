import { expect, test } from 'vitest';
import { afternoonTimeZone, localDate, newSmallPhonePage } from './support/browser.js';
import { apiSession } from './support/api.js';
import { createClinicianArgs, signInClinician } from './support/clinician.js';
import { visible, visited } from './support/patient.js';
import { e2eSuite } from './support/suite.js';

/**
 * Issue 4 item 11: a pharmacist on a 360 px phone opens a linked patient, whose page leads with
 * the pharmacy workspace; records a dispensing (shown in the history with its amount in mg and
 * counted in the supply estimate); sees the opioid on the medication list flagged as critical
 * with its sources; refers it to the prescriber in an interaction review; and reconciles the
 * list, stopping a vitamin the patient no longer takes.
 */

const pharmacist = {
  name: 'Priya Pharmacist',
  email: 'priya.pharmacist@riverside.example',
  password: 'correct horse battery staple',
};
const timeZone = afternoonTimeZone();

const suite = e2eSuite({
  before: async (steady) => {
    await steady(createClinicianArgs(pharmacist, 'pharmacist', timeZone));
  },
});

test('a pharmacist records a dispensing and reviews an interaction on a phone', async () => {
  // The patient, their regimen and medicines, and the link, made through the API.
  const patient = await apiSession(suite.server.url, '/api/auth/register', {
    email: `patient-${crypto.randomUUID()}@example.com`,
    password: 'correct horse battery staple',
    displayName: 'Robin Patient',
    timeZone,
  });
  const base = `/api/patients/${patient.userId}`;
  await patient.post(`${base}/regimen`, {
    formulation: 'tab5',
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    asNeeded: null,
    startDate: localDate(timeZone),
    endDate: null,
    prescriber: 'Dr. Rivera',
    indication: 'Muscle spasm',
    reason: 'As prescribed',
  });
  await patient.post(`${base}/medications`, { name: 'Oxycodone 5 mg', dose: '5 mg' });
  await patient.post(`${base}/medications`, { name: 'Vitamin D 1000 IU' });
  const { invitation } = await patient.post<{ invitation: { code: string } }>(
    `${base}/invitations`,
    { memberKind: 'clinician' },
  );
  const api = await apiSession(suite.server.url, '/api/auth/login', {
    email: pharmacist.email,
    password: pharmacist.password,
  });
  await api.post(`/api/invitations/${invitation.code}/accept`, {});

  // The pharmacist, on a small phone.
  const opened = await newSmallPhonePage(suite.browser, timeZone, 740);
  suite.contexts.push(opened);
  const { page } = opened;
  const visit = { shots: 'pharmacy' };

  await signInClinician(page, suite.server.url, pharmacist);
  await page.goto(`${suite.server.url}/patients/${patient.userId}`);
  // The first load of a patient's page fetches a dozen sections: slow on a busy machine.
  await page
    .getByRole('heading', { level: 1, name: 'Robin Patient' })
    .waitFor({ state: 'visible', timeout: 60_000 });

  // The page leads with the workspace: its first section heading after the alerts.
  const dispensing = page.getByRole('region', { name: 'Dispensing', exact: true });
  await visible(dispensing);
  const h2 = await page.getByRole('heading', { level: 2 }).allTextContents();
  expect(h2.indexOf('Dispensing')).toBeLessThanOrEqual(1);
  await visible(dispensing.getByText('No dispensing recorded yet.'));
  await visited(page, visit, 'patient');

  // Record 28 × 5 mg dispensed now.
  await dispensing
    .getByRole('combobox', { name: 'What was dispensed' })
    .selectOption({ label: 'Diazepam 5 mg tablets (yellow)' });
  await dispensing.getByRole('textbox', { name: 'Number of tablets' }).fill('28');
  await dispensing.getByRole('textbox', { name: 'Days it is meant to last' }).fill('14');
  await dispensing.getByRole('button', { name: 'Save dispensing' }).click();
  await visible(dispensing.getByText('Dispensing saved.'));
  await visible(dispensing.getByText('28 tablets of Diazepam 5 mg tablets (yellow) (140 mg)'));
  await visible(dispensing.getByText('Meant to last 14 days', { exact: false }));
  await visible(dispensing.getByText('About 140 mg left at the start of today.').first());

  // The opioid is flagged as critical, with the clinician wording and its sources.
  const meds = page.getByRole('region', { name: 'Other medicines and interactions' });
  const opioid = meds.getByRole('listitem').filter({ hasText: 'Oxycodone 5 mg' });
  await visible(opioid.getByText('Critical'));
  await visible(opioid.getByText('Opioids', { exact: true }));
  await visible(opioid.getByText(/^Boxed warning/));
  await visible(opioid.getByText(/LABEL-TAB \[C\]/));
  await visible(
    meds
      .getByRole('listitem')
      .filter({ hasText: 'Vitamin D' })
      .getByText('No interaction found by name.'),
  );

  // Refer it to the prescriber in an interaction review.
  const review = page.getByRole('region', { name: 'Medication review' });
  await review
    .getByRole('group', { name: 'Oxycodone 5 mg (Opioids)' })
    .getByRole('radio', { name: 'Refer to prescriber' })
    .check();
  await review.getByRole('button', { name: 'Save interaction review' }).click();
  await visible(review.getByText('Say what the prescriber should look at.'));
  await review.getByRole('textbox', { name: 'Note for the prescriber' }).fill('Offer naloxone?');
  await review.getByRole('button', { name: 'Save interaction review' }).click();
  await visible(review.getByText('Review saved.'));
  await visible(
    opioid.getByText(/Interactions reviewed .* by Priya Pharmacist: referred to the prescriber/),
  );
  await visible(review.getByText(/Last review: interaction review on .* by Priya Pharmacist/));

  // Reconcile: the regimen and the opioid confirmed, the vitamin stopped (it leaves the list).
  const reconcile = async (group: string, option: string) => {
    await review
      .getByRole('group', { name: `${group}: what did you find?` })
      .getByRole('radio', { name: option, exact: true })
      .check();
  };
  await review.getByRole('button', { name: 'Save reconciliation' }).click();
  await visible(review.getByText('Choose one.').first());
  await reconcile('Diazepam 5 mg tablet (regimen)', 'Confirmed');
  await reconcile('Oxycodone 5 mg', 'Confirmed');
  await reconcile('Vitamin D 1000 IU', 'Stopped');
  await review.getByRole('button', { name: 'Save reconciliation' }).click();
  await visible(review.getByText(/Last review: reconciliation on .* by Priya Pharmacist/));
  await meds.getByText('Vitamin D 1000 IU').waitFor({ state: 'detached' });
  await visible(opioid.getByText(/Reconciled .* by Priya Pharmacist: confirmed/));

  // Nothing wider than the phone.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await visited(page, visit, 'after-review');
});
