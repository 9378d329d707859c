/**
 * Shared fixtures for the dose suites (doses.int.test.ts, corrections.int.test.ts): a New York
 * patient on a fixed regimen, and short-hands for logging, reading back and counting events.
 */
import { count, eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { doseEvents } from '../db/schema.js';
import { registerPatient, regimenBody, type Client, type Harness } from '../testing/harness.js';

export interface DoseEvent {
  id: string;
  kind: 'taken' | 'skipped' | 'extra';
  slotKey: string | null;
  takenAt: string;
  amountMg: number;
  reason: string | null;
  createdAt: string;
  supersedes: string | null;
}
export interface ErrorJson {
  error: { code: string; details?: unknown };
}

export const paths = (json: ErrorJson) =>
  (json.error.details as { path: string }[]).map((d) => d.path.replace(/^\//, ''));

/** The suites' fixtures; `harness` is read on each call (the suite sets it in `beforeAll`). */
export function doseFixtures(harness: () => Harness) {
  /** A New York patient on 3 × 5 mg (08:00, 14:00, 20:00) since 1 March. */
  async function patient(): Promise<Client> {
    const h = harness();
    h.clock.set('2026-03-01T12:00:00.000Z');
    const p = await registerPatient(h.app);
    await p.post(`/api/patients/${p.userId}/regimen`, regimenBody('2026-03-01'));
    h.clock.set('2026-03-10T12:00:00.000Z');
    return p;
  }
  const log = (p: Client, body: Record<string, unknown>) =>
    p.post(`/api/patients/${p.userId}/doses`, body);
  const eventOf = (res: LightMyRequestResponse) => res.json<{ event: DoseEvent }>().event;
  const rows = async (p: Client) => {
    const [r] = await harness()
      .database.db.select({ n: count() })
      .from(doseEvents)
      .where(eq(doseEvents.patientId, p.userId));
    return r?.n;
  };
  const listed = async (p: Client, from: string, to: string) => {
    const res = await p.get(`/api/patients/${p.userId}/doses?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ events: DoseEvent[] }>().events;
  };
  const slotStatus = async (p: Client, date = '2026-03-10') =>
    (await p.get(`/api/patients/${p.userId}/today?date=${date}`))
      .json<{ slots: { status: string; event: DoseEvent | null }[] }>()
      .slots.map((s) => [s.status, s.event?.id ?? null]);
  return { patient, log, eventOf, rows, listed, slotStatus };
}
