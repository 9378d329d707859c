/**
 * Exact convolutions of decaying exponentials, the building block of every closed form in
 * the model (Bateman function, the three-exponential metabolite curve, and their integrals).
 *
 * For rates λ₁…λₙ (≥ 0, per hour) the convolution e^{−λ₁t} ∗ … ∗ e^{−λₙt} evaluated at t is
 *
 *   conv(λ; t) = Σᵢ e^{−λᵢt} / Πⱼ≠ᵢ (λⱼ − λᵢ)          (distinct rates)
 *
 * which is (−1)^{n−1} times the divided difference of g(λ) = e^{−λt} over the nodes. Written
 * as a divided difference it has a finite limit when rates coincide (e.g. ka = k gives
 * t·e^{−kt}) and can be evaluated without cancellation, so no perturbation is needed:
 * nodes are scaled to x = −(λ − λmin)·t ≤ 0; clusters spanning ≤ 1 use a Taylor series of
 * the divided difference of exp (error < 1e-20 relative); wider clusters use the recurrence
 * over the two extreme nodes, whose cancellation is bounded (condition number < 6) because
 * one of the two sub-differences differs from the other by a factor ≥ 1.3.
 */

/** Taylor terms used when a cluster spans ≤ 1: next term < 0.5²⁰/20! ≈ 4e-25. */
const TAYLOR_TERMS = 20;

/** Divided difference of exp over x (sorted descending), nodes i..j inclusive. */
function ddExp(x: readonly number[], i: number, j: number): number {
  const xi = x[i] ?? 0;
  if (i === j) return Math.exp(xi);
  const xj = x[j] ?? 0;
  const spread = xi - xj;
  if (spread <= 1) return ddExpTaylor(x, i, j);
  return (ddExp(x, i, j - 1) - ddExp(x, i + 1, j)) / spread;
}

/**
 * e^{mid} · Σₘ hₘ(y)/(m+n−1)!, y = x − mid, where hₘ is the complete homogeneous symmetric
 * polynomial (coefficients of Π 1/(1 − yᵢs)). All |yᵢ| ≤ 0.5.
 */
function ddExpTaylor(x: readonly number[], i: number, j: number): number {
  const mid = ((x[i] ?? 0) + (x[j] ?? 0)) / 2;
  const h = new Array<number>(TAYLOR_TERMS).fill(0);
  h[0] = 1;
  for (let node = i; node <= j; node++) {
    const y = (x[node] ?? 0) - mid;
    for (let m = 1; m < TAYLOR_TERMS; m++) h[m] = (h[m] ?? 0) + y * (h[m - 1] ?? 0);
  }
  const order = j - i; // n − 1
  let factorial = 1;
  for (let f = 2; f <= order; f++) factorial *= f;
  let sum = 0;
  for (let m = 0; m < TAYLOR_TERMS; m++) {
    sum += (h[m] ?? 0) / factorial;
    factorial *= m + order + 1;
  }
  return Math.exp(mid) * sum;
}

/**
 * Convolution of e^{−λᵢt} over the given rates, at time t (hours). Zero for t ≤ 0 when
 * there are two or more rates; e^{−λt} for a single rate. Rates must be ≥ 0 and finite;
 * a zero rate integrates (conv(λ…, 0; t) = ∫₀ᵗ conv(λ…; s) ds).
 *
 * @example
 * expConvolution([2, 1], 1) // (e^{−1} − e^{−2}) / (2 − 1) ≈ 0.2325
 * expConvolution([1, 1], 1) // limit t·e^{−t} ≈ 0.3679
 */
export function expConvolution(rates: readonly number[], t: number): number {
  const n = rates.length;
  if (n === 0) throw new RangeError('expConvolution needs at least one rate');
  for (const r of rates) {
    if (!Number.isFinite(r) || r < 0) throw new RangeError(`Invalid rate ${r}`);
  }
  if (n === 1) return Math.exp(-(rates[0] ?? 0) * Math.max(t, 0));
  if (t <= 0) return 0;
  const lo = Math.min(...rates);
  const x = rates.map((r) => -(r - lo) * t).sort((a, b) => b - a);
  return t ** (n - 1) * Math.exp(-lo * t) * ddExp(x, 0, n - 1);
}
