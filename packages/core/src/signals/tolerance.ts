/** Waning effect at a stable dose (SIG-TOLERANCE). */
import { cite } from '../sources.js';
import { makeSignal, NEUTRAL } from './build.js';
import {
  contextOf,
  daysAgo,
  daysFromTo,
  inDays,
  mean,
  round2,
  type SignalContext,
} from './context.js';
import type { Signal, SignalEvidence, SignalInput, SignalQuestionnaire } from './types.js';

/** PEG score on its 0–10 scale: mean of the item scores, or the total when given as a mean. */
export function pegScore(q: SignalQuestionnaire): number {
  const items = Object.values(q.itemScores);
  return items.length > 0 ? (mean(items) ?? 0) : q.total;
}

/** True when the prescription and the logged intake stayed level over `days`. */
function doseStable(
  ctx: SignalContext,
  days: readonly string[],
  baseline: readonly string[],
  recent: readonly string[],
): boolean {
  const first = ctx.prescribed(days[0] ?? ctx.today);
  if (first.version === null) return false;
  if (
    !days.every(
      (d) =>
        ctx.prescribed(d).maxMg === first.maxMg &&
        ctx.prescribed(d).scheduledMg === first.scheduledMg,
    )
  )
    return false;
  const b = mean(baseline.map(ctx.takenMg)) ?? 0;
  const r = mean(recent.map(ctx.takenMg)) ?? 0;
  return r >= b * (1 - ctx.settings.toleranceMaxTakenDrop);
}

/** Worsening by the minimal important difference: ≥ minPoints, or ≥ minFraction and ≥ 1 point. */
function importantWorsening(ctx: SignalContext, base: number, recent: number): boolean {
  const rise = recent - base;
  const s = ctx.settings;
  return (
    rise >= s.toleranceMinPoints || (rise >= 1 && base > 0 && rise / base >= s.toleranceMinFraction)
  );
}

/**
 * SIG-TOLERANCE: pain rated in check-ins (NRS 0–10) is worse in the last `toleranceWindowDays`
 * than in the first `toleranceWindowDays` of a `tolerancePeriodDays` span, by the minimal
 * important difference (≥ `toleranceMinPoints` points, or ≥ `toleranceMinFraction` and ≥ 1
 * point; FARRAR-2001), while the prescribed dose was unchanged from `toleranceSettleDays` before
 * the span to today and the logged intake did not fall by more than `toleranceMaxTakenDrop`.
 * PEG scores, when present in both windows, flag by the PEG MID (`pegMinChange`). Clinician only;
 * worded as one possible explanation among several.
 *
 * @example
 * toleranceSignal(input)[0]?.evidence[0]?.values // → { baselineMean: 4, recentMean: 6.5, … }
 */
export function toleranceSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const period = Math.max(s.tolerancePeriodDays, s.toleranceWindowDays * 2);
  const periodStart = daysAgo(ctx, period - 1);
  const baseEnd = daysAgo(ctx, period - s.toleranceWindowDays);
  const recentStart = daysAgo(ctx, s.toleranceWindowDays - 1);
  const stableDays = daysFromTo(daysAgo(ctx, period - 1 + s.toleranceSettleDays), ctx.today);
  // Today is incomplete, so the intake comparison stops at yesterday.
  const recentTaken = daysFromTo(
    recentStart,
    recentStart < ctx.today ? daysAgo(ctx, 1) : ctx.today,
  );
  if (!doseStable(ctx, stableDays, daysFromTo(periodStart, baseEnd), recentTaken)) return [];

  const evidence: SignalEvidence[] = [];
  const baseCheckIns = inDays(ctx, ctx.checkIns, (c) => c.at, periodStart, baseEnd);
  const recentCheckIns = inDays(ctx, ctx.checkIns, (c) => c.at, recentStart, ctx.today);
  const bPain = mean(baseCheckIns.map((c) => c.pain));
  const rPain = mean(recentCheckIns.map((c) => c.pain));
  if (
    bPain !== null &&
    rPain !== null &&
    baseCheckIns.length >= s.toleranceMinReadings &&
    recentCheckIns.length >= s.toleranceMinReadings &&
    importantWorsening(ctx, bPain, rPain)
  ) {
    evidence.push({
      kind: 'checkIn',
      ids: [...baseCheckIns, ...recentCheckIns].map((c) => c.id),
      dates: [periodStart, baseEnd, recentStart, ctx.today],
      values: {
        baselineMean: round2(bPain),
        recentMean: round2(rPain),
        baselineCount: baseCheckIns.length,
        recentCount: recentCheckIns.length,
      },
      note: 'Pain NRS: first vs last window of the period',
    });
  }
  const pegs = ctx.questionnaires.filter((q) => q.instrumentId === 'peg');
  const basePeg = inDays(ctx, pegs, (q) => q.at, periodStart, baseEnd);
  const recentPeg = inDays(ctx, pegs, (q) => q.at, recentStart, ctx.today);
  const bPeg = mean(basePeg.map(pegScore));
  const rPeg = mean(recentPeg.map(pegScore));
  if (bPeg !== null && rPeg !== null && rPeg - bPeg >= s.pegMinChange) {
    evidence.push({
      kind: 'questionnaire',
      dates: [...basePeg, ...recentPeg].map((q) => q.at),
      values: { baselinePeg: round2(bPeg), recentPeg: round2(rPeg) },
      note: 'PEG (0–10): first vs last window of the period',
    });
  }
  if (evidence.length === 0) return [];

  const mg = ctx.prescribed(ctx.today).maxMg;
  const what = evidence
    .map((e) =>
      e.kind === 'checkIn'
        ? `mean pain rose from ${e.values?.['baselineMean'] ?? ''} to ${e.values?.['recentMean'] ?? ''} (NRS 0–10)`
        : `PEG rose from ${e.values?.['baselinePeg'] ?? ''} to ${e.values?.['recentPeg'] ?? ''}`,
    )
    .join('; ');
  return [
    makeSignal(ctx, {
      id: 'SIG-TOLERANCE',
      severity: 'caution',
      audience: 'clinician',
      title: 'Pain worse at an unchanged dose',
      evidence: [
        ...evidence,
        {
          kind: 'regimen',
          ids: [ctx.prescribed(ctx.today).version?.id ?? ''],
          values: { prescribedMaxMg: mg },
        },
      ],
      sources: [
        cite(
          'DSM5-TABLE',
          'C',
          'tolerance: markedly diminished effect with the same amount (REFERENCE §9)',
        ),
        cite('NHS-SCOT-BZD', 'C', 'tolerance within 2–4 weeks (REFERENCE §6.6)'),
        cite('SEC-LABEL', 'P', 'effectiveness beyond 4 months not assessed (REFERENCE §3.1)'),
        cite('FARRAR-2001', 'C', 'NRS minimal important difference (REFERENCE §7)'),
        ...(evidence.some((e) => e.kind === 'questionnaire')
          ? [cite('KREBS-2009', 'C', 'PEG (REFERENCE §7)')]
          : []),
      ],
      clinicianText:
        `Over the last ${period} days ${what}, while the prescribed regimen stayed the same (up to ${mg} mg/day) and ` +
        'logged intake did not fall. Reduced effect at the same dose (tolerance) is one possible explanation; others ' +
        'include the course of the underlying condition, new injury, mood or sleep changes, and symptoms of ' +
        'withdrawal between doses. The label advises periodic reassessment of usefulness. ' +
        NEUTRAL,
      settingKeys: [
        'tolerancePeriodDays',
        'toleranceWindowDays',
        'toleranceSettleDays',
        'toleranceMinReadings',
        'toleranceMinPoints',
        'toleranceMinFraction',
        'toleranceMaxTakenDrop',
        'pegMinChange',
      ],
    }),
  ];
}
