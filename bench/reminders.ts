/**
 * Issue 7 item 7 — scheduling and dispatch for 10,000 patients with 3–4 doses a day.
 * A migrated database (in-memory PGlite; PostgreSQL too with TEST_DATABASE_URL) gets 10,000
 * patients in five time zones, written straight to the tables. Then, in one run:
 *   (a) planning: one pass of the planner over a whole day for every patient (what reminders
 *       are due, without the notified ones) — reminders planned per second;
 *   (b) one routine planning pass (the default 30 s period's window) — how much of the period
 *       a pass over 10,000 patients uses;
 *   (c) dispatch at the worst moment: every patient has a dose at the same instant T0 (08:00
 *       in Berlin is 02:00 in New York, …, so each patient's local time differs). The real
 *       scheduler (pg-boss, real time) plans, fires and queues pushes; for each stored
 *       notification lag = stored − due. Reported: reminders per second from T0 until the
 *       last is stored, lag median / p95 / max, and the ratio of the dispatch rate to the
 *       average rate 10,000 patients need (3.5 doses a day).
 * Patients have no push devices here: the push step only records "no device" (bench/push is
 * not measured; see docs/push.md). Nothing here asserts on timing.
 */
import { randomUUID } from 'node:crypto';
import { DEFAULT_REMINDER_SETTINGS, localDateOf, localTimeOf } from '@steady/core';
import { and, gte, sql } from 'drizzle-orm';
import { notifications, regimenVersions, users } from '../packages/server/src/db/schema.js';
import { planReminders } from '../packages/server/src/reminders/planner.js';
import { startReminderScheduler } from '../packages/server/src/reminders/scheduler.js';
import {
  createHarness,
  type DatabaseKind,
  type Harness,
} from '../packages/server/src/testing/harness.js';
import { envInt } from './lib/env.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { percentile } from './lib/stats.js';

const SETTINGS = {
  patients: envInt('BENCH_REMINDER_PATIENTS', 10_000),
  planSeconds: 30,
  /** Seconds from the start of the dispatch run to T0: time for the first passes to plan it. */
  leadSeconds: envInt('BENCH_REMINDER_LEAD_S', 45),
};

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'UTC', 'Australia/Sydney'];

/** "HH:mm" plus whole hours, wrapping at midnight. */
function plusHours(time: string, hours: number): string {
  const h = (Number(time.slice(0, 2)) + hours) % 24;
  return `${String(h).padStart(2, '0')}${time.slice(2)}`;
}

/**
 * 10,000 patients, each with one regimen: a dose at T0's local time and two or three more
 * (3–4 a day), written in chunks straight to the tables.
 */
async function seed(h: Harness, t0: Date): Promise<number> {
  const db = h.database.db;
  const now = new Date();
  let doses = 0;
  for (let start = 0; start < SETTINGS.patients; start += 1000) {
    const people = [];
    const versions = [];
    for (let i = start; i < Math.min(start + 1000, SETTINGS.patients); i += 1) {
      const id = randomUUID();
      const zone = ZONES[i % ZONES.length] ?? 'UTC';
      const first = localTimeOf(t0.toISOString(), zone);
      const times = [first, plusHours(first, 6), plusHours(first, 12)];
      if (i % 2 === 0) times.push(plusHours(first, 16));
      doses += times.length;
      people.push({
        id,
        email: `bench-${String(i)}@patients.example`,
        passwordHash: 'not-a-real-hash',
        displayName: `Bench Patient ${String(i)}`,
        role: 'patient' as const,
        timeZone: zone,
      });
      versions.push({
        id: randomUUID(),
        patientId: id,
        version: 1,
        formulation: 'tab5' as const,
        doses: times.map((time) => ({ time, amountMg: 5 })),
        asNeeded: null,
        startDate: localDateOf(new Date(now.getTime() - 2 * 86_400_000).toISOString(), zone),
        endDate: null,
        prescriber: 'Dr. Bench',
        indication: 'Muscle spasm',
        reason: 'Benchmark',
        enteredBy: id,
        createdAt: new Date(now.getTime() - 86_400_000),
      });
    }
    await db.insert(users).values(people);
    await db.insert(regimenVersions).values(versions);
  }
  return doses / SETTINGS.patients;
}

async function countSince(h: Harness, since: Date) {
  return h.database.db.$count(notifications, gte(notifications.dueAt, since));
}

async function measure(kind: DatabaseKind, log: (line: string) => void) {
  const h = await createHarness(kind);
  try {
    const startedAt = Date.now();
    const t0 = new Date(Math.ceil((startedAt + SETTINGS.leadSeconds * 1000) / 60_000) * 60_000);
    log(`  ${kind}: seeding ${String(SETTINGS.patients)} patients`);
    const dosesPerDay = await seed(h, t0);

    // (a) a whole day's plan, nothing notified yet.
    let planned = 0;
    const dayStart = performance.now();
    const dayFrom = new Date(t0.getTime() + 60_000);
    await planReminders(h.database.db, dayFrom, new Date(dayFrom.getTime() + 86_400_000), (p) => {
      planned += p.length;
      return Promise.resolve();
    });
    const daySeconds = (performance.now() - dayStart) / 1000;
    log(`  ${kind}: planned a day (${String(planned)} reminders) in ${daySeconds.toFixed(1)} s`);

    // (b) one routine pass: catch-up window back, two periods and a margin ahead.
    const passStart = performance.now();
    const now = new Date();
    await planReminders(
      h.database.db,
      new Date(now.getTime() - 15 * 60_000),
      new Date(now.getTime() + (2 * SETTINGS.planSeconds + 5) * 1000),
      () => Promise.resolve(),
    );
    const passSeconds = (performance.now() - passStart) / 1000;

    // (c) the burst at T0 with the real scheduler.
    const lags: number[] = [];
    const ctx = { db: h.database.db, config: h.config, now: () => new Date() };
    const scheduler = await startReminderScheduler(ctx, h.database.jobs, h.app.log, {
      planSeconds: SETTINGS.planSeconds,
    });
    log(`  ${kind}: waiting for T0 = ${t0.toISOString()}`);
    const deadline = t0.getTime() + 10 * 60_000;
    let stored = 0;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      stored = await countSince(h, t0);
      if (stored >= SETTINGS.patients) break;
    }
    await scheduler.stop();
    const rows = await h.database.db
      .select({ dueAt: notifications.dueAt, createdAt: notifications.createdAt })
      .from(notifications)
      .where(and(gte(notifications.dueAt, t0), sql`${notifications.kind} = 'dose'`));
    for (const r of rows) lags.push((r.createdAt.getTime() - r.dueAt.getTime()) / 1000);
    const lastStored = Math.max(...rows.map((r) => r.createdAt.getTime()));
    const clearSeconds = (lastStored - t0.getTime()) / 1000;
    const rate = rows.length / Math.max(clearSeconds, 1);
    const neededRate = (SETTINGS.patients * dosesPerDay) / 86_400;
    return {
      kind,
      dosesPerDay,
      planned,
      daySeconds,
      passSeconds,
      stored: rows.length,
      clearSeconds,
      rate,
      neededRate,
      lag:
        lags.length === 0
          ? null
          : {
              median: percentile(lags, 50),
              p95: percentile(lags, 95),
              max: Math.max(...lags),
            },
    };
  } finally {
    await h.close();
  }
}

type Measured = Awaited<ReturnType<typeof measure>>;

function figures(m: Measured): Figure[] {
  const on = `(${m.kind})`;
  return [
    {
      metric: `planning a day for all patients ${on}`,
      value: m.planned / m.daySeconds,
      unit: 'reminders/s',
      note: `${String(m.planned)} reminders`,
    },
    {
      metric: `routine planning pass ${on}`,
      value: m.passSeconds,
      unit: 's',
      note: `of a ${String(SETTINGS.planSeconds)} s period`,
    },
    {
      metric: `burst: reminders stored ${on}`,
      value: m.stored,
      unit: 'count',
      note: `of ${String(SETTINGS.patients)} due at one instant`,
    },
    { metric: `burst: dispatch rate ${on}`, value: m.rate, unit: 'reminders/s' },
    {
      metric: `burst: dispatch rate / average needed rate ${on}`,
      value: m.rate / m.neededRate,
      unit: '×',
      note: `${m.dosesPerDay.toFixed(1)} doses/patient/day`,
    },
    { metric: `burst: time to store all ${on}`, value: m.clearSeconds, unit: 's' },
    { metric: `burst: lag median ${on}`, value: m.lag?.median ?? null, unit: 's' },
    { metric: `burst: lag p95 ${on}`, value: m.lag?.p95 ?? null, unit: 's' },
    { metric: `burst: lag max ${on}`, value: m.lag?.max ?? null, unit: 's' },
  ];
}

export const remindersBenchmark: Benchmark = {
  name: 'reminders',
  description: 'reminder planning and dispatch for 10,000 patients (pg-boss, real time)',
  async run(log): Promise<BenchResult> {
    const kinds: DatabaseKind[] = process.env.TEST_DATABASE_URL
      ? ['pglite', 'postgres']
      : ['pglite'];
    const results: Measured[] = [];
    for (const kind of kinds) results.push(await measure(kind, log));
    return {
      name: 'reminders',
      title: 'Reminders: 10,000 patients, 3–4 doses a day',
      figures: results.flatMap(figures),
      details: { settings: SETTINGS, defaults: DEFAULT_REMINDER_SETTINGS, results },
    };
  },
};
