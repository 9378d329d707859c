/**
 * The CSV exports (doses, check-ins, questionnaires, techniques): every record of the patient,
 * oldest first, each with its local date and time in the patient's zone and the UTC instant.
 * Records are read with the features' own loaders where they have one.
 */
import { localDateOf, localTimeOf, SIDE_EFFECT_KEYS } from '@steady/core';
import { asc, eq } from 'drizzle-orm';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { techniqueSessions } from '../db/schema.js';
import { findDoseEvents } from '../doses/repo.js';
import { findResponses } from '../questionnaires/repo.js';
import { toCsv, type CsvValue } from './csv.js';

export const CSV_DATASETS = ['doses', 'checkins', 'questionnaires', 'techniques'] as const;
export type CsvDataset = (typeof CSV_DATASETS)[number];

/** Every record, whenever it happened (the loaders take a range). */
const ALL_TIME = { from: new Date('1900-01-01T00:00:00Z'), to: new Date('9999-01-01T00:00:00Z') };

const WHEN_HEADER = ['local_date', 'local_time', 'time_zone'] as const;

/** The local date, local time and zone of an instant, for the first columns of every row. */
function when(instant: Date | string, zone: string): CsvValue[] {
  const iso = typeof instant === 'string' ? instant : instant.toISOString();
  return [localDateOf(iso, zone), localTimeOf(iso, zone), zone];
}

interface Table {
  readonly header: readonly string[];
  readonly rows: CsvValue[][];
}

async function doses(ctx: AppContext, patientId: string, zone: string): Promise<Table> {
  const events = await findDoseEvents(ctx.db, patientId, ALL_TIME);
  const superseded = new Set(events.flatMap((e) => (e.supersedes === null ? [] : [e.supersedes])));
  const rows = [...events]
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.createdAt.localeCompare(b.createdAt))
    .map((e) => [
      ...when(e.takenAt, zone),
      e.takenAt,
      e.kind,
      e.slotKey,
      e.amountMg,
      e.reason,
      superseded.has(e.id) ? 'corrected' : 'current',
      e.supersedes,
      e.createdAt,
      e.id,
    ]);
  return {
    header: [
      ...WHEN_HEADER,
      'taken_at_utc',
      'kind',
      'scheduled_slot',
      'amount_mg',
      'reason',
      'status',
      'corrects_entry',
      'recorded_at_utc',
      'id',
    ],
    rows,
  };
}

async function checkins(ctx: AppContext, patientId: string, zone: string): Promise<Table> {
  const list = await findCheckIns(ctx.db, patientId, ALL_TIME);
  const rows = list.map((c) => [
    ...when(c.at, zone),
    c.at,
    c.pain,
    c.spasm,
    c.sleepQuality,
    c.anxiety,
    c.mood,
    ...SIDE_EFFECT_KEYS.map((k) => c.sideEffects[k]),
    c.fall,
    c.breathingProblem,
    c.otherSideEffect?.text ?? null,
    c.otherSideEffect?.severity ?? null,
    c.activities.join('; '),
    c.note,
    c.id,
  ]);
  return {
    header: [
      ...WHEN_HEADER,
      'at_utc',
      'pain_0_10',
      'spasm_0_10',
      'sleep_quality',
      'anxiety',
      'mood',
      ...SIDE_EFFECT_KEYS,
      'fall',
      'breathing_problem',
      'other_side_effect',
      'other_side_effect_severity',
      'activities',
      'note',
      'id',
    ],
    rows,
  };
}

async function questionnaires(ctx: AppContext, patientId: string, zone: string): Promise<Table> {
  const responses = await findResponses(ctx.db, patientId, ALL_TIME);
  const rows = responses.map((r) => {
    const score = r.score as { version?: unknown; band?: { label?: unknown } | null };
    const answers = Object.entries(r.answers)
      .map(([item, value]) => `${item}=${value === null ? '' : String(value)}`)
      .join('; ');
    return [
      ...when(r.at, zone),
      r.at.toISOString(),
      r.instrumentId,
      typeof score.version === 'string' ? score.version : null,
      r.total,
      typeof score.band?.label === 'string' ? score.band.label : null,
      r.taperStepIndex,
      answers,
      r.assignmentId,
      r.id,
    ];
  });
  return {
    header: [
      ...WHEN_HEADER,
      'at_utc',
      'instrument',
      'instrument_version',
      'total',
      'band',
      'taper_step',
      'answers',
      'assignment_id',
      'id',
    ],
    rows,
  };
}

async function techniques(ctx: AppContext, patientId: string, zone: string): Promise<Table> {
  const sessions = await ctx.db
    .select()
    .from(techniqueSessions)
    .where(eq(techniqueSessions.patientId, patientId))
    .orderBy(asc(techniqueSessions.startedAt), asc(techniqueSessions.id));
  const rows = sessions.map((s) => [
    ...when(s.startedAt, zone),
    s.startedAt.toISOString(),
    s.techniqueId,
    s.kind,
    s.durationMinutes,
    s.painBefore,
    s.painAfter,
    s.tensionBefore,
    s.tensionAfter,
    s.provider,
    s.note,
    s.assignmentId,
    s.id,
  ]);
  return {
    header: [
      ...WHEN_HEADER,
      'started_at_utc',
      'technique',
      'kind',
      'duration_minutes',
      'pain_before',
      'pain_after',
      'tension_before',
      'tension_after',
      'provider',
      'note',
      'assignment_id',
      'id',
    ],
    rows,
  };
}

const BUILDERS: Readonly<
  Record<CsvDataset, (ctx: AppContext, patientId: string, zone: string) => Promise<Table>>
> = { doses, checkins, questionnaires, techniques };

/** One dataset as a CSV file, and how many records it holds (for the audit). */
export async function datasetCsv(
  ctx: AppContext,
  dataset: CsvDataset,
  patientId: string,
  zone: string,
): Promise<{ csv: string; count: number }> {
  const table = await BUILDERS[dataset](ctx, patientId, zone);
  return { csv: toCsv(table.header, table.rows), count: table.rows.length };
}
