/**
 * The result format every benchmark returns: figures for the table, plus free-form details
 * that only go to the JSON file. Figures are measured in one run; ratios compare figures of
 * the same run, which is what makes them comparable across machines.
 */
import os from 'node:os';

export interface Figure {
  /** What was measured, e.g. "GET /today latency, median". */
  readonly metric: string;
  /** null when the measurement was skipped (see `note`). */
  readonly value: number | null;
  /** "ms", "req/s", "s", "×" (a ratio), "count", … */
  readonly unit: string;
  readonly note?: string;
}

export interface BenchResult {
  readonly name: string;
  readonly title: string;
  readonly figures: readonly Figure[];
  /** Parameters and raw summaries, for the JSON file only. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(log: (line: string) => void): Promise<BenchResult>;
}

export interface MachineFacts {
  readonly node: string;
  readonly platform: string;
  readonly arch: string;
  readonly cpuModel: string;
  readonly cpus: number;
  readonly totalMemoryGiB: number;
  readonly hostname: string;
  /** 1-minute load average when read (before a run): above ~0.5 something else used the CPUs. */
  readonly loadAverage1m: number;
}

export function machineFacts(): MachineFacts {
  const cpus = os.cpus();
  return {
    node: process.version,
    platform: `${os.type()} ${os.release()}`,
    arch: process.arch,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpus: os.availableParallelism(),
    totalMemoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    hostname: os.hostname(),
    loadAverage1m: Math.round((os.loadavg()[0] ?? 0) * 100) / 100,
  };
}

/** A number for the table: 3 significant figures below 100, whole numbers above. */
export function formatValue(value: number | null): string {
  if (value === null) return '—';
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

/** A plain-text table with a header row, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function figuresTable(figures: readonly Figure[]): string {
  return table(
    ['metric', 'value', 'unit', 'note'],
    figures.map((f) => [f.metric, formatValue(f.value), f.unit, f.note ?? '']),
  );
}
