/**
 * The other sections of the visit summary: signals (alerts as the reader may see them), the
 * taper and its withdrawal check-ins, techniques and how helpful they were, and questionnaire
 * trends. Each reads through the owning feature's loader.
 */
import {
  getInstrument,
  isElsewhereTherapyId,
  isSourceId,
  isTechniqueId,
  sessionTechniqueTitle,
  type LocalDate,
  type SourceRef,
} from '@steady/core';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { listAlerts, viewerOf, type AlertView } from '../alerts/repo.js';
import type { AppContext } from '../context.js';
import { techniqueAssignments, techniqueSessions } from '../db/techniquesSchema.js';
import { round1 } from '../history/daily.js';
import type { PatientAccess } from '../http/policy.js';
import { findResponses, toResponseView, type ResponseView } from '../questionnaires/repo.js';
import { loadTaperVersions } from '../taper/repository.js';
import type { QuestionnaireRow, SignalRow, TaperSummary, TechniqueRow } from './model.js';

type Range = { readonly from: Date; readonly to: Date };

/** Stored alert sources are JSON: keep the well-formed citations. */
function sourcesOf(list: readonly unknown[]): SourceRef[] {
  return list.flatMap((s) => {
    if (typeof s !== 'object' || s === null) return [];
    const { id, status, locator } = s as Record<string, unknown>;
    if (typeof id !== 'string' || !isSourceId(id)) return [];
    if (status !== 'C' && status !== 'P' && status !== 'U') return [];
    return [typeof locator === 'string' ? { id, status, locator } : { id, status }];
  });
}

const signalRow = (a: AlertView): SignalRow => ({
  title: a.title,
  severity: a.severity,
  status: a.status,
  firstSeen: a.firstSeen,
  resolvedAt: a.resolved?.at ?? null,
  resolutionNote: a.resolved?.note ?? null,
  sources: sourcesOf(a.sources),
});

/** Open signals now, and those resolved in the period (the patient sees no resolution date). */
export async function loadSignals(ctx: AppContext, access: PatientAccess, range: Range) {
  await ctx.alerts?.settled(access.patientId);
  const list = await listAlerts(ctx.db, access.patientId, viewerOf(access), { status: 'all' });
  const inRange = (at: string) =>
    Date.parse(at) >= range.from.getTime() && Date.parse(at) < range.to.getTime();
  return {
    open: list.filter((a) => a.status !== 'resolved').map(signalRow),
    resolved: list
      .filter((a) => a.status === 'resolved' && inRange(a.resolved?.at ?? a.lastSeen))
      .map(signalRow),
  };
}

/** The taper in force, its steps against today, its changes and withdrawal scores per step. */
export async function loadTaper(
  ctx: AppContext,
  patientId: string,
  today: LocalDate,
  withdrawal: readonly ResponseView[] | null,
): Promise<TaperSummary | null> {
  const versions = await loadTaperVersions(ctx, patientId);
  const current = versions.at(-1);
  if (current === undefined) return null;
  const plan = current.plan;
  const perStep = new Map<number, ResponseView[]>();
  for (const r of withdrawal ?? []) {
    if (r.taperStepIndex === null) continue;
    perStep.set(r.taperStepIndex, [...(perStep.get(r.taperStepIndex) ?? []), r]);
  }
  return {
    status: plan.status,
    steps: plan.steps.map((s) => ({
      index: s.index,
      startDate: s.startDate,
      endDate: s.endDate,
      dailyMg: s.dailyTotalMg,
      reductionPct: s.reductionFromPreviousPct,
      state:
        s.startDate > today ? 'next' : s.endDate !== null && s.endDate < today ? 'done' : 'current',
    })),
    projectedEndDate: plan.projectedEndDate,
    versions: versions.map((v) => ({
      version: v.version,
      action: v.action,
      reason: v.reason,
      effectiveDate: v.effectiveDate,
      signedAt: v.signedAt.toISOString(),
    })),
    withdrawal:
      withdrawal === null
        ? null
        : [...perStep].map(([stepIndex, list]) => {
            const totals = list.map((r) => r.score.total);
            return {
              stepIndex,
              count: list.length,
              mean: round1(totals.reduce((a, b) => a + b, 0) / totals.length),
              max: Math.max(...totals),
              scoreMax: list[0]?.score.max ?? 0,
            };
          }),
    sources: plan.sources,
  };
}

/** The patient's responses in the period, as a care-team member or the patient reads them. */
export async function loadResponses(
  ctx: AppContext,
  access: PatientAccess,
  range: Range,
): Promise<ResponseView[]> {
  const rows = await findResponses(ctx.db, access.patientId, range);
  const reader = access.as === 'patient' ? 'patient' : 'member';
  return rows.map((row) => toResponseView(row, reader));
}

/** Per instrument: how many answers, the first and the latest score (oldest first). */
export function questionnaireRows(responses: readonly ResponseView[]): QuestionnaireRow[] {
  const byInstrument = new Map<string, ResponseView[]>();
  for (const r of responses) {
    byInstrument.set(r.instrumentId, [...(byInstrument.get(r.instrumentId) ?? []), r]);
  }
  return [...byInstrument].flatMap(([id, list]) => {
    const first = list[0];
    const last = list.at(-1);
    if (first === undefined || last === undefined) return [];
    return [
      {
        title: getInstrument(id)?.title ?? id,
        count: list.length,
        scoreMin: last.score.min,
        scoreMax: last.score.max,
        first: { at: first.at, total: first.score.total },
        last: { at: last.at, total: last.score.total, band: last.score.band?.label ?? null },
        sources: last.score.sources,
      },
    ];
  });
}

const titleOf = (techniqueId: string, assignmentTitle: string | null): string => {
  if (assignmentTitle !== null) return assignmentTitle;
  if (isTechniqueId(techniqueId) || isElsewhereTherapyId(techniqueId)) {
    return sessionTechniqueTitle(techniqueId);
  }
  return techniqueId;
};

const meanChange = (pairs: readonly (readonly [number | null, number | null])[]) => {
  const diffs = pairs.flatMap(([b, a]) => (b === null || a === null ? [] : [a - b]));
  return {
    n: diffs.length,
    mean: diffs.length === 0 ? null : round1(diffs.reduce((x, y) => x + y, 0) / diffs.length),
  };
};

/** Sessions of the period per technique, with the mean change of pain and tension. */
export async function loadTechniques(
  ctx: AppContext,
  patientId: string,
  range: Range,
): Promise<TechniqueRow[]> {
  const s = techniqueSessions;
  const rows = await ctx.db
    .select({ s, assignmentTitle: techniqueAssignments.title })
    .from(s)
    .leftJoin(techniqueAssignments, eq(techniqueAssignments.id, s.assignmentId))
    .where(and(eq(s.patientId, patientId), gte(s.startedAt, range.from), lt(s.startedAt, range.to)))
    .orderBy(asc(s.startedAt));
  const groups = new Map<string, (typeof rows)[number][]>();
  for (const r of rows) {
    const title = titleOf(r.s.techniqueId, r.assignmentTitle);
    groups.set(title, [...(groups.get(title) ?? []), r]);
  }
  return [...groups]
    .map(([title, list]) => {
      const pain = meanChange(list.map(({ s: x }) => [x.painBefore, x.painAfter] as const));
      const tension = meanChange(
        list.map(({ s: x }) => [x.tensionBefore, x.tensionAfter] as const),
      );
      return {
        title,
        sessions: list.length,
        minutes: list.reduce((sum, { s: x }) => sum + (x.durationMinutes ?? 0), 0),
        painChange: pain.mean,
        painRated: pain.n,
        tensionChange: tension.mean,
      };
    })
    .sort((a, b) => b.sessions - a.sessions);
}
