/**
 * The visit summary PDF (GET /api/patients/:id/reports/visit-summary.pdf, docs/reports.md):
 * its sections, the presets per discipline (Steady defaults, mirroring the server's), the URL of
 * a choice, and a download that turns a refusal into the API's error.
 */
import { addDays, localDateOf, type LocalDate } from '@steady/core';
import { apiPath } from '../shared/api/client';
import { fetchFile } from '../shared/api/files';

export const REPORT_SECTIONS = [
  'regimen',
  'adherence',
  'extraDoses',
  'painTrend',
  'sideEffects',
  'signals',
  'taper',
  'techniques',
  'questionnaires',
  'questions',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const PRESET_IDS = [
  'prescriber',
  'physical_therapist',
  'psychologist',
  'pharmacist',
] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export const PRESETS: Readonly<Record<PresetId, readonly ReportSection[]>> = {
  prescriber: REPORT_SECTIONS,
  physical_therapist: [
    'painTrend',
    'sideEffects',
    'signals',
    'techniques',
    'questionnaires',
    'questions',
  ],
  psychologist: ['painTrend', 'signals', 'techniques', 'questionnaires', 'questions'],
  pharmacist: [
    'regimen',
    'adherence',
    'extraDoses',
    'sideEffects',
    'signals',
    'taper',
    'questions',
  ],
};

export const PAPER_SIZES = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** The server reads at most this many days at once. */
export const MAX_DAYS = 400;
/** The period offered first: the last 30 of the patient's days. */
export const DEFAULT_DAYS = 30;

export interface ReportChoice {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly sections: readonly ReportSection[];
  readonly paper: PaperSize;
}

/** The preset of a discipline (a clinician's), or null for anyone else. */
export function presetFor(discipline: string | null): PresetId | null {
  return PRESET_IDS.find((id) => id === discipline) ?? null;
}

/** US Letter where it is the usual paper (the US and Canada), A4 elsewhere. */
export function defaultPaper(locale: string): PaperSize {
  return /-(US|CA)\b/i.test(locale) ? 'LETTER' : 'A4';
}

/** The last `DEFAULT_DAYS` days of the patient, today included. */
export function defaultPeriod(now: Date, zone: string): { from: LocalDate; to: LocalDate } {
  const to = localDateOf(now.toISOString(), zone);
  return { from: addDays(to, 1 - DEFAULT_DAYS), to };
}

/** The preset whose sections are exactly these, or null (a custom choice). */
export function presetOf(sections: readonly ReportSection[]): PresetId | null {
  const same = (list: readonly ReportSection[]) =>
    list.length === sections.length && list.every((s) => sections.includes(s));
  return PRESET_IDS.find((id) => same(PRESETS[id])) ?? null;
}

/** Problems with a choice before asking the server (i18n keys under reports.errors). */
export function choiceProblem(choice: ReportChoice): 'period' | 'tooLong' | 'noSection' | null {
  if (choice.from === '' || choice.to === '' || choice.to < choice.from) return 'period';
  const days = (Date.parse(choice.to) - Date.parse(choice.from)) / 86_400_000 + 1;
  if (days > MAX_DAYS) return 'tooLong';
  if (choice.sections.length === 0) return 'noSection';
  return null;
}

export function reportUrl(patientId: string, choice: ReportChoice): string {
  const ordered = REPORT_SECTIONS.filter((s) => choice.sections.includes(s));
  const query = new URLSearchParams({
    from: choice.from,
    to: choice.to,
    sections: ordered.join(','),
    paper: choice.paper,
  });
  return `${apiPath`/api/patients/${patientId}/reports/visit-summary.pdf`}?${query.toString()}`;
}

/** Fetch the PDF; the caller saves it (`saveFile`). Throws an ApiError as the JSON client does. */
export async function fetchReport(patientId: string, choice: ReportChoice): Promise<Blob> {
  const response = await fetchFile(reportUrl(patientId, choice), {
    headers: { accept: 'application/pdf, application/json' },
  });
  return response.blob();
}

export const reportFilename = (choice: ReportChoice): string =>
  `steady-visit-summary-${choice.from}-to-${choice.to}.pdf`;
