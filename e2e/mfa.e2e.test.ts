import type { Browser, CDPSession, Page } from 'playwright-core';
import { TOTP } from 'otpauth';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  checkA11y,
  closePages,
  launchBrowser,
  newSmallPhonePage,
  snap,
  type PhonePage,
} from './support/browser.js';
import { createClinicianArgs, type Clinician } from './support/clinician.js';
import { heading, visible } from './support/patient.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Issue 9 item 5 (second factor): with enforcement on (the default), a clinician without a
 * second factor must add one right after the password. One adds a passkey — Chromium's virtual
 * authenticator (CDP WebAuthn domain) stands in for the phone's fingerprint sensor — signs out
 * and signs in with password + passkey. Another sets up an authenticator app (codes computed
 * here with the same RFC 6238 library) and signs in with password + code. 360×740 screenshots
 * of the enrolment and second-step screens.
 */

const timeZone = 'Europe/London';
const passkeyUser: Clinician = {
  name: 'Dr. Sam Okafor',
  email: 'sam.okafor@riverside.example',
  password: 'correct horse battery staple',
};
const appUser: Clinician = {
  name: 'Dr. Lee Park',
  email: 'lee.park@riverside.example',
  password: 'another correct horse battery',
};

let server: RunningServer;
let browser: Browser;
const contexts: PhonePage[] = [];

beforeAll(async () => {
  server = await startServer({
    env: { STEADY_REQUIRE_MFA: 'on' },
    before: async (steady) => {
      const clinic = await steady([
        'create-clinic',
        '--name',
        'Riverside Pain Clinic',
        '--admin-email',
        'admin@riverside.example',
        '--admin-password',
        'yet another correct horse battery',
      ]);
      const clinicId = /\(id ([0-9a-f-]{36})\)/.exec(clinic)?.[1];
      if (clinicId === undefined) throw new Error(`No clinic id in:\n${clinic}`);
      for (const c of [passkeyUser, appUser]) {
        await steady(createClinicianArgs(c, 'prescriber', timeZone, clinicId));
      }
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
  if (exit.code !== 0) console.warn(`The server did not exit cleanly: ${JSON.stringify(exit)}`);
});

async function openPhone(): Promise<Page> {
  const opened = await newSmallPhonePage(browser, timeZone, 740);
  contexts.push(opened);
  return opened.page;
}

/** Chromium's virtual platform authenticator: a passkey store that always verifies the user. */
async function virtualAuthenticator(page: Page): Promise<{ cdp: CDPSession; id: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return { cdp, id: authenticatorId };
}

/**
 * The app at http://localhost:<port>: an IP address (the 127.0.0.1 the server prints) cannot be
 * a WebAuthn relying-party id, a host name can.
 */
const appUrl = () => server.url.replace('//127.0.0.1:', '//localhost:');

async function passwordStep(page: Page, who: Clinician): Promise<void> {
  await page.goto(appUrl());
  await visible(heading(page, 'Sign in'));
  await page.getByRole('textbox', { name: 'Email' }).fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
}

async function saveRecoveryCodes(page: Page): Promise<string[]> {
  await visible(page.getByText('Save your recovery codes'));
  const codes = await page
    .getByRole('list', { name: 'Recovery codes' })
    .getByRole('listitem')
    .allTextContents();
  expect(codes).toHaveLength(10);
  return codes;
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await visible(heading(page, 'Sign in'));
}

describe('second factor at sign-in', () => {
  test('a clinician adds a passkey, signs out, and signs in with password + passkey', async () => {
    const page = await openPhone();
    const { cdp, id } = await virtualAuthenticator(page);

    await passwordStep(page, passkeyUser);
    await visible(heading(page, 'Add a second step to sign in'));
    await checkA11y(page, 'second factor: enrolment');
    await snap(page, 'mfa-enrol-360');
    await page.getByRole('textbox', { name: 'Name for this passkey' }).fill('Work phone');
    await page.getByRole('button', { name: 'Add a passkey' }).click();
    await saveRecoveryCodes(page);
    await snap(page, 'mfa-recovery-codes-360');
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await visible(heading(page, 'Patients'));
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId: id });
    expect(credentials).toHaveLength(1);

    await signOut(page);
    await passwordStep(page, passkeyUser);
    await visible(heading(page, 'Confirm it’s you'));
    await checkA11y(page, 'second factor: passkey step');
    await snap(page, 'mfa-verify-passkey-360');
    await page.getByRole('button', { name: 'Use my passkey', exact: true }).click();
    await visible(heading(page, 'Patients'));

    // The passkey is listed on Account, with its last use.
    await page.goto(`${appUrl()}/account`);
    await visible(heading(page, 'Account'));
    await visible(page.getByText('Work phone'));
    await expect.poll(() => page.getByText(/last used/).count()).toBe(1);
    await checkA11y(page, 'second factor: Account');
    await snap(page, 'mfa-account-360');
  });

  test('a clinician sets up an authenticator app and signs in with password + code', async () => {
    const page = await openPhone();
    await passwordStep(page, appUser);
    await visible(heading(page, 'Add a second step to sign in'));
    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    await visible(page.getByRole('img', { name: 'QR code to scan with your authenticator app' }));
    await snap(page, 'mfa-enrol-app-360');
    const secret = (await page.getByTestId('totp-secret').textContent()) ?? '';
    const totp = new TOTP({ secret, digits: 6, period: 30, algorithm: 'SHA1' });
    await page
      .getByRole('textbox', { name: 'Then type the 6-digit code the app shows' })
      .fill(totp.generate());
    await page.getByRole('button', { name: 'Finish setting up' }).click();
    await saveRecoveryCodes(page);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await visible(heading(page, 'Patients'));

    await signOut(page);
    await passwordStep(page, appUser);
    await visible(heading(page, 'Confirm it’s you'));
    await snap(page, 'mfa-verify-code-360');
    const field = page.getByRole('textbox', { name: '6-digit code from your authenticator app' });
    // The next 30-second code (accepted one step early): the one used to set up is spent.
    await field.fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Confirm with code' }).click();
    await visible(heading(page, 'Patients'));
  });
});
