/**
 * Everything a visit summary says, read for one caller: only the sections asked for, and of
 * those only the ones whose consent category the patient shares with the caller (the others are
 * named in `hidden`). Reads run in parallel; nothing is read for a section left out.
 */
import type { CheckIn } from '@steady/core';
import { eq } from 'drizzle-orm';
import { loadQuestions } from '../checkups/questions.js';
import { findCheckIns } from '../checkins/repo.js';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import { localDaysRange } from '../doses/today.js';
import { localCalendar } from '../history/daily.js';
import { maySee, type PatientAccess } from '../http/policy.js';
import type { ResponseView } from '../questionnaires/repo.js';
import { checkInDays, painTrend, sideEffectTable } from './loadCheckIns.js';
import {
  loadResponses,
  loadSignals,
  loadTaper,
  loadTechniques,
  questionnaireRows,
} from './loadCare.js';
import { loadDoseFacts, localDay, type DoseFacts } from './loadDoses.js';
import type { ReportData } from './model.js';
import { SECTION_CATEGORY, type PaperSize, type ReportSection } from './sections.js';

export interface ReportRequest {
  readonly from: string;
  readonly to: string;
  readonly sections: readonly ReportSection[];
  readonly paper: PaperSize;
}

async function patientName(ctx: AppContext, patientId: string): Promise<string> {
  const [row] = await ctx.db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, patientId));
  return row?.name ?? '';
}

export async function loadReport(
  ctx: AppContext,
  access: PatientAccess,
  request: ReportRequest,
): Promise<ReportData> {
  const { patientId, timeZone: zone } = access;
  const { from, to } = request;
  const range = localDaysRange(from, to, zone);
  const now = ctx.now();
  const today = localDay(now, zone);
  const mayShow = (s: ReportSection) => {
    const category = SECTION_CATEGORY[s];
    return category === null || maySee(access, category);
  };
  const sections = request.sections.filter(mayShow);
  const hidden = request.sections.filter((s) => !mayShow(s));
  const wants = (...list: ReportSection[]) => list.some((s) => sections.includes(s));
  const calendar = localCalendar(from, to, zone);
  const period = { from, to, zone, calendar, range };

  const questionnairesShared = maySee(access, 'questionnaires');
  const needsResponses = questionnairesShared && wants('questionnaires', 'painTrend', 'taper');
  const needsDoses =
    wants('regimen', 'adherence', 'extraDoses') ||
    (wants('painTrend') && maySee(access, 'medications'));
  const needsCheckIns = wants('painTrend', 'sideEffects');

  const [doses, checkIns, responses, signals, techniques, questions, name] = await Promise.all([
    needsDoses ? loadDoseFacts(ctx, patientId, period) : null,
    needsCheckIns ? findCheckIns(ctx.db, patientId, range) : ([] as CheckIn[]),
    needsResponses ? loadResponses(ctx, access, range) : null,
    wants('signals') ? loadSignals(ctx, access, range) : null,
    wants('techniques') ? loadTechniques(ctx, patientId, range) : null,
    wants('questions') ? loadQuestions(ctx.db, patientId, { open: true }) : null,
    patientName(ctx, patientId),
  ]);
  const taper = wants('taper')
    ? await loadTaper(
        ctx,
        patientId,
        today,
        responses === null ? null : responses.filter((r) => r.taperStepIndex !== null),
      )
    : undefined;
  const days = needsCheckIns ? checkInDays(checkIns, calendar) : [];

  return {
    patient: { displayName: name, timeZone: zone },
    period: { from, to },
    generatedAt: now.toISOString(),
    reader: { as: access.as, displayName: access.user.displayName },
    paper: request.paper,
    sections,
    hidden,
    ...doseSections(doses, sections),
    ...(wants('painTrend')
      ? {
          painTrend: painTrend({
            dates: calendar.dates,
            days,
            takenMg: maySee(access, 'medications') ? (doses?.takenMg ?? null) : null,
            peg: pegScores(responses, zone),
            today,
          }),
        }
      : {}),
    ...(wants('sideEffects') ? { sideEffects: sideEffectTable(checkIns, days) } : {}),
    ...(signals === null ? {} : { signals }),
    ...(taper === undefined ? {} : { taper }),
    ...(techniques === null ? {} : { techniques }),
    ...(wants('questionnaires') && responses !== null
      ? { questionnaires: questionnaireRows(responses) }
      : {}),
    ...(questions === null
      ? {}
      : { questions: questions.map((q) => ({ text: q.text, createdAt: q.createdAt })) }),
  };
}

function doseSections(doses: DoseFacts | null, sections: readonly ReportSection[]) {
  if (doses === null) return {};
  return {
    ...(sections.includes('regimen') ? { regimen: doses.regimen } : {}),
    ...(sections.includes('adherence') ? { adherence: doses.adherence } : {}),
    ...(sections.includes('extraDoses')
      ? { extraDoses: { days: doses.extraDays, asNeededMg: doses.asNeededMg } }
      : {}),
  };
}

function pegScores(responses: readonly ResponseView[] | null, zone: string) {
  if (responses === null) return null;
  return responses
    .filter((r) => r.instrumentId === 'peg')
    .map((r) => ({ date: localDay(r.at, zone), total: r.score.total }));
}
