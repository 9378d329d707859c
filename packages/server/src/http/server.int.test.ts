/**
 * The real server lifecycle (startServer → listen → stop), on a real port: one writer per
 * embedded data directory, and a graceful stop that lets in-flight requests finish before the
 * database closes.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config.js';
import { DataDirLockedError } from '../db/lock.js';
import { startServer, type RunningServer } from '../server.js';
import { DATABASES, TEST_DATABASE_URL } from '../testing/harness.js';

const PASSWORD = 'a long enough password';

/** POST JSON with fetch; the server is real, so this goes over TCP. */
async function postJson(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: await res.json() };
}

const registration = (email: string) => ({
  email,
  password: PASSWORD,
  displayName: 'Lifecycle',
  timeZone: 'Europe/Paris',
});

/**
 * Start a registration whose body arrives in two parts, and resolve `received` once the server
 * has the request: it is then in flight until `finish()` sends the rest.
 */
function slowRegistration(server: RunningServer, email: string) {
  const payload = JSON.stringify(registration(email));
  const received = new Promise<void>((resolve) => {
    server.app.server.once('request', () => {
      resolve();
    });
  });
  const { port } = server.app.server.address() as { port: number };
  // Keep-alive like a browser, with no client-side idle timeout: only the server can end it.
  const agent = new http.Agent({ keepAlive: true });
  const req = http.request({
    agent,
    host: '127.0.0.1',
    port,
    method: 'POST',
    path: '/api/auth/register',
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
  });
  const response = new Promise<{ status: number; body: string; connection?: string }>(
    (resolve, reject) => {
      req.once('response', (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.once('end', () => {
          resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection });
        });
      });
      req.once('error', reject);
    },
  );
  req.write(payload.slice(0, 10));
  return {
    received,
    response,
    finish: () => {
      req.end(payload.slice(10));
    },
    close: () => {
      agent.destroy();
    },
  };
}

/** Resolves with 'pending' if `promise` has not settled once pending I/O has had a turn. */
async function stateOf(promise: Promise<unknown>): Promise<'pending' | 'settled'> {
  const pending = Symbol('pending');
  const winner = await Promise.race([
    promise.then(
      () => null,
      () => null,
    ),
    new Promise((resolve) => {
      setTimeout(() => {
        resolve(pending);
      }, 200);
    }),
  ]);
  return winner === pending ? 'pending' : 'settled';
}

for (const { kind, skipReason } of DATABASES) {
  describe.skipIf(skipReason !== null)(
    `server lifecycle on ${kind}${skipReason === null ? '' : ` (${skipReason})`}`,
    () => {
      let dataDir: string;
      let config: Config;
      let dropDatabase = async () => {};
      beforeAll(async () => {
        dataDir = await mkdtemp(path.join(tmpdir(), 'steady-server-'));
        const env: Record<string, string> = {
          PORT: '0',
          HOST: '127.0.0.1',
          LOG_LEVEL: 'silent',
          STEADY_DATA_DIR: dataDir,
          // A directory without index.html: API only.
          STEADY_WEB_DIR: dataDir,
        };
        if (kind === 'postgres' && TEST_DATABASE_URL !== undefined) {
          const name = `steady_test_${randomUUID().replaceAll('-', '')}`;
          const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
          await admin.connect();
          await admin.query(`create database ${name}`);
          await admin.end();
          const url = new URL(TEST_DATABASE_URL);
          url.pathname = `/${name}`;
          env.DATABASE_URL = url.toString();
          dropDatabase = async () => {
            const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
            await c.connect();
            await c.query(`drop database if exists ${name} with (force)`);
            await c.end();
          };
        }
        config = loadConfig(env);
      });
      afterAll(async () => {
        await dropDatabase();
        await rm(dataDir, { recursive: true, force: true });
      });
      const lockFile = () => path.join(dataDir, 'steady.lock');

      it('serves on a free port and is ready', async () => {
        const server = await startServer(config);
        try {
          expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
          expect(server.url).not.toMatch(/:0$/);
          const res = await fetch(`${server.url}/readyz`);
          expect(res.status).toBe(200);
          expect(await res.json()).toEqual({ status: 'ready', database: kind });
          expect(existsSync(lockFile())).toBe(kind === 'pglite');
        } finally {
          await server.stop();
        }
        expect(existsSync(lockFile())).toBe(false);
      });

      if (kind === 'pglite') {
        it('refuses a second server on the same data directory, then starts once the first stopped', async () => {
          const first = await startServer(config);
          const email = `first-${randomUUID().slice(0, 8)}@example.org`;
          try {
            expect(
              (await postJson(`${first.url}/api/auth/register`, registration(email))).status,
            ).toBe(201);
            await expect(startServer(config)).rejects.toBeInstanceOf(DataDirLockedError);
            await expect(startServer(config)).rejects.toThrow(/already using the data directory/);
            // The refused attempt left the first server and its lock alone.
            expect((await fetch(`${first.url}/readyz`)).status).toBe(200);
            expect(existsSync(lockFile())).toBe(true);
          } finally {
            await first.stop();
          }
          expect(existsSync(lockFile())).toBe(false);

          // The database was closed cleanly: a new server opens it and finds the account.
          const second = await startServer(config);
          try {
            const login = await postJson(`${second.url}/api/auth/login`, {
              email,
              password: PASSWORD,
            });
            expect(login.status).toBe(200);
          } finally {
            await second.stop();
          }
        });
      } else {
        it('lets several servers share one PostgreSQL database (no data-directory lock)', async () => {
          const first = await startServer(config);
          const second = await startServer(config);
          try {
            const email = `shared-${randomUUID().slice(0, 8)}@example.org`;
            expect(
              (await postJson(`${first.url}/api/auth/register`, registration(email))).status,
            ).toBe(201);
            const login = await postJson(`${second.url}/api/auth/login`, {
              email,
              password: PASSWORD,
            });
            expect(login.status).toBe(200);
          } finally {
            await Promise.all([first.stop(), second.stop()]);
          }
        });
      }

      it('finishes a request in flight before stopping, then closes the database', async () => {
        const server = await startServer(config);
        const email = `inflight-${randomUUID().slice(0, 8)}@example.org`;
        const slow = slowRegistration(server, email);
        await slow.received;

        const stopping = server.stop();
        // Stopping waits for the request; new connections are no longer accepted.
        expect(await stateOf(stopping)).toBe('pending');
        await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

        slow.finish();
        const response = await slow.response;
        expect(response.status).toBe(201);
        expect(JSON.parse(response.body)).toMatchObject({ user: { email } });
        // Otherwise the kept-alive socket would hold the stop open for the keep-alive timeout
        // (72 s, past this test's timeout).
        expect(response.connection).toBe('close');
        await stopping;
        slow.close();
        expect(existsSync(lockFile())).toBe(false);
        // stop() is idempotent.
        await server.stop();

        // The registration committed before the database closed.
        const again = await startServer(config);
        try {
          const login = await postJson(`${again.url}/api/auth/login`, {
            email,
            password: PASSWORD,
          });
          expect(login.status).toBe(200);
        } finally {
          await again.stop();
        }
      });
    },
  );
}
