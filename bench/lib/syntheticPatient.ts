/**
 * Synthetic inputs of the clinical engine for one patient-year, from a seeded PRNG: regimen
 * versions (three doses a day, some with an as-needed dose, some lowered or tapered during the
 * year), a dose log of ~1,100 events (taken, late, skipped, missed, extra, corrections), ~400
 * check-ins, monthly questionnaires and dispensings, a medication list and a profile. Patient
 * `index` always gives the same patient, whichever worker builds it.
 */
import {
  addDays,
  localToInstant,
  type CheckIn,
  type LoggedDoseEvent,
  type RegimenVersion,
  type Severity4,
  type SignalDispensing,
  type SignalInput,
  type SignalMedication,
  type SignalQuestionnaire,
} from '@steady/core';
import { intBetween, pick, prng, type Random } from './prng.js';

export const YEAR_FROM = '2025-03-01';
export const YEAR_TO = '2026-02-28';
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Europe/London',
  'Australia/Sydney',
  'Asia/Tokyo',
] as const;
const MEDICATIONS = [
  'omeprazole 20 mg',
  'ibuprofen 400 mg',
  'paracetamol 1 g',
  'sertraline 50 mg',
  'gabapentin 300 mg',
  'oxycodone 5 mg',
  'fluconazole 150 mg',
  'amitriptyline 10 mg',
  'metformin 500 mg',
] as const;
const MINUTE = 60_000;

/**
 * Local-time conversions memoised across patients: every patient of a zone has the same
 * instants, and without this luxon would cost more than the engine being measured.
 */
const instants = new Map<string, string>();
function instant(day: string, time: string, zone: string): string {
  const key = `${zone} ${day}T${time}`;
  let at = instants.get(key);
  if (at === undefined) {
    at = localToInstant(day, time, zone);
    instants.set(key, at);
  }
  return at;
}

let yearDays: readonly string[] | null = null;
/** The local dates of the year, computed once. */
function daysOfYear(): readonly string[] {
  if (yearDays === null) {
    const days: string[] = [];
    for (let day = YEAR_FROM; day <= YEAR_TO; day = addDays(day, 1)) days.push(day);
    yearDays = days;
  }
  return yearDays;
}

/** Scheduled slots of the year: the version that started last is in force (simple versions). */
function slotsOf(versions: readonly RegimenVersion[], zone: string) {
  return daysOfYear().flatMap((day) => {
    const v = versions.filter((x) => x.startDate <= day).at(-1);
    return (v?.doses ?? []).map((d) => ({
      key: `${day}T${d.time}`,
      dueAt: instant(day, d.time, zone),
      amountMg: d.amountMg,
    }));
  });
}

function regimens(random: Random, patient: number): RegimenVersion[] {
  const mg = pick(random, [2, 5, 5, 5, 10] as const);
  const formulation = mg === 2 ? 'tab2' : mg === 10 ? 'tab10' : 'tab5';
  const v1: RegimenVersion = {
    id: `p${String(patient)}-r1`,
    version: 1,
    formulation,
    doses: [
      { time: '08:00', amountMg: mg },
      { time: '14:00', amountMg: mg },
      { time: '20:00', amountMg: mg },
    ],
    asNeeded: random() < 0.4 ? { amountMg: mg, minIntervalHours: 8, maxPerDay: 1 } : null,
    startDate: YEAR_FROM,
    endDate: null,
    prescriber: 'Dr. Bench',
    indication: 'muscle spasm',
    createdAt: `${addDays(YEAR_FROM, -1)}T10:00:00.000Z`,
  };
  if (random() < 0.5) return [v1];
  // A lower evening dose from some day of the year (a reduction, or the first taper step).
  const change = addDays(YEAR_FROM, intBetween(random, 60, 300));
  const lower = mg === 2 ? 1 : mg / 2;
  return [
    v1,
    {
      ...v1,
      id: `p${String(patient)}-r2`,
      version: 2,
      doses: [v1.doses[0]!, v1.doses[1]!, { time: '20:00', amountMg: lower }],
      startDate: change,
      createdAt: `${addDays(change, -1)}T15:00:00.000Z`,
    },
  ];
}

function doseLog(
  random: Random,
  versions: readonly RegimenVersion[],
  zone: string,
): LoggedDoseEvent[] {
  const events: LoggedDoseEvent[] = [];
  let n = 0;
  const id = () => `d${String((n += 1))}`;
  const adherence = 0.9 + random() * 0.09;
  for (const slot of slotsOf(versions, zone)) {
    const roll = random();
    if (roll > adherence + 0.04) continue; // missed, never logged
    const due = Date.parse(slot.dueAt);
    const late = Math.round((random() - 0.3) * 60) * MINUTE;
    const createdAt = new Date(due + Math.max(late, 0) + MINUTE).toISOString();
    if (roll > adherence) {
      events.push({
        id: id(),
        kind: 'skipped',
        slotKey: slot.key,
        takenAt: createdAt,
        amountMg: 0,
        reason: 'Felt too drowsy',
        createdAt,
      });
      continue;
    }
    const taken: LoggedDoseEvent = {
      id: id(),
      kind: 'taken',
      slotKey: slot.key,
      takenAt: new Date(due + late).toISOString(),
      amountMg: slot.amountMg,
      reason: null,
      createdAt,
    };
    events.push(taken);
    if (random() < 0.02) {
      events.push({
        ...taken,
        id: id(),
        takenAt: new Date(due + 45 * MINUTE).toISOString(),
        reason: 'Logged the wrong time',
        supersedes: taken.id,
        createdAt: new Date(Date.parse(createdAt) + 3 * 60 * MINUTE).toISOString(),
      });
    }
  }
  const extraRate = random() * 0.2;
  for (const day of daysOfYear()) {
    if (random() >= extraRate) continue;
    const takenAt = instant(day, pick(random, ['11:30', '16:30', '23:00'] as const), zone);
    const reason = pick(random, [
      'Back spasm after lifting',
      'Could not sleep',
      'Pain flare',
    ] as const);
    events.push({
      id: id(),
      kind: 'extra',
      slotKey: null,
      takenAt,
      amountMg: 2,
      reason,
      createdAt: takenAt,
    });
  }
  // The log is in the order recorded.
  return events.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
}

const clamp = (x: number) => Math.max(0, Math.min(10, Math.round(x)));

function checkIns(random: Random, zone: string): CheckIn[] {
  const out: CheckIn[] = [];
  const basePain = 3 + random() * 4;
  for (const day of daysOfYear()) {
    if (random() < 0.05) continue;
    const times =
      random() < 0.15 ? ['09:30', '20:15'] : [pick(random, ['19:15', '20:40'] as const)];
    const flare = random() < 0.1 ? 3 : 0;
    for (const time of times) {
      const pain = clamp(basePain + flare + (random() - 0.5) * 3);
      const drowsiness: Severity4 = random() < 0.12 ? 'mild' : random() < 0.02 ? 'severe' : 'none';
      out.push({
        id: `c${String(out.length + 1)}`,
        at: instant(day, time, zone),
        pain,
        spasm: clamp(pain - 1 + random() * 2),
        sleepQuality: clamp(6 - flare / 2 + (random() - 0.5) * 2),
        anxiety: clamp(3 + (random() - 0.5) * 4),
        mood: clamp(6 + (random() - 0.5) * 4),
        sideEffects: {
          drowsiness,
          dizziness: 'none',
          unsteadiness: random() < 0.02 ? 'mild' : 'none',
          confusion: 'none',
        },
        fall: random() < 0.005 ? 'near_fall' : 'none',
        breathingProblem: false,
        otherSideEffect: null,
        activities: random() < 0.05 ? ['walking', 'wine with dinner'] : ['walking'],
        note: flare > 0 ? 'Flare-up after housework' : null,
      });
    }
  }
  return out;
}

function monthly(random: Random): {
  questionnaires: SignalQuestionnaire[];
  dispensing: SignalDispensing[];
} {
  const questionnaires: SignalQuestionnaire[] = [];
  const dispensing: SignalDispensing[] = [];
  for (let m = 0; m < 12; m++) {
    const day = addDays(YEAR_FROM, m * 30);
    questionnaires.push(
      {
        id: `q${String(m)}a`,
        instrumentId: 'phq9',
        at: `${day}T10:00:00.000Z`,
        total: intBetween(random, 0, 12),
        itemScores: { '9': 0 },
      },
      {
        id: `q${String(m)}b`,
        instrumentId: 'sds',
        at: `${day}T10:05:00.000Z`,
        total: intBetween(random, 0, 8),
        itemScores: {},
      },
      {
        id: `q${String(m)}c`,
        instrumentId: 'peg',
        at: `${day}T10:10:00.000Z`,
        total: 3 + random() * 4,
        itemScores: {},
      },
    );
    dispensing.push({
      id: `disp${String(m)}`,
      at: `${addDays(day, intBetween(random, -3, 3))}T09:00:00.000Z`,
      formulation: 'tab5',
      quantity: 90,
      mgPerUnit: 5,
    });
  }
  return { questionnaires, dispensing };
}

/** The engine's input for patient `index`, with `now` at the end of the year. */
export function syntheticPatient(index: number, seed = 7919): SignalInput {
  const random = prng(seed * 100_003 + index);
  const zone = pick(random, ZONES);
  const regimenVersions = regimens(random, index);
  const meds: SignalMedication[] = MEDICATIONS.filter(() => random() < 0.2).map((name, i) => ({
    id: `m${String(i)}`,
    name,
    dose: null,
    frequency: null,
    active: true,
  }));
  return {
    now: localToInstant(YEAR_TO, '22:00', zone),
    timeZone: zone,
    profile: {
      dateOfBirth: `${String(intBetween(random, 1940, 2000))}-06-15`,
      sleepApnea: random() < 0.05,
      myastheniaGravis: false,
      severeRespiratoryInsufficiency: false,
      severeHepaticInsufficiency: false,
      acuteNarrowAngleGlaucoma: false,
      copd: random() < 0.08,
      substanceUseDisorderHistory: random() < 0.05,
      pregnancy: false,
    },
    regimenVersions,
    doses: doseLog(random, regimenVersions, zone),
    checkIns: checkIns(random, zone),
    ...monthly(random),
    otherMedications: meds,
    taper: null,
    lastReviewAt: `${addDays(YEAR_TO, -intBetween(random, 10, 150))}T10:00:00.000Z`,
  };
}
