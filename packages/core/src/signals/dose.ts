/**
 * Intake above the prescription: daily totals above the regimen (SIG-DOSE-ESC/daily-total), a
 * rising rolling mean (SIG-DOSE-ESC/creep), and early or extra doses trending up (SIG-EARLY-DOSE).
 */
import { cite } from '../sources.js';
import { makeSignal, NEUTRAL, plural } from './build.js';
import { contextOf, daysAgo, daysFromTo, mean, round2, type SignalContext } from './context.js';
import type { Signal, SignalInput } from './types.js';

const EPS = 1e-6;

const ESC_SOURCES = [
  cite(
    'LABEL-TAB',
    'C',
    'Dosage and Administration: no fixed maximum; Boxed Warning: assess risk throughout treatment (REFERENCE §3.1, §4.1)',
  ),
  cite('DSM5-TABLE', 'C', 'criterion 1: larger amounts or longer than intended (REFERENCE §9)'),
  cite('SEC-LABEL', 'P', 'misuse: use "in a way other than prescribed" (REFERENCE §9)'),
];

/**
 * SIG-DOSE-ESC/daily-total: on some of the last `recentDays` days the logged total was above what
 * the regimen allows (scheduled doses plus the full as-needed allowance). There is no fixed
 * maximum: the prescribed regimen is the limit. Slot doses count on their slot's day, so a late
 * evening dose taken after midnight does not double the next day. Warning from
 * `doseEscWarningDays` such days, caution below. Clinician only.
 *
 * @example
 * doseEscalationSignal(input)[0]?.evidence[0]
 * // → { kind: 'day', dates: ['2026-03-05'], values: { takenMg: 25, prescribedMaxMg: 20 }, … }
 */
export function doseEscalationSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const days = daysFromTo(daysAgo(ctx, s.recentDays - 1), ctx.today);
  const over = days.filter((d) => ctx.takenMg(d) > ctx.prescribed(d).maxMg + EPS);
  if (over.length === 0) return [];
  const overSet = new Set(over);
  const doseIds = ctx.doses
    .filter((e) => e.kind !== 'skipped' && overSet.has(ctx.doseDay(e)))
    .map((e) => e.id);
  const latest = over[over.length - 1] ?? '';
  const example = `${latest}: ${ctx.takenMg(latest)} mg logged vs ${ctx.prescribed(latest).maxMg} mg allowed`;
  return [
    makeSignal(ctx, {
      id: 'SIG-DOSE-ESC/daily-total',
      severity: over.length >= s.doseEscWarningDays ? 'warning' : 'caution',
      audience: 'clinician',
      title: 'Logged intake above the prescribed regimen',
      evidence: [
        ...over.map((d) => ({
          kind: 'day' as const,
          dates: [d],
          values: {
            takenMg: ctx.takenMg(d),
            prescribedMaxMg: ctx.prescribed(d).maxMg,
            regimenVersionId: ctx.prescribed(d).version?.id ?? null,
          },
        })),
        { kind: 'dose', ids: doseIds, note: 'Dose events counted on those days' },
      ],
      sources: ESC_SOURCES,
      clinicianText:
        `Logged diazepam intake was above the prescribed regimen (scheduled doses plus any as-needed allowance) ` +
        `on ${plural(over.length, 'day')} of the last ${s.recentDays} (latest ${example}). The label sets no fixed ` +
        'maximum; intake above the prescription is flagged at any amount. Possible explanations include logging ' +
        'errors, uncontrolled pain or spasm, and symptoms between doses; assess at the next contact. ' +
        NEUTRAL,
      settingKeys: ['recentDays', 'doseEscWarningDays'],
    }),
  ];
}

interface WindowStats {
  readonly taken: number;
  readonly scheduled: number;
  readonly max: number;
}

function windowStats(ctx: SignalContext, from: number, to: number): WindowStats | null {
  const days = daysFromTo(daysAgo(ctx, from), daysAgo(ctx, to));
  if (days.some((d) => ctx.prescribed(d).version === null)) return null;
  const avg = (f: (d: string) => number): number => mean(days.map(f)) ?? 0;
  return {
    taken: avg(ctx.takenMg),
    scheduled: avg((d) => ctx.prescribed(d).scheduledMg),
    max: avg((d) => ctx.prescribed(d).maxMg),
  };
}

/**
 * SIG-DOSE-ESC/creep: the mean daily intake over the last `creepRecentDays` complete days rose
 * against the `creepBaselineDays` before them, by at least `creepMinRiseFraction` and
 * `creepMinRiseMg` beyond any rise of the schedule itself, and now exceeds the scheduled
 * total (so catching up on missed doses is not creep). Caution when the recent mean is also
 * above the full allowance, otherwise info. Needs a regimen on every day of both windows.
 *
 * @example
 * doseCreepSignal(input)[0]?.evidence[0]?.values // → { recentMeanMg: 17, baselineMeanMg: 15, … }
 */
export function doseCreepSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const recent = windowStats(ctx, s.creepRecentDays, 1);
  const base = windowStats(ctx, s.creepRecentDays + s.creepBaselineDays, s.creepRecentDays + 1);
  if (recent === null || base === null || base.taken <= 0) return [];
  const rise = recent.taken - base.taken;
  const excessRise = rise - Math.max(0, recent.scheduled - base.scheduled);
  const fires =
    excessRise >= s.creepMinRiseMg - EPS &&
    rise >= base.taken * s.creepMinRiseFraction - EPS &&
    recent.taken > recent.scheduled + EPS;
  if (!fires) return [];
  const r = round2(recent.taken);
  const b = round2(base.taken);
  return [
    makeSignal(ctx, {
      id: 'SIG-DOSE-ESC/creep',
      severity: recent.taken > recent.max + EPS ? 'caution' : 'info',
      audience: 'clinician',
      title: 'Average daily intake rising',
      evidence: [
        {
          kind: 'metric',
          dates: [daysAgo(ctx, s.creepRecentDays + s.creepBaselineDays), daysAgo(ctx, 1)],
          values: {
            recentMeanMg: r,
            baselineMeanMg: b,
            recentScheduledMeanMg: round2(recent.scheduled),
            recentAllowedMeanMg: round2(recent.max),
          },
          note: `Mean of the last ${s.creepRecentDays} complete days vs the ${s.creepBaselineDays} days before`,
        },
      ],
      sources: ESC_SOURCES,
      clinicianText:
        `Mean logged intake rose from ${b} mg/day (the ${s.creepBaselineDays} days before) to ${r} mg/day (last ` +
        `${s.creepRecentDays} complete days), above the scheduled ${round2(recent.scheduled)} mg/day` +
        (recent.max > recent.scheduled
          ? ` (as-needed allowance up to ${round2(recent.max)} mg/day)`
          : '') +
        '. A gradual rise can reflect more as-needed use, pain flares, or reduced effect at the same dose. ' +
        NEUTRAL,
      settingKeys: [
        'creepRecentDays',
        'creepBaselineDays',
        'creepMinRiseFraction',
        'creepMinRiseMg',
      ],
    }),
  ];
}

/**
 * SIG-EARLY-DOSE: scheduled doses taken more than `earlyMinutes` before their time plus extra
 * (unscheduled or as-needed) doses, counted in the last `earlyWindowDays` and in the same span
 * before; flags when the recent count is at least `earlyMinEvents` and at least
 * `earlyRisingRatio` times the previous one. A stable habit (always early, steady as-needed use)
 * does not flag. Needs a regimen since the start of the previous window. Clinician only.
 *
 * @example
 * earlyDoseSignal(input)[0]?.evidence.at(-1)?.values // → { recentCount: 6, previousCount: 1 }
 */
export function earlyDoseSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const w = s.earlyWindowDays;
  const prevStart = daysAgo(ctx, 2 * w - 1);
  const recentStart = daysAgo(ctx, w - 1);
  if (w < 1 || ctx.prescribed(prevStart).version === null) return [];

  const early = ctx
    .slotOutcomes(prevStart)
    .filter(
      (o) => o.status === 'taken' && o.offsetMinutes !== null && o.offsetMinutes < -s.earlyMinutes,
    )
    .map((o) => ({ id: o.event?.id ?? o.slot.key, day: o.slot.localDate }));
  const extra = ctx.doses
    .filter(
      (e) => (e.kind === 'extra' || (e.kind === 'taken' && e.slotKey === null)) && e.amountMg > 0,
    )
    .map((e) => ({ id: e.id, day: ctx.dayOf(e.takenAt) }))
    .filter((e) => e.day >= prevStart);
  const recentEarly = early.filter((e) => e.day >= recentStart);
  const recentExtra = extra.filter((e) => e.day >= recentStart);
  const recentCount = recentEarly.length + recentExtra.length;
  const previousCount = early.length + extra.length - recentCount;
  if (
    recentCount < s.earlyMinEvents ||
    recentCount <= previousCount ||
    recentCount < previousCount * s.earlyRisingRatio
  )
    return [];

  return [
    makeSignal(ctx, {
      id: 'SIG-EARLY-DOSE',
      severity: 'caution',
      audience: 'clinician',
      title: 'More early or extra doses',
      evidence: [
        {
          kind: 'dose',
          ids: recentEarly.map((e) => e.id),
          note: `Scheduled doses taken more than ${s.earlyMinutes} min early`,
        },
        { kind: 'dose', ids: recentExtra.map((e) => e.id), note: 'Extra or as-needed doses' },
        {
          kind: 'metric',
          values: { recentCount, previousCount },
          note: `Last ${w} days vs the ${w} days before`,
        },
      ],
      sources: [
        cite('BDEPQ-MANUAL', 'C', 'item 1: redosing as the previous dose wears off (REFERENCE §9)'),
      ],
      clinicianText:
        `Early or extra doses rose from ${previousCount} (previous ${w} days) to ${recentCount} (last ${w} days): ` +
        `${recentEarly.length} scheduled doses taken more than ${s.earlyMinutes} min early and ${recentExtra.length} ` +
        'extra or as-needed doses. Re-dosing as the previous dose wears off is one possible reason (BDEPQ item 1); ' +
        'others include pain flares, a changed daily routine or logging habits. ' +
        NEUTRAL,
      settingKeys: ['earlyWindowDays', 'earlyMinutes', 'earlyMinEvents', 'earlyRisingRatio'],
    }),
  ];
}
