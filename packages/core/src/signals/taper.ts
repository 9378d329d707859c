/**
 * Taper safety: pace above the guideline (SIG-TAPER-FAST) and withdrawal symptoms rising after a
 * step (SIG-WD-AFTER-STEP).
 */
import type { LocalDate } from '../regimen/types.js';
import { cite } from '../sources.js';
import { makeSignal, NEUTRAL, plural } from './build.js';
import {
  contextOf,
  daysAgo,
  daysFromTo,
  inDays,
  mean,
  round2,
  symptomScore,
  type SignalContext,
  plusDays,
} from './context.js';
import type { Signal, SignalEvidence, SignalInput, SignalTaperStep } from './types.js';

const EPS = 1e-9;
const REC6 = cite('JCPG-2025', 'C', 'Rec 6; Takeaway 5; algorithm p.29 (REFERENCE §6.1, §6.5)');

export function sortedSteps(input: SignalInput): SignalTaperStep[] {
  return [...(input.taper?.steps ?? [])].sort(
    (a, b) => a.startDate.localeCompare(b.startDate) || a.index - b.index,
  );
}

/** Daily total in force on a day: the latest plan step started by then, else the regimen's schedule. */
function doseOn(ctx: SignalContext, steps: readonly SignalTaperStep[], day: LocalDate): number {
  let dose: number | null = null;
  for (const s of steps) if (s.startDate <= day) dose = s.dailyTotalMg;
  return dose ?? ctx.prescribed(day).scheduledMg;
}

const pct = (x: number): number => Math.round(x * 1000) / 10;

/**
 * SIG-TAPER-FAST, for plan steps starting within the last `taperWindowDays` or later:
 * - `/pace`: the step's daily total is more than `taperMaxFraction` (25%) below the highest daily
 *   total in force during the `taperWindowDays` (14) before it (Rec 6). Warning; a final step to
 *   0 mg, which is always 100%, alone gives info.
 * - `/above-default`: a single step reduces the previous daily total by more than
 *   `taperDefaultStepFraction` (10%; default initial pace 5–10%). Info; the final step excluded.
 * Clinician (prescriber) only.
 *
 * @example taperFastSignal(inputWith30PercentStep)[0]?.id // → 'SIG-TAPER-FAST/pace'
 */
export function taperFastSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const steps = sortedSteps(input);
  const since = daysAgo(ctx, s.taperWindowDays);
  const pace: (SignalEvidence & { final: boolean })[] = [];
  const big: SignalEvidence[] = [];
  for (const step of steps) {
    if (step.startDate < since) continue;
    const window = daysFromTo(
      plusDays(step.startDate, -s.taperWindowDays),
      plusDays(step.startDate, -1),
    );
    const ref = Math.max(0, ...window.map((d) => doseOn(ctx, steps, d)));
    const prev = doseOn(ctx, steps, plusDays(step.startDate, -1));
    const final = step.dailyTotalMg <= 0;
    const ev = (fromMg: number): SignalEvidence => ({
      kind: 'taperStep',
      ids: [String(step.index)],
      dates: [step.startDate],
      values: {
        fromMg,
        toMg: step.dailyTotalMg,
        reductionPercent: pct((fromMg - step.dailyTotalMg) / fromMg),
      },
    });
    if (ref > 0 && (ref - step.dailyTotalMg) / ref > s.taperMaxFraction + EPS)
      pace.push({ ...ev(ref), final });
    if (!final && prev > 0 && (prev - step.dailyTotalMg) / prev > s.taperDefaultStepFraction + EPS)
      big.push(ev(prev));
  }
  const out: Signal[] = [];
  if (pace.length > 0) {
    const onlyFinal = pace.every((p) => p.final);
    const list = pace.map(
      (p) =>
        `step ${p.ids?.[0] ?? ''} on ${p.dates?.[0] ?? ''}: ${p.values?.['fromMg'] ?? ''} → ${p.values?.['toMg'] ?? ''} mg/day (−${p.values?.['reductionPercent'] ?? ''}%)`,
    );
    out.push(
      makeSignal(ctx, {
        id: 'SIG-TAPER-FAST/pace',
        severity: onlyFinal ? 'info' : 'warning',
        audience: 'clinician',
        title: 'Taper pace above 25% in 2 weeks',
        evidence: pace.map(({ final: _final, ...e }) => e),
        sources: [REC6, cite('ASAM-POCKET', 'C', 'Rec 6; p.29')],
        clinicianText:
          `Reduction of more than ${pct(s.taperMaxFraction)}% within ${s.taperWindowDays} days: ${list.join('; ')}. Joint CPG ` +
          'Rec 6: the pace "should typically not exceed 25% every 2 weeks"; initial reductions of 5–10% every 2–4 ' +
          'weeks. Low doses used briefly (e.g. < 3 months) may allow faster tapering.' +
          (onlyFinal
            ? ' The only such step is the final step to 0 mg, which is always a 100% reduction; review whether the last dose before it is low enough.'
            : ''),
        settingKeys: ['taperMaxFraction', 'taperWindowDays'],
      }),
    );
  }
  if (big.length > 0) {
    out.push(
      makeSignal(ctx, {
        id: 'SIG-TAPER-FAST/above-default',
        severity: 'info',
        audience: 'clinician',
        title: 'Taper step above the 5–10% default',
        evidence: big,
        sources: [REC6],
        clinicianText:
          `${plural(big.length, 'planned step')} ${big.length === 1 ? 'reduces' : 'reduce'} the daily total by more than ${pct(s.taperDefaultStepFraction)}% of the ` +
          'previous dose (Rec 6: consider 5–10% when setting the initial pace; tailor to the patient, Rec 8).',
        settingKeys: ['taperDefaultStepFraction'],
      }),
    );
  }
  return out;
}

interface StepStart {
  readonly date: LocalDate;
  readonly fromMg: number;
  readonly toMg: number;
  readonly index: number | null;
}

/** Reductions from the plan and from regimen versions, by start date. */
function reductions(ctx: SignalContext, from: LocalDate, to: LocalDate): StepStart[] {
  const steps = sortedSteps(ctx.input);
  const byDate = new Map<LocalDate, StepStart>();
  for (const st of steps) {
    const prev = doseOn(ctx, steps, plusDays(st.startDate, -1));
    if (st.startDate >= from && st.startDate <= to && st.dailyTotalMg < prev) {
      byDate.set(st.startDate, {
        date: st.startDate,
        fromMg: prev,
        toMg: st.dailyTotalMg,
        index: st.index,
      });
    }
  }
  for (const d of daysFromTo(from, to)) {
    const before = ctx.prescribed(plusDays(d, -1));
    const now = ctx.prescribed(d);
    if (!byDate.has(d) && before.version !== null && now.scheduledMg < before.scheduledMg) {
      byDate.set(d, { date: d, fromMg: before.scheduledMg, toMg: now.scheduledMg, index: null });
    }
  }
  return [...byDate.values()].sort((a, b) => b.date.localeCompare(a.date));
}

/**
 * Withdrawal-checklist totals of the `post` days against the `base` days: evidence when the mean
 * rose by ≥ `wdStepMinRisePoints` and ≥ `wdStepMinRiseFraction` of the baseline, else null.
 */
export function checklistRise(
  ctx: SignalContext,
  base: readonly [LocalDate, LocalDate],
  post: readonly [LocalDate, LocalDate],
): SignalEvidence | null {
  const s = ctx.settings;
  const lists = ctx.questionnaires.filter((q) => q.instrumentId === 'withdrawal');
  const baseQ = inDays(ctx, lists, (q) => q.at, base[0], base[1]);
  const postQ = inDays(ctx, lists, (q) => q.at, post[0], post[1]);
  const bq = mean(baseQ.map((q) => q.total));
  const pq = mean(postQ.map((q) => q.total));
  if (
    bq === null ||
    pq === null ||
    pq - bq < s.wdStepMinRisePoints ||
    (bq > 0 && pq - bq < bq * s.wdStepMinRiseFraction)
  ) {
    return null;
  }
  return {
    kind: 'questionnaire',
    dates: [...baseQ, ...postQ].map((q) => q.at),
    values: { baselineMean: round2(bq), postStepMean: round2(pq) },
    note: 'Withdrawal checklist total',
  };
}

function afterStepEvidence(ctx: SignalContext, step: StepStart): SignalEvidence[] {
  const s = ctx.settings;
  const baseFrom = plusDays(step.date, -s.wdStepBaselineDays);
  const baseTo = plusDays(step.date, -1);
  const postFrom = plusDays(step.date, s.wdStepDelayDays);
  const postTo =
    plusDays(step.date, s.wdStepWindowDays) < ctx.today
      ? plusDays(step.date, s.wdStepWindowDays)
      : ctx.today;
  const out: SignalEvidence[] = [];

  const rise = checklistRise(ctx, [baseFrom, baseTo], [postFrom, postTo]);
  if (rise !== null) out.push(rise);
  const baseC = inDays(ctx, ctx.checkIns, (c) => c.at, baseFrom, baseTo);
  const postC = inDays(ctx, ctx.checkIns, (c) => c.at, postFrom, postTo);
  const bc = mean(baseC.map(symptomScore));
  const pc = mean(postC.map(symptomScore));
  if (
    bc !== null &&
    pc !== null &&
    baseC.length >= s.wdStepMinCheckIns &&
    postC.length >= s.wdStepMinCheckIns &&
    pc - bc >= s.wdStepMinCheckInRise
  ) {
    out.push({
      kind: 'checkIn',
      ids: [...baseC, ...postC].map((c) => c.id),
      values: { baselineMean: round2(bc), postStepMean: round2(pc) },
      note: 'Mean of anxiety and spasm ratings (0–10)',
    });
  }
  return out;
}

/**
 * SIG-WD-AFTER-STEP: after a dose reduction that started `wdStepDelayDays`–`wdStepWindowDays`
 * days ago (a taper-plan step, or a lower regimen version), withdrawal symptoms rose against the
 * `wdStepBaselineDays` before the step: the withdrawal-checklist mean by ≥ `wdStepMinRisePoints`
 * and ≥ `wdStepMinRiseFraction`, or the mean anxiety/spasm check-in rating by
 * ≥ `wdStepMinCheckInRise`. The delay allows for the slow fall of diazepam and nordiazepam.
 * Clinician only ("consider pausing or slowing"); the patient is never told to change a dose.
 *
 * @example withdrawalAfterStepSignal(input)[0]?.clinicianText // → 'After the reduction on … consider pausing or slowing …'
 */
export function withdrawalAfterStepSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  if (s.wdStepWindowDays < s.wdStepDelayDays) return [];
  for (const step of reductions(
    ctx,
    daysAgo(ctx, s.wdStepWindowDays),
    daysAgo(ctx, s.wdStepDelayDays),
  )) {
    const evidence = afterStepEvidence(ctx, step);
    if (evidence.length === 0) continue;
    const what = evidence
      .map(
        (e) =>
          `${e.note ?? ''} rose from ${e.values?.['baselineMean'] ?? ''} to ${e.values?.['postStepMean'] ?? ''}`,
      )
      .join('; ');
    return [
      makeSignal(ctx, {
        id: 'SIG-WD-AFTER-STEP',
        severity: 'caution',
        audience: 'clinician',
        title: 'Withdrawal symptoms rising after a taper step',
        evidence: [
          {
            kind: 'taperStep',
            ids: step.index === null ? [] : [String(step.index)],
            dates: [step.date],
            values: { fromMg: step.fromMg, toMg: step.toMg },
          },
          ...evidence,
        ],
        sources: [
          cite('JCPG-2025', 'C', 'Recs 9, 11; algorithm; Table 10 note (REFERENCE §6.1, §6.5)'),
          cite('ASAM-POCKET', 'C', 'p.22–24, p.29'),
          cite(
            'SEC-WEB',
            'P',
            'long-acting withdrawal may begin after 1–2 days or longer (REFERENCE §5.5)',
          ),
        ],
        clinicianText:
          `After the reduction on ${step.date} (${step.fromMg} → ${step.toMg} mg/day), ${what} (days ${s.wdStepDelayDays}–` +
          `${s.wdStepWindowDays} after the step vs the ${s.wdStepBaselineDays} days before). Consider pausing or slowing the ` +
          'taper (Recs 9, 11; "the primary strategy for managing BZD related withdrawal symptoms is pausing or slowing the ' +
          'taper"). Diazepam and nordiazepam fall over days to weeks, so symptoms days after a step are attributed to it; ' +
          `in muscle spasm, withdrawal can mimic the original indication. ${NEUTRAL}`,
        settingKeys: [
          'wdStepDelayDays',
          'wdStepWindowDays',
          'wdStepBaselineDays',
          'wdStepMinRisePoints',
          'wdStepMinRiseFraction',
          'wdStepMinCheckIns',
          'wdStepMinCheckInRise',
        ],
      }),
    ];
  }
  return [];
}
