import type {
  AssociationResult,
  BinaryAssociation,
  InsufficientData,
  NumericAssociation,
} from './association.js';

/** Always appended: the result is an association, never evidence of cause. */
export const ASSOCIATION_DISCLAIMER =
  'This is an association, not proof that one causes the other.';

/** Words the caller supplies (English sentences; other languages build their own from the result). */
export interface AssociationLabels {
  /**
   * Yes/no factor: completes "On days …", e.g. "you did paced breathing".
   * Numeric factor: its name, e.g. "sleep quality" ("On days with higher sleep quality").
   */
  readonly factor: string;
  /** The outcome, e.g. "your pain". */
  readonly outcome: string;
  /** Unit of the outcome for differences, e.g. "points". */
  readonly unit: string;
}

const MINUS = '\u2212';

function fmt(x: number, digits: number): string {
  const s = Math.abs(x).toFixed(digits);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
}

function when(lagDays: number): string {
  if (lagDays === 0) return 'the same day';
  if (lagDays === 1) return 'the next day';
  return `${lagDays} days later`;
}

/** A signed difference in words: "0.4 lower" / "0.4 higher". */
function signed(x: number): string {
  return x < 0 ? `${fmt(-x, 1)} lower` : `${fmt(x, 1)} higher`;
}

function describeBinary(r: BinaryAssociation, l: AssociationLabels): string {
  const counts = `${r.nWith} vs ${r.nWithout} days`;
  const head = `On days ${l.factor}, ${l.outcome} ${when(r.lagDays)} was`;
  const negligible = fmt(r.difference, 1) === '0.0';
  const crossesZero = r.ci.lower < 0 && r.ci.upper > 0;
  const direction = r.difference < 0 ? 'lower' : 'higher';
  const estimate = negligible
    ? 'about the same on average'
    : `${fmt(Math.abs(r.difference), 1)} ${l.unit} ${direction} on average`;
  let interval: string;
  if (negligible || crossesZero) {
    interval = `95 % CI from ${signed(r.ci.lower)} to ${signed(r.ci.upper)}`;
  } else if (r.difference < 0) {
    // Both bounds below zero: say "lower by a to b" rather than "−1.4 to −0.2".
    interval = `95 % CI ${fmt(-r.ci.upper, 1)} to ${fmt(-r.ci.lower, 1)}`;
  } else {
    interval = `95 % CI ${fmt(r.ci.lower, 1)} to ${fmt(r.ci.upper, 1)}`;
  }
  const chance =
    negligible || crossesZero ? ' The interval includes no difference, so this may be chance.' : '';
  return `${head} ${estimate} (${interval}; ${counts}).${chance} ${ASSOCIATION_DISCLAIMER}`;
}

function describeNumeric(r: NumericAssociation, l: AssociationLabels): string {
  const name = r.method === 'spearman' ? 'Spearman' : 'Pearson';
  const stats = `${name} r = ${fmt(r.r, 2)}, 95 % CI ${fmt(r.ci.lower, 2)} to ${fmt(r.ci.upper, 2)}; ${r.pairedDays} days`;
  const trend =
    fmt(r.r, 2) === '0.00'
      ? 'showed no clear trend'
      : r.r < 0
        ? 'tended to be lower'
        : 'tended to be higher';
  const crossesZero = r.ci.lower < 0 && r.ci.upper > 0;
  const chance = crossesZero ? ' The interval includes no association, so this may be chance.' : '';
  return `On days with higher ${l.factor}, ${l.outcome} ${when(r.lagDays)} ${trend} (${stats}).${chance} ${ASSOCIATION_DISCLAIMER}`;
}

function describeInsufficient(r: InsufficientData): string {
  const m = r.minimum;
  if (r.kind === 'numeric') {
    return `Not enough data yet: this needs at least ${m.pairedDays} days with both records (so far ${r.pairedDays}).`;
  }
  return (
    `Not enough data yet: this needs at least ${m.pairedDays} days with both records and at least ` +
    `${m.perGroup} days in each group (so far ${r.pairedDays} days: ${r.nWith ?? 0} with, ${r.nWithout ?? 0} without).`
  );
}

/**
 * A plain-language sentence for a result. It says "associated", never "causes", states the
 * 95 % interval and the counts behind it, and says nothing numeric below the minimum-data rule.
 *
 * @example
 * describeAssociation(result, { factor: 'you did paced breathing', outcome: 'your pain', unit: 'points' })
 * // → "On days you did paced breathing, your pain the next day was 0.8 points lower on average
 * //    (95 % CI 0.2 to 1.4; 18 vs 12 days). This is an association, not proof that one causes the other."
 */
export function describeAssociation(result: AssociationResult, labels: AssociationLabels): string {
  switch (result.status) {
    case 'insufficient-data':
      return describeInsufficient(result);
    case 'no-variation':
      return 'There is nothing to compare yet: the values were the same on every day.';
    case 'ok':
      return result.kind === 'binary'
        ? describeBinary(result, labels)
        : describeNumeric(result, labels);
  }
}
