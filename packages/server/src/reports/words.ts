/**
 * The report's words and number/date formats. Dates and times are the patient's (their IANA
 * zone), whoever prints the report. English only for now, like the server's messages.
 */
import type { LocalDate } from '@steady/core';
import type { MemberKind } from '../careteam/consent.js';
import type { ReportSection } from './sections.js';

export const SECTION_TITLES: Readonly<Record<ReportSection, string>> = {
  regimen: 'Diazepam regimen and its changes',
  adherence: 'Adherence',
  extraDoses: 'Doses beyond the plan',
  painTrend: 'Pain and PEG trend',
  sideEffects: 'Side effects',
  signals: 'Signals for review',
  taper: 'Taper progress and withdrawal scores',
  techniques: 'Techniques and how helpful they were',
  questionnaires: 'Questionnaire trends',
  questions: 'The patient’s questions for the visit',
};

export const READER_WORDS: Readonly<Record<'patient' | MemberKind, string>> = {
  patient: 'the patient',
  prescriber: 'prescriber',
  physical_therapist: 'physical therapist',
  psychologist: 'psychologist',
  pharmacist: 'pharmacist',
  caregiver: 'caregiver',
};

export const TAPER_ACTIONS: Readonly<Record<string, string>> = {
  created: 'Plan signed',
  hold: 'Paused',
  resume: 'Resumed',
  slowDown: 'Slowed down',
  stepBack: 'Stepped back',
  endAtMaintenance: 'Ended at a maintenance dose',
};

export interface Formats {
  /** "3 Mar 2026" for a local date. */
  date(date: LocalDate): string;
  /** "3 Mar 2026" for an instant, in the patient's zone. */
  day(at: string): string;
  /** "3 Mar 2026, 14:05" for an instant, in the patient's zone. */
  dateTime(at: string): string;
  /** "Mar 2026" for a month ("2026-03"). */
  month(month: string): string;
  mg(mg: number): string;
  percent(share: number | null): string;
  signed(n: number | null): string;
}

export function formats(zone: string): Formats {
  const dayFmt = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: zone,
  });
  const dateFmt = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const monthFmt = new Intl.DateTimeFormat('en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  const dateTimeFmt = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  });
  return {
    date: (date) => dateFmt.format(new Date(`${date}T12:00:00Z`)),
    day: (at) => dayFmt.format(new Date(at)),
    dateTime: (at) => dateTimeFmt.format(new Date(at)),
    month: (month) => monthFmt.format(new Date(`${month}-15T12:00:00Z`)),
    mg: (mg) => `${String(Math.round(mg * 100) / 100)} mg`,
    percent: (share) => (share === null ? '—' : `${String(Math.round(share * 100))} %`),
    signed: (n) => (n === null ? '—' : n > 0 ? `+${String(n)}` : String(n)),
  };
}
