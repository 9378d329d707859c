/** Builders for synthetic regimens, dose logs, check-ins and questionnaires used by the signal tests. */
import type { LoggedDoseEvent } from '../regimen/doseLog.js';
import { profile } from '../regimen/fixtures.test-helpers.js';
import { addDays, doseSlots, localToInstant } from '../regimen/slots.js';
import type { CheckIn, LocalDate, RegimenVersion, ScheduledDose } from '../regimen/types.js';
import type { Signal, SignalInput, SignalMedication, SignalQuestionnaire } from './types.js';

export const UTC = 'UTC';

let seq = 0;
const nextId = (prefix: string): string => `${prefix}${++seq}`;

/** A regimen version; by default 5 mg three times a day from 2026-01-01, recorded the day before. */
export function regimen(
  o: Partial<RegimenVersion> & { doses?: readonly ScheduledDose[] } = {},
): RegimenVersion {
  const startDate = o.startDate ?? '2026-01-01';
  return {
    id: nextId('r'),
    version: 1,
    formulation: 'tab5',
    doses: [
      { time: '08:00', amountMg: 5 },
      { time: '14:00', amountMg: 5 },
      { time: '20:00', amountMg: 5 },
    ],
    asNeeded: null,
    startDate,
    endDate: null,
    prescriber: 'dr-a',
    indication: 'muscle spasm',
    createdAt: `${addDays(startDate, -1)}T10:00:00.000Z`,
    ...o,
  };
}

export { profile };

export interface AdherentOptions {
  /** Minutes after the due time each dose is taken (may be negative). */
  readonly offsetMinutes?: (slotKey: string) => number;
  /** Leave these slots unanswered. */
  readonly omit?: (slotKey: string) => boolean;
  /** Log these slots as skipped. */
  readonly skip?: (slotKey: string) => boolean;
  /** Amount taken, default the scheduled amount. */
  readonly amountMg?: (slotKey: string, scheduled: number) => number;
}

/** One taken event per scheduled slot from `from` to `to` (a perfectly adherent log by default). */
export function adherentDoses(
  versions: readonly RegimenVersion[],
  from: LocalDate,
  to: LocalDate,
  o: AdherentOptions = {},
  zone = UTC,
): LoggedDoseEvent[] {
  return doseSlots(versions, from, to, zone).flatMap((slot): LoggedDoseEvent[] => {
    if (o.omit?.(slot.key) === true) return [];
    const skipped = o.skip?.(slot.key) === true;
    const at = Date.parse(slot.dueAt) + (o.offsetMinutes?.(slot.key) ?? 0) * 60_000;
    return [
      {
        id: nextId('d'),
        kind: skipped ? 'skipped' : 'taken',
        slotKey: slot.key,
        takenAt: new Date(at).toISOString(),
        amountMg: skipped ? 0 : (o.amountMg?.(slot.key, slot.amountMg) ?? slot.amountMg),
        reason: null,
      },
    ];
  });
}

/** An extra (unscheduled or as-needed) dose at local `date` `time`. */
export function extraDose(
  date: LocalDate,
  time: string,
  amountMg: number,
  reason: string | null = null,
  zone = UTC,
): LoggedDoseEvent {
  return {
    id: nextId('x'),
    kind: 'extra',
    slotKey: null,
    takenAt: localToInstant(date, time, zone),
    amountMg,
    reason,
  };
}

/** A check-in at local `date` `time` with calm defaults (pain 4, spasm 3, anxiety 2, no side effects). */
export function checkIn(
  date: LocalDate,
  time: string,
  o: Partial<CheckIn> = {},
  zone = UTC,
): CheckIn {
  return {
    id: nextId('c'),
    at: localToInstant(date, time, zone),
    pain: 4,
    spasm: 3,
    sleepQuality: 6,
    anxiety: 2,
    mood: 6,
    sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none', confusion: 'none' },
    fall: 'none',
    breathingProblem: false,
    otherSideEffect: null,
    activities: [],
    note: null,
    ...o,
  };
}

/** Check-ins at each of `times` on every day from `from` to `to`; `f` customises each one. */
export function dailyCheckIns(
  from: LocalDate,
  to: LocalDate,
  times: readonly string[],
  f: (day: LocalDate, time: string) => Partial<CheckIn> = () => ({}),
  zone = UTC,
): CheckIn[] {
  const out: CheckIn[] = [];
  for (let d = from; d <= to; d = addDays(d, 1))
    for (const t of times) out.push(checkIn(d, t, f(d, t), zone));
  return out;
}

/** A scored questionnaire. */
export function questionnaire(
  instrumentId: string,
  at: string,
  total: number,
  itemScores: Record<string, number> = {},
  taperStepIndex: number | null = null,
): SignalQuestionnaire {
  return { id: nextId('q'), instrumentId, at, total, itemScores, taperStepIndex };
}

/** An active medication-list entry. */
export function med(name: string, o: Partial<SignalMedication> = {}): SignalMedication {
  return { id: nextId('m'), name, dose: null, frequency: null, active: true, ...o };
}

/** An input with empty logs, the default regimen and `now` = 2026-03-31 18:00 UTC. */
export function baseInput(o: Partial<SignalInput> = {}): SignalInput {
  return {
    now: '2026-03-31T18:00:00.000Z',
    timeZone: UTC,
    profile: profile(),
    regimenVersions: [regimen()],
    doses: [],
    checkIns: [],
    questionnaires: [],
    otherMedications: [],
    dispensing: [],
    taper: null,
    lastReviewAt: '2026-03-01T10:00:00.000Z',
    ...o,
  };
}

/** Ids of the signals, sorted. */
export function ids(signals: readonly Signal[]): string[] {
  return signals.map((s) => s.id).sort();
}

/**
 * One patient with a year of data: 5 mg three times daily, every dose logged (a few early or
 * missed), two check-ins a day, monthly PHQ-9/SDS, monthly dispensing, a couple of medications.
 */
export function yearOfData(zone = 'Europe/Berlin'): SignalInput {
  const v = regimen({ startDate: '2025-03-01' });
  const from = '2025-03-01';
  const to = '2026-02-28';
  const doses = adherentDoses(
    [v],
    from,
    to,
    { offsetMinutes: (k) => ((k.length * 7) % 50) - 25, omit: (k) => k.endsWith('5T14:00') },
    zone,
  );
  const checkIns = dailyCheckIns(
    from,
    to,
    ['09:00', '21:00'],
    (d) => ({
      pain: 3 + (Number(d.slice(8)) % 4),
      activities: d.endsWith('-15') ? ['walk', 'beer'] : ['walk'],
    }),
    zone,
  );
  const questionnaires: SignalQuestionnaire[] = [];
  const dispensing = [];
  for (let m = 0; m < 12; m++) {
    const day = addDays(from, m * 30);
    questionnaires.push(
      questionnaire('phq9', `${day}T10:00:00.000Z`, 4, { '9': 0 }),
      questionnaire('sds', `${day}T10:05:00.000Z`, 3),
    );
    dispensing.push({
      id: `disp${m}`,
      at: `${day}T09:00:00.000Z`,
      formulation: 'tab5' as const,
      quantity: 90,
      mgPerUnit: 5,
    });
  }
  return {
    ...baseInput(),
    now: '2026-02-28T22:00:00.000Z',
    timeZone: zone,
    regimenVersions: [v],
    doses,
    checkIns,
    questionnaires,
    dispensing,
    otherMedications: [med('omeprazole 20 mg'), med('ibuprofen 400 mg')],
    lastReviewAt: '2026-01-10T10:00:00.000Z',
  };
}
