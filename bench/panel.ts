/**
 * Issue 4 — the clinician panel at scale. N patients (BENCH_PATIENTS, default 10,000; on PGlite
 * BENCH_PGLITE_PATIENTS, default the same) each with a year of doses and check-ins, all linked
 * to one prescriber, seeded in bulk SQL; then GET /api/clinician/patients (first page of 50,
 * the default), a name search and `?alert=any`, sequential keep-alive requests over HTTP on
 * 127.0.0.1. Also times `recomputeAlerts` for a few seeded patient-years (the work each write
 * schedules). PGlite always; PostgreSQL when TEST_DATABASE_URL is set.
 */
import { recomputeAlerts } from '../packages/server/src/alerts/recompute.js';
import {
  addClinician,
  contextOf,
  createClinicFixture,
} from '../packages/server/src/testing/careteam.js';
import { createHarness, type DatabaseKind } from '../packages/server/src/testing/harness.js';
import { listenLocal } from './lib/http.js';
import { runLoad, type RequestSpec } from './lib/load.js';
import { seedPanel, type PanelSeed } from './lib/panelSeed.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { summarize, type TimingSummary } from './lib/stats.js';
import { envInt } from './lib/env.js';

const PATIENTS = envInt('BENCH_PATIENTS', 10_000);
const SETTINGS = {
  patients: PATIENTS,
  pglitePatients: envInt('BENCH_PGLITE_PATIENTS', PATIENTS),
  requests: envInt('BENCH_PANEL_REQUESTS', 100),
  warmup: 10,
  recomputeSamples: 10,
};
/** The harness clock's day (2026-03-10T12:00Z) in the seed's zone. */
const TODAY = '2026-03-10';

interface Measured {
  readonly seed: PanelSeed;
  readonly panel: TimingSummary;
  readonly search: TimingSummary;
  readonly alertAny: TimingSummary;
  readonly recompute: TimingSummary;
  readonly firstPage: { crisisFirst: boolean; rows: number; total: number };
}

async function measure(kind: DatabaseKind, patients: number, log: (l: string) => void) {
  const h = await createHarness(kind);
  try {
    const clinic = await createClinicFixture(h, 'Bench clinic');
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Bench');
    log(`  ${kind}: seeding ${String(patients)} patient-years…`);
    const seed = await seedPanel(h.database.db, doctor.userId, patients, TODAY, log);
    log(
      `  ${kind}: ${String(seed.doseEvents)} dose events, ${String(seed.checkIns)} check-ins, ${String(seed.alerts)} alerts in ${seed.seconds.toFixed(0)} s`,
    );
    const base = await listenLocal(h.app);
    const first = await doctor.get('/api/clinician/patients');
    const body = first.json<{
      patients: { topAlert: { crisis: boolean } | null }[];
      total: number;
    }>();
    if (first.statusCode !== 200) throw new Error(`panel: ${String(first.statusCode)}`);
    const get = (query: string): RequestSpec => ({
      url: `${base}/api/clinician/patients${query}`,
      method: 'GET',
      headers: { cookie: doctor.cookie },
      expectStatus: 200,
    });
    const run = async (query: string) => {
      const r = await runLoad({
        kind: 'sequential',
        spec: get(query),
        warmup: SETTINGS.warmup,
        count: SETTINGS.requests,
      });
      if (Object.keys(r.unexpected).length > 0) throw new Error(JSON.stringify(r.unexpected));
      return summarize(r.latenciesMs);
    };
    log(`  ${kind}: GET /api/clinician/patients…`);
    const panel = await run('');
    const search = await run('?q=Patient%20004');
    const alertAny = await run('?alert=any');
    const ctx = contextOf(h);
    const { sql } = await import('drizzle-orm');
    const raw: unknown = await h.database.db.execute(
      sql`select id from users where role = 'patient' order by email limit ${SETTINGS.recomputeSamples}`,
    );
    const times: number[] = [];
    for (const { id } of (raw as { rows: { id: string }[] }).rows) {
      const t0 = performance.now();
      await recomputeAlerts(ctx, id);
      times.push(performance.now() - t0);
    }
    return {
      seed,
      panel,
      search,
      alertAny,
      recompute: summarize(times),
      firstPage: {
        crisisFirst: body.patients[0]?.topAlert?.crisis === true,
        rows: body.patients.length,
        total: body.total,
      },
    } satisfies Measured;
  } finally {
    await h.close();
  }
}

function figures(label: string, m: Measured | null, note: string): Figure[] {
  const skip = m === null ? { note } : {};
  const n = m === null ? '' : `N=${String(m.seed.patients)}, `;
  return [
    {
      metric: `panel page of 50, p50 (${label})`,
      value: m?.panel.median ?? null,
      unit: 'ms',
      ...(m === null
        ? skip
        : { note: `${n}${String(m.seed.doseEvents)} doses, ${String(m.seed.checkIns)} check-ins` }),
    },
    {
      metric: `panel page of 50, p95 (${label})`,
      value: m?.panel.p95 ?? null,
      unit: 'ms',
      ...skip,
    },
    {
      metric: `panel ?q= search, p50 / p95 (${label})`,
      value: m?.search.median ?? null,
      unit: 'ms',
      ...(m === null ? skip : { note: `p95 ${m.search.p95.toFixed(1)} ms` }),
    },
    {
      metric: `panel ?alert=any, p50 / p95 (${label})`,
      value: m?.alertAny.median ?? null,
      unit: 'ms',
      ...(m === null ? skip : { note: `p95 ${m.alertAny.p95.toFixed(1)} ms` }),
    },
    {
      metric: `recomputeAlerts per patient-year, p50 (${label})`,
      value: m?.recompute.median ?? null,
      unit: 'ms',
      ...(m === null
        ? skip
        : { note: `max ${m.recompute.max.toFixed(1)} ms, n=${String(m.recompute.count)}` }),
    },
    { metric: `seeding time (${label})`, value: m?.seed.seconds ?? null, unit: 's', ...skip },
  ];
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  log(`  settings: ${JSON.stringify(SETTINGS)}`);
  const pglite = await measure('pglite', SETTINGS.pglitePatients, log);
  const postgres =
    process.env.TEST_DATABASE_URL === undefined
      ? null
      : await measure('postgres', SETTINGS.patients, log);
  if (postgres === null) log('  postgres: skipped (set TEST_DATABASE_URL to include it)');
  return {
    name: 'panel',
    title: 'Clinician panel with N patient-years linked to one prescriber (HTTP on 127.0.0.1)',
    figures: [
      ...figures('PGlite', pglite, ''),
      ...figures('PostgreSQL', postgres, 'set TEST_DATABASE_URL'),
    ],
    details: { settings: SETTINGS, pglite, postgres },
  };
}

export const panelBenchmark: Benchmark = {
  name: 'panel',
  description:
    'GET /api/clinician/patients p50/p95 with N (default 10,000) patient-years; recomputeAlerts per patient',
  run,
};
