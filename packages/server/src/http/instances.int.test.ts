/**
 * Two Steady instances on one PostgreSQL database, as behind a load balancer (issue 9): sessions,
 * care-team access and alerts stay consistent whichever instance a request reaches. Each
 * instance has its own app and connection pool; they share the database and the clock.
 *
 * Covered elsewhere, not repeated here: reminders fire once across two instances
 * (reminders/scheduler.int.test.ts) and the per-account sign-in lockout holds across two
 * instances (auth/auth.int.test.ts, "sign-in throttle across two instances").
 */
import { randomUUID } from 'node:crypto';
import { and, eq, ne } from 'drizzle-orm';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { recomputeAlerts } from '../alerts/recompute.js';
import { buildApp } from '../app.js';
import { FULL_CONSENT } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { openDatabase, type Database } from '../db/client.js';
import { alerts } from '../db/schema.js';
import { addClinician, createClinicFixture, link, revoke } from '../testing/careteam.js';
import {
  checkInBody,
  createHarness,
  DATABASES,
  regimenBody,
  registerPatient,
  signIn,
  type Client,
  type Harness,
} from '../testing/harness.js';

const skipReason = DATABASES.find((d) => d.kind === 'postgres')?.skipReason ?? null;
const PASSWORD = 'a long enough password';

interface Alert {
  readonly id: string;
  readonly signalId: string;
  readonly status: string;
}

/** The same signed-in browser, its request sent to another instance. */
function via(app: FastifyInstance, client: Client) {
  const headers = { cookie: client.cookie, 'x-csrf-token': client.csrfToken };
  return {
    get: (url: string): Promise<LightMyRequestResponse> =>
      app.inject({ method: 'GET', url, headers }),
    post: (url: string, payload?: object): Promise<LightMyRequestResponse> =>
      app.inject({
        method: 'POST',
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      }),
  };
}

describe.skipIf(skipReason !== null)(
  `two Steady instances on one PostgreSQL database${skipReason === null ? '' : ` (${skipReason})`}`,
  () => {
    let h: Harness;
    let second: Database;
    let appB: FastifyInstance;
    const a = () => h.app;
    const b = () => appB;
    const contexts = (): AppContext[] => [
      { db: h.database.db, config: h.config, now: h.clock.now },
      { db: second.db, config: h.config, now: h.clock.now },
    ];

    beforeAll(async () => {
      h = await createHarness('postgres');
      const jobs = h.database.jobs;
      if (jobs.kind !== 'postgres') throw new Error('expected PostgreSQL');
      second = await openDatabase({ kind: 'postgres', url: jobs.url });
      appB = await buildApp({
        config: { ...h.config, webDir: null },
        database: second,
        now: h.clock.now,
      });
      await appB.ready();
    });
    afterAll(async () => {
      await appB.close();
      await second.close();
      await h.close();
    });

    describe('sessions', () => {
      it('a session made on one instance works on the other', async () => {
        const patient = await registerPatient(a());
        const res = await via(b(), patient).get('/api/session');
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json<{ user: { id: string } }>().user.id).toBe(patient.userId);
      });

      it('signing out on one instance ends the session on the other', async () => {
        const patient = await registerPatient(a());
        expect((await via(b(), patient).post('/api/auth/logout')).statusCode).toBe(204);
        expect((await via(a(), patient).get('/api/session')).statusCode).toBe(401);
        expect((await via(b(), patient).get('/api/session')).statusCode).toBe(401);
      });

      it('"sign out everywhere" on one instance ends the sessions made on the other', async () => {
        const email = `twin-${randomUUID().slice(0, 8)}@example.org`;
        const onA = await registerPatient(a(), { email, password: PASSWORD });
        const phone = await signIn(b(), email, PASSWORD);
        const laptop = await signIn(b(), email, PASSWORD);
        for (const session of [phone, laptop]) {
          expect((await via(a(), session).get('/api/session')).statusCode).toBe(200);
        }
        const ended = await via(a(), onA).post('/api/me/sessions/revoke-all');
        expect(ended.statusCode, ended.body).toBe(204);
        for (const session of [onA, phone, laptop]) {
          for (const app of [a(), b()]) {
            expect((await via(app, session).get('/api/session')).statusCode).toBe(401);
          }
        }
      });
    });

    describe('care team and alerts', () => {
      let patient: Client;
      let doctor: Client;
      let base: string;

      const alertsOn = async (app: FastifyInstance, as: Client): Promise<Alert[]> => {
        const res = await via(app, as).get(`${base}/alerts`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json<{ alerts: Alert[] }>().alerts;
      };
      /** The unresolved alert rows of the patient, straight from the database. */
      const storedAlerts = () =>
        h.database.db
          .select({ dedupeKey: alerts.dedupeKey })
          .from(alerts)
          .where(and(eq(alerts.patientId, patient.userId), ne(alerts.status, 'resolved')));

      beforeAll(async () => {
        const clinic = await createClinicFixture(h, 'Twin Clinic');
        doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Twin');
        patient = await registerPatient(a(), { displayName: 'Tess Twin' });
        base = `/api/patients/${patient.userId}`;
        const regimen = await patient.post(`${base}/regimen`, regimenBody('2026-03-01'));
        expect(regimen.statusCode, regimen.body).toBe(201);
        await link(patient, doctor, FULL_CONSENT);
      });

      it('an alert raised by a write on one instance reaches the clinician on the other', async () => {
        const severe = {
          sideEffects: {
            drowsiness: 'severe',
            dizziness: 'none',
            unsteadiness: 'none',
            confusion: 'none',
          },
        };
        const checkIn = await via(a(), patient).post(`${base}/checkins`, checkInBody(severe));
        expect(checkIn.statusCode, checkIn.body).toBe(201);
        // Instance A recomputes after its quiet period (at most alerts/queue.ts maxWaitMs);
        // instance B has nothing queued and reads what A stored.
        await vi.waitFor(
          async () => {
            const seen = (await alertsOn(b(), doctor)).map((x) => x.signalId);
            expect(seen).toContain('SIG-SIDE-EFFECT');
          },
          { timeout: 30_000, interval: 200 },
        );

        // And the other way round: a dose above the prescribed total logged on B, seen on A.
        const dose = await via(b(), patient).post(`${base}/doses`, {
          idempotencyKey: randomUUID(),
          kind: 'extra',
          slotKey: null,
          amountMg: 20,
          reason: 'Bad spasm',
        });
        expect(dose.statusCode, dose.body).toBe(201);
        await vi.waitFor(
          async () => {
            const seen = (await alertsOn(a(), doctor)).map((x) => x.signalId);
            expect(seen).toContain('SIG-DOSE-ESC/daily-total');
          },
          { timeout: 30_000, interval: 200 },
        );
      });

      it('recomputing on both instances at once opens each alert once', async () => {
        h.clock.advance(24 * 60 * 60_000);
        // New evidence for several signals, then both instances recompute at the same moment,
        // several times over (their own queues run too).
        const med = await via(a(), doctor).post(`${base}/medications`, {
          name: 'Oxycodone',
          dose: '5 mg',
        });
        expect(med.statusCode, med.body).toBe(201);
        const fall = await via(b(), patient).post(
          `${base}/checkins`,
          checkInBody({ fall: 'fall' }),
        );
        expect(fall.statusCode, fall.body).toBe(201);
        await Promise.all(
          Array.from({ length: 4 }, () =>
            contexts().map((ctx) => recomputeAlerts(ctx, patient.userId)),
          ).flat(),
        );
        const keys = (await storedAlerts()).map((r) => r.dedupeKey);
        expect(keys).toContain('SIG-RISK-MOD/opioid');
        expect(new Set(keys).size).toBe(keys.length);

        // What each instance shows the clinician: the same list, no signal twice.
        const onA = await alertsOn(a(), doctor);
        const onB = await alertsOn(b(), doctor);
        expect(onB.map((x) => x.id).sort()).toEqual(onA.map((x) => x.id).sort());
        const signals = onA.map((x) => x.signalId);
        expect(new Set(signals).size).toBe(signals.length);
      });

      it('a clinician removed from the care team on one instance is shut out on the other', async () => {
        const other = await registerPatient(b(), { displayName: 'Rue Revoke' });
        const linkId = await link(other, doctor, FULL_CONSENT);
        const path = `/api/patients/${other.userId}/alerts`;
        expect((await via(a(), doctor).get(path)).statusCode).toBe(200);
        await revoke(other, linkId);
        for (const app of [a(), b()]) {
          expect((await via(app, doctor).get(path)).statusCode).toBe(404);
        }
      });
    });
  },
);
