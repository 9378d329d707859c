/**
 * Spreading a daily reduction over the dose times. An allocation is the amount (µg) at each
 * dose time, in time order. Reductions are walked one notch at a time: a notch takes one
 * dose down to the next amount below it that the formulation can make, so doses never rise
 * and every intermediate allocation is dispensable.
 */
import type { Dispenser } from './dispense.js';
import type { TaperDistributionRule } from './types.js';

export type Allocation = readonly number[];

export function total(a: Allocation): number {
  return a.reduce((s, x) => s + x, 0);
}

/**
 * Dose indices (amount > 0) in the order the rule reduces them.
 * `largest-first`: largest amount first, the earlier dose first among equals.
 * `last-dose-longest`: every earlier dose (largest first) before the last dose of the day.
 */
export function reductionOrder(a: Allocation, rule: TaperDistributionRule): number[] {
  const lastIndex = a.length - 1;
  const rank = (i: number): number => (rule === 'last-dose-longest' && i === lastIndex ? 1 : 0);
  return a
    .map((_, i) => i)
    .filter((i) => (a[i] ?? 0) > 0)
    .sort((x, y) => rank(x) - rank(y) || (a[y] ?? 0) - (a[x] ?? 0) || x - y);
}

/** Each dose brought down to what the formulation can make (unchanged when it already can). */
export function normalise(a: Allocation, d: Dispenser): number[] {
  return a.map((x) => d.floorTo(x));
}

/**
 * The allocation with the smallest total at or above `target` and below `previousTotal`,
 * walking notches in the rule's order; null when no such allocation is on the walk.
 */
export function allocateTowards(
  start: Allocation,
  previousTotal: number,
  target: number,
  d: Dispenser,
  rule: TaperDistributionRule,
): number[] | null {
  let current = normalise(start, d);
  if (total(current) < target) return null;
  let best = total(current) < previousTotal ? current : null;
  for (;;) {
    const i = reductionOrder(current, rule)[0];
    if (i === undefined) return best;
    const next = current.with(i, d.below(current[i] ?? 0));
    if (total(next) < target) return best;
    current = next;
    best = current;
  }
}

/**
 * The dose the day's amount is gathered into: the last dose of the day still taken for
 * `last-dose-longest`; the largest dose (the later one among equals) for `largest-first`.
 */
export function gatherInto(a: Allocation, rule: TaperDistributionRule): number | undefined {
  const taken = a.map((_, i) => i).filter((i) => (a[i] ?? 0) > 0);
  if (rule === 'last-dose-longest') return taken.at(-1);
  return taken.reduce<number | undefined>(
    (best, i) => (best === undefined || (a[i] ?? 0) >= (a[best] ?? 0) ? i : best),
    undefined,
  );
}

/**
 * The whole daily amount gathered into one dose (see `gatherInto`): the smallest
 * single dose at or above `target` and below `previousTotal`. Used near the end of a taper,
 * where doses split over the day are too small to reduce as asked. Null when the start has
 * fewer than two doses or no such amount exists.
 */
export function consolidate(
  start: Allocation,
  previousTotal: number,
  target: number,
  d: Dispenser,
  rule: TaperDistributionRule,
): number[] | null {
  const keep = gatherInto(start, rule);
  const amount = d.atOrAbove(target);
  const taken = start.filter((x) => x > 0).length;
  if (taken < 2 || keep === undefined || amount <= 0 || amount >= previousTotal) return null;
  return start.map((_, i) => (i === keep ? amount : 0));
}

/**
 * The dispensable allocation below `previousTotal` with the largest total (the smallest
 * possible reduction): one notch of one dose, or the day's amount gathered into one dose;
 * the rule breaks ties, and a notch wins over gathering. Null when nothing is left to reduce.
 */
export function smallestReduction(
  start: Allocation,
  previousTotal: number,
  d: Dispenser,
  rule: TaperDistributionRule,
): number[] | null {
  const current = normalise(start, d);
  if (total(current) < previousTotal) return current;
  const order = reductionOrder(current, rule);
  const candidates = order.map((i) => current.with(i, d.below(current[i] ?? 0)));
  const keep = gatherInto(current, rule);
  if (order.length > 1 && keep !== undefined) {
    candidates.push(current.map((_, i) => (i === keep ? d.below(previousTotal) : 0)));
  }
  let best: number[] | null = null;
  for (const c of candidates) if (best === null || total(c) > total(best)) best = c;
  return best;
}
