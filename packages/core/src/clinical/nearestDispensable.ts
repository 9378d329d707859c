/**
 * The nearest amounts the formulations at hand can make, for planners that compute an ideal
 * amount (e.g. 10 % less) and must round it to something a patient can take.
 */
import { DEFAULT_DISPENSING_SETTINGS } from './dispensingSettings.js';
import { dispensableUnits, isDispensable } from './dispensing.js';
import { SCALE, checkAmount, toUnits } from './dispensingMath.js';
import type { DispensingOptions } from './dispensing.js';

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/**
 * The nearest dispensable amounts at or below and at or above `amountMg` (equal to it when
 * it is dispensable itself). `atOrAbove` is null only when no formulation is given.
 *
 * @example
 * nearestDispensable(4.2, { formulations: ['tab5'] }); // { atOrBelow: 2.5, atOrAbove: 5 }
 */
export function nearestDispensable(
  amountMg: number,
  options: DispensingOptions,
): { readonly atOrBelow: number | null; readonly atOrAbove: number | null } {
  checkAmount(amountMg);
  const settings = options.settings ?? DEFAULT_DISPENSING_SETTINGS;
  const unitAmounts = dispensableUnits(options.formulations, settings)
    .map((u) => toUnits(u.amountMg))
    .filter((u): u is number => u !== null && u > 0);
  if (unitAmounts.length === 0) return { atOrBelow: null, atOrAbove: null };
  const grid = unitAmounts.reduce(gcd);
  const smallest = Math.min(...unitAmounts);
  const exact = amountMg * SCALE;
  const ok = (units: number): boolean => isDispensable(units / SCALE, { ...options, settings });
  let below: number | null = null;
  for (let u = Math.floor(exact / grid + 1e-9) * grid; u >= 0; u -= grid) {
    if (ok(u)) {
      below = u;
      break;
    }
  }
  // A multiple of the smallest unit is always dispensable, so the search ends by then.
  let above = Math.ceil(exact / smallest - 1e-9) * smallest;
  for (let u = Math.ceil(exact / grid - 1e-9) * grid; u < above; u += grid) {
    if (ok(u)) {
      above = u;
      break;
    }
  }
  return { atOrBelow: below === null ? null : below / SCALE, atOrAbove: above / SCALE };
}
