import { cite } from '../sources.js';
import type { Parameter } from '../sources.js';

/**
 * Model parameters (REFERENCE §5.1–5.2). Rates are per hour. Only `lagHours`, `ka`, `k` and
 * `km` shape the relative levels; `bioavailability` (F) and `fm` only scale the absolute
 * amounts and cancel in every relative output. Volumes (V/F 83 L, Vm ~1.1–1.24 L/kg) cancel
 * too and are not needed: absolute outputs are amounts in the body (mg), not concentrations.
 */
export interface PkParams {
  /** Absorption lag tlag, hours. */
  readonly lagHours: Parameter<number>;
  /** First-order absorption rate constant ka, h⁻¹. */
  readonly ka: Parameter<number>;
  /** Diazepam elimination rate constant k, h⁻¹ (all routes, incl. formation of DMDZ). */
  readonly k: Parameter<number>;
  /** Nordiazepam (DMDZ) elimination rate constant km, h⁻¹. */
  readonly km: Parameter<number>;
  /** Oral bioavailability F (fraction). Cancels in relative levels. */
  readonly bioavailability: Parameter<number>;
  /** Fraction of eliminated diazepam converted to DMDZ. Unconfirmed; cancels in relative levels. */
  readonly fm: Parameter<number>;
}

/** Rate constants in the form the engine uses (per hour). */
export interface Rates {
  readonly lagHours: number;
  readonly ka: number;
  readonly k: number;
  readonly km: number;
}

const LN2 = Math.LN2;

export const LAG_HOURS: Parameter<number> = {
  name: 'Absorption lag (tlag)',
  value: 0.2,
  unit: 'h',
  confirmed: true,
  sources: [cite('ABSORPTION-STUDY', 'C', 'mean lag 12 min, fasting, 5 mg')],
  note: 'Food (moderate fat) lengthens the lag to ~45 min (LABEL-TAB-SMP).',
};

export const KA: Parameter<number> = {
  name: 'Absorption rate constant (ka)',
  value: 2.2,
  unit: 'h⁻¹',
  confirmed: true,
  sources: [cite('ABSORPTION-STUDY', 'C', 'mean absorption t½ 19 min (0–96), fasting, 5 mg')],
  note: 'Derived: ln 2 / 0.317 h ≈ 2.2 h⁻¹.',
};

export const K_PARENT: Parameter<number> = {
  name: 'Diazepam elimination rate constant (k)',
  value: 0.0219,
  unit: 'h⁻¹',
  confirmed: true,
  sources: [cite('GREENBLATT-1989', 'C', '48 healthy men 18–44, single 10 mg oral')],
  note:
    'Mean k 0.0219 h⁻¹ (t½ = ln 2/k ≈ 31.7 h). The same cohort reports a mean t½ of 44.2 h; ' +
    'the two differ because t½ is skewed (mean of rates ≠ ln 2/mean of half-lives).',
};

export const KM_DMDZ: Parameter<number> = {
  name: 'Nordiazepam elimination rate constant (km)',
  value: LN2 / 65,
  unit: 'h⁻¹',
  confirmed: true,
  sources: [cite('DMDZ-CLORAZEPATE', 'C', 't½ 65 h, 17 volunteers 21–66, IV clorazepate 20 mg')],
  note: 'km = ln 2 / 65 h ≈ 0.0107 h⁻¹.',
};

/** Alternative km: DMDZ t½ 53 h at steady state (POST-DMDZ). */
export const KM_POST_DMDZ: Parameter<number> = {
  name: 'Nordiazepam elimination rate constant (km), steady-state study',
  value: LN2 / 53,
  unit: 'h⁻¹',
  confirmed: true,
  sources: [cite('POST-DMDZ', 'C', 't½ 53 ± 6 h, clorazepate 20 mg/day × 14 d, 12 volunteers')],
  note: 'km = ln 2 / 53 h ≈ 0.0131 h⁻¹; the study reports a mean kβ of 0.0147 h⁻¹ (mean of rates).',
};

export const BIOAVAILABILITY: Parameter<number> = {
  name: 'Oral bioavailability (F)',
  value: 0.97,
  confirmed: true,
  sources: [cite('ABSORPTION-STUDY', 'C', '97% absolute, n = 7'), cite('LABEL-TAB-SMP', 'C')],
  note: 'Cancels in relative levels.',
};

export const FM: Parameter<number> = {
  name: 'Fraction of diazepam converted to nordiazepam (fm)',
  value: 0.55,
  confirmed: false,
  sources: [cite('SEC-CODE', 'U', '~50–60%'), cite('IARC-66', 'U', 'metabolism section unchecked')],
  note: 'Unconfirmed (REFERENCE §10 (3)). Cancels in relative levels; used only for amounts.',
};

/** Default set: young adult, oral, fasting (REFERENCE §5.2; mixed studies, illustrative). */
export const DEFAULT_PK_PARAMS: PkParams = {
  lagHours: LAG_HOURS,
  ka: KA,
  k: K_PARENT,
  km: KM_DMDZ,
  bioavailability: BIOAVAILABILITY,
  fm: FM,
};

/** Half-life in hours of a first-order rate constant (h⁻¹). */
export function halfLifeHours(rate: number): number {
  return LN2 / rate;
}

/** Rate constant (h⁻¹) for a half-life in hours. */
export function rateFromHalfLife(hours: number): number {
  return LN2 / hours;
}

/** Merge overrides onto the defaults and check every value is usable. */
export function resolveParams(overrides: Partial<PkParams> = {}): PkParams {
  const p: PkParams = { ...DEFAULT_PK_PARAMS, ...overrides };
  const positive = (q: Parameter<number>): void => {
    if (!Number.isFinite(q.value) || q.value <= 0) {
      throw new RangeError(`${q.name} must be a positive finite number, got ${q.value}`);
    }
  };
  positive(p.ka);
  positive(p.k);
  positive(p.km);
  positive(p.bioavailability);
  if (!Number.isFinite(p.lagHours.value) || p.lagHours.value < 0) {
    throw new RangeError(`${p.lagHours.name} must be ≥ 0, got ${p.lagHours.value}`);
  }
  if (p.bioavailability.value > 1) throw new RangeError('Bioavailability must be ≤ 1');
  if (!(p.fm.value >= 0 && p.fm.value <= 1)) throw new RangeError('fm must be within [0, 1]');
  return p;
}

/** The numbers the engine needs. */
export function ratesOf(p: PkParams): Rates {
  return { lagHours: p.lagHours.value, ka: p.ka.value, k: p.k.value, km: p.km.value };
}
