/**
 * Missed doses: streaks of missed or skipped doses (SIG-TAPER-SKIP during a taper, the project's
 * SIG-MISSED-STREAK otherwise) and symptoms after missed doses or late in the dosing interval
 * (SIG-INTERDOSE-WD).
 */
import type { SlotOutcome } from '../regimen/adherence.js';
import { doseSlots } from '../regimen/slots.js';
import { cite } from '../sources.js';
import { DONT_STOP, makeSignal, NEUTRAL, plural } from './build.js';
import {
  contextOf,
  daysAgo,
  inDays,
  mean,
  round2,
  symptomScore,
  taperActiveOn,
  plusDays,
  lastIndexAtOrBefore,
} from './context.js';
import type { Signal, SignalInput } from './types.js';

const isMiss = (o: SlotOutcome): boolean => o.status === 'missed' || o.status === 'skipped';

function longestStreak(outcomes: readonly SlotOutcome[]): number {
  let best = 0;
  let run = 0;
  for (const o of outcomes) {
    if (o.status === 'pending') continue;
    run = isMiss(o) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}

const WITHDRAWAL_SOURCES = [
  cite(
    'FDA-DSC-2020',
    'C',
    'abrupt stopping can cause withdrawal reactions, including seizures (REFERENCE §4.1)',
  ),
  cite('JCPG-2025', 'C', 'Rec 2: avoid abrupt discontinuation (REFERENCE §6.1)'),
];

/**
 * Missed or skipped doses in the last `missedLookbackDays` (an unanswered slot counts as missed
 * `missedGraceMinutes` after its time).
 * - During a taper: SIG-TAPER-SKIP when the longest streak reaches `taperSkipMinStreak` (default:
 *   any missed dose); caution from 2 in a row, info for one. Patient reminder + clinician.
 * - Otherwise: SIG-MISSED-STREAK (project id) from `missedMinStreak` in a row; info, patient +
 *   clinician, reinforcing "do not stop suddenly".
 *
 * @example
 * missedDoseSignal(inputDuringTaper)[0]?.id // → 'SIG-TAPER-SKIP'
 */
export function missedDoseSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const outcomes = ctx.slotOutcomes(daysAgo(ctx, s.missedLookbackDays - 1));
  const misses = outcomes.filter(isMiss);
  const streak = longestStreak(outcomes);
  const evidence = [
    {
      kind: 'slot' as const,
      dates: misses.map((o) => o.slot.key),
      ids: misses.flatMap((o) => (o.event === null ? [] : [o.event.id])),
    },
    { kind: 'metric' as const, values: { missedOrSkipped: misses.length, longestStreak: streak } },
  ];
  const summary = `${plural(misses.length, 'scheduled dose')} missed or skipped in the last ${s.missedLookbackDays} days (longest run ${streak})`;
  const unlogged = 'Doses not logged count as missed; some may have been taken without logging.';

  if (taperActiveOn(input, ctx.today)) {
    if (misses.length === 0 || streak < s.taperSkipMinStreak) return [];
    return [
      makeSignal(ctx, {
        id: 'SIG-TAPER-SKIP',
        severity: streak >= 2 ? 'caution' : 'info',
        audience: 'both',
        title: 'Missed doses during the taper',
        evidence,
        sources: [
          cite(
            'ASAM-PATIENT',
            'C',
            'p.13: "Try to avoid skipping any doses during the tapering process"',
          ),
          ...WITHDRAWAL_SOURCES,
        ],
        patientText:
          `Your log shows ${summary}. During a taper, try to avoid skipping any doses, as this can make ` +
          'withdrawal symptoms worse. If doses are hard to keep to, or you notice symptoms, tell your prescriber. ' +
          DONT_STOP,
        clinicianText: `During the taper: ${summary}. ${unlogged} Skipped doses in a taper can worsen withdrawal (ASAM patient guide).`,
        settingKeys: ['missedLookbackDays', 'taperSkipMinStreak', 'missedGraceMinutes'],
      }),
    ];
  }
  if (streak < s.missedMinStreak || streak === 0) return [];
  return [
    makeSignal(ctx, {
      id: 'SIG-MISSED-STREAK',
      severity: 'info',
      audience: 'both',
      title: 'Several doses missed in a row',
      evidence,
      sources: WITHDRAWAL_SOURCES,
      patientText:
        `Your log shows ${summary}. Stopping diazepam suddenly can cause withdrawal reactions, which can be ` +
        `serious. If doses are hard to keep to, or you are thinking about stopping, tell your prescriber. ${DONT_STOP}`,
      clinicianText: `${summary}. ${unlogged} Abrupt discontinuation can precipitate withdrawal reactions (Rec 2, FDA 2020).`,
      settingKeys: ['missedLookbackDays', 'missedMinStreak', 'missedGraceMinutes'],
    }),
  ];
}

/**
 * SIG-INTERDOSE-WD: over the last `interdoseWindowDays`, check-ins made within
 * `interdoseAfterMissedHours` after a missed or skipped dose, or in the last
 * `interdoseLateFraction` of the interval between two scheduled doses, show a higher mean
 * symptom score (mean of anxiety and spasm, 0–10) than the other check-ins, by at least
 * `interdoseMinDifference`. Needs `interdoseMinExposed` and `interdoseMinOther` check-ins.
 * Clinician only; less expected with diazepam's long half-life, so the text asks for correlation
 * with the relative-level curve.
 *
 * @example
 * interdoseWithdrawalSignal(input)[0]?.evidence[2]?.values // → { exposedMean: 7, otherMean: 3.5, … }
 */
export function interdoseWithdrawalSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const from = daysAgo(ctx, s.interdoseWindowDays - 1);
  const outcomes = ctx.slotOutcomes(plusDays(from, -2));
  const tomorrow = plusDays(ctx.today, 1);
  const dueMs = [
    ...outcomes.map((o) => Date.parse(o.slot.dueAt)),
    ...doseSlots(input.regimenVersions, tomorrow, tomorrow, ctx.zone).map((sl) =>
      Date.parse(sl.dueAt),
    ),
  ];
  const missMs = outcomes.filter(isMiss).map((o) => Date.parse(o.slot.dueAt));
  const afterMissMs = s.interdoseAfterMissedHours * 3_600_000;

  const afterMiss: { id: string; score: number }[] = [];
  const late: { id: string; score: number }[] = [];
  const other: number[] = [];
  for (const c of inDays(ctx, ctx.checkIns, (x) => x.at, from, ctx.today)) {
    const t = Date.parse(c.at);
    const score = symptomScore(c);
    if (missMs.some((m) => m <= t && t <= m + afterMissMs)) {
      afterMiss.push({ id: c.id, score });
      continue;
    }
    const i = lastIndexAtOrBefore(dueMs, t);
    const prev = dueMs[i];
    const next = dueMs[i + 1];
    if (
      prev !== undefined &&
      next !== undefined &&
      next > prev &&
      (t - prev) / (next - prev) >= 1 - s.interdoseLateFraction
    ) {
      late.push({ id: c.id, score });
    } else other.push(score);
  }
  const exposed = [...afterMiss, ...late];
  const exposedMean = mean(exposed.map((e) => e.score));
  const otherMean = mean(other);
  if (
    exposedMean === null ||
    otherMean === null ||
    exposed.length < s.interdoseMinExposed ||
    other.length < s.interdoseMinOther
  )
    return [];
  if (exposedMean - otherMean < s.interdoseMinDifference) return [];

  const em = round2(exposedMean);
  const om = round2(otherMean);
  return [
    makeSignal(ctx, {
      id: 'SIG-INTERDOSE-WD',
      severity: 'caution',
      audience: 'clinician',
      title: 'Symptoms between doses or after missed doses',
      evidence: [
        {
          kind: 'checkIn',
          ids: afterMiss.map((e) => e.id),
          note: `Within ${s.interdoseAfterMissedHours} h after a missed or skipped dose`,
        },
        {
          kind: 'checkIn',
          ids: late.map((e) => e.id),
          note: 'Late in the interval between scheduled doses',
        },
        {
          kind: 'metric',
          values: {
            exposedMean: em,
            exposedCount: exposed.length,
            otherMean: om,
            otherCount: other.length,
          },
        },
      ],
      sources: [
        cite('ASAM-PATIENT', 'C', 'p.13: withdrawal symptoms between doses'),
        cite(
          'JCPG-2025',
          'C',
          'algorithm input "patient reported symptoms following missed dose"; Table 3 (REFERENCE §6.3, §6.5)',
        ),
        cite('ASAM-POCKET', 'C', 'p.10 Table 3; p.29 algorithm'),
      ],
      clinicianText:
        `Mean anxiety/spasm rating was ${em} (0–10) in ${exposed.length} check-ins after missed doses or late in the ` +
        `dosing interval vs ${om} in ${other.length} other check-ins (last ${s.interdoseWindowDays} days). Symptoms ` +
        "between doses are less expected with diazepam's long half-life: compare with the relative-level curve and " +
        'the time-of-day pattern of the underlying condition. In muscle spasm, withdrawal can mimic the original ' +
        'indication. The patient guide mentions a longer-acting benzodiazepine or more frequent dosing as options. ' +
        NEUTRAL,
      settingKeys: [
        'interdoseWindowDays',
        'interdoseAfterMissedHours',
        'interdoseLateFraction',
        'interdoseMinExposed',
        'interdoseMinOther',
        'interdoseMinDifference',
      ],
    }),
  ];
}
