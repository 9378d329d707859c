/**
 * No data leaves without being asked (issue 9): the built server runs its main flows — sign-up,
 * regimen, doses, check-in, care-team invitation, messages, report PDF, FHIR and data exports,
 * calendar feed, the web page and API docs, and dose reminders with the scheduler on — with
 * every outbound connection blocked and recorded (scripts/no-network.mjs, preloaded with
 * `--import`), apart from loopback and the configured push and SMTP hosts. The list of attempts
 * must stay empty. See docs/security-tests.md.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { repoRoot, startServer, type RunningServer } from './support/server.js';

const preload = path.join(repoRoot, 'scripts', 'no-network.mjs');
const PASSWORD = 'a long enough password';

let dir: string;
let logFile: string;
let server: RunningServer | undefined;

/** Every connection or look-up the preload refused and recorded, one per line. */
function attempts(file: string): { kind: string; destination: string; stack: string[] }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { kind: string; destination: string; stack: string[] });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'steady-outbound-'));
  logFile = path.join(dir, 'attempts.jsonl');
  server = await startServer({
    env: {
      NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`,
      STEADY_NO_NETWORK_LOG: logFile,
      // Push and SMTP are allowed where configured; nothing is configured here but loopback.
      STEADY_NO_NETWORK_ALLOW: '',
      STEADY_REMINDER_PLAN_SECONDS: '1',
    },
  });
});
afterAll(async () => {
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

/** A cookie session against the running server, failing loudly on any unexpected status. */
async function session(base: string, path: string, body: object) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status, `${path} ${await res.clone().text()}`).toBeLessThan(300);
  const { user, csrfToken } = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const call = async (method: string, url: string, payload?: object) => {
    const r = await fetch(`${base}${url}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    const text = await r.text();
    expect(r.status, `${method} ${url} ${text.slice(0, 300)}`).toBeLessThan(300);
    return { text, headers: r.headers, json: (): unknown => JSON.parse(text) };
  };
  return {
    userId: user.id,
    get: (url: string) => call('GET', url),
    post: (url: string, payload: object = {}) => call('POST', url, payload),
    put: (url: string, payload: object) => call('PUT', url, payload),
  };
}

/** The current minute in UTC as HH:MM, and today's date. */
function nowUtc() {
  const iso = new Date().toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}

describe('outbound network', () => {
  test('the preload blocks and records a connection to the outside', async () => {
    const probeLog = path.join(dir, 'probe.jsonl');
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [
        `--import=${pathToFileURL(preload).href}`,
        '-e',
        "fetch('https://example.org/').then(() => console.log('reached'), () => console.log('blocked'))",
      ],
      { env: { ...process.env, STEADY_NO_NETWORK_LOG: probeLog }, timeout: 30_000 },
    );
    expect(stdout.trim()).toBe('blocked');
    expect(attempts(probeLog).map((a) => a.destination)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^example\.org/) as string]),
    );
  });

  test('the main flows work and nothing connects outside', async () => {
    if (server === undefined) throw new Error('server not started');
    const base = server.url;
    const { date, time } = nowUtc();
    const patient = await session(base, '/api/auth/register', {
      email: `outbound-${randomUUID().slice(0, 8)}@example.org`,
      password: PASSWORD,
      displayName: 'Olive Outbound',
      timeZone: 'UTC',
    });
    const p = `/api/patients/${patient.userId}`;

    // A regimen with a dose at the current minute: the scheduler plans and fires its reminder.
    await patient.post(`${p}/regimen`, {
      formulation: 'tab5',
      doses: [{ time, amountMg: 5 }],
      asNeeded: null,
      startDate: date,
      endDate: null,
      prescriber: 'Dr. Rivera',
      indication: 'Muscle spasm',
      reason: 'As prescribed',
    });
    await patient.put(`${p}/profile`, { dateOfBirth: '1958-02-03', sleepApnea: true });
    await patient.post(`${p}/medications`, { name: 'Paracetamol', dose: '500 mg' });
    await patient.post(`${p}/checkins`, {
      idempotencyKey: randomUUID(),
      pain: 6,
      spasm: 5,
      sleepQuality: 4,
      anxiety: 3,
      mood: 5,
      sideEffects: {
        drowsiness: 'mild',
        dizziness: 'none',
        unsteadiness: 'none',
        confusion: 'none',
      },
      fall: 'none',
      breathingProblem: false,
      otherSideEffect: null,
      activities: ['walking'],
      note: 'Stiff this morning',
    });

    // Care team: an invitation, a caregiver signing up with it, messages both ways.
    const invitation = await patient.post(`${p}/invitations`, { memberKind: 'caregiver' });
    const code = (invitation.json() as { invitation: { code: string } }).invitation.code;
    const caregiver = await session(base, '/api/auth/register', {
      email: `carer-${randomUUID().slice(0, 8)}@example.org`,
      password: PASSWORD,
      displayName: 'Cam Carer',
      timeZone: 'UTC',
      invitationCode: code,
    });
    const created = await patient.post(`${p}/threads`, {
      idempotencyKey: randomUUID(),
      subject: 'Evening dose',
      body: 'Felt sleepy after the evening dose',
      audience: 'team',
    });
    const thread = (created.json() as { thread: { id: string } }).thread.id;
    await caregiver.post(`${p}/threads/${thread}/messages`, {
      idempotencyKey: randomUUID(),
      body: 'Noted, let us mention it at the visit',
    });
    await caregiver.get(`${p}/regimen`);

    // Exports: the visit report PDF, FHIR, the data export and the calendar feed.
    const pdf = await patient.get(
      `${p}/reports/visit-summary.pdf?from=${date}&to=${date}&paper=A4`,
    );
    expect(pdf.headers.get('content-type')).toMatch(/application\/pdf/);
    const bundle = await patient.get(`/fhir/Patient/${patient.userId}/$everything`);
    expect(bundle.json()).toMatchObject({ resourceType: 'Bundle' });
    await patient.post(`${p}/exports`, { kind: 'account' });
    const feed = (await patient.post(`${p}/calendar-feed`)).json() as { url: string };
    const ics = await fetch(`${base}${new URL(feed.url).pathname}`);
    expect(ics.status).toBe(200);

    // The web page and the API docs.
    expect((await fetch(`${base}/`)).status).toBe(200);
    expect((await fetch(`${base}/api/docs/`)).status).toBe(200);

    // The reminder for the dose due this minute is planned and stored by the scheduler (not
    // taken yet, so it is due)…
    await expect
      .poll(
        async () => {
          const centre = await patient.get('/api/me/notifications?limit=20');
          return (centre.json() as { notifications: unknown[] }).notifications.length;
        },
        { timeout: 60_000, interval: 500 },
      )
      .toBeGreaterThan(0);

    // …and the dose it reminds of is logged.
    await patient.post(`${p}/doses`, {
      idempotencyKey: randomUUID(),
      kind: 'taken',
      slotKey: `${date}T${time}`,
    });

    // The guard was loaded in the server process, and it recorded nothing.
    expect(readFileSync(`${logFile}.pids`, 'utf8').trim()).toMatch(/^\d+/);
    expect(attempts(logFile)).toEqual([]);
  });
});
