/**
 * Crash safety (issue 9): the built server is killed with SIGKILL while several clients log doses
 * at once. After a restart on the same database every acknowledged dose (201) is in the dose log
 * exactly once, retrying every request (acknowledged or not) doubles nothing, and the audit chain
 * is intact. Runs on the embedded database, and on PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import {
  startServer,
  steadyCommand,
  type RunningServer,
  type StartOptions,
} from './support/server.js';

const CLIENTS = 8;
/** Each client stops by itself after this many requests, whether or not the kill came. */
const MAX_REQUESTS_PER_CLIENT = 150;
/** The server is killed once this many doses were acknowledged: mid-stream, with requests in flight. */
const KILL_AFTER_ACKNOWLEDGED = 60;
const PASSWORD = 'correct horse battery staple';

interface Session {
  readonly patientId: string;
  readonly headers: Record<string, string>;
}

interface Attempt {
  readonly key: string;
  readonly body: {
    idempotencyKey: string;
    kind: 'extra';
    slotKey: null;
    amountMg: number;
    reason: string;
  };
}

interface DoseEvent {
  readonly id: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly amountMg: number;
}

async function register(url: string): Promise<Session> {
  const res = await fetch(`${url}/api/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: `crash-${randomUUID()}@example.com`,
      password: PASSWORD,
      displayName: 'Robin Patient',
      timeZone: 'UTC',
    }),
  });
  if (res.status !== 201) throw new Error(`register: ${String(res.status)} ${await res.text()}`);
  const { user, csrfToken } = (await res.json()) as { user: { id: string }; csrfToken: string };
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return {
    patientId: user.id,
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
  };
}

async function post(url: string, session: Session, path: string, body: object) {
  return fetch(`${url}${path}`, {
    method: 'POST',
    headers: session.headers,
    body: JSON.stringify(body),
  });
}

function utcDate(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);
}

async function doseLog(url: string, session: Session): Promise<DoseEvent[]> {
  const res = await fetch(
    `${url}/api/patients/${session.patientId}/doses?from=${utcDate(-1)}&to=${utcDate(1)}`,
    { headers: session.headers },
  );
  if (res.status !== 200) throw new Error(`dose log: ${String(res.status)} ${await res.text()}`);
  return ((await res.json()) as { events: DoseEvent[] }).events;
}

/** The keys whose reason appears in the log, with how often. */
function countByKey(events: readonly DoseEvent[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    const key = /^crash test (\S+)$/.exec(e.reason ?? '')?.[1];
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

interface Load {
  readonly attempts: Attempt[];
  /** Key → the id of the event the server acknowledged with 201 (null: the body was cut off). */
  readonly acknowledged: Map<string, string | null>;
}

/**
 * Several clients log extra doses until the server goes away (or each sent its bounded number of
 * requests); the server is killed once enough were acknowledged.
 */
async function logUntilKilled(server: RunningServer, session: Session): Promise<Load> {
  const attempts: Attempt[] = [];
  const acknowledged = new Map<string, string | null>();
  let killing: Promise<unknown> | null = null;
  const path = `/api/patients/${session.patientId}/doses`;

  const client = async (n: number) => {
    for (let i = 0; i < MAX_REQUESTS_PER_CLIENT && killing === null; i++) {
      const key = randomUUID();
      const body = {
        idempotencyKey: key,
        kind: 'extra' as const,
        slotKey: null,
        amountMg: 0.5 + (n % 4),
        reason: `crash test ${key}`,
      };
      attempts.push({ key, body });
      let res: Response;
      try {
        res = await post(server.url, session, path, body);
      } catch {
        // The connection died with the server: this request is not acknowledged.
        return;
      }
      if (res.status === 201) {
        // The 201 is sent after the commit; the kill may still cut off the body that follows.
        const answer = (await res.json().catch(() => null)) as { event: DoseEvent } | null;
        acknowledged.set(key, answer?.event.id ?? null);
        if (acknowledged.size >= KILL_AFTER_ACKNOWLEDGED) killing ??= server.kill();
      } else {
        throw new Error(`unexpected answer ${String(res.status)}: ${await res.text()}`);
      }
    }
  };

  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  // Waits for the kill above (or kills now if every client ran out of requests first).
  const exit = await server.kill();
  expect(exit).toMatchObject({ signal: 'SIGKILL' });
  return { attempts, acknowledged };
}

async function crashAndRecover(env: Record<string, string>): Promise<void> {
  const options: StartOptions = { env };
  const first = await startServer(options);
  const dataDir = first.dataDir;
  let second: RunningServer | null = null;
  try {
    const session = await register(first.url);
    const regimen = await post(first.url, session, `/api/patients/${session.patientId}/regimen`, {
      formulation: 'tab5',
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
      asNeeded: null,
      startDate: utcDate(-1),
      endDate: null,
      prescriber: 'Dr. Rivera',
      indication: 'Muscle spasm',
      reason: 'As prescribed',
    });
    expect(regimen.status, await regimen.clone().text()).toBe(201);

    const { attempts, acknowledged } = await logUntilKilled(first, session);
    expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKNOWLEDGED);

    // Restart on the same data: the lock of the killed process does not block it.
    second = await startServer({ ...options, dataDir });
    const url = second.url;
    // The session (stored in the database) outlived the crash too.
    const after = await doseLog(url, session);
    const counts = countByKey(after);
    for (const [key, id] of acknowledged) {
      expect(counts.get(key), `acknowledged ${key}`).toBe(1);
      if (id !== null) expect(after.filter((e) => e.id === id)).toHaveLength(1);
    }
    for (const count of counts.values()) expect(count).toBe(1);
    // Whatever was stored was attempted; nothing appeared from nowhere.
    const attempted = new Set(attempts.map((a) => a.key));
    for (const key of counts.keys()) expect(attempted.has(key)).toBe(true);

    // Every client retries everything it sent, acknowledged or not, with the same body.
    const path = `/api/patients/${session.patientId}/doses`;
    for (const attempt of attempts) {
      const res = await post(url, session, path, attempt.body);
      const stored = counts.has(attempt.key);
      expect(res.status, `retry of ${attempt.key}`).toBe(stored ? 200 : 201);
      const { event } = (await res.json()) as { event: DoseEvent };
      const acked = acknowledged.get(attempt.key);
      if (acked !== undefined && acked !== null) expect(event.id).toBe(acked);
    }
    // And once more: every key is now stored, exactly once.
    for (const attempt of attempts) {
      const res = await post(url, session, path, attempt.body);
      expect(res.status).toBe(200);
    }
    const final = countByKey(await doseLog(url, session));
    expect(final.size).toBe(attempts.length);
    for (const count of final.values()) expect(count).toBe(1);

    // The audit chain has no broken link: stop first (the embedded database has one writer).
    await second.stop();
    second = null;
    const steady = steadyCommand({ ...process.env, STEADY_DATA_DIR: dataDir, ...env });
    const verified = await steady(['audit', 'verify']);
    const entries = /audit log intact: (\d+) entries/.exec(verified)?.[1];
    // Every dose stored is in the chain (with the sign-up and the regimen before them).
    expect(Number(entries), verified).toBeGreaterThan(attempts.length);
  } finally {
    await second?.stop();
    await first.kill();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

describe('crash safety', () => {
  test('SIGKILL while 8 clients log doses on the embedded database loses and doubles nothing', async () => {
    await crashAndRecover({});
  });

  describe.skipIf(TEST_DATABASE_URL === undefined)(
    TEST_DATABASE_URL === undefined
      ? 'on PostgreSQL (skipped: set TEST_DATABASE_URL to run it)'
      : 'on PostgreSQL',
    () => {
      test('SIGKILL while 8 clients log doses on PostgreSQL loses and doubles nothing', async () => {
        const admin = TEST_DATABASE_URL ?? '';
        const name = `steady_crash_${randomUUID().replaceAll('-', '')}`;
        const run = async (sql: string) => {
          const client = new pg.Client({ connectionString: admin });
          await client.connect();
          try {
            await client.query(sql);
          } finally {
            await client.end();
          }
        };
        await run(`create database ${name}`);
        const target = new URL(admin);
        target.pathname = `/${name}`;
        try {
          await crashAndRecover({ DATABASE_URL: target.toString() });
        } finally {
          await run(`drop database if exists ${name} with (force)`);
        }
      });
    },
  );
});
