/**
 * Issue 6 — the visit summary PDF with a year of data. The real app on a migrated in-memory
 * PGlite (the integration-test harness, its fixed clock), one patient with a year of doses and
 * check-ins (bench/lib/patientYear.ts), requests made in-process with `inject()`:
 *   - GET …/reports/visit-summary.pdf over the whole year, every section: median of N runs;
 *   - the same over the last 30 days (a typical visit);
 *   - baseline: GET …/chart over the same year (the same rows read, answered as JSON);
 *   - the year's PDF split into its phases: reading the data, charts to SVG, layout + PDF.
 * With TEST_DATABASE_URL set, the year's PDF and its baseline are measured on PostgreSQL too.
 */
import { FULL_CONSENT } from '../packages/server/src/careteam/consent.js';
import type { AppContext } from '../packages/server/src/context.js';
import type { PatientAccess } from '../packages/server/src/http/policy.js';
import { painTrendOption, renderSvg } from '../packages/server/src/reports/charts.js';
import { buildDocument } from '../packages/server/src/reports/document.js';
import { loadReport } from '../packages/server/src/reports/load.js';
import { renderPdf } from '../packages/server/src/reports/pdf.js';
import { REPORT_SECTIONS } from '../packages/server/src/reports/sections.js';
import {
  createHarness,
  type DatabaseKind,
  type Harness,
} from '../packages/server/src/testing/harness.js';
import { addDays } from '@steady/core';
import { getOk, PATIENT_ZONE, seedPatientYear, type PatientYear } from './lib/patientYear.js';
import type { Benchmark, BenchResult, Figure } from './lib/report.js';
import { envInt } from './lib/env.js';
import { timeRuns } from './lib/timing.js';

const SETTINGS = { runs: envInt('BENCH_REPORT_RUNS', 10), warmup: 2 };

/** Time `SETTINGS.runs` calls after `SETTINGS.warmup` untimed ones. */
const timed = (fn: () => Promise<unknown>) => timeRuns(SETTINGS, fn);

/** The patient's own access, as the guard would build it (the patient sees everything). */
function accessOf(patient: PatientYear): PatientAccess {
  return {
    user: {
      id: patient.patientId,
      email: 'bench@example.org',
      displayName: 'Bench Patient',
      role: 'patient',
      discipline: null,
      timeZone: PATIENT_ZONE,
      clinicId: null,
    },
    patientId: patient.patientId,
    timeZone: PATIENT_ZONE,
    as: 'patient',
    linkId: null,
    consent: FULL_CONSENT,
    categories: [],
  };
}

async function phases(h: Harness, patient: PatientYear) {
  const ctx: AppContext = { db: h.database.db, config: h.config, now: h.clock.now };
  const request = {
    from: patient.from,
    to: patient.today,
    sections: REPORT_SECTIONS,
    paper: 'A4',
  } as const;
  const data = await loadReport(ctx, accessOf(patient), request);
  const trend = data.painTrend;
  return {
    load: await timed(() => loadReport(ctx, accessOf(patient), request)),
    chart: await timed(() =>
      Promise.resolve(trend === undefined ? '' : renderSvg(painTrendOption(trend))),
    ),
    render: await timed(() => renderPdf(buildDocument(data))),
  };
}

async function measure(kind: DatabaseKind, log: (line: string) => void, split: boolean) {
  const h = await createHarness(kind);
  try {
    const started = performance.now();
    const patient = await seedPatientYear(h);
    log(
      `  ${kind}: seeded ${String(patient.counts.doseEvents)} dose events and ${String(patient.counts.checkIns)} check-ins in ${(performance.now() - started).toFixed(0)} ms`,
    );
    const base = `/api/patients/${patient.patientId}`;
    const year = `from=${patient.from}&to=${patient.today}`;
    const yearUrl = `${base}/reports/visit-summary.pdf?${year}`;
    const monthUrl = `${base}/reports/visit-summary.pdf?from=${addDays(patient.today, -29)}&to=${patient.today}`;
    const pdf = await getOk(patient, yearUrl, /^application\/pdf/);
    log(`  ${kind}: PDF of the year, ${String(SETTINGS.runs)} runs…`);
    const pdfYear = await timed(() => getOk(patient, yearUrl, /^application\/pdf/));
    const pdfMonth = await timed(() => getOk(patient, monthUrl, /^application\/pdf/));
    log(`  ${kind}: baseline GET /chart over the same year…`);
    const chartYear = await timed(() =>
      getOk(patient, `${base}/chart?${year}`, /^application\/json/),
    );
    return {
      patient,
      bytes: pdf.length,
      pdfYear,
      pdfMonth,
      chartYear,
      phases: split ? await phases(h, patient) : null,
    };
  } finally {
    await h.close();
  }
}

async function run(log: (line: string) => void): Promise<BenchResult> {
  log(`  settings: ${JSON.stringify(SETTINGS)}`);
  const pglite = await measure('pglite', log, true);
  const postgres =
    process.env.TEST_DATABASE_URL === undefined ? null : await measure('postgres', log, false);
  if (postgres === null) log('  postgres: skipped (set TEST_DATABASE_URL to include it)');
  const n = `n=${String(SETTINGS.runs)}, sequential, in-process`;
  const figures: Figure[] = [
    {
      metric: 'history: dose events / check-ins',
      value: pglite.patient.counts.doseEvents,
      unit: 'rows',
      note: `${String(pglite.patient.counts.checkIns)} check-ins, 1 patient-year`,
    },
    {
      metric: 'visit summary PDF, a year, every section: median (PGlite)',
      value: pglite.pdfYear.median,
      unit: 'ms',
      note: n,
    },
    { metric: '… p95 (PGlite)', value: pglite.pdfYear.p95, unit: 'ms' },
    { metric: '… size', value: pglite.bytes / 1024, unit: 'KiB' },
    {
      metric: 'visit summary PDF, last 30 days: median (PGlite)',
      value: pglite.pdfMonth.median,
      unit: 'ms',
      note: n,
    },
    {
      metric: 'baseline GET /chart, the same year as JSON: median (PGlite)',
      value: pglite.chartYear.median,
      unit: 'ms',
      note: 'the same rows read, no PDF',
    },
    {
      metric: 'ratio PDF year / chart JSON year (PGlite)',
      value: pglite.pdfYear.median / pglite.chartYear.median,
      unit: '×',
      note: 'what making the document costs over reading the data',
    },
    ...(pglite.phases === null
      ? []
      : [
          {
            metric: '  phase: read the data (loadReport)',
            value: pglite.phases.load.median,
            unit: 'ms',
          },
          {
            metric: '  phase: pain chart to SVG (ECharts SSR)',
            value: pglite.phases.chart.median,
            unit: 'ms',
          },
          {
            metric: '  phase: layout + PDF (pdfmake)',
            value: pglite.phases.render.median,
            unit: 'ms',
          },
        ]),
    {
      metric: 'visit summary PDF, a year: median (PostgreSQL)',
      value: postgres?.pdfYear.median ?? null,
      unit: 'ms',
      ...(postgres === null ? { note: 'set TEST_DATABASE_URL' } : {}),
    },
    {
      metric: 'ratio PDF year / chart JSON year (PostgreSQL)',
      value: postgres === null ? null : postgres.pdfYear.median / postgres.chartYear.median,
      unit: '×',
    },
  ];
  return {
    name: 'report',
    title: 'Visit summary PDF with a year of data',
    figures,
    details: {
      settings: SETTINGS,
      pglite: { ...pglite, patient: pglite.patient.counts },
      postgres: postgres === null ? null : { ...postgres, patient: postgres.patient.counts },
    },
  };
}

export const reportBenchmark: Benchmark = {
  name: 'report',
  description: 'visit summary PDF generation time with a year of data (issue 6)',
  run,
};
