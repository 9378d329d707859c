import { expConvolution } from './expconv.js';
import { resolveModel } from './model.js';
import type { PkOptions } from './model.js';

/** Amounts in the body after one dose (mg; DMDZ as diazepam-equivalent mg). */
export interface SingleDoseAmounts {
  readonly parentMg: number;
  readonly metaboliteMg: number;
}

/**
 * Closed-form single-dose amounts `hoursAfterDose` after taking `doseMg` (τ = t − tlag):
 *
 *   A_p(τ) = F·D·ka/(ka − k) · (e^{−kτ} − e^{−kaτ})                         (Bateman)
 *   A_m(τ) = fm·F·D·ka·k · Σ_{λ∈{ka,k,km}} e^{−λτ} / Π_{μ≠λ} (μ − λ)        (three-exponential)
 *
 * evaluated in divided-difference form, so equal rates give the exact limits.
 *
 * @example
 * singleDoseAmounts(10, 1).parentMg // ≈ 7.9 mg in the body 1 h after 10 mg
 */
export function singleDoseAmounts(
  doseMg: number,
  hoursAfterDose: number,
  options: PkOptions = {},
): SingleDoseAmounts {
  const m = resolveModel(options);
  const { ka, k, km, lagHours } = m.rates;
  const tau = hoursAfterDose - lagHours;
  const absorbed = m.params.bioavailability.value * doseMg;
  return {
    parentMg: absorbed * ka * expConvolution([ka, k], tau),
    metaboliteMg: m.params.fm.value * absorbed * ka * k * expConvolution([ka, k, km], tau),
  };
}

export interface PeakTimes {
  /** Hours after a dose at which the diazepam amount peaks: tlag + ln(ka/k)/(ka − k). */
  readonly parentHours: number;
  /** Hours after a dose at which nordiazepam peaks (where fm·k·A_p = km·A_m). */
  readonly metaboliteHours: number;
}

/**
 * When a single dose peaks. Both curves are unimodal (convolutions of exponentials are
 * log-concave), so after these times each dose's contribution only declines. Note the
 * one-compartment caveat: the real early diazepam peak is shaped by distribution too.
 */
export function singleDosePeakHours(options: PkOptions = {}): PeakTimes {
  const { ka, k, km, lagHours } = resolveModel(options).rates;
  const parent = ka === k ? 1 / k : Math.log(ka / k) / (ka - k);
  // Sign of dA_m/dτ ∝ k·conv(ka,k) − km·k·conv(ka,k,km): positive before the peak.
  const rising = (tau: number): boolean =>
    expConvolution([ka, k], tau) > km * expConvolution([ka, k, km], tau);
  let hi = 1;
  while (rising(hi)) hi *= 2;
  let lo = 0;
  while (hi - lo > 1e-9 * hi) {
    const mid = (lo + hi) / 2;
    if (rising(mid)) lo = mid;
    else hi = mid;
  }
  return { parentHours: lagHours + parent, metaboliteHours: lagHours + (lo + hi) / 2 };
}
