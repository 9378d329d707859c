import { cite } from '../sources.js';
import type { Parameter, SourceRef } from '../sources.js';
import { halfLifeHours, K_PARENT } from './params.js';
import type { PkParams } from './params.js';

/**
 * Clinician-visible what-ifs (REFERENCE §5.4, §3.3). Each scales the diazepam rate constant
 * k and the nordiazepam rate constant km by the ratio of half-lives (or clearances) reported
 * in its study, so a what-if changes how fast levels rise and fall. Relative levels stay
 * normalised to the scenario's own steady state; the study's reported change in absolute
 * steady-state level (where there is one) is carried as text/numbers for display only.
 */
export type WhatIfId =
  | 'older-age'
  | 'older-age-iv'
  | 'older-age-label-rule'
  | 'cyp2c19-poor'
  | 'cyp2c19-intermediate-qin'
  | 'cyp2c19-poor-qin'
  | 'hepatic-cirrhosis'
  | 'hepatic-label';

/** Half-lives (hours) a study compared; null where it gives none. */
export interface HalfLifeComparison {
  readonly baseline: number | null;
  readonly scenario: number | null;
}

export interface WhatIf {
  readonly id: WhatIfId;
  readonly label: string;
  /** Multiplier on k (= baseline t½ / scenario t½, or clearance ratio). */
  readonly kFactor: Parameter<number>;
  /** Multiplier on km; 1 where the source gives no nordiazepam data. */
  readonly kmFactor: Parameter<number>;
  readonly parentHalfLife: HalfLifeComparison;
  readonly metaboliteHalfLife: HalfLifeComparison;
  /** What the study reports about absolute steady-state levels, when it does. Display only. */
  readonly reportedSteadyState: string | null;
  readonly sources: readonly SourceRef[];
  readonly note: string;
}

function factor(
  name: string,
  value: number,
  sources: readonly SourceRef[],
  confirmed: boolean,
  note: string,
): Parameter<number> {
  return { name, value, confirmed, sources, note };
}

function ratioWhatIf(
  id: WhatIfId,
  label: string,
  parent: HalfLifeComparison,
  metabolite: HalfLifeComparison,
  sources: readonly SourceRef[],
  confirmed: boolean,
  note: string,
  reportedSteadyState: string | null = null,
): WhatIf {
  const ratio = (h: HalfLifeComparison): number =>
    h.baseline !== null && h.scenario !== null ? h.baseline / h.scenario : 1;
  const describe = (h: HalfLifeComparison, what: string): string =>
    h.baseline !== null && h.scenario !== null
      ? `${what} t½ ${h.baseline} → ${h.scenario} h`
      : `no ${what} data in this source: unchanged`;
  return {
    id,
    label,
    kFactor: factor(
      `${label}: k factor`,
      ratio(parent),
      sources,
      confirmed,
      describe(parent, 'diazepam'),
    ),
    kmFactor: factor(
      `${label}: km factor`,
      ratio(metabolite),
      sources,
      confirmed,
      describe(metabolite, 'nordiazepam'),
    ),
    parentHalfLife: parent,
    metaboliteHalfLife: metabolite,
    reportedSteadyState,
    sources,
    note,
  };
}

const GREENBLATT_2021 = [cite('GREENBLATT-2021', 'C', '2.5 mg bid × 15 d, young vs elderly')];
const HERMAN_1996 = [cite('HERMAN-1996', 'C', 'IV, elderly vs young')];
const ZHANG_1990 = [cite('ZHANG-1990', 'C', 'white EM vs PM')];
const QIN_1999 = [cite('QIN-1999', 'C', 'healthy Chinese men, 5 mg oral')];
const CIRRHOSIS = [cite('CIRRHOSIS-REPEAT', 'C', '5 mg/day × 22 d, cirrhotic vs control')];
const LABEL = [cite('SEC-LABEL', 'P')];

/** What-ifs with fixed values from their studies. */
export const WHAT_IFS: Readonly<Record<Exclude<WhatIfId, 'older-age-label-rule'>, WhatIf>> = {
  'older-age': ratioWhatIf(
    'older-age',
    'Older age (multiple dose)',
    { baseline: 31, scenario: 86 },
    { baseline: 40, scenario: 80 },
    GREENBLATT_2021,
    true,
    '"Slow accumulation and delayed washout … is probable." (GREENBLATT-2021)',
    'Steady state 30–35% higher in the elderly (not significant).',
  ),
  'older-age-iv': ratioWhatIf(
    'older-age-iv',
    'Older age (IV study)',
    { baseline: 44.5, scenario: 71.5 },
    { baseline: null, scenario: null },
    HERMAN_1996,
    true,
    'Vd 0.88 → 1.39 L/kg with clearance unchanged (0.29 vs 0.26 mL/min/kg): the longer t½ ' +
      'reflects a larger volume, so absolute steady-state levels are not expected to rise.',
    'Clearance unchanged (0.29 vs 0.26 mL/min/kg).',
  ),
  'cyp2c19-poor': ratioWhatIf(
    'cyp2c19-poor',
    'CYP2C19 poor metaboliser',
    { baseline: 40.8, scenario: 88.3 },
    { baseline: 116, scenario: 161 },
    ZHANG_1990,
    true,
    'PM prevalence ~2% Europeans, 13% East Asians, up to 57% Oceanians (MGS-CYP2C19).',
  ),
  'cyp2c19-intermediate-qin': ratioWhatIf(
    'cyp2c19-intermediate-qin',
    'CYP2C19 *1/*2 (wt/m1) genotype',
    { baseline: 20.0, scenario: 62.9 },
    { baseline: 99.2, scenario: 132.1 },
    QIN_1999,
    true,
    'Ratios relative to wt/wt in the same study.',
    'Clearance 19.5 → 7.2 mL/min.',
  ),
  'cyp2c19-poor-qin': ratioWhatIf(
    'cyp2c19-poor-qin',
    'CYP2C19 *2/*2 (m1/m1) genotype',
    { baseline: 20.0, scenario: 84.0 },
    { baseline: 99.2, scenario: 176.0 },
    QIN_1999,
    true,
    'Ratios relative to wt/wt in the same study.',
    'Clearance 19.5 → 2.8 mL/min.',
  ),
  'hepatic-cirrhosis': {
    ...ratioWhatIf(
      'hepatic-cirrhosis',
      'Hepatic impairment (cirrhosis)',
      { baseline: null, scenario: null },
      { baseline: null, scenario: null },
      CIRRHOSIS,
      true,
      'Derived from steady-state ratios (diazepam 165 vs 98 ng/mL, DMDZ 399 vs 206 ng/mL) ' +
        'assuming unchanged volumes and fm, so the level ratio is the inverse of the rate ratio. ' +
        '"Diazepam can be given safely to cirrhotic patients provided daily dosage is reduced ' +
        'by approximately 50%." Severe hepatic insufficiency is a contraindication (OPENFDA-LABEL).',
      'Steady state ×1.68 (diazepam) and ×1.94 (DMDZ) vs controls; more sedation.',
    ),
    kFactor: factor('Cirrhosis: k factor', 98 / 165, CIRRHOSIS, true, 'Css ratio 98/165'),
    kmFactor: factor('Cirrhosis: km factor', 206 / 399, CIRRHOSIS, true, 'Css ratio 206/399'),
  },
  'hepatic-label': hepaticLabelWhatIf(2),
};

/**
 * Label statement: mild/moderate cirrhosis raises mean diazepam t½ 2- to 5-fold (individual
 * values > 500 h) [P]. `fold` picks a point in that range; DMDZ is not covered (unchanged).
 */
export function hepaticLabelWhatIf(fold = 2): WhatIf {
  if (!(fold >= 2 && fold <= 5)) throw new RangeError('The label range is 2- to 5-fold');
  const label = `Hepatic impairment (label, ${fold}-fold t½)`;
  return {
    ...ratioWhatIf(
      'hepatic-label',
      label,
      { baseline: null, scenario: null },
      { baseline: null, scenario: null },
      LABEL,
      false,
      'Label text seen only in secondary copies [P]: t½ 2–5-fold, individual values > 500 h, ' +
        'clearance about halved. Verify against the primary label before relying on it.',
      'Clearance about halved.',
    ),
    kFactor: factor(`${label}: k factor`, 1 / fold, LABEL, false, `diazepam t½ × ${fold}`),
  };
}

/**
 * Label rule of thumb [P]: diazepam t½ rises ~1 h per year of age from ~20 h at 20, i.e.
 * t½ ≈ age in hours. Expressed as a factor on the default k (t½ ≈ 31.7 h).
 */
export function olderAgeLabelRuleWhatIf(ageYears: number): WhatIf {
  if (!(ageYears >= 20 && ageYears <= 110)) throw new RangeError('Age must be within 20–110 years');
  const defaultHalfLife = halfLifeHours(K_PARENT.value);
  return ratioWhatIf(
    'older-age-label-rule',
    `Age ${ageYears} (label rule of thumb)`,
    { baseline: defaultHalfLife, scenario: ageYears },
    { baseline: null, scenario: null },
    [...LABEL, cite('KLOTZ-1975', 'C')],
    false,
    'Secondary label text [P]: larger Vd, lower CL, lower peaks, higher troughs, slower steady ' +
      'state. KLOTZ-1975: mainly a larger distribution volume, clearance roughly constant.',
  );
}

/** Scale one rate constant by the factors that change it (factor 1 = no data, skipped). */
function scaled(
  rate: Parameter<number>,
  whatIfs: readonly WhatIf[],
  pick: (w: WhatIf) => Parameter<number>,
): Parameter<number> {
  const acting = whatIfs.filter((w) => pick(w).value !== 1);
  if (acting.length === 0) return rate;
  const f = acting.reduce((product, w) => product * pick(w).value, 1);
  return {
    ...rate,
    value: rate.value * f,
    confirmed: rate.confirmed && acting.every((w) => pick(w).confirmed),
    sources: [...rate.sources, ...acting.flatMap((w) => w.sources)],
    note: `Scaled ×${f.toPrecision(3)} by ${acting.map((w) => w.label).join(' + ')}.`,
  };
}

/**
 * Apply what-ifs to a parameter set: k and km are multiplied by every factor (effects are
 * assumed independent when several are combined: illustrative only). The scaled parameter
 * lists the sources of the what-ifs that changed it and is confirmed only if they all are.
 */
export function applyWhatIfs(params: PkParams, whatIfs: readonly WhatIf[]): PkParams {
  if (whatIfs.length === 0) return params;
  return {
    ...params,
    k: scaled(params.k, whatIfs, (w) => w.kFactor),
    km: scaled(params.km, whatIfs, (w) => w.kmFactor),
  };
}
