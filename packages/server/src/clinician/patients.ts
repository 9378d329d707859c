/**
 * The clinician's (or caregiver's) panel: only patients with an active link to the caller,
 * searchable by name, sorted by the most serious open alert the caller may see, then by the
 * most recent activity they may see, then by name. One query finds and orders the page (the
 * top alert per patient from `alerts`, recency from the precomputed `patient_activity`), a
 * constant few more fill in its rows (panelFacts.ts) and one insert records the listing in each
 * listed patient's access log. Each field needs its consent; what the caller may not see is
 * null and named in `hidden`.
 */
import { sql } from 'drizzle-orm';
import { recordMemberAccesses } from '../audit/access.js';
import type { SessionUser } from '../auth/sessions.js';
import { granted, normalizeConsent, type ConsentMap } from '../careteam/consent.js';
import type { AppContext } from '../context.js';
import { doseFacts, painTrends, type PainTrend } from './panelFacts.js';

export const LIST_ROUTE = 'GET /api/clinician/patients';

type HiddenField = 'currentDailyDoseMg' | 'adherence7d' | 'lastCheckInAt' | 'painTrend';

export interface TopAlert {
  readonly id: string;
  readonly signalId: string;
  readonly severity: string;
  readonly title: string;
  readonly crisis: boolean;
}

export interface PatientRow {
  readonly id: string;
  readonly displayName: string;
  readonly since: string;
  readonly consent: ConsentMap;
  /** The most serious unresolved alert the caller may see (clinicians only). */
  readonly topAlert: TopAlert | null;
  /** Scheduled diazepam per day in today's regimen (needs `medications`). */
  readonly currentDailyDoseMg: number | null;
  /** Needs `medications`. */
  readonly adherence7d: number | null;
  /** Needs `checkins`. */
  readonly lastCheckInAt: string | null;
  /** Needs `checkins`. */
  readonly painTrend: PainTrend | null;
  /** Latest dose or check-in among what the caller may see. */
  readonly lastActivityAt: string | null;
  readonly hidden: readonly HiddenField[];
}

export interface PanelQuery {
  readonly q?: string | undefined;
  readonly alert?: 'any' | 'none' | undefined;
  readonly id?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** `%` and `_` typed by the user are literal characters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

interface PageRow extends Record<string, unknown> {
  link_id: string;
  patient_id: string;
  since: Date | string;
  consent: Record<string, boolean>;
  display_name: string;
  time_zone: string;
  alert_id: string | null;
  signal_id: string | null;
  severity: string | null;
  title: string | null;
  last_check_in_at: Date | string | null;
  last_activity_at: Date | string | null;
  total: number | string;
}

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

async function pageRows(ctx: AppContext, member: SessionUser, query: PanelQuery) {
  const search =
    query.q === undefined || query.q === ''
      ? sql``
      : sql`and p.display_name ilike ${likePattern(query.q)}`;
  const alertFilter =
    query.alert === 'any'
      ? sql`and top.id is not null`
      : query.alert === 'none'
        ? sql`and top.id is null`
        : sql``;
  const onePatient = query.id === undefined ? sql`` : sql`and l.patient_id = ${query.id}`;
  const shown = (category: string, column: string) =>
    sql`case when (l.consent ->> ${category}) = 'true' then act.${sql.raw(column)} end`;
  const raw: unknown = await ctx.db.execute(sql`
    select l.id as link_id, l.patient_id, l.since, l.consent, p.display_name, p.time_zone,
      top.id as alert_id, top.signal_id, top.severity, top.title,
      ${shown('checkins', 'last_check_in_at')} as last_check_in_at,
      greatest(${shown('medications', 'last_dose_at')}, ${shown('checkins', 'last_check_in_at')})
        as last_activity_at,
      count(*) over () as total
    from care_links l
    join users p on p.id = l.patient_id
    left join patient_activity act on act.patient_id = l.patient_id
    left join lateral (
      select a.id, a.signal_id, a.severity, a.severity_rank, a.title
      from alerts a
      where a.patient_id = l.patient_id and a.status <> 'resolved'
        and l.member_kind <> 'caregiver'
        and a.audience in ('clinician', 'both')
        and a.categories <@ coalesce(
          (select jsonb_agg(c.key) from jsonb_each(l.consent) c where c.value = 'true'::jsonb),
          '[]'::jsonb)
      order by a.severity_rank desc, a.last_seen desc, a.id
      limit 1
    ) top on true
    where l.member_id = ${member.id} and l.status = 'active' and p.active ${search} ${alertFilter} ${onePatient}
    order by top.severity_rank desc nulls last, last_activity_at desc nulls last,
      p.display_name, l.id
    limit ${query.limit} offset ${query.offset}`);
  return (raw as { rows: PageRow[] }).rows;
}

export async function linkedPatients(
  ctx: AppContext,
  member: SessionUser,
  query: PanelQuery,
): Promise<{ patients: PatientRow[]; total: number }> {
  await ctx.alerts?.settled();
  const rows = await pageRows(ctx, member, query);
  const links = rows.map((r) => ({ ...r, consentMap: normalizeConsent(r.consent) }));
  const withMeds = new Map(
    links.filter((l) => l.consentMap.medications).map((l) => [l.patient_id, l.time_zone]),
  );
  const withCheckIns = links.filter((l) => l.consentMap.checkins).map((l) => l.patient_id);
  const [doses, pains] = await Promise.all([
    doseFacts(ctx, withMeds),
    painTrends(ctx, withCheckIns),
  ]);
  const patients = links.map((l): PatientRow => {
    const consent = l.consentMap;
    const hidden: HiddenField[] = [];
    if (!consent.medications) hidden.push('currentDailyDoseMg', 'adherence7d');
    if (!consent.checkins) hidden.push('lastCheckInAt', 'painTrend');
    const dose = doses.get(l.patient_id);
    return {
      id: l.patient_id,
      displayName: l.display_name,
      since: iso(l.since) ?? '',
      consent,
      topAlert:
        l.alert_id === null
          ? null
          : {
              id: l.alert_id,
              signalId: l.signal_id ?? '',
              severity: l.severity ?? '',
              title: l.title ?? '',
              crisis: l.severity === 'urgent',
            },
      currentDailyDoseMg: dose?.currentDailyDoseMg ?? null,
      adherence7d: dose?.adherence7d ?? null,
      lastCheckInAt: iso(l.last_check_in_at),
      painTrend: consent.checkins
        ? (pains.get(l.patient_id) ?? { recent: null, previous: null, change: null })
        : null,
      lastActivityAt: iso(l.last_activity_at),
      hidden,
    };
  });
  await recordMemberAccesses(
    ctx.db,
    links.map((l) => ({
      actorId: member.id,
      patientId: l.patient_id,
      access: 'read' as const,
      subject: 'patient-list',
      categories: granted(l.consentMap).filter((c) => c === 'medications' || c === 'checkins'),
      route: LIST_ROUTE,
      linkId: l.link_id,
    })),
    ctx.now(),
  );
  return { patients, total: Number(rows[0]?.total ?? 0) };
}
