/**
 * The visit summary's sections, the consent category each needs, the presets per discipline and
 * the query string of the PDF route. "Patient and period" always opens the report; the other
 * sections are chosen. Presets are Steady defaults (adjustable: any section can be added or
 * removed before downloading).
 */
import { z } from 'zod';
import type { DataCategory, Discipline } from '../careteam/consent.js';
import { localDateSchema } from '../http/types.js';

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

/**
 * The category a section needs; null: shown to every care-team member the route lets in (the
 * signals section lists only alerts whose every category is shared, see alerts/repo.ts; the
 * questions are the patient's words to their clinicians).
 */
export const SECTION_CATEGORY: Readonly<Record<ReportSection, DataCategory | null>> = {
  regimen: 'medications',
  adherence: 'medications',
  extraDoses: 'medications',
  painTrend: 'checkins',
  sideEffects: 'checkins',
  signals: null,
  taper: 'medications',
  techniques: 'techniques',
  questionnaires: 'questionnaires',
  questions: null,
};

/** Any one of these lets a clinician in; each section then needs its own. */
export const REPORT_CATEGORIES: readonly DataCategory[] = [
  'medications',
  'checkins',
  'questionnaires',
  'techniques',
];

/** Steady defaults: what each discipline usually needs at a visit. */
export const PRESETS: Readonly<Record<Discipline, readonly ReportSection[]>> = {
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
export const PRESET_IDS = Object.keys(PRESETS) as Discipline[];

export const PAPER_SIZES = ['A4', 'LETTER'] as const;
export type PaperSize = (typeof PAPER_SIZES)[number];

/** Longest period one report covers (a year and a bit, like the chart). */
export const MAX_REPORT_DAYS = 400;

const sectionList = z
  .string()
  .max(400)
  .transform((text, ctx) => {
    const ids = text
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const unknown = ids.filter((id) => !(REPORT_SECTIONS as readonly string[]).includes(id));
    if (unknown.length > 0 || ids.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          unknown.length > 0
            ? `unknown section: ${unknown.join(', ')}`
            : 'name at least one section',
      });
      return z.NEVER;
    }
    return [...new Set(ids)] as ReportSection[];
  });

export const reportQuery = z.object({
  from: localDateSchema,
  to: localDateSchema,
  /** Comma-separated section ids; default: the preset's, else every section. */
  sections: sectionList.optional(),
  preset: z.enum(PRESET_IDS as [Discipline, ...Discipline[]]).optional(),
  paper: z.enum(PAPER_SIZES).default('A4'),
});
export type ReportQuery = z.infer<typeof reportQuery>;

/** The sections asked for, in report order. */
export function requestedSections(
  query: Pick<ReportQuery, 'sections' | 'preset'>,
): ReportSection[] {
  const asked: readonly ReportSection[] =
    query.sections ?? (query.preset === undefined ? REPORT_SECTIONS : PRESETS[query.preset]);
  return REPORT_SECTIONS.filter((s) => asked.includes(s));
}
