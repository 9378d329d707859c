/**
 * Integration-test harness: a real Steady app on a fresh, migrated database — in-memory PGlite,
 * or (when TEST_DATABASE_URL is set) a throwaway database on that PostgreSQL server — driven
 * through `inject()`. Each call makes an isolated database, so test files run in parallel.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { buildApp } from '../app.js';
import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/client.js';

export type DatabaseKind = 'pglite' | 'postgres';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The databases the integration suites run on: PGlite always, PostgreSQL when configured. */
export const DATABASES: readonly { kind: DatabaseKind; skipReason: string | null }[] = [
  { kind: 'pglite', skipReason: null },
  {
    kind: 'postgres',
    skipReason:
      TEST_DATABASE_URL === undefined
        ? 'skipped: set TEST_DATABASE_URL to run this suite on PostgreSQL'
        : null,
  },
];

export interface TestClock {
  now: () => Date;
  set(instant: string | Date): void;
  advance(ms: number): void;
}

export function testClock(start = '2026-03-10T12:00:00.000Z'): TestClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}

export interface Harness {
  readonly app: FastifyInstance;
  readonly database: Database;
  readonly clock: TestClock;
  readonly config: Config;
  close(): Promise<void>;
}

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `steady_test_${randomUUID().replaceAll('-', '')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** A Steady app on a fresh database. `env` overrides configuration (e.g. login limits). */
export async function createHarness(
  kind: DatabaseKind,
  env: Record<string, string> = {},
): Promise<Harness> {
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    STEADY_DATA_DIR: '/nonexistent',
    // Suites move the clock by hours and days between requests: no idle timeout unless a
    // suite sets one (auth.int.test.ts does).
    STEADY_SESSION_IDLE_MINUTES: String(60 * 24 * 365),
    STEADY_PATIENT_IDLE_MINUTES: String(60 * 24 * 365),
    STEADY_REQUIRE_MFA: 'off', // suites about the second factor turn it on (auth/mfa/)
    ...env,
  });
  const clock = testClock();
  let drop: (() => Promise<void>) | null = null;
  let database: Database;
  if (kind === 'postgres') {
    if (TEST_DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
    const fresh = await freshPostgres(TEST_DATABASE_URL);
    drop = fresh.drop;
    database = await openDatabase({ kind: 'postgres', url: fresh.url });
  } else {
    database = await openDatabase({ kind: 'pglite', dataDir: null });
  }
  await database.migrate();
  const app = await buildApp({ config: { ...config, webDir: null }, database, now: clock.now });
  await app.ready();
  return {
    app,
    database,
    clock,
    config,
    close: async () => {
      await app.close();
      await database.close();
      if (drop !== null) await drop();
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token. */
export interface Client {
  readonly userId: string;
  readonly csrfToken: string;
  readonly cookie: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

function clientFor(
  app: FastifyInstance,
  userId: string,
  cookie: string,
  csrfToken: string,
  remoteAddress: string,
): Client {
  // Each client has its own address, like a browser: per-address limits apply per client.
  const request = (options: InjectOptions) =>
    app.inject({
      remoteAddress,
      ...options,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
    });
  return {
    userId,
    csrfToken,
    cookie,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload) =>
      request(
        payload === undefined
          ? { method: 'POST', url }
          : { method: 'POST', url, payload: payload as object },
      ),
    put: (url, payload) => request({ method: 'PUT', url, payload: payload as object }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

let counter = 0;

/** A fresh client address per call: suites sign up and in more often than one address may. */
function nextAddress(): string {
  counter += 1;
  return `10.${String((counter >> 16) & 255)}.${String((counter >> 8) & 255)}.${String(counter & 255)}`;
}

/** A signed-in client from a sign-in or registration answer. */
function clientFromAuth(
  app: FastifyInstance,
  res: LightMyRequestResponse,
  what: string,
  remoteAddress: string,
): Client {
  const ok = what === 'register' ? 201 : 200;
  if (res.statusCode !== ok)
    throw new Error(`${what} failed: ${String(res.statusCode)} ${res.body}`);
  const json = res.json<{ user: { id: string }; csrfToken: string }>();
  const setCookie = res.cookies.find((c) => c.name === 'steady_session');
  if (setCookie === undefined) throw new Error('no session cookie');
  return clientFor(
    app,
    json.user.id,
    `steady_session=${setCookie.value}`,
    json.csrfToken,
    remoteAddress,
  );
}

/** Sign in an existing account and return its client. */
export async function signIn(
  app: FastifyInstance,
  email: string,
  password = 'a long enough password',
): Promise<Client> {
  const remoteAddress = nextAddress();
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email, password },
    remoteAddress,
  });
  return clientFromAuth(app, res, 'login', remoteAddress);
}

/** Register through a patient's caregiver invitation and return the caregiver's client. */
export async function registerCaregiver(
  app: FastifyInstance,
  invitationCode: string,
  displayName = 'Casey Caregiver',
): Promise<Client> {
  const remoteAddress = nextAddress();
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: {
      email: `caregiver-${randomUUID().slice(0, 8)}@example.org`,
      password: 'a long enough password',
      displayName,
      timeZone: 'Europe/London',
      invitationCode,
    },
    remoteAddress,
  });
  return clientFromAuth(app, res, 'register', remoteAddress);
}

/** Register a new patient and return a signed-in client. */
export async function registerPatient(
  app: FastifyInstance,
  overrides: { email?: string; timeZone?: string; displayName?: string; password?: string } = {},
): Promise<Client> {
  const n = counter + 1;
  const body = {
    email: overrides.email ?? `patient${String(n)}-${randomUUID().slice(0, 8)}@example.org`,
    password: overrides.password ?? 'a long enough password',
    displayName: overrides.displayName ?? `Patient ${String(n)}`,
    timeZone: overrides.timeZone ?? 'America/New_York',
  };
  // Each registration comes from its own address: suites register more patients than the
  // per-address sign-up rate limit allows in a minute, which is not what they test.
  const remoteAddress = nextAddress();
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: body,
    remoteAddress,
  });
  return clientFromAuth(app, res, 'register', remoteAddress);
}

/** A valid regimen body: 5 mg tablets at 08:00, 14:00 and 20:00 from `startDate`. */
export function regimenBody(startDate: string, overrides: Record<string, unknown> = {}) {
  return {
    formulation: 'tab5',
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    asNeeded: null,
    startDate,
    endDate: null,
    prescriber: 'Dr. Rivera',
    indication: 'Muscle spasm',
    reason: 'As prescribed',
    ...overrides,
  };
}

/** A valid check-in body. */
export function checkInBody(overrides: Record<string, unknown> = {}) {
  return {
    idempotencyKey: randomUUID(),
    pain: 5,
    spasm: 4,
    sleepQuality: 6,
    anxiety: 3,
    mood: 6,
    sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
    fall: 'none',
    breathingProblem: false,
    otherSideEffect: null,
    activities: ['walking'],
    note: null,
    ...overrides,
  };
}
