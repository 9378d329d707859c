import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  afternoonTimeZone,
  closePages,
  launchBrowser,
  localDate,
  newDesktopPage,
  newPhonePage,
  type PhonePage,
} from './support/browser.js';
import { createClinicianArgs, openPatientTab, signInClinician } from './support/clinician.js';
import {
  choose,
  heading,
  newPatient,
  openTab,
  visible,
  visited,
  type Visit,
} from './support/patient.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Issue 4 (care team), the parts that exist now: a clinician invites a patient, the patient
 * accepts with one consent category switched off, the prescriber enters the regimen, the patient
 * logs a dose and checks in, the clinician sees what is shared and only that, the patient's
 * access log lists the clinician's views, sharing is switched on, a fall in a check-in raises an
 * alert the clinician acknowledges, the patient tells the care team about it (from the alert's
 * message on Today), the clinician reads and replies, the patient reads the reply, and finally the
 * patient removes the clinician.
 */

const CLINIC = 'Riverside Pain Clinic';
const clinician = {
  name: 'Dr. Maria Rivera',
  email: 'maria.rivera@riverside.example',
  password: 'correct horse battery staple',
};
const who = `${clinician.name} (Prescriber)`;
/** The patient and the clinician live in the same (afternoon) zone: the test stays on one day. */
const timeZone = afternoonTimeZone();

let server: RunningServer;
let browser: Browser;
const contexts: PhonePage[] = [];

beforeAll(async () => {
  server = await startServer({
    // The clinic and its clinician exist before anyone opens the app, as after an installation.
    before: async (steady) => {
      const clinic = await steady([
        'create-clinic',
        '--name',
        CLINIC,
        '--admin-email',
        'admin@riverside.example',
        '--admin-password',
        'another correct horse battery',
      ]);
      const clinicId = /\(id ([0-9a-f-]{36})\)/.exec(clinic)?.[1];
      if (clinicId === undefined) throw new Error(`No clinic id in:\n${clinic}`);
      await steady(createClinicianArgs(clinician, 'prescriber', timeZone, clinicId));
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
    console.warn(
      `The server did not exit cleanly on SIGTERM: ${JSON.stringify(exit)}\n${server.output()}`,
    );
  }
});

async function open(kind: 'phone' | 'desktop'): Promise<Page> {
  const opened =
    kind === 'phone'
      ? await newPhonePage(browser, timeZone)
      : await newDesktopPage(browser, timeZone);
  contexts.push(opened);
  return opened.page;
}

/** Open a page from the clinician's main navigation. */
async function openWorkspaceTab(page: Page, name: 'Patients' | 'Invite a patient' | 'Account') {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name, exact: true })
    .click();
  await visible(heading(page, name));
}

/** The 08:00 dose card on the patient's Today page. */
function doseCard(page: Page) {
  return page.getByRole('article', { name: 'Dose at 8:00 AM' });
}

/** A consent switch, by its accessible name ("Share check-ins with Dr. Maria Rivera"). */
function consentSwitch(page: Page, category: string) {
  return page.getByRole('switch', {
    name: `Share ${category} with ${clinician.name}`,
    exact: true,
  });
}

describe('care team', () => {
  test('a clinician invites a patient, sees only what is shared, and loses access when removed', async () => {
    const doctor = await open('desktop');
    const patientPage = await open('phone');
    const patient = newPatient('Alex');
    const dr: Visit = { shots: 'careteam-clinician' };
    const pt: Visit = { shots: 'careteam-patient' };

    // --- The clinician signs in and creates an invitation. ---
    await signInClinician(doctor, server.url, clinician);
    await visible(doctor.getByText('No patients yet.', { exact: false }));
    await visited(doctor, dr, 'patients-empty');

    await openWorkspaceTab(doctor, 'Invite a patient');
    await visited(doctor, dr, 'invite');
    await doctor.getByRole('button', { name: 'Create invitation' }).click();
    await visible(doctor.getByRole('heading', { name: 'Invitation ready' }));
    const code = await doctor.getByRole('textbox', { name: 'Code to share' }).inputValue();
    const link = await doctor.getByRole('textbox', { name: 'Link' }).inputValue();
    expect(code.replaceAll('-', ''), 'a 10-character code').toMatch(/^[0-9A-Z]{10}$/);
    expect(link, 'the link is the join page of this server').toBe(
      `${server.url}/join/${encodeURIComponent(code)}`,
    );
    await visited(doctor, dr, 'invitation-ready');

    // --- A new patient opens the link on a phone and creates an account. ---
    await patientPage.goto(link);
    await visible(heading(patientPage, 'Invitation'));
    await visited(patientPage, pt, 'join-signed-out');
    await patientPage.getByRole('link', { name: 'Create an account' }).click();
    await visible(heading(patientPage, 'Create your account'));
    await patientPage.getByRole('textbox', { name: 'Your name' }).fill(patient.name);
    await patientPage.getByRole('textbox', { name: 'Email' }).fill(patient.email);
    await patientPage.getByLabel('Password', { exact: true }).fill(patient.password);
    await visited(patientPage, pt, 'register');
    await patientPage.getByRole('button', { name: 'Create account' }).click();

    // Back on the invitation: the consent choices, pre-filled with a prescriber's defaults.
    await visible(heading(patientPage, 'Invitation'));
    await visible(
      patientPage.getByText(
        `${clinician.name} (Prescriber, ${CLINIC}) invites you to connect on Steady`,
        { exact: false },
      ),
    );
    await visible(
      patientPage.getByRole('heading', { name: `Choose what ${clinician.name} can see` }),
    );
    await visible(patientPage.getByRole('group', { name: `What ${clinician.name} can see` }));
    const defaults = {
      medications: true,
      'check-ins': true,
      questionnaires: true,
      'journal notes': false,
      'techniques and goals': true,
      messages: true,
    };
    for (const [category, shared] of Object.entries(defaults)) {
      expect(await consentSwitch(patientPage, category).isChecked(), `default: ${category}`).toBe(
        shared,
      );
    }
    await consentSwitch(patientPage, 'check-ins').uncheck();
    expect(await consentSwitch(patientPage, 'check-ins').isChecked()).toBe(false);
    await visited(patientPage, pt, 'join-consent');
    await patientPage.getByRole('button', { name: 'Accept and share' }).click();

    // Care team: the clinician, with check-ins off.
    await visible(heading(patientPage, 'Care team'));
    const card = patientPage.getByRole('article', { name: clinician.name });
    await visible(card);
    await visible(card.getByText(`Prescriber · ${CLINIC}`));
    expect(await consentSwitch(patientPage, 'check-ins').isChecked(), 'check-ins off').toBe(false);
    expect(await consentSwitch(patientPage, 'medications').isChecked(), 'medications on').toBe(
      true,
    );
    await visited(patientPage, pt, 'care-team-linked');

    // A linked prescriber owns the regimen: the patient can ask, not enter it.
    await openTab(patientPage, 'Medications');
    await visible(patientPage.getByText('Your prescriber manages this regimen'));
    await visible(
      patientPage.getByText("Your prescriber hasn't entered your regimen in Steady yet."),
    );
    expect(await patientPage.getByRole('button', { name: 'Save regimen' }).count()).toBe(0);
    await visited(patientPage, pt, 'medications-prescribed');

    // --- The clinician sees the new patient and enters the regimen. ---
    // (The list loaded at sign-in is cached for 30 s: reload, as a clinician waiting would.)
    await openWorkspaceTab(doctor, 'Patients');
    await doctor.reload();
    const row = doctor.getByRole('listitem').filter({
      has: doctor.getByRole('link', { name: patient.name, exact: true }),
    });
    await visible(row);
    await visible(row.getByText('Daily dose: no regimen yet'));
    await visible(row.getByText('Last check-in: not shared'));
    await visited(doctor, dr, 'patients-linked');
    await row.getByRole('link', { name: patient.name, exact: true }).click();
    await visible(heading(doctor, patient.name));
    await visible(doctor.getByText(`Times are in the patient's time zone (${timeZone}).`));
    await openPatientTab(doctor, 'Medications');
    await visible(doctor.getByText('No regimen entered yet.'));
    await visited(doctor, dr, 'patient-new');

    await doctor.getByRole('button', { name: 'Change regimen' }).click();
    await doctor
      .getByRole('combobox', { name: 'Form of diazepam' })
      .selectOption({ label: '5 mg tablet' });
    const dose = doctor.getByRole('group', { name: 'Dose 1' });
    await dose.getByLabel('Time', { exact: true }).fill('08:00');
    await dose.getByRole('textbox', { name: 'Amount (mg)' }).fill('5');
    expect(
      await doctor.getByLabel('Start date').inputValue(),
      "the start date defaults to the patient's today",
    ).toBe(localDate(timeZone));
    await doctor
      .getByRole('textbox', { name: 'Why are you entering or changing this?' })
      .fill('New prescription');
    await visited(doctor, dr, 'regimen-form');
    await doctor.getByRole('button', { name: 'Save regimen' }).click();
    await visible(doctor.getByText('Current: version 1'));
    await visible(doctor.getByText('8:00 AM — 5 mg', { exact: false }).first());
    await visited(doctor, dr, 'regimen-saved');

    // The patient sees the prescribed regimen and who entered it (reload: Medications was
    // opened a moment ago and is cached).
    await patientPage.reload();
    await visible(heading(patientPage, 'Medications'));
    await visible(patientPage.getByText('Current: version 1'));
    await visible(
      patientPage.getByText(
        new RegExp(`^Version 1 — changed by ${clinician.name} on .+: New prescription$`),
      ),
    );
    await visited(patientPage, pt, 'medications-regimen');

    // --- The patient logs the dose and checks in. ---
    await openTab(patientPage, 'Today');
    const today = doseCard(patientPage);
    await visible(today);
    await today.getByRole('button', { name: 'Taken', exact: true }).click();
    await visible(today.getByText(/^Taken at \d{1,2}:\d{2}\s?[AP]M$/));
    await visited(patientPage, pt, 'today-taken');

    await openTab(patientPage, 'Check in');
    await choose(patientPage, 'Pain right now', '4');
    await choose(patientPage, 'Muscle spasm or tension', '3');
    await visited(patientPage, pt, 'checkin-form');
    await patientPage.getByRole('button', { name: 'Save check-in' }).click();
    await visible(patientPage.getByRole('heading', { name: 'Check-in saved' }));
    await visited(patientPage, pt, 'checkin-saved');

    // --- The clinician sees the regimen and the dose, and that pain is not shared. ---
    await doctor.reload();
    await visible(heading(doctor, patient.name));
    await openPatientTab(doctor, 'Medications');
    const todaySection = doctor.getByRole('region', { name: "Today's doses" });
    await visible(todaySection.getByText(/^Taken at \d{1,2}:\d{2}\s?[AP]M$/));
    await openPatientTab(doctor, 'Chart');
    const chart = doctor.getByRole('region', { name: 'Chart: doses, pain and side effects' });
    await visible(
      chart.getByText('Pain, side effects, falls and breathing problems are not shared with you.'),
    );
    await openPatientTab(doctor, 'Log');
    const timeline = doctor.getByRole('region', { name: 'Doses and check-ins' });
    await visible(timeline.getByText(/Took 5 mg/));
    expect(await timeline.getByText(/Check-in: pain/).count(), 'no check-in is shown').toBe(0);
    await visited(doctor, dr, 'patient-checkins-hidden');

    await openWorkspaceTab(doctor, 'Patients');
    await visible(row.getByText('Daily dose: 5 mg'));
    await visible(row.getByText('Last check-in: not shared'));
    await visited(doctor, dr, 'patients-dose');

    // --- The patient's access log lists the clinician's views (and the regimen change). ---
    await openTab(patientPage, 'Care team');
    await patientPage.reload(); // the log loaded when the patient accepted may still be cached
    await visible(heading(patientPage, 'Care team'));
    const log = patientPage.getByRole('region', { name: 'Access log' });
    await visible(log.getByText(`${who} viewed your medications`).first());
    await visible(log.getByText(`${who} changed your medications`).first());
    expect(
      await log.getByText(`${who} viewed your check-ins`).count(),
      'nothing unshared was viewed',
    ).toBe(0);
    await visited(patientPage, pt, 'access-log');

    // --- The patient shares check-ins; the clinician now sees the pain rating. ---
    // The switch is controlled: it moves once the optimistic update lands (a tick after the
    // tap), so tap it and wait for the saved state rather than `check()`, which looks at once.
    await consentSwitch(patientPage, 'check-ins').click();
    await visible(patientPage.getByText(`Saved: ${clinician.name} can now see your check-ins.`));
    expect(await consentSwitch(patientPage, 'check-ins').isChecked(), 'check-ins on').toBe(true);
    await visited(patientPage, pt, 'checkins-shared');

    await row.getByRole('link', { name: patient.name, exact: true }).click();
    await visible(heading(doctor, patient.name));
    await doctor.reload(); // the patient's history seen a moment ago is cached for 30 s
    await visible(heading(doctor, patient.name));
    await openPatientTab(doctor, 'Chart');
    await visible(chart.getByText('4 out of 10'));
    await visible(chart.getByText('1 day with a check-in', { exact: true }));
    await openPatientTab(doctor, 'Log');
    await visible(timeline.getByText(/Check-in: pain 4, spasm 3/));
    await visited(doctor, dr, 'patient-checkins-shared');

    // --- A fall in a check-in raises an alert; the clinician acknowledges it. ---
    await openTab(patientPage, 'Check in');
    await choose(patientPage, 'Pain right now', '5');
    await choose(patientPage, 'Muscle spasm or tension', '4');
    await choose(patientPage, 'Any falls?', 'Fell');
    await patientPage.getByRole('button', { name: 'Save check-in' }).click();
    await visible(patientPage.getByRole('heading', { name: 'Check-in saved' }));
    // The guidance offers to tell the care team, the check-in attached.
    const guidance = patientPage
      .getByRole('alert')
      .filter({ hasText: 'You reported a fall or near fall.' });
    await visible(guidance.getByRole('button', { name: 'Tell my care team', exact: true }));
    await visited(patientPage, pt, 'checkin-fall');

    await doctor.reload();
    await visible(heading(doctor, patient.name));
    await openPatientTab(doctor, 'Chart');
    const fallAlert = doctor.getByRole('article', { name: 'Fall reported', exact: true });
    await visible(fallAlert);
    await visited(doctor, dr, 'alert-open');
    await fallAlert.getByRole('button', { name: 'Acknowledge' }).click();
    await visible(fallAlert.getByText(`acknowledged by ${clinician.name}`, { exact: false }));
    expect(await fallAlert.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await visited(doctor, dr, 'alert-acknowledged');

    // --- The patient tells the care team from the alert's message on Today. ---
    await openTab(patientPage, 'Today');
    const forMe = patientPage.getByRole('region', { name: 'Messages for you' });
    await visible(forMe);
    await visited(patientPage, pt, 'today-alert');
    await forMe.getByRole('button', { name: 'Tell my care team about Fall reported' }).click();
    const compose = patientPage.getByRole('dialog', { name: 'Tell my care team' });
    await visible(compose);
    // What is attached is shown above the message, and who will read it.
    await visible(compose.getByText('Fall reported (since', { exact: false }));
    await visible(compose.getByText(`Your message goes to: ${who}.`));
    expect(await compose.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe(
      'About: Fall reported',
    );
    const question = 'I slipped on the stairs this morning. I am fine. Should I change anything?';
    await compose.getByRole('textbox', { name: 'Message' }).fill(question);
    await visited(patientPage, pt, 'tell-care-team');
    await compose.getByRole('button', { name: 'Send message' }).click();
    await visible(heading(patientPage, 'About: Fall reported'));
    await visible(patientPage.getByText(question));
    await visited(patientPage, pt, 'thread-sent');

    // --- The clinician reads it (the unread count is in the tab's name) and replies. ---
    const nav = (page: Page, name: string) =>
      page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
    await doctor.reload();
    await visible(heading(doctor, patient.name));
    await openPatientTab(doctor, 'Messages');
    await visible(doctor.getByText('1 unread message.'));
    await nav(doctor, 'Messages, 1 unread').click();
    await visible(heading(doctor, 'Messages'));
    const inbox = doctor.getByRole('article', { name: patient.name, exact: true });
    await visible(inbox.getByText('1 new'));
    await visited(doctor, dr, 'messages');
    await inbox.getByRole('link', { name: patient.name, exact: true }).click();
    await visible(heading(doctor, `Messages with ${patient.name}`));
    const threadCard = doctor.getByRole('article', { name: 'About: Fall reported' });
    await visible(threadCard.getByText('1 new'));
    await visited(doctor, dr, 'patient-messages');
    await threadCard.getByRole('link', { name: 'About: Fall reported' }).click();
    await visible(heading(doctor, 'About: Fall reported'));
    await visible(doctor.getByText(question));
    await visible(doctor.getByText('Fall reported (since', { exact: false }));
    // Opening the conversation marked it read.
    await visible(nav(doctor, 'Messages'));
    await visited(doctor, dr, 'thread');
    const answer =
      'Thank you for telling us. Keep your dose as it is; I will call you this afternoon.';
    await doctor.getByRole('textbox', { name: 'Your reply' }).fill(answer);
    await doctor.getByRole('button', { name: 'Send', exact: true }).click();
    await visible(doctor.getByText(answer));
    await expect
      .poll(() => doctor.getByRole('textbox', { name: 'Your reply' }).inputValue())
      .toBe('');
    await visited(doctor, dr, 'thread-replied');

    // --- The patient sees the reply. ---
    await openTab(patientPage, 'Today');
    await patientPage.reload();
    await visible(heading(patientPage, 'Today'));
    await nav(patientPage, 'Messages, 1 unread').click();
    await visible(heading(patientPage, 'Messages'));
    const conversation = patientPage.getByRole('article', { name: 'About: Fall reported' });
    await visible(conversation.getByText('1 new'));
    await visited(patientPage, pt, 'messages');
    await conversation.getByRole('link', { name: 'About: Fall reported' }).click();
    await visible(heading(patientPage, 'About: Fall reported'));
    await visible(patientPage.getByText(answer));
    await visible(patientPage.getByText(`${who},`, { exact: false }));
    await visible(nav(patientPage, 'Messages'));
    await visited(patientPage, pt, 'thread-reply');

    // Both go back: the clinician to the patient's page, the patient to the care team.
    await doctor.getByRole('link', { name: 'All messages' }).click();
    await doctor.getByRole('link', { name: `Back to ${patient.name}` }).click();
    await visible(heading(doctor, patient.name));
    await openTab(patientPage, 'Care team');

    // --- The patient removes the clinician. ---
    await patientPage
      .getByRole('button', { name: `Remove from my care team: ${clinician.name}` })
      .click();
    const dialog = patientPage.getByRole('dialog', {
      name: `Remove ${clinician.name} from your care team?`,
    });
    await visible(dialog);
    await visited(patientPage, pt, 'remove-dialog');
    await dialog.getByRole('button', { name: 'Yes, remove' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await visible(patientPage.getByText(`${clinician.name} is no longer in your care team.`));
    await visible(patientPage.getByRole('heading', { name: 'No longer in your care team' }));
    expect(await patientPage.getByRole('article', { name: clinician.name }).count()).toBe(0);
    await visited(patientPage, pt, 'removed');
    // Once shared, the check-ins the clinician viewed are in the log too.
    await patientPage.reload();
    await visible(heading(patientPage, 'Care team'));
    await visible(log.getByText(`${who} viewed your check-ins`).first());

    // The clinician's list no longer has the patient, and the patient's page is not found.
    const patientUrl = doctor.url();
    await openWorkspaceTab(doctor, 'Patients');
    await doctor.reload();
    await visible(heading(doctor, 'Patients'));
    await visible(doctor.getByText('No patients yet.', { exact: false }));
    expect(await doctor.getByRole('link', { name: patient.name, exact: true }).count()).toBe(0);
    await visited(doctor, dr, 'patients-after-removal');
    await doctor.goto(patientUrl);
    await visible(doctor.getByText("This patient isn't in your list.", { exact: false }));
    expect(await doctor.getByText('Took 5 mg').count(), 'nothing of the patient is shown').toBe(0);
    await visited(doctor, dr, 'patient-removed');
    // Two browsers, some 40 axe runs and screenshots: longer than the suite's default.
  }, 300_000);
});
