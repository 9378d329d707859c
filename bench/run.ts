/**
 * `npm run bench` runs every benchmark; `npm run bench -- today` (or `core`) runs one.
 * Prints the machine, then a table per benchmark, and writes the results as JSON to
 * bench/results/<name>-<timestamp>.json (git-ignored). Figures come from this one run; the
 * ratios compare measurements of the same run. Nothing here asserts on timing.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { coreBenchmark } from './core.js';
import { fhirBenchmark } from './fhir.js';
import {
  figuresTable,
  machineFacts,
  type Benchmark,
  type BenchResult,
  type MachineFacts,
} from './lib/report.js';
import { panelBenchmark } from './panel.js';
import { remindersBenchmark } from './reminders.js';
import { reportBenchmark } from './report.js';
import { todayBenchmark } from './today.js';

const BENCHMARKS: readonly Benchmark[] = [
  todayBenchmark,
  coreBenchmark,
  panelBenchmark,
  reportBenchmark,
  fhirBenchmark,
  remindersBenchmark,
];
const RESULTS_DIR = path.join(import.meta.dirname, 'results');

function usage(): string {
  const lines = BENCHMARKS.map((b) => `  ${b.name.padEnd(8)} ${b.description}`);
  return ['Usage: npm run bench [-- <name>…]', '', 'Benchmarks:', ...lines].join('\n');
}

function selected(args: readonly string[]): readonly Benchmark[] | null {
  if (args.length === 0) return BENCHMARKS;
  const chosen = args.map((name) => BENCHMARKS.find((b) => b.name === name));
  return chosen.every((b) => b !== undefined) ? chosen : null;
}

async function save(
  result: BenchResult,
  startedAt: Date,
  durationS: number,
  machine: MachineFacts,
): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const stamp = startedAt
    .toISOString()
    .replaceAll(':', '-')
    .replace(/\.\d+Z$/, 'Z');
  const file = path.join(RESULTS_DIR, `${result.name}-${stamp}.json`);
  const json = {
    ...result,
    startedAt: startedAt.toISOString(),
    durationSeconds: durationS,
    machine,
  };
  await writeFile(file, `${JSON.stringify(json, null, 2)}\n`);
  return file;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--');
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage());
    return 0;
  }
  const benchmarks = selected(args);
  if (benchmarks === null) {
    console.error(`Unknown benchmark in: ${args.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const m = machineFacts();
  console.log(
    `Machine: Node ${m.node}, ${String(m.cpus)} CPUs (${m.cpuModel}), ${String(m.totalMemoryGiB)} GiB RAM, ${m.platform} ${m.arch}`,
  );
  for (const bench of benchmarks) {
    console.log(`\n== ${bench.name}: ${bench.description}`);
    // Read before the run: during it the benchmark's own threads count in the load average.
    const machine = machineFacts();
    if (machine.loadAverage1m > 0.5) {
      console.log(
        `  note: 1-min load average ${String(machine.loadAverage1m)} before this run (a benchmark that just ended counts too); if something else uses the CPUs, figures are noisy`,
      );
    }
    const startedAt = new Date();
    const t0 = performance.now();
    const result = await bench.run((line) => {
      console.log(line);
    });
    const durationS = (performance.now() - t0) / 1000;
    console.log(`\n${result.title} (${durationS.toFixed(1)} s)\n`);
    console.log(figuresTable(result.figures));
    const file = await save(result, startedAt, durationS, machine);
    console.log(`\nSaved ${path.relative(process.cwd(), file)}`);
  }
  return 0;
}

process.exitCode = await main();
