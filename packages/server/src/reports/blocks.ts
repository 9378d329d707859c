/**
 * The bodies of the medication and check-in sections of the visit summary as pdfmake content:
 * short sentences first, then a table where there are rows to compare.
 */
import type { Content, TableCell } from './pdfTypes.js';
import { painTrendOption, renderSvg } from './charts.js';
import type { ReportData } from './model.js';
import type { Formats } from './words.js';

export const para = (text: string, extra: Record<string, unknown> = {}): Content => ({
  text,
  margin: [0, 0, 0, 6],
  ...extra,
});
export const none = (text: string): Content => para(text, { italics: true, color: '#444444' });

/** A table with a bold header row repeated on each page. */
export function table(
  headers: readonly string[],
  rows: readonly (readonly TableCell[])[],
  widths: readonly (number | '*' | 'auto')[],
): Content {
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths: [...widths],
      body: [headers.map((h) => ({ text: h, style: 'th' })), ...rows.map((r) => [...r])],
    },
    layout: 'lightHorizontalLines',
    fontSize: 9,
    margin: [0, 2, 0, 8],
  };
}

export function regimenBlock(rows: NonNullable<ReportData['regimen']>, f: Formats): Content[] {
  if (rows.length === 0) return [none('No diazepam regimen was recorded for this period.')];
  const changes = rows.filter((r) => r.changedInPeriod).length;
  return [
    para(
      changes === 0
        ? 'No change to the regimen was recorded in this period.'
        : `${String(changes)} change${changes === 1 ? ' was' : 's were'} recorded in this period (marked “changed”).`,
    ),
    table(
      ['Version', 'In force', 'Schedule', 'Per day', 'As needed', 'Reason (entered by)'],
      rows.map((r) => [
        `v${String(r.version)}${r.changedInPeriod ? '\nchanged' : ''}`,
        `${f.date(r.startDate)} –\n${r.endDate === null ? 'open-ended' : f.date(r.endDate)}`,
        r.schedule.map((d) => `${d.time}  ${f.mg(d.amountMg)}`).join('\n') || '—',
        f.mg(r.dailyMg),
        r.asNeeded === null
          ? '—'
          : `${f.mg(r.asNeeded.amountMg)}, ≥ ${String(r.asNeeded.minIntervalHours)} h apart, ≤ ${String(r.asNeeded.maxPerDay)}/day`,
        `${r.reason}\n(${r.enteredBy}, ${f.day(r.recordedAt)})`,
      ]),
      ['auto', 'auto', 'auto', 'auto', 70, '*'],
    ),
  ];
}

export function adherenceBlock(a: ReportData['adherence'], f: Formats): Content[] {
  if (a === undefined || a === null) return [none('No regimen was in force, so no dose was due.')];
  if (a.due === 0) return [none('No scheduled dose was due in this period yet.')];
  return [
    para(
      `${String(a.taken)} of ${String(a.due)} scheduled doses taken (${f.percent(a.takenShare)}); ` +
        `${f.percent(a.onTimeShare)} of those within ${String(a.onTimeWindowMinutes)} minutes of the planned time.`,
    ),
    table(
      ['Due', 'Taken', 'Skipped', 'Missed (not logged)', 'Days with every dose taken'],
      [
        [
          String(a.due),
          String(a.taken),
          String(a.skipped),
          String(a.missed),
          `${String(a.daysCovered)} of ${String(a.daysAssessed)}`,
        ],
      ],
      ['*', '*', '*', '*', '*'],
    ),
  ];
}

/** Up to this many days are listed one by one; more are summed per month. */
const EXTRA_DAYS_LISTED = 12;

function extraDoseRows(days: NonNullable<ReportData['extraDoses']>['days'], f: Formats): Content {
  if (days.length <= EXTRA_DAYS_LISTED) {
    return table(
      ['Day', 'Extra doses', 'Extra mg', 'Scheduled that day', 'Taken that day'],
      days.map((d) => [
        f.date(d.date),
        String(d.count),
        f.mg(d.mg),
        d.scheduledMg === null ? '—' : f.mg(d.scheduledMg),
        f.mg(d.takenMg),
      ]),
      ['*', 'auto', 'auto', 'auto', 'auto'],
    );
  }
  const months = new Map<string, { days: number; count: number; mg: number }>();
  for (const d of days) {
    const m = months.get(d.date.slice(0, 7)) ?? { days: 0, count: 0, mg: 0 };
    months.set(d.date.slice(0, 7), { days: m.days + 1, count: m.count + d.count, mg: m.mg + d.mg });
  }
  return table(
    ['Month', 'Days with extra doses', 'Extra doses', 'Extra mg'],
    [...months].map(([month, m]) => [f.month(month), String(m.days), String(m.count), f.mg(m.mg)]),
    ['*', 'auto', 'auto', 'auto'],
  );
}

export function extraDosesBlock(e: NonNullable<ReportData['extraDoses']>, f: Formats): Content[] {
  const allowance =
    e.asNeededMg === null
      ? 'The regimen has no as-needed allowance.'
      : `The regimen allows up to ${f.mg(e.asNeededMg)} a day as needed.`;
  if (e.days.length === 0) return [para(`No dose beyond the schedule was logged. ${allowance}`)];
  const count = e.days.reduce((s, d) => s + d.count, 0);
  const mg = e.days.reduce((s, d) => s + d.mg, 0);
  return [
    para(
      `${String(count)} dose${count === 1 ? '' : 's'} beyond the schedule (${f.mg(mg)} in all) on ${String(e.days.length)} day${e.days.length === 1 ? '' : 's'}. ${allowance}`,
    ),
    extraDoseRows(e.days, f),
  ];
}

export function painTrendBlock(t: NonNullable<ReportData['painTrend']>, width: number): Content[] {
  if (t.daysReported === 0 && t.peg.length === 0) {
    return [none('No pain was reported in this period.')];
  }
  const parts = [
    `Pain reported on ${String(t.daysReported)} of ${String(t.days.length)} days` +
      (t.meanPain === null ? '.' : `, mean ${String(t.meanPain)}/10.`),
    t.firstWeekMean !== null && t.lastWeekMean !== null
      ? `First week mean ${String(t.firstWeekMean)}, last week mean ${String(t.lastWeekMean)}.`
      : '',
    t.dosesShown ? '' : 'Doses are not shared with you, so no dose bars are drawn.',
    t.pegShown ? '' : 'Questionnaires are not shared with you, so PEG scores are not drawn.',
  ];
  return [
    para(parts.filter((p) => p !== '').join(' ')),
    { svg: renderSvg(painTrendOption(t)), width, margin: [0, 0, 0, 8] },
  ];
}

const SEVERITY_WORDS: Readonly<Record<string, string>> = {
  none: 'none',
  mild: 'mild',
  moderate: 'moderate',
  severe: 'severe',
};

export function sideEffectsBlock(s: NonNullable<ReportData['sideEffects']>): Content[] {
  if (s.daysReported === 0) return [none('No check-in was recorded in this period.')];
  const safety = [
    `Falls: ${String(s.falls)}; near falls: ${String(s.nearFalls)}.`,
    s.breathingDays > 0
      ? `Slow or shallow breathing reported on ${String(s.breathingDays)} day${s.breathingDays === 1 ? '' : 's'}.`
      : 'No breathing problem reported.',
  ].join(' ');
  return [
    para(`Days rated, out of ${String(s.daysReported)} days with a check-in. ${safety}`),
    table(
      ['Side effect', 'Mild', 'Moderate', 'Severe', 'Worst'],
      s.rows.map((r) => [
        r.label,
        String(r.mild),
        String(r.moderate),
        r.severe > 0 ? { text: String(r.severe), style: 'strong' } : '0',
        SEVERITY_WORDS[r.worst] ?? r.worst,
      ]),
      ['*', 'auto', 'auto', 'auto', 'auto'],
    ),
  ];
}
