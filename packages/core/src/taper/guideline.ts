/**
 * Guideline numbers and citations the taper planner rests on (REFERENCE §6, §2, §5.5).
 */
import { cite } from '../sources.js';
import type { Parameter, SourceRef } from '../sources.js';
import type { FormulationId } from '../regimen/types.js';

export const SRC = {
  rec6: cite('JCPG-2025', 'C', 'Rec 6'),
  takeaway5: cite('JCPG-2025', 'C', 'Takeaway 5'),
  algorithm: cite('ASAM-POCKET', 'C', 'Algorithm p.29'),
  maintain: cite('JCPG-2025', 'C', 'Algorithm: "Consider maintaining on lower dose…"'),
  rec2: cite('JCPG-2025', 'C', 'Rec 2'),
  rec8: cite('JCPG-2025', 'C', 'Rec 8'),
  rec9: cite('JCPG-2025', 'C', 'Rec 9'),
  rec11: cite('JCPG-2025', 'P', 'Rec 11 (pause or slow; rest of text unavailable)'),
  pauseSlow: cite('ASAM-POCKET', 'C', 'Table 10 note p.22–24: pausing or slowing the taper'),
  lowestDose: cite('POTTIE-2018', 'C', 'Table 2: "until lowest available dosage is reached"'),
  tabletStrengths: cite('LABEL-TAB-2024', 'C', 'How Supplied: 2, 5 and 10 mg tablets'),
  solution: cite('LABEL-SOL', 'C', 'oral solution 1 mg/mL'),
  splitScore: cite('SEC-PILLID', 'P', 'Teva 3925: one score line'),
  splitUnconfirmed: cite(
    'SEC-PILLID',
    'U',
    'Splitting: no source beyond scoring (REFERENCE §2, §10)',
  ),
  patientMonths: cite('ASAM-PATIENT', 'C', 'p.2: tapering often takes months'),
  patientSkip: cite('ASAM-PATIENT', 'C', 'p.13: avoid skipping doses'),
  delayedOnset: cite(
    'SEC-WEB',
    'P',
    'Long-acting withdrawal "may not begin for 1–2 days or longer" (REFERENCE §5.5)',
  ),
  halfLife: cite('GREENBLATT-1989', 'C', 't½ 44.2 h (REFERENCE §5.1)'),
  dmdzHalfLife: cite('DMDZ-CLORAZEPATE', 'C', 'DMDZ t½ 65 h (REFERENCE §5.1)'),
  slowWashout: cite('GREENBLATT-2021', 'C', '"delayed washout" in older adults (REFERENCE §5.4)'),
} as const satisfies Record<string, SourceRef>;

/** The guideline ceiling: a taper "should typically not exceed 25% every 2 weeks". */
export const TAPER_GUIDELINE_MAX_REDUCTION_PER_14_DAYS: Parameter<number> = {
  name: 'taper.maxReductionPer14Days',
  value: 25,
  unit: '%',
  confirmed: true,
  sources: [SRC.rec6, SRC.algorithm],
};

/** Default reduction: 10 % of the current dose, the upper end of the guideline's 5–10 %. */
export const TAPER_DEFAULT_REDUCTION_PERCENT: Parameter<number> = {
  name: 'taper.defaultReductionPercent',
  value: 10,
  unit: '%',
  confirmed: true,
  sources: [SRC.rec6, SRC.takeaway5, SRC.algorithm],
  note: 'Guideline range 5–10 % for the initial pace; the prescriber chooses.',
};

/** Steps above this are flagged (SIG-TAPER-FAST: "planned step above the 5–10% default"). */
export const TAPER_DEFAULT_PACE_MAX_PERCENT: Parameter<number> = {
  name: 'taper.defaultPaceMaxPercent',
  value: 10,
  unit: '%',
  confirmed: true,
  sources: [SRC.rec6, SRC.takeaway5],
};

/** Default interval between steps: 14 days, the shorter end of "every 2–4 weeks". */
export const TAPER_DEFAULT_INTERVAL_DAYS: Parameter<number> = {
  name: 'taper.defaultIntervalDays',
  value: 14,
  unit: 'd',
  confirmed: true,
  sources: [SRC.takeaway5, SRC.algorithm],
  note: 'Guideline: every 2–4 weeks.',
};

/** A software guard, not a clinical number: 300 steps of 14 days is over 11 years. */
export const TAPER_DEFAULT_MAX_STEPS: Parameter<number> = {
  name: 'taper.maxSteps',
  value: 300,
  confirmed: false,
  sources: [],
  note: 'Guard against endless plans; not a clinical limit.',
};

/** The window the guideline's ceiling applies to. */
export const GUIDELINE_WINDOW_DAYS = 14;

/**
 * 2, 5 and 10 mg tablets and no solution. Whether tablets may be halved, and the oral syringe's
 * resolution, come from the clinical dispensing settings (DEFAULT_DISPENSING_SETTINGS: halves
 * allowed, unconfirmed). Plans that use halves carry TAPER_HALVES_ASSUMED.
 */
export const DEFAULT_TAPER_FORMULATIONS: readonly FormulationId[] = ['tab10', 'tab5', 'tab2'];
