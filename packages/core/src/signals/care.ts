/**
 * Care-process signals: reassessment due (SIG-REVIEW-DUE), running out earlier than the regimen
 * explains (SIG-EARLY-REFILL), and the adjustment-period caution after a start or increase
 * (project id SIG-ADJUSTMENT).
 */
import type { LocalDate } from '../regimen/types.js';
import { cite, type SourceRef } from '../sources.js';
import { makeSignal, NEUTRAL, plural } from './build.js';
import { medicationsIn } from './comedication.js';
import { addMonths, contextOf, daysAgo, daysFromTo, round2, plusDays } from './context.js';
import type { Signal, SignalEvidence, SignalInput } from './types.js';

const EPS = 1e-6;

/**
 * SIG-REVIEW-DUE: no documented risk/benefit review within `reviewIntervalMonths` (3) of today,
 * counting from the last review or, when none is recorded, from the start of the current course
 * (Rec 1; with an opioid also Rec 16). Only while a regimen is in force. Caution; warning
 * when an opioid is listed. Clinician only.
 *
 * @example reviewDueSignal({ ...input, lastReviewAt: '2025-10-01T10:00:00Z' })[0]?.id // → 'SIG-REVIEW-DUE'
 */
export function reviewDueSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const days = ctx.treatmentDays();
  if (days === null) return [];
  const courseStart = plusDays(ctx.today, -days);
  const last = input.lastReviewAt == null ? null : ctx.dayOf(input.lastReviewAt);
  const base = last ?? courseStart;
  const due = addMonths(base, ctx.settings.reviewIntervalMonths);
  if (due > ctx.today) return [];
  const opioids = medicationsIn(ctx, ['opioids']);
  const renewals = ctx.dispensing.filter((d) => ctx.dayOf(d.at) > base);
  return [
    makeSignal(ctx, {
      id: 'SIG-REVIEW-DUE',
      severity: opioids.length > 0 ? 'warning' : 'caution',
      audience: 'clinician',
      title: 'Risk/benefit review due',
      evidence: [
        {
          kind: 'review',
          dates: last === null ? [] : [last],
          values: { lastReview: last, courseStart, dueBy: due },
        },
        ...(renewals.length > 0
          ? [
              {
                kind: 'dispensing' as const,
                dates: renewals.map((d) => d.at),
                note: 'Dispensings since then',
              },
            ]
          : []),
        ...(opioids.length > 0
          ? [
              {
                kind: 'medication' as const,
                ids: opioids.map((m) => m.id),
                note: 'Opioid co-prescription',
              },
            ]
          : []),
      ],
      sources: [
        cite('JCPG-2025', 'C', `Rec 1${opioids.length > 0 ? ', Rec 16' : ''} (REFERENCE §6.1)`),
        cite('SEC-LABEL', 'P', 'periodically reassess the usefulness of the drug (REFERENCE §3.1)'),
      ],
      clinicianText:
        (last === null
          ? `No risk/benefit review recorded; the course began on ${courseStart}`
          : `Last risk/benefit review ${last}`) +
        `; due by ${due}. Joint CPG Rec 1: assess risks and benefits at least every ${ctx.settings.reviewIntervalMonths} months and ` +
        'at each new prescription or renewal, and review the PDMP.' +
        (renewals.length > 0 ? ` ${plural(renewals.length, 'dispensing')} since then.` : '') +
        (opioids.length > 0
          ? ' With an opioid (Rec 16): at least every 3 months or at each related encounter or renewal, whichever is more frequent.'
          : ''),
      settingKeys: ['reviewIntervalMonths'],
    }),
  ];
}

/** Sources of the early-refill signals (by dispensing here, by stock count in stock.ts). */
export const EARLY_REFILL_SOURCES: readonly SourceRef[] = [
  cite('JCPG-2025', 'C', 'Rec 1b: review the PDMP (REFERENCE §6.1, §9)'),
  cite(
    'SEC-WEB',
    'P',
    'misuse-sign list: early refills, lost prescriptions, multiple prescribers (REFERENCE §9)',
  ),
];

/**
 * SIG-EARLY-REFILL: a dispensing within the last `refillLookbackDays` came while, at the most
 * use the regimen allows (scheduled doses plus the full as-needed allowance, day by day), more
 * than `refillGraceDays` of supply should still have been on hand. Supply carries over between
 * dispensings; before the first one it is taken as 0. Caution; warning from two such dispensings.
 * Clinician only.
 *
 * @example earlyRefillSignal(input)[0]?.evidence[0]?.values // → { daysEarly: 9.5, expectedOnHandMg: 95, … }
 */
export function earlyRefillSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const s = ctx.settings;
  const since = daysAgo(ctx, s.refillLookbackDays);
  const early: SignalEvidence[] = [];
  let onHand = 0;
  let prevDay: LocalDate | null = null;
  for (const d of ctx.dispensing) {
    const day = ctx.dayOf(d.at);
    if (prevDay !== null && day !== prevDay) {
      for (let x = prevDay; x < day && onHand > 0; x = plusDays(x, 1))
        onHand = Math.max(0, onHand - ctx.prescribed(x).maxMg);
      const daily = ctx.prescribed(day).maxMg || ctx.prescribed(prevDay).maxMg;
      const daysLeft = daily > 0 ? onHand / daily : 0;
      if (day >= since && daysLeft > s.refillGraceDays + EPS) {
        early.push({
          kind: 'dispensing',
          ids: d.id === undefined ? [] : [d.id],
          dates: [d.at],
          values: {
            daysEarly: round2(daysLeft),
            expectedOnHandMg: round2(onHand),
            allowedMgPerDay: daily,
            dispensedMg: round2(d.quantity * d.mgPerUnit),
          },
        });
      }
    }
    if (Number.isFinite(d.quantity) && Number.isFinite(d.mgPerUnit))
      onHand += Math.max(0, d.quantity * d.mgPerUnit);
    prevDay = day;
  }
  if (early.length === 0) return [];
  const list = early
    .map(
      (e) =>
        `${ctx.dayOf(e.dates?.[0] ?? ctx.now)} (about ${e.values?.['daysEarly'] ?? ''} days early)`,
    )
    .join(', ');
  return [
    makeSignal(ctx, {
      id: 'SIG-EARLY-REFILL',
      severity: early.length >= 2 ? 'warning' : 'caution',
      audience: 'clinician',
      title: 'Dispensed earlier than the regimen explains',
      evidence: early,
      sources: EARLY_REFILL_SOURCES,
      clinicianText:
        `Dispensed on ${list}: at the most use the regimen allows, supply should have remained. Early dispensing has ` +
        'many explanations (travel, lost or damaged medicine, pharmacy timing, intake above the plan); check the PDMP and ' +
        `discuss with the patient. ${NEUTRAL}`,
      settingKeys: ['refillGraceDays', 'refillLookbackDays'],
    }),
  ];
}

/**
 * SIG-ADJUSTMENT (project id): the regimen started, or its scheduled total, allowance or largest
 * single dose rose, within the last `adjustmentDays` (a setting; the source gives no number of
 * days). Tells the patient to avoid driving and tasks that need full alertness until they know
 * how the medicine affects them (SEC-MONO [P]). Caution; patient-facing.
 *
 * @example adjustmentPeriodSignal(inputStartedYesterday)[0]?.audience // → 'patient'
 */
export function adjustmentPeriodSignal(input: SignalInput): Signal[] {
  const ctx = contextOf(input);
  const n = ctx.settings.adjustmentDays;
  if (n < 1) return [];
  let change: { day: LocalDate; started: boolean } | null = null;
  for (const day of daysFromTo(daysAgo(ctx, n - 1), ctx.today)) {
    const cur = ctx.prescribed(day);
    const prev = ctx.prescribed(plusDays(day, -1));
    if (cur.version === null || cur.maxMg <= 0) continue;
    const started = prev.version === null || prev.maxMg <= 0;
    if (
      started ||
      cur.scheduledMg > prev.scheduledMg + EPS ||
      cur.maxMg > prev.maxMg + EPS ||
      cur.maxSingleMg > prev.maxSingleMg + EPS
    ) {
      change = { day, started };
    }
  }
  if (change === null) return [];
  const until = plusDays(change.day, n - 1);
  const what = change.started ? 'started' : 'increased';
  return [
    makeSignal(ctx, {
      id: 'SIG-ADJUSTMENT',
      severity: 'caution',
      audience: 'patient',
      title: 'New or higher dose: take care with driving',
      evidence: [
        {
          kind: 'regimen',
          ids: [ctx.prescribed(change.day).version?.id ?? ''],
          dates: [change.day],
          values: { change: what, showUntil: until },
        },
      ],
      sources: [
        cite(
          'SEC-MONO',
          'P',
          'avoid hazardous occupations requiring full mental alertness, e.g. driving (REFERENCE §4.3)',
        ),
        cite('LABEL-TAB', 'C', 'Warnings: CNS depression (REFERENCE §4.3)'),
      ],
      patientText:
        `Your diazepam was ${what} on ${change.day}. Until you know how it affects you, do not drive, use machinery, or ` +
        'do other things that need you to be fully alert. Alcohol and other sedating medicines add to drowsiness. If ' +
        'you feel very drowsy, dizzy or unsteady, tell your prescriber.',
      clinicianText: `Adjustment-period caution (driving, machinery, tasks needing full alertness) shown to the patient until ${until} after the regimen was ${what} on ${change.day}.`,
      settingKeys: ['adjustmentDays'],
    }),
  ];
}
