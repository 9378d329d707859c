import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  afternoonTimeZone,
  closePages,
  launchBrowser,
  newDesktopPage,
  newSmallPhonePage,
  type PhonePage,
} from './support/browser.js';
import { createClinicianArgs, signInClinician } from './support/clinician.js';
import {
  choose,
  heading,
  newPatient,
  register,
  visible,
  visited,
  type Visit,
} from './support/patient.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Issue 4 item 8: a prescriber assigns the PHQ-9 monthly, the patient finds it on Today (on a
 * 360 px phone), answers it — item 9 above "Not at all" shows crisis guidance at once — and both
 * see the score; the prescriber also gets the crisis alert.
 */

const clinician = {
  name: 'Dr. Sam Okafor',
  email: 'sam.okafor@riverside.example',
  password: 'correct horse battery staple',
};
const timeZone = afternoonTimeZone();
const PHQ9 = 'Patient Health Questionnaire-9 (PHQ-9)';

let server: RunningServer;
let browser: Browser;
const contexts: PhonePage[] = [];

beforeAll(async () => {
  server = await startServer({
    before: async (steady) => {
      await steady(createClinicianArgs(clinician, 'prescriber', timeZone));
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

/** The smallest common phone: 360 px wide. */
async function smallPhone(): Promise<Page> {
  const opened = await newSmallPhonePage(browser, timeZone, 780);
  contexts.push(opened);
  return opened.page;
}

/** A JSON API call made with the page's session (set-up steps the UI tests elsewhere). */
async function api(page: Page, method: 'GET' | 'POST', path: string, data?: object) {
  const session = await page.request.get(`${server.url}/api/session`);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const res = await page.request.fetch(`${server.url}${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken },
    ...(data === undefined ? {} : { data }),
  });
  expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
  return res.json() as Promise<Record<string, unknown>>;
}

/** Answer the PHQ-9 item `n` (1–10) with the option labelled `option`. */
async function answerItem(page: Page, n: number, option: string) {
  await page
    .getByRole('group', { name: new RegExp(`^Question ${String(n)} of 10\\. `) })
    .getByRole('radio', { name: option, exact: true })
    .check();
}

describe('questionnaires', () => {
  test('assigned PHQ-9: due on Today, crisis guidance on submit, score for both, alert for the prescriber', async () => {
    const pt: Visit = { shots: 'questionnaires-patient' };
    const dr: Visit = { shots: 'questionnaires-clinician' };
    const patientPage = await smallPhone();
    const patient = newPatient('Robin');
    await register(patientPage, server.url, patient, { shots: null });

    // Link through a patient invitation (the care-team journey tests this in the UI).
    const { user } = (await api(patientPage, 'GET', '/api/session')) as { user: { id: string } };
    const invited = (await api(patientPage, 'POST', `/api/patients/${user.id}/invitations`, {
      memberKind: 'clinician',
    })) as { invitation: { code: string } };
    const opened = await newDesktopPage(browser, timeZone);
    contexts.push(opened);
    const doctor = opened.page;
    await signInClinician(doctor, server.url, clinician);
    await api(doctor, 'POST', `/api/invitations/${invited.invitation.code}/accept`, {});

    // Nothing is due yet: Today has no questionnaire card.
    await patientPage.reload();
    await visible(heading(patientPage, 'Today'));
    expect(
      await patientPage.getByRole('region', { name: 'Questionnaires to answer' }).count(),
    ).toBe(0);

    // --- The prescriber assigns the PHQ-9 monthly from the patient's page. ---
    await doctor.goto(`${server.url}/patients/${user.id}`);
    await visible(heading(doctor, patient.name));
    const section = doctor.getByRole('region', { name: 'Questionnaires' });
    await visible(section.getByText('No questionnaires assigned.'));
    await section.getByRole('combobox', { name: 'Questionnaire' }).selectOption({ label: PHQ9 });
    await choose(doctor, 'How often', 'Monthly (every 30 days)');
    await visited(doctor, dr, 'assign-form');
    await section.getByRole('button', { name: 'Assign', exact: true }).click();
    await visible(section.getByText('PHQ-9 — Every 30 days'));
    await visible(section.getByText(/^Due since /));
    await visible(section.getByText('No answers in the last year.'));

    // --- The patient finds it on Today and opens it. ---
    await patientPage.reload();
    const card = patientPage.getByRole('region', { name: 'Questionnaires to answer' });
    await visible(card.getByText('Due today'));
    await visited(patientPage, pt, 'today-due');
    await card.getByRole('link', { name: 'Answer PHQ-9' }).click();
    await visible(heading(patientPage, PHQ9));
    await visible(patientPage.getByText('Time period: the last 2 weeks'));
    await visible(patientPage.getByText('Copyright © Pfizer Inc.', { exact: false }));
    await visited(patientPage, pt, 'form');

    // Sending an empty form names what is missing.
    await patientPage.getByRole('button', { name: 'Send my answers' }).click();
    await visible(patientPage.getByText('9 questions still need an answer.'));

    for (let n = 1; n <= 8; n++) await answerItem(patientPage, n, 'Several days');
    await answerItem(patientPage, 9, 'Several days');
    await answerItem(patientPage, 10, 'Somewhat difficult');
    await patientPage.getByRole('button', { name: 'Send my answers' }).click();

    // Crisis guidance first, with the emergency numbers exactly as the engine words them.
    const crisis = patientPage.getByRole('alert').filter({ hasText: 'PHQ-9 item 9' });
    await visible(crisis);
    await visible(crisis.getByText(/call your local emergency number \(for example 911/));
    await visible(patientPage.getByRole('heading', { name: 'Thank you. Your answers are saved.' }));
    await visible(patientPage.getByText('Your score is 9, on a scale from 0 to 27.'));
    await visible(
      patientPage.getByText('That is in the range called “Mild depressive symptoms” (5 to 9).'),
    );
    const mine = patientPage.getByRole('region', { name: 'Your results' });
    await visible(mine.getByText(/^1 answer\. Latest: 9 on /));
    await visited(patientPage, pt, 'result');

    // Answered: no longer due on Today; the crisis message is among the patient's own alerts.
    await patientPage.getByRole('link', { name: 'Back to Today' }).click();
    await visible(heading(patientPage, 'Today'));
    await visible(patientPage.getByText('You are not alone', { exact: false }));
    expect(
      await patientPage.getByRole('region', { name: 'Questionnaires to answer' }).count(),
    ).toBe(0);

    // --- The prescriber sees the score, the trend table and the alert. ---
    await doctor.reload();
    await visible(heading(doctor, patient.name));
    await visible(section.getByText(/^Next due /));
    const trend = section.getByRole('region', { name: PHQ9 });
    await visible(trend.getByText(/^1 answer\. Latest: 9 on .*Range: Mild depressive symptoms\.$/));
    await trend.getByText('Show the scores as a table').click();
    await visible(trend.getByRole('cell', { name: 'Mild depressive symptoms' }));
    await visible(doctor.getByText('PHQ-9 item 9: thoughts of death or self-harm').first());
    await visited(doctor, dr, 'results');
  });
});
