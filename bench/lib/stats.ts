/**
 * Small statistics helpers for benchmarks. Benchmarks print figures and compare ratios measured
 * within one run; nothing here (or anywhere in the tests) asserts on wall-clock time.
 */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function requireValues(values: readonly number[], what: string): void {
  if (values.length === 0) throw new RangeError(`${what} of an empty list`);
  if (values.some((v) => !Number.isFinite(v)))
    throw new RangeError(`${what}: values must be finite`);
}

/**
 * The p-th percentile (0–100) with linear interpolation between closest ranks.
 *
 * @example
 * percentile([1, 2, 3, 4], 50) // → 2.5
 * percentile([10, 20, 30], 100) // → 30
 */
export function percentile(values: readonly number[], p: number): number {
  requireValues(values, 'percentile');
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile: p must be within 0–100, got ${p}`);
  const s = sorted(values);
  const rank = (p / 100) * (s.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const lo = s[lower]!;
  const hi = s[upper]!;
  return lo + (hi - lo) * (rank - lower);
}

/**
 * The median: the 50th percentile.
 *
 * @example
 * median([3, 1, 2]) // → 2
 */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/**
 * How many times slower (or faster) `value` is than `baseline`, for printing, e.g. "2.35×".
 * Ratios are comparable across machines where absolute timings are not.
 *
 * @example
 * formatRatio(47, 20) // → "2.35×"
 * formatRatio(5, 0) // → "n/a"
 */
export function formatRatio(value: number, baseline: number, digits = 2): string {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return 'n/a';
  return `${(value / baseline).toFixed(digits)}×`;
}

/** The figures printed for a series of timings (milliseconds). */
export interface TimingSummary {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly median: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * Count, mean, min, median, p95, p99 and max of a non-empty series.
 *
 * @example
 * summarize([1, 2, 3]).median // → 2
 */
export function summarize(values: readonly number[]): TimingSummary {
  requireValues(values, 'summarize');
  const s = sorted(values);
  return {
    count: s.length,
    mean: s.reduce((a, b) => a + b, 0) / s.length,
    min: s[0]!,
    median: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s[s.length - 1]!,
  };
}
