/**
 * Reading alerts as a caller may see them (the rule is in docs/care-team-api.md, "Alerts"):
 * the patient sees the patient-facing alerts whose signal is present now; a clinician sees the
 * clinician-facing ones whose every consent category the patient shares with them.
 */
import { and, desc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { granted, type ConsentMap } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { alerts, users } from '../db/schema.js';
import type { PatientAccess } from '../http/policy.js';

export const STATUS_FILTERS = ['open', 'acknowledged', 'resolved', 'unresolved', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export type Viewer =
  { readonly as: 'patient' } | { readonly as: 'member'; readonly consent: ConsentMap };

/** The viewer of a patient-data access: the patient, or a member with their consent. */
export const viewerOf = (access: PatientAccess): Viewer =>
  access.as === 'patient' ? { as: 'patient' } : { as: 'member', consent: access.consent };

/** SQL: the alerts of `patientId`'s data a viewer may see. */
export function visibleTo(viewer: Viewer): SQL {
  if (viewer.as === 'patient') {
    return and(inArray(alerts.audience, ['patient', 'both']), eq(alerts.present, true)) as SQL;
  }
  return and(
    inArray(alerts.audience, ['clinician', 'both']),
    sql`${alerts.categories} <@ ${JSON.stringify(granted(viewer.consent))}::jsonb`,
  ) as SQL;
}

function statusIs(filter: StatusFilter): SQL | undefined {
  if (filter === 'all') return undefined;
  if (filter === 'unresolved') return ne(alerts.status, 'resolved');
  return eq(alerts.status, filter);
}

export interface AlertView {
  readonly id: string;
  readonly signalId: string;
  readonly severity: string;
  readonly audience: string;
  /** Urgent alerts: emergency guidance, shown first and differently. */
  readonly crisis: boolean;
  readonly title: string;
  readonly categories: readonly string[];
  readonly evidence: readonly unknown[];
  readonly sources: readonly unknown[];
  readonly patientText: string | null;
  /** Null for the patient. */
  readonly clinicianText: string | null;
  readonly status: 'open' | 'acknowledged' | 'resolved';
  readonly present: boolean;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly acknowledged: { readonly at: string; readonly by: Person } | null;
  readonly resolved: {
    readonly at: string;
    readonly by: Person;
    readonly note: string | null;
  } | null;
}
interface Person {
  readonly id: string;
  readonly displayName: string;
}

/** Alerts of a patient a viewer may see, most serious first, then most recently seen. */
export async function listAlerts(
  db: Db,
  patientId: string,
  viewer: Viewer,
  filter: { readonly status: StatusFilter; readonly alertId?: string },
): Promise<AlertView[]> {
  const acker = alias(users, 'acker');
  const resolver = alias(users, 'resolver');
  const rows = await db
    .select({ a: alerts, ackName: acker.displayName, resolverName: resolver.displayName })
    .from(alerts)
    .leftJoin(acker, eq(acker.id, alerts.acknowledgedBy))
    .leftJoin(resolver, eq(resolver.id, alerts.resolvedBy))
    .where(
      and(
        eq(alerts.patientId, patientId),
        visibleTo(viewer),
        statusIs(filter.status),
        filter.alertId === undefined ? undefined : eq(alerts.id, filter.alertId),
      ),
    )
    .orderBy(desc(alerts.severityRank), desc(alerts.lastSeen), desc(alerts.id));
  const forPatient = viewer.as === 'patient';
  return rows.map(({ a, ackName, resolverName }) => ({
    id: a.id,
    signalId: a.signalId,
    severity: a.severity,
    audience: a.audience,
    crisis: a.severity === 'urgent',
    title: a.title,
    categories: a.categories,
    evidence: a.evidence,
    sources: a.sources,
    patientText: a.patientText,
    clinicianText: forPatient ? null : a.clinicianText,
    status: a.status,
    present: a.present,
    firstSeen: a.firstSeen.toISOString(),
    lastSeen: a.lastSeen.toISOString(),
    acknowledged:
      forPatient || a.acknowledgedAt === null || a.acknowledgedBy === null
        ? null
        : {
            at: a.acknowledgedAt.toISOString(),
            by: { id: a.acknowledgedBy, displayName: ackName ?? '' },
          },
    resolved:
      forPatient || a.resolvedAt === null || a.resolvedBy === null
        ? null
        : {
            at: a.resolvedAt.toISOString(),
            by: { id: a.resolvedBy, displayName: resolverName ?? '' },
            note: a.resolutionNote,
          },
  }));
}
