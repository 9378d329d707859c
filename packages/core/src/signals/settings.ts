/**
 * Thresholds and windows of the signal rules. Values that come from the reference carry their
 * source and `confirmed: true`; all others are project choices (`confirmed: false`, no source)
 * that a clinic may override through `SignalInput.settings`.
 */
import { cite } from '../sources.js';
import type { Parameter, SourceRef } from '../sources.js';

function setting(
  name: string,
  value: number,
  unit: string,
  note: string,
  sources: readonly SourceRef[] = [],
): Parameter<number> {
  return { name: `signals.${name}`, value, unit, confirmed: sources.length > 0, sources, note };
}

const PROJECT = 'Project setting, not from the reference. ';
const FARRAR = cite('FARRAR-2001', 'C', 'NRS: ~2 points or ~30% (REFERENCE §7)');
const REC6 = cite('JCPG-2025', 'C', 'Rec 6; Takeaway 5 (REFERENCE §6.1)');

/** Every setting the rules read, with its default, unit, source or "project setting" note. */
export const SIGNAL_SETTINGS = {
  recentDays: setting(
    'recentDays',
    14,
    'd',
    `${PROJECT}How far back check-ins, PHQ-9 answers and daily totals count as recent.`,
  ),
  doseEscWarningDays: setting(
    'doseEsc.warningDays',
    3,
    'd',
    `${PROJECT}Days above the prescribed total (within recentDays) that raise SIG-DOSE-ESC from caution to warning.`,
  ),
  creepRecentDays: setting(
    'creep.recentDays',
    7,
    'd',
    `${PROJECT}Rolling window of the recent mean (REFERENCE §9 names 7- or 14-day means).`,
  ),
  creepBaselineDays: setting(
    'creep.baselineDays',
    14,
    'd',
    `${PROJECT}Window before the recent one that it is compared with.`,
  ),
  creepMinRiseFraction: setting(
    'creep.minRiseFraction',
    0.1,
    'fraction',
    `${PROJECT}Smallest relative rise of the mean that counts as creep.`,
  ),
  creepMinRiseMg: setting(
    'creep.minRiseMg',
    1,
    'mg/day',
    `${PROJECT}Smallest absolute rise of the mean that counts as creep.`,
  ),
  earlyMinutes: setting(
    'earlyDose.earlyMinutes',
    60,
    'min',
    `${PROJECT}A scheduled dose taken more than this before its time counts as early (same as the adherence on-time window).`,
  ),
  earlyWindowDays: setting(
    'earlyDose.windowDays',
    14,
    'd',
    `${PROJECT}Recent window; compared with the same length before it.`,
  ),
  earlyMinEvents: setting(
    'earlyDose.minEvents',
    3,
    'events',
    `${PROJECT}Fewest early or extra doses in the recent window to flag.`,
  ),
  earlyRisingRatio: setting(
    'earlyDose.risingRatio',
    1.5,
    'ratio',
    `${PROJECT}Recent count must be at least this multiple of the previous window's.`,
  ),
  missedGraceMinutes: setting(
    'missed.graceMinutes',
    60,
    'min',
    `${PROJECT}An unanswered slot counts as missed this long after its time.`,
  ),
  missedLookbackDays: setting(
    'missed.lookbackDays',
    7,
    'd',
    `${PROJECT}Window in which missed-dose streaks are looked for.`,
  ),
  missedMinStreak: setting(
    'missed.minStreak',
    3,
    'slots',
    `${PROJECT}Consecutive missed or skipped slots that flag outside a taper.`,
  ),
  taperSkipMinStreak: setting(
    'taperSkip.minStreak',
    1,
    'slots',
    'Any missed dose during a taper: "Try to avoid skipping any doses during the tapering process" (ASAM patient guide p.13).',
    [cite('ASAM-PATIENT', 'C', 'p.13')],
  ),
  interdoseWindowDays: setting(
    'interdose.windowDays',
    28,
    'd',
    `${PROJECT}Check-ins looked at for interdose symptoms.`,
  ),
  interdoseAfterMissedHours: setting(
    'interdose.afterMissedHours',
    24,
    'h',
    `${PROJECT}A check-in this long after a missed slot counts as "after a missed dose".`,
  ),
  interdoseLateFraction: setting(
    'interdose.lateFraction',
    0.25,
    'fraction',
    `${PROJECT}Last part of the interval between two scheduled doses that counts as "late in the interval".`,
  ),
  interdoseMinExposed: setting(
    'interdose.minExposed',
    3,
    'check-ins',
    `${PROJECT}Fewest late-interval or post-miss check-ins to compare.`,
  ),
  interdoseMinOther: setting(
    'interdose.minOther',
    3,
    'check-ins',
    `${PROJECT}Fewest other check-ins to compare with.`,
  ),
  interdoseMinDifference: setting(
    'interdose.minDifference',
    2,
    'points',
    `${PROJECT}Mean anxiety/spasm difference (0–10) that flags.`,
  ),
  tolerancePeriodDays: setting(
    'tolerance.periodDays',
    28,
    'd',
    'Span over which pain must worsen at an unchanged dose; tolerance "can develop within two to four weeks".',
    [cite('NHS-SCOT-BZD', 'C', 'tolerance within 2–4 weeks (REFERENCE §6.6, §9)')],
  ),
  toleranceWindowDays: setting(
    'tolerance.windowDays',
    7,
    'd',
    `${PROJECT}Length of the baseline and recent windows whose means are compared.`,
  ),
  toleranceSettleDays: setting(
    'tolerance.settleDays',
    7,
    'd',
    'Days the dose must already be unchanged before the baseline window (steady state takes 5 days–2 weeks [P]).',
    [cite('SEC-WEB', 'P', 'time to steady state (REFERENCE §5.1)')],
  ),
  toleranceMinReadings: setting(
    'tolerance.minReadings',
    3,
    'check-ins',
    `${PROJECT}Fewest pain ratings in each window.`,
  ),
  toleranceMinPoints: setting(
    'tolerance.minPoints',
    2,
    'NRS points',
    'Minimal important difference on the 0–10 NRS.',
    [FARRAR],
  ),
  toleranceMinFraction: setting(
    'tolerance.minFraction',
    0.3,
    'fraction',
    'Minimal important relative change on the NRS (also needs ≥1 point).',
    [FARRAR],
  ),
  toleranceMaxTakenDrop: setting(
    'tolerance.maxTakenDrop',
    0.1,
    'fraction',
    `${PROJECT}The taken mean may fall at most this much for the dose to count as unchanged.`,
  ),
  pegMinChange: setting(
    'tolerance.pegMinChange',
    1,
    'PEG points',
    'PEG minimal important difference (anchor-based mostly 1.0–1.75).',
    [
      cite('KREBS-2009', 'C', 'PEG MID (REFERENCE §7)'),
      cite('REED-2024', 'C', 'PEG MID (REFERENCE §7)'),
    ],
  ),
  wdRiskGapDays: setting(
    'wdRisk.gapDays',
    14,
    'd',
    `${PROJECT}A gap this long without logged doses ends a course of use (for its duration).`,
  ),
  sdsCutoff: setting(
    'sds.cutoff',
    6,
    'points',
    'SDS above 6 (≥7) for benzodiazepines: sensitivity 97.9%, specificity 94.2%.',
    [cite('DELASCUEVAS-2000', 'C', 'SDS cut-off (REFERENCE §7)')],
  ),
  newMedicationDays: setting(
    'redFlag.newMedicationDays',
    14,
    'd',
    `${PROJECT}An opioid started this recently counts as "new opioid co-use".`,
  ),
  adjustmentDays: setting(
    'adjustment.days',
    7,
    'd',
    `${PROJECT}Days after a start or increase during which the driving/alertness caution shows (SEC-MONO gives no number of days).`,
  ),
  taperMaxFraction: setting(
    'taperFast.maxFraction',
    0.25,
    'fraction',
    'Pace "should typically not exceed 25% every 2 weeks".',
    [REC6],
  ),
  taperWindowDays: setting('taperFast.windowDays', 14, 'd', 'The "2 weeks" of Rec 6.', [REC6]),
  taperDefaultStepFraction: setting(
    'taperFast.defaultStepFraction',
    0.1,
    'fraction',
    'Default initial reductions of 5–10%.',
    [REC6],
  ),
  wdStepDelayDays: setting(
    'wdAfterStep.delayDays',
    3,
    'd',
    'Withdrawal from a long-acting drug "may not begin for 1–2 days or longer" [P]; the post-step window starts here.',
    [cite('SEC-WEB', 'P', 'DSM-IV text (REFERENCE §5.5)')],
  ),
  wdStepWindowDays: setting(
    'wdAfterStep.windowDays',
    14,
    'd',
    `${PROJECT}Last day after a step that is still attributed to it.`,
  ),
  wdStepBaselineDays: setting(
    'wdAfterStep.baselineDays',
    14,
    'd',
    `${PROJECT}Pre-step baseline window.`,
  ),
  wdStepMinRisePoints: setting(
    'wdAfterStep.minRisePoints',
    3,
    'checklist points',
    `${PROJECT}Rise of the withdrawal-checklist mean that flags (BWSQ/CIWA-B scoring is unconfirmed).`,
  ),
  wdStepMinRiseFraction: setting(
    'wdAfterStep.minRiseFraction',
    0.25,
    'fraction',
    `${PROJECT}Relative rise of the checklist mean that flags, with minRisePoints.`,
  ),
  wdStepMinCheckIns: setting(
    'wdAfterStep.minCheckIns',
    2,
    'check-ins',
    `${PROJECT}Fewest check-ins before and after the step for the check-in comparison.`,
  ),
  wdStepMinCheckInRise: setting(
    'wdAfterStep.minCheckInRise',
    2,
    'points',
    `${PROJECT}Rise of the mean anxiety/spasm rating (0–10) that flags.`,
  ),
  postTaperFollowUpMonths: setting(
    'postTaper.followUpMonths',
    6,
    'months',
    `${PROJECT}Follow-up after the step to 0 mg when the taper does not say (protracted withdrawal can last weeks to more than 12 months, SEC-LABEL [P], REFERENCE §4.3).`,
  ),
  postTaperRecentDays: setting(
    'postTaper.recentDays',
    45,
    'd',
    `${PROJECT}Follow-up checklists of these last days are compared with the end of the taper (covers one monthly check-in).`,
  ),
  reviewIntervalMonths: setting(
    'review.intervalMonths',
    3,
    'months',
    'Assess risks and benefits at least every 3 months.',
    [cite('JCPG-2025', 'C', 'Recs 1, 16 (REFERENCE §6.1)')],
  ),
  refillGraceDays: setting(
    'earlyRefill.graceDays',
    3,
    'd',
    `${PROJECT}A dispensing this many days early or fewer is not flagged.`,
  ),
  refillLookbackDays: setting(
    'earlyRefill.lookbackDays',
    180,
    'd',
    `${PROJECT}Dispensings looked at.`,
  ),
  otherPurposeWindowDays: setting(
    'otherPurpose.windowDays',
    28,
    'd',
    `${PROJECT}Window for logged dose reasons.`,
  ),
  otherPurposeMinCount: setting(
    'otherPurpose.minCount',
    2,
    'doses',
    `${PROJECT}Fewest doses with a reason outside the indication to flag.`,
  ),
} as const satisfies Record<string, Parameter<number>>;

export type SignalSettingKey = keyof typeof SIGNAL_SETTINGS;

/** Resolved numeric settings, one per key of `SIGNAL_SETTINGS`. */
export type SignalSettings = Readonly<Record<SignalSettingKey, number>>;

const KEYS = Object.keys(SIGNAL_SETTINGS) as SignalSettingKey[];

/** The defaults of every setting. */
export const DEFAULT_SIGNAL_SETTINGS: SignalSettings = Object.fromEntries(
  KEYS.map((k) => [k, SIGNAL_SETTINGS[k].value]),
) as SignalSettings;

/**
 * Defaults overridden by a clinic's values.
 *
 * @example resolveSignalSettings({ adjustmentDays: 10 }).adjustmentDays // 10
 * @throws RangeError for an unknown key or a value that is not a finite number ≥ 0.
 */
export function resolveSignalSettings(overrides: Partial<SignalSettings> = {}): SignalSettings {
  const out: Record<string, number> = { ...DEFAULT_SIGNAL_SETTINGS };
  for (const [key, value] of Object.entries(overrides as Record<string, unknown>)) {
    if (!(key in SIGNAL_SETTINGS)) throw new RangeError(`Unknown signal setting ${key}`);
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new RangeError(
        `Signal setting ${key} must be a finite number >= 0, got ${JSON.stringify(value)}`,
      );
    }
    out[key] = value;
  }
  return out as SignalSettings;
}

/** The named values of some settings, for `Signal.settings`. */
export function settingValues(
  settings: SignalSettings,
  keys: readonly SignalSettingKey[],
): Record<string, number> {
  return Object.fromEntries(keys.map((k) => [SIGNAL_SETTINGS[k].name, settings[k]]));
}
