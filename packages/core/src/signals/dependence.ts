/** Withdrawal-risk class (SIG-WD-RISK, JCPG Table 2) and the Severity of Dependence Scale (SIG-SDS). */
import { ageInYears, OLDER_ADULT_AGE_YEARS } from '../clinical/conditions.js';
import { daysBetween, isLocalDate } from '../regimen/slots.js';
import type { LocalDate } from '../regimen/types.js';
import { cite } from '../sources.js';
import { makeSignal, NEUTRAL } from './build.js';
import {
  addMonths,
  contextOf,
  daysAgo,
  daysFromTo,
  round2,
  type SignalContext,
  plusDays,
} from './context.js';
import type { Signal, SignalInput } from './types.js';

/** JCPG Table 2 outcome: "Rare", "Lower risk, but possible", "Yes; greater with dose and duration". */
export type WithdrawalRisk = 'rare' | 'lower' | 'yes';
export type WithdrawalDurationBand = '<1 month' | '1–3 months' | '≥3 months';
/** Diazepam-equivalent bands: low ≤10, moderate 10–15, high >15 mg/day. */
export type WithdrawalDoseBand = 'low' | 'moderate' | 'high';

export interface WithdrawalRiskInput {
  /** First day of the current course of use. */
  readonly startDate: LocalDate;
  readonly today: LocalDate;
  readonly daysPerWeek: number;
  /** Diazepam-equivalent mg/day. */
  readonly dailyDoseMg: number;
}

export interface WithdrawalRiskResult {
  readonly risk: WithdrawalRisk;
  readonly durationBand: WithdrawalDurationBand;
  readonly doseBand: WithdrawalDoseBand;
}

/**
 * JCPG-2025 Table 2 (ASAM pocket guide p.9): risk of clinically significant withdrawal from the
 * duration of use, days per week and diazepam-equivalent daily dose.
 *
 * @example
 * withdrawalRiskClass({ startDate: '2025-01-01', today: '2026-03-01', daysPerWeek: 7, dailyDoseMg: 10 })
 * // → { risk: 'yes', durationBand: '≥3 months', doseBand: 'low' }
 */
export function withdrawalRiskClass(x: WithdrawalRiskInput): WithdrawalRiskResult {
  if (!isLocalDate(x.startDate) || !isLocalDate(x.today))
    throw new RangeError(`Invalid dates ${x.startDate}..${x.today}`);
  const durationBand: WithdrawalDurationBand =
    addMonths(x.startDate, 1) > x.today
      ? '<1 month'
      : addMonths(x.startDate, 3) > x.today
        ? '1–3 months'
        : '≥3 months';
  const doseBand: WithdrawalDoseBand =
    x.dailyDoseMg <= 10 ? 'low' : x.dailyDoseMg <= 15 ? 'moderate' : 'high';
  let risk: WithdrawalRisk;
  if (x.daysPerWeek <= 3) risk = 'rare';
  else if (durationBand === '<1 month') risk = 'lower';
  else if (durationBand === '1–3 months') risk = doseBand === 'low' ? 'lower' : 'yes';
  else risk = 'yes';
  return { risk, durationBand, doseBand };
}

/** First day of the current run of logged use: walks back while gaps stay under `gapDays`. */
function loggedRunStart(ctx: SignalContext): LocalDate | null {
  const days = [
    ...new Set(
      ctx.doses.filter((e) => e.kind !== 'skipped' && e.amountMg > 0).map((e) => ctx.doseDay(e)),
    ),
  ].sort();
  const last = days[days.length - 1];
  if (last === undefined || plusDays(last, ctx.settings.wdRiskGapDays) < ctx.today) return null;
  let start: LocalDate = last;
  for (let i = days.length - 2; i >= 0; i--) {
    const d: LocalDate = days[i] ?? start;
    if (plusDays(d, ctx.settings.wdRiskGapDays) < start) break;
    start = d;
  }
  return start;
}

const RISK_TEXT: Readonly<Record<WithdrawalRisk, string>> = {
  rare: 'Rare',
  lower: 'Lower risk, but possible',
  yes: 'Yes; greater with dose and duration',
};

/**
 * SIG-WD-RISK: the Table 2 class of the current course. Uses whichever basis gives the higher
 * risk: the regimen (a fixed schedule means 7 days/week; its scheduled daily total; the course
 * start) or the log (days with doses per week over the last 28 complete days, or since the course
 * began if later; mean mg on those days; the first dose of the current run, broken by gaps of
 * `wdRiskGapDays`). Caution for "Yes", info for
 * "Lower risk, but possible", nothing for "Rare". Clinician only.
 *
 * @example withdrawalRiskSignal(input)[0]?.evidence[0]?.values?.['risk'] // → 'yes'
 */
export function withdrawalRiskSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const today = ctx.prescribed(ctx.today);
  const treatmentDays = ctx.treatmentDays();
  const regimenStart = treatmentDays === null ? null : plusDays(ctx.today, -treatmentDays);
  const runStart = loggedRunStart(ctx);
  const starts = [regimenStart, runStart].filter((d) => d !== null).sort();
  const startDate = starts[0];
  if (startDate === undefined) return [];

  // Logged use over the last 28 complete days, or fewer when the course is younger.
  const from = startDate > daysAgo(ctx, 28) ? startDate : daysAgo(ctx, 28);
  const to = from < ctx.today ? daysAgo(ctx, 1) : ctx.today;
  const span = daysBetween(from, to) + 1;
  const logged = daysFromTo(from, to)
    .map(ctx.takenMg)
    .filter((mg) => mg > 0);
  const loggedMean = logged.length === 0 ? 0 : logged.reduce((a, b) => a + b, 0) / logged.length;
  const daysPerWeek = Math.max(today.scheduledMg > 0 ? 7 : 0, round2((logged.length * 7) / span));
  const dailyDoseMg = round2(Math.max(today.scheduledMg, loggedMean));
  const r = withdrawalRiskClass({ startDate, today: ctx.today, daysPerWeek, dailyDoseMg });
  if (r.risk === 'rare') return [];
  const otherBzd = ctx.medicationClasses().filter((m) => m.classIds.has('benzodiazepines'));
  return [
    makeSignal(ctx, {
      id: 'SIG-WD-RISK',
      severity: r.risk === 'yes' ? 'caution' : 'info',
      audience: 'clinician',
      title: `Withdrawal risk if stopped abruptly: ${RISK_TEXT[r.risk]}`,
      evidence: [
        {
          kind: 'metric',
          dates: [startDate],
          values: {
            risk: r.risk,
            durationBand: r.durationBand,
            daysPerWeek,
            dailyDoseMg,
            doseBand: r.doseBand,
            equivalenceTable: 'diazepam (1:1)',
          },
          note: 'Course start, days per week and diazepam-equivalent dose (regimen or log, whichever is higher)',
        },
        ...(otherBzd.length > 0
          ? [
              {
                kind: 'medication' as const,
                ids: otherBzd.map((m) => m.medication.id),
                note: 'Other benzodiazepines, not included in the dose',
              },
            ]
          : []),
      ],
      sources: [
        cite('JCPG-2025', 'C', 'Table 2; Rec 2 (REFERENCE §6.2)'),
        cite('ASAM-POCKET', 'C', 'Table 2 p.9'),
        cite('LABEL-TAB', 'C', 'Boxed Warning: dependence and withdrawal (REFERENCE §4.1)'),
      ],
      clinicianText:
        `Joint CPG Table 2: "${RISK_TEXT[r.risk]}" (use since ${startDate}, ${r.durationBand}; ${daysPerWeek} days/week; ` +
        `${dailyDoseMg} mg/day diazepam, ${r.doseBand} band). Avoid abrupt discontinuation; if reducing, use a gradual ` +
        'taper (Recs 2, 6). Table 2 is clinical consensus and "should not replace clinical judgment".' +
        (otherBzd.length > 0
          ? ' Other benzodiazepines on the medication list are not converted into the dose (see Table 7).'
          : '') +
        ` ${NEUTRAL}`,
      settingKeys: ['wdRiskGapDays'],
    }),
  ];
}

/** SDS total: the given total, or the sum of item scores when the total is not a number. */
function sdsTotal(total: number, items: Readonly<Record<string, number>>): number {
  return Number.isFinite(total) ? total : Object.values(items).reduce((a, b) => a + b, 0);
}

/**
 * SIG-SDS: the latest Severity of Dependence Scale total is above `sdsCutoff` (>6, i.e. ≥7, for
 * benzodiazepines; DELASCUEVAS-2000): caution. For patients aged 65 or more a total of exactly 6
 * gives an info signal citing the 5.5 cut-off found in older inpatients (CHENG-2019). A screening
 * score for review with the patient; clinician only.
 *
 * @example sdsSignal(input)[0]?.evidence[0]?.values // → { total: 9, cutoff: 6 }
 */
export function sdsSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const latest = ctx.questionnaires.filter((q) => q.instrumentId === 'sds').at(-1);
  if (latest === undefined) return [];
  const total = sdsTotal(latest.total, latest.itemScores);
  const cutoff = ctx.settings.sdsCutoff;
  const dob = input.profile.dateOfBirth;
  const older =
    dob !== null &&
    isLocalDate(dob) &&
    dob <= ctx.today &&
    ageInYears(dob, ctx.today) >= OLDER_ADULT_AGE_YEARS;
  const aboveOlder = older && total > 5.5 && total <= cutoff;
  if (total <= cutoff && !aboveOlder) return [];
  return [
    makeSignal(ctx, {
      id: 'SIG-SDS',
      severity: aboveOlder ? 'info' : 'caution',
      audience: 'clinician',
      title: 'Severity of Dependence Scale above the cut-off',
      evidence: [
        {
          kind: 'questionnaire',
          ids: latest.id === undefined ? [] : [latest.id],
          dates: [latest.at],
          values: { total, cutoff },
        },
      ],
      sources: [
        cite('DELASCUEVAS-2000', 'C', 'benzodiazepine cut-off >6 (REFERENCE §7)'),
        cite('SDS-ITEMS', 'C', 'items and scoring, Gossop et al. 1995 (REFERENCE §7)'),
        ...(aboveOlder
          ? [cite('CHENG-2019', 'C', 'cut-off 5.5 in older inpatients (REFERENCE §7)')]
          : []),
      ],
      clinicianText:
        `SDS total ${total}/15 on ${ctx.dayOf(latest.at)}` +
        (aboveOlder
          ? ` (at the benzodiazepine cut-off of >${cutoff}; in older inpatients on CNS depressants the optimal cut-off was 5.5).`
          : ` (above the benzodiazepine cut-off of >${cutoff}: sensitivity 97.9%, specificity 94.2%).`) +
        ' The SDS measures worry about and perceived control over use; discuss the answers with the patient. ' +
        NEUTRAL,
      settingKeys: ['sdsCutoff'],
    }),
  ];
}
