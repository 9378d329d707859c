/**
 * Issue 2 — "Today" with a year of history. The real Steady app (buildApp on a migrated
 * in-memory PGlite, via the integration-test harness and its fixed clock) behind a real HTTP
 * listener on 127.0.0.1, driven by a fetch client in a worker thread:
 *   (a) GET /today and GET /history?days=30 latency, sequential keep-alive requests;
 *   (b) POST /doses throughput at a fixed concurrency vs a bare Fastify app, same client.
 * With TEST_DATABASE_URL set, the latency part is repeated on a throwaway PostgreSQL database.
 */
import { bareApp, listenLocal } from './lib/http.js';
import { runLoad, type LoadResult, type RequestSpec } from './lib/load.js';
import type { PatientYear } from './lib/patientYear.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { withSeededApp, type SeededPatients } from './lib/seededServer.js';
import { summarize, type TimingSummary } from './lib/stats.js';
import { envInt } from './lib/env.js';

const SETTINGS = {
  todayRequests: envInt('BENCH_TODAY_REQUESTS', 500),
  historyRequests: envInt('BENCH_HISTORY_REQUESTS', 300),
  warmupRequests: 50,
  concurrency: envInt('BENCH_CONCURRENCY', 16),
  warmupMs: 1_000,
  durationMs: envInt('BENCH_DURATION_MS', 5_000),
};

function describe(r: LoadResult): TimingSummary & { unexpected: LoadResult['unexpected'] } {
  return { ...summarize(r.latenciesMs), unexpected: r.unexpected };
}

/** Throw when a run got answers it should not have: its figures would mean nothing. */
function requireClean(what: string, r: LoadResult): LoadResult {
  if (Object.keys(r.unexpected).length > 0) {
    throw new Error(
      `${what}: unexpected answers ${JSON.stringify(r.unexpected)}: ${r.firstUnexpected ?? ''}`,
    );
  }
  return r;
}

/** One answer checked by hand first: the figures are only worth something for a real Today. */
async function todaySample(patient: PatientYear) {
  const res = await patient.client.get(`/api/patients/${patient.patientId}/today`);
  const body = res.json<{ slots: { status: string }[]; extras: unknown[]; regimen: unknown }>();
  if (res.statusCode !== 200 || body.slots.length !== 3 || body.regimen === null) {
    throw new Error(`unexpected Today answer ${String(res.statusCode)}: ${res.body.slice(0, 300)}`);
  }
  return {
    bytes: res.body.length,
    slots: body.slots.map((s) => s.status),
    extras: body.extras.length,
  };
}

async function sequentialGet(base: string, patient: PatientYear, path: string, count: number) {
  const spec: RequestSpec = {
    url: `${base}/api/patients/${patient.patientId}${path}`,
    method: 'GET',
    headers: { cookie: patient.client.cookie },
    expectStatus: 200,
  };
  const r = await runLoad({ kind: 'sequential', spec, warmup: SETTINGS.warmupRequests, count });
  return describe(requireClean(`GET ${path}`, r));
}

/** Today and history for the patient-year, and Today for the patient without logs. */
async function readLatencies(base: string, { year, empty }: SeededPatients) {
  const sample = await todaySample(year);
  const today = await sequentialGet(base, year, '/today', SETTINGS.todayRequests);
  const todayNoLogs = await sequentialGet(base, empty, '/today', SETTINGS.todayRequests);
  const history = await sequentialGet(base, year, '/history?days=30', SETTINGS.historyRequests);
  return { sample, today, todayNoLogs, history };
}

const doseBody = { kind: 'extra', slotKey: null, amountMg: 2.5, reason: 'Back spasm (bench)' };

function postSpec(base: string, patient: PatientYear | null, prefix: string): RequestSpec {
  return {
    url: `${base}/api/patients/${patient?.patientId ?? 'bare'}/doses`,
    method: 'POST',
    headers:
      patient === null
        ? {}
        : { cookie: patient.client.cookie, 'x-csrf-token': patient.client.csrfToken },
    body: doseBody,
    uniqueField: 'idempotencyKey',
    uniquePrefix: prefix,
    expectStatus: 201,
  };
}

async function postThroughput(spec: RequestSpec, what: string) {
  const r = requireClean(
    what,
    await runLoad({
      kind: 'throughput',
      spec,
      concurrency: SETTINGS.concurrency,
      warmupMs: SETTINGS.warmupMs,
      durationMs: SETTINGS.durationMs,
    }),
  );
  return { requestsPerSecond: r.requestsPerSecond, requests: r.ok, latency: describe(r) };
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  log(`  settings: ${JSON.stringify(SETTINGS)}`);
  const pglite = await withSeededApp('pglite', log, async (base, patients) => {
    const patient = patients.year;
    log('  pglite: GET /today and /history latency…');
    const latency = await readLatencies(base, patients);
    log(`  pglite: POST /doses throughput at concurrency ${String(SETTINGS.concurrency)}…`);
    const single = requireClean(
      'POST /doses (sequential)',
      await runLoad({
        kind: 'sequential',
        spec: postSpec(base, patient, `steady-seq-${String(Date.now())}`),
        warmup: SETTINGS.warmupRequests,
        count: SETTINGS.historyRequests,
      }),
    );
    const steady = await postThroughput(
      postSpec(base, patient, `steady-${String(Date.now())}`),
      'POST /doses (Steady)',
    );
    return { latency, steady, postSequential: describe(single) };
  });

  log('  bare Fastify: POST throughput…');
  const bare = await bareApp();
  let bareThroughput: Awaited<ReturnType<typeof postThroughput>>;
  try {
    const base = await listenLocal(bare);
    bareThroughput = await postThroughput(postSpec(base, null, 'bare'), 'POST (bare Fastify)');
  } finally {
    await bare.close();
  }

  let postgres: {
    latency: Awaited<ReturnType<typeof readLatencies>>;
    steady: Awaited<ReturnType<typeof postThroughput>>;
  } | null = null;
  if (process.env.TEST_DATABASE_URL !== undefined) {
    const pg = await withSeededApp('postgres', log, async (base, patients) => {
      const patient = patients.year;
      log('  postgres: GET /today and /history latency, POST /doses throughput…');
      const pgLatency = await readLatencies(base, patients);
      const prefix = `steady-pg-${String(Date.now())}`;
      return {
        latency: pgLatency,
        steady: await postThroughput(postSpec(base, patient, prefix), 'POST /doses (PostgreSQL)'),
      };
    });
    postgres = pg.measured;
  } else {
    log('  postgres: skipped (set TEST_DATABASE_URL to include it)');
  }

  const { latency, steady, postSequential } = pglite.measured;
  const ratio = steady.requestsPerSecond / bareThroughput.requestsPerSecond;
  const pgNote = 'set TEST_DATABASE_URL';
  const figures: Figure[] = [
    {
      metric: 'history: dose events / check-ins',
      value: pglite.patients.year.counts.doseEvents,
      unit: 'rows',
      note: `${String(pglite.patients.year.counts.checkIns)} check-ins, 1 patient-year`,
    },
    {
      metric: 'GET /today latency, median (PGlite)',
      value: latency.today.median,
      unit: 'ms',
      note: `n=${String(latency.today.count)}, sequential`,
    },
    { metric: 'GET /today latency, p95 (PGlite)', value: latency.today.p95, unit: 'ms' },
    {
      metric: 'GET /today, median, same regimens, no logs (PGlite)',
      value: latency.todayNoLogs.median,
      unit: 'ms',
      note: 'second patient, same database',
    },
    {
      metric: 'ratio Today year of logs / no logs (PGlite)',
      value: latency.today.median / latency.todayNoLogs.median,
      unit: '×',
      note: '1.0 = history costs Today nothing',
    },
    {
      metric: 'GET /history?days=30, median (PGlite)',
      value: latency.history.median,
      unit: 'ms',
      note: `n=${String(latency.history.count)}`,
    },
    { metric: 'GET /history?days=30, p95 (PGlite)', value: latency.history.p95, unit: 'ms' },
    {
      metric: 'POST /doses latency, median, one at a time (PGlite)',
      value: postSequential.median,
      unit: 'ms',
      note: `n=${String(postSequential.count)}, extra doses`,
    },
    {
      metric: 'POST /doses throughput, Steady (PGlite)',
      value: steady.requestsPerSecond,
      unit: 'req/s',
      note: `concurrency ${String(SETTINGS.concurrency)}, ${String(steady.requests)} requests`,
    },
    {
      metric: 'POST throughput, bare Fastify',
      value: bareThroughput.requestsPerSecond,
      unit: 'req/s',
      note: `same client, ${String(bareThroughput.requests)} requests`,
    },
    {
      metric: 'ratio Steady / bare (POST)',
      value: ratio,
      unit: '×',
      note: 'share of bare Fastify throughput',
    },
    {
      metric: 'GET /today latency, median (PostgreSQL)',
      value: postgres?.latency.today.median ?? null,
      unit: 'ms',
      ...(postgres === null ? { note: pgNote } : {}),
    },
    {
      metric: 'GET /today latency, p95 (PostgreSQL)',
      value: postgres?.latency.today.p95 ?? null,
      unit: 'ms',
      ...(postgres === null ? { note: pgNote } : {}),
    },
    {
      metric: 'GET /history?days=30, median (PostgreSQL)',
      value: postgres?.latency.history.median ?? null,
      unit: 'ms',
      ...(postgres === null ? { note: pgNote } : {}),
    },
    {
      metric: 'POST /doses throughput, Steady (PostgreSQL)',
      value: postgres?.steady.requestsPerSecond ?? null,
      unit: 'req/s',
      note:
        postgres === null
          ? pgNote
          : `concurrency ${String(SETTINGS.concurrency)}; server shares the 2 cores`,
    },
    {
      metric: 'ratio Steady on PostgreSQL / bare (POST)',
      value:
        postgres === null
          ? null
          : postgres.steady.requestsPerSecond / bareThroughput.requestsPerSecond,
      unit: '×',
      ...(postgres === null ? { note: pgNote } : {}),
    },
  ];
  return {
    name: 'today',
    title: 'Today and dose logging with a year of history (server, HTTP on 127.0.0.1)',
    figures,
    details: {
      settings: SETTINGS,
      dataset: {
        from: pglite.patients.year.from,
        today: pglite.patients.year.today,
        ...pglite.patients.year.counts,
      },
      pglite: { ...latency, postDosesSequential: postSequential, postDoses: steady },
      bareFastify: { post: bareThroughput },
      ratioSteadyOverBare: ratio,
      postgres,
    },
  };
}

export const todayBenchmark: Benchmark = {
  name: 'today',
  description:
    'GET /today and /history latency with a patient-year of data; POST /doses throughput vs bare Fastify',
  run,
};
