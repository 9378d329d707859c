/**
 * "What helps me": n-of-1 associations between the patient's techniques, check-in activities
 * and dose timing and their pain, muscle tension and drowsiness, from core `insights/`. Pure:
 * the route loads the rows (only the categories the caller may see) and this builds factors.
 * Everything is an association, never a cause; below the minimum-data rule no number is given.
 */
import {
  ASSOCIATION_DISCLAIMER,
  CONFIDENCE_LEVEL,
  INSIGHT_MINIMUM_DATA,
  addDays,
  binaryAssociation,
  computeAdherence,
  dailyActivityDone,
  dailyCheckInSeries,
  describeAssociation,
  lateDoseDays,
  localDateOf,
  studentTQuantile,
  type BinaryAssociationResult,
  type CheckIn,
  type LocalDate,
  type MinimumData,
  type RegimenVersion,
} from '@steady/core';
import type { DoseEventView } from '../doses/repo.js';
import type { SessionFacts } from './repo.js';

export type Outcome =
  | 'pain-in-session'
  | 'tension-in-session'
  | 'pain-same-day'
  | 'pain-next-day'
  | 'drowsiness-same-day';

export interface Effect {
  readonly outcome: Outcome;
  /** before-after: within-session change (after − before); days: days with vs without. */
  readonly comparison: 'before-after' | 'days';
  readonly status: 'ok' | 'insufficient-data' | 'no-variation';
  readonly lagDays: number;
  /** Scale of the outcome: pain and tension 0–10, drowsiness 0 (none) to 3 (severe). */
  readonly scaleMax: 10 | 3;
  /** Sessions with both ratings (before-after), or days with both records (days). */
  readonly n: number;
  readonly nWith: number | null;
  readonly nWithout: number | null;
  readonly minimum: MinimumData;
  /** More data still needed, below the minimum rule; null once it is met. */
  readonly needed: {
    readonly pairedDays: number;
    readonly withFactor: number | null;
    readonly withoutFactor: number | null;
  } | null;
  /** after − before, or mean with − mean without; null unless status is ok. */
  readonly estimate: number | null;
  readonly ci: { readonly lower: number; readonly upper: number; readonly level: number } | null;
  /** Hedges' g of a days comparison; null otherwise. */
  readonly hedgesG: number | null;
  /** English sentence (core `describeAssociation` or its before-after twin). */
  readonly wording: string;
}

export interface Factor {
  /** `technique:<id>`, `activity:<name>` or `dose-timing:late`. */
  readonly id: string;
  readonly kind: 'technique' | 'activity' | 'dose-timing';
  /** The technique id, the activity as logged, or `late`. */
  readonly key: string;
  /** Days in the window with the factor (a session, the activity, a late dose). */
  readonly days: number;
  readonly effects: Effect[];
}

export interface InsightInput {
  readonly zone: string;
  /** First and last local day of the window (inclusive). */
  readonly from: LocalDate;
  readonly to: LocalDate;
  /** null: not visible to the caller. */
  readonly sessions: readonly SessionFacts[] | null;
  readonly checkIns: readonly CheckIn[] | null;
  readonly doses: {
    readonly versions: readonly RegimenVersion[];
    readonly events: readonly DoseEventView[];
    readonly now: string;
  } | null;
  readonly minimum?: MinimumData;
}

const OUTCOME_WORDS: Readonly<Record<Outcome, { outcome: string; unit: string }>> = {
  'pain-in-session': { outcome: 'your pain', unit: 'points' },
  'tension-in-session': { outcome: 'your muscle tension', unit: 'points' },
  'pain-same-day': { outcome: 'your pain', unit: 'points' },
  'pain-next-day': { outcome: 'your pain', unit: 'points' },
  'drowsiness-same-day': { outcome: 'your drowsiness (0 to 3)', unit: 'points' },
};

const MINUS = '\u2212';
const fmt = (x: number) => {
  const s = Math.abs(x).toFixed(1);
  return x < 0 && Number(s) !== 0 ? `${MINUS}${s}` : s;
};

function fromBinary(
  outcome: Outcome,
  r: BinaryAssociationResult,
  factorWords: string,
  scaleMax: 10 | 3,
): Effect {
  const wording = describeAssociation(r, { factor: factorWords, ...OUTCOME_WORDS[outcome] });
  const common = {
    outcome,
    comparison: 'days' as const,
    lagDays: r.lagDays,
    scaleMax,
    n: r.pairedDays,
    minimum: r.minimum,
    wording,
  };
  switch (r.status) {
    case 'ok':
      return {
        ...common,
        status: 'ok',
        nWith: r.nWith,
        nWithout: r.nWithout,
        needed: null,
        estimate: r.difference,
        ci: r.ci,
        hedgesG: r.hedgesG,
      };
    case 'insufficient-data':
      return {
        ...common,
        status: 'insufficient-data',
        nWith: r.nWith ?? null,
        nWithout: r.nWithout ?? null,
        needed: {
          pairedDays: r.needed.pairedDays,
          withFactor: r.needed.withFactor ?? null,
          withoutFactor: r.needed.withoutFactor ?? null,
        },
        estimate: null,
        ci: null,
        hedgesG: null,
      };
    case 'no-variation':
      return {
        ...common,
        status: 'no-variation',
        nWith: null,
        nWithout: null,
        needed: null,
        estimate: null,
        ci: null,
        hedgesG: null,
      };
  }
}

/**
 * Mean within-session change (after − before) with a t-interval, over the sessions rated both
 * before and after. The minimum rule's `pairedDays` applies to the number of such sessions.
 */
export function withinSessionChange(
  outcome: 'pain-in-session' | 'tension-in-session',
  pairs: readonly { readonly before: number; readonly after: number }[],
  techniqueWords: string,
  minimum: MinimumData,
): Effect {
  const n = pairs.length;
  const common = {
    outcome,
    comparison: 'before-after' as const,
    lagDays: 0,
    scaleMax: 10 as const,
    n,
    nWith: null,
    nWithout: null,
    minimum,
    hedgesG: null,
  };
  const what = OUTCOME_WORDS[outcome].outcome;
  if (n < minimum.pairedDays) {
    return {
      ...common,
      status: 'insufficient-data',
      needed: { pairedDays: minimum.pairedDays - n, withFactor: null, withoutFactor: null },
      estimate: null,
      ci: null,
      wording: `Not enough data yet: this needs at least ${minimum.pairedDays} sessions rated before and after (so far ${n}).`,
    };
  }
  const changes = pairs.map((p) => p.after - p.before);
  const mean = changes.reduce((a, b) => a + b, 0) / n;
  const variance = changes.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  if (variance === 0) {
    return {
      ...common,
      status: 'no-variation',
      needed: null,
      estimate: null,
      ci: null,
      wording: 'There is nothing to compare yet: the change was the same in every session.',
    };
  }
  const half = studentTQuantile(1 - (1 - CONFIDENCE_LEVEL) / 2, n - 1) * Math.sqrt(variance / n);
  const ci = { lower: mean - half, upper: mean + half, level: CONFIDENCE_LEVEL };
  const direction =
    fmt(mean) === '0.0'
      ? 'about the same after as before'
      : `${fmt(Math.abs(mean))} points ${mean < 0 ? 'lower' : 'higher'} after than before`;
  const chance =
    ci.lower < 0 && ci.upper > 0 ? ' The interval includes no change, so this may be chance.' : '';
  return {
    ...common,
    status: 'ok',
    needed: null,
    estimate: mean,
    ci,
    wording:
      `In sessions of ${techniqueWords}, ${what} was ${direction} on average ` +
      `(95 % CI ${fmt(ci.lower)} to ${fmt(ci.upper)}; ${n} sessions).${chance} ${ASSOCIATION_DISCLAIMER}`,
  };
}

/** Every local day of the window, each `false` unless `yes` holds it. */
function everyDay(from: LocalDate, to: LocalDate, yes: ReadonlySet<LocalDate>) {
  const out = new Map<LocalDate, boolean>();
  for (let d = from; d <= to; d = addDays(d, 1)) out.set(d, yes.has(d));
  return out;
}

const byCountThenName = (a: { key: string; days: number }, b: { key: string; days: number }) =>
  b.days - a.days || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function computeInsights(input: InsightInput): Factor[] {
  const { zone, from, to } = input;
  const minimum = input.minimum ?? INSIGHT_MINIMUM_DATA.value;
  const series = input.checkIns === null ? null : dailyCheckInSeries(input.checkIns, zone);
  const factors: Factor[] = [];

  if (input.sessions !== null) {
    const byTechnique = new Map<string, SessionFacts[]>();
    for (const s of input.sessions) {
      byTechnique.set(s.techniqueId, [...(byTechnique.get(s.techniqueId) ?? []), s]);
    }
    const techniques: Factor[] = [];
    for (const [key, sessions] of byTechnique) {
      const days = new Set(sessions.map((s) => localDateOf(s.startedAt, zone)));
      const words = key.replaceAll('-', ' ');
      const rated = (pick: (s: SessionFacts) => [number | null, number | null]) =>
        sessions.flatMap((s) => {
          const [before, after] = pick(s);
          return before === null || after === null ? [] : [{ before, after }];
        });
      // A within-session change only where at least one session was rated before and after.
      const effects: Effect[] = (
        [
          ['pain-in-session', rated((s) => [s.painBefore, s.painAfter])],
          ['tension-in-session', rated((s) => [s.tensionBefore, s.tensionAfter])],
        ] as const
      ).flatMap(([outcome, pairs]) =>
        pairs.length === 0 ? [] : [withinSessionChange(outcome, pairs, words, minimum)],
      );
      if (series !== null) {
        const r = binaryAssociation(everyDay(from, to, days), series.pain, { lagDays: 1, minimum });
        effects.push(fromBinary('pain-next-day', r, `you did ${words}`, 10));
      }
      techniques.push({ id: `technique:${key}`, kind: 'technique', key, days: days.size, effects });
    }
    factors.push(...techniques.sort(byCountThenName));
  }

  if (input.checkIns !== null && series !== null) {
    const names = new Set(input.checkIns.flatMap((c) => c.activities));
    const activities: Factor[] = [];
    for (const key of names) {
      const done = dailyActivityDone(input.checkIns, zone, key);
      const days = [...done.values()].filter(Boolean).length;
      const words = `you logged ${key}`;
      activities.push({
        id: `activity:${key}`,
        kind: 'activity',
        key,
        days,
        effects: [
          fromBinary('pain-same-day', binaryAssociation(done, series.pain, { minimum }), words, 10),
          fromBinary(
            'pain-next-day',
            binaryAssociation(done, series.pain, { lagDays: 1, minimum }),
            words,
            10,
          ),
        ],
      });
    }
    factors.push(...activities.sort(byCountThenName));

    if (input.doses !== null && input.doses.versions.length > 0) {
      const report = computeAdherence({
        versions: input.doses.versions,
        events: input.doses.events,
        zone,
        from,
        to,
        now: input.doses.now,
      });
      const late = lateDoseDays(report);
      const r = binaryAssociation(late, series.drowsiness, { minimum });
      factors.push({
        id: 'dose-timing:late',
        kind: 'dose-timing',
        key: 'late',
        days: [...late.values()].filter(Boolean).length,
        effects: [fromBinary('drowsiness-same-day', r, 'a dose was taken late', 3)],
      });
    }
  }
  return factors;
}
