/**
 * The bodies of the signal, taper, technique, questionnaire and question sections of the visit
 * summary as pdfmake content.
 */
import type { SourceRef } from '@steady/core';
import type { Content } from './pdfTypes.js';
import { none, para, table } from './blocks.js';
import { renderSvg, taperOption } from './charts.js';
import { round1 } from '../history/daily.js';
import type { ReportData, SignalRow } from './model.js';
import { TAPER_ACTIONS, type Formats } from './words.js';

/** The source ids of citations, for a table cell; the locators are listed under "Sources". */
export const sourceIds = (sources: readonly SourceRef[]): string =>
  sources.length === 0 ? '—' : [...new Set(sources.map((s) => s.id))].join(', ');

function signalTable(rows: readonly SignalRow[], f: Formats, resolved: boolean): Content {
  return table(
    ['Signal', 'Severity', resolved ? 'Resolved' : 'First seen', 'Sources'],
    rows.map((r) => [
      resolved && r.resolutionNote !== null ? `${r.title}\nNote: ${r.resolutionNote}` : r.title,
      r.severity,
      resolved
        ? r.resolvedAt === null
          ? 'resolved'
          : f.day(r.resolvedAt)
        : `${f.day(r.firstSeen)}${r.status === 'acknowledged' ? '\nacknowledged' : ''}`,
      sourceIds(r.sources),
    ]),
    ['*', 'auto', 'auto', 110],
  );
}

export function signalsBlock(s: NonNullable<ReportData['signals']>, f: Formats): Content[] {
  return [
    para('Flags for review computed from the logs — not diagnoses.', { italics: true }),
    { text: 'Open', style: 'h3', headlineLevel: 2 },
    s.open.length === 0 ? none('No open signal.') : signalTable(s.open, f, false),
    { text: 'Resolved in this period', style: 'h3', headlineLevel: 2 },
    s.resolved.length === 0
      ? none('None resolved in this period.')
      : signalTable(s.resolved, f, true),
  ];
}

const STEP_STATE = { done: 'done', current: 'current', next: 'planned' } as const;

export function taperBlock(t: ReportData['taper'], f: Formats, width: number): Content[] {
  if (t === undefined || t === null) return [none('No taper has been signed for this patient.')];
  const current = t.steps.find((s) => s.state === 'current');
  const done = t.steps.filter((s) => s.state === 'done').length;
  return [
    para(
      `Status: ${t.status}. ${String(done)} of ${String(t.steps.length)} steps done` +
        (current === undefined
          ? '.'
          : `; now at step ${String(current.index + 1)}, ${f.mg(current.dailyMg)} a day.`) +
        (t.projectedEndDate === null ? '' : ` Projected end: ${f.date(t.projectedEndDate)}.`),
    ),
    ...(t.steps.length > 0
      ? [{ svg: renderSvg(taperOption(t)), width, margin: [0, 0, 0, 8] } as Content]
      : []),
    table(
      ['Step', 'From', 'To', 'Per day', 'Change', 'State'],
      t.steps.map((s) => [
        String(s.index + 1),
        f.date(s.startDate),
        s.endDate === null ? 'open-ended' : f.date(s.endDate),
        f.mg(s.dailyMg),
        `${f.signed(-round1(s.reductionPct))} %`,
        STEP_STATE[s.state],
      ]),
      ['auto', '*', '*', 'auto', 'auto', 'auto'],
    ),
    { text: 'Changes to the plan', style: 'h3', headlineLevel: 2 },
    table(
      ['Version', 'What', 'From', 'Reason', 'Signed'],
      t.versions.map((v) => [
        `v${String(v.version)}`,
        TAPER_ACTIONS[v.action] ?? v.action,
        f.date(v.effectiveDate),
        v.reason,
        f.day(v.signedAt),
      ]),
      ['auto', 'auto', 'auto', '*', 'auto'],
    ),
    { text: 'Withdrawal check-ins by step', style: 'h3', headlineLevel: 2 },
    t.withdrawal === null
      ? none('Questionnaires are not shared with you, so withdrawal scores are left out.')
      : t.withdrawal.length === 0
        ? none('No withdrawal check-in was answered in this period.')
        : table(
            ['Step', 'Check-ins', 'Mean score', 'Highest'],
            t.withdrawal.map((w) => [
              String(w.stepIndex + 1),
              String(w.count),
              `${String(w.mean)} / ${String(w.scoreMax)}`,
              `${String(w.max)} / ${String(w.scoreMax)}`,
            ]),
            ['*', '*', '*', '*'],
          ),
  ];
}

export function techniquesBlock(
  rows: NonNullable<ReportData['techniques']>,
  f: Formats,
): Content[] {
  if (rows.length === 0) return [none('No technique session was logged in this period.')];
  return [
    para(
      'Change = mean of (after − before) over the sessions rated both times; negative means lower pain or tension after.',
    ),
    table(
      ['Technique', 'Sessions', 'Minutes', 'Pain change (rated)', 'Tension change'],
      rows.map((r) => [
        r.title,
        String(r.sessions),
        r.minutes === 0 ? '—' : String(r.minutes),
        `${f.signed(r.painChange)} (${String(r.painRated)})`,
        f.signed(r.tensionChange),
      ]),
      ['*', 'auto', 'auto', 'auto', 'auto'],
    ),
  ];
}

export function questionnairesBlock(
  rows: NonNullable<ReportData['questionnaires']>,
  f: Formats,
): Content[] {
  if (rows.length === 0) return [none('No questionnaire was answered in this period.')];
  return [
    table(
      ['Questionnaire', 'Answers', 'First', 'Latest', 'Change', 'Sources'],
      rows.map((r) => [
        `${r.title}\n(range ${String(r.scoreMin)}–${String(r.scoreMax)})`,
        String(r.count),
        `${String(round1(r.first.total))}\n${f.day(r.first.at)}`,
        `${String(round1(r.last.total))}${r.last.band === null ? '' : ` (${r.last.band})`}\n${f.day(r.last.at)}`,
        r.count < 2 ? '—' : f.signed(round1(r.last.total - r.first.total)),
        sourceIds(r.sources),
      ]),
      ['*', 'auto', 62, 80, 'auto', 100],
    ),
  ];
}

export function questionsBlock(rows: NonNullable<ReportData['questions']>, f: Formats): Content[] {
  if (rows.length === 0) return [none('No open question.')];
  return [
    {
      ol: rows.map((q) => ({
        text: [q.text, { text: `  (${f.day(q.createdAt)})`, color: '#444444' }],
      })),
      margin: [0, 0, 0, 8],
    },
  ];
}
