import type { LoggedDoseEvent } from './doseLog.js';
import { localToInstant } from './slots.js';
import type { DoseKind, PatientProfile, RegimenVersion } from './types.js';

/** A twice-daily 5 mg regimen from 2026-01-01, recorded the day before. */
export const twiceDaily: RegimenVersion = {
  id: 'r1',
  version: 1,
  formulation: 'tab5',
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  asNeeded: null,
  startDate: '2026-01-01',
  endDate: null,
  prescriber: null,
  indication: null,
  createdAt: '2025-12-31T10:00:00.000Z',
};

/** A profile with every field unanswered. */
export function profile(o: Partial<PatientProfile> = {}): PatientProfile {
  return {
    dateOfBirth: null,
    sleepApnea: null,
    myastheniaGravis: null,
    severeRespiratoryInsufficiency: null,
    severeHepaticInsufficiency: null,
    acuteNarrowAngleGlaucoma: null,
    copd: null,
    substanceUseDisorderHistory: null,
    pregnancy: null,
    ...o,
  };
}

let seq = 0;

/** A dose event answering the slot `date`T`time`, taken at local `takenTime` (default: on time). */
export function slotEvent(
  zone: string,
  date: string,
  time: string,
  opts: {
    takenTime?: string;
    takenDate?: string;
    kind?: DoseKind;
    amountMg?: number;
  } & Partial<LoggedDoseEvent> = {},
): LoggedDoseEvent {
  seq += 1;
  const { takenTime, takenDate, ...rest } = opts;
  return {
    id: `e${seq}`,
    kind: 'taken',
    slotKey: `${date}T${time}`,
    takenAt: localToInstant(takenDate ?? date, takenTime ?? time, zone),
    amountMg: opts.kind === 'skipped' ? 0 : 5,
    reason: null,
    ...rest,
  };
}

/** An extra (unscheduled) dose taken at local `date` `time`. */
export function extraEvent(
  zone: string,
  date: string,
  time: string,
  amountMg: number,
  extra: Partial<LoggedDoseEvent> = {},
): LoggedDoseEvent {
  seq += 1;
  return {
    id: `x${seq}`,
    kind: 'extra',
    slotKey: null,
    takenAt: localToInstant(date, time, zone),
    amountMg,
    reason: null,
    ...extra,
  };
}
