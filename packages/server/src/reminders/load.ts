/**
 * What the reminder scheduler needs about a batch of patients, in a few queries per batch
 * (never one query per patient): time zone, regimen versions, recent dose events, reminder
 * settings and the caregivers who may be told.
 */
import type { LoggedDoseEvent, RegimenVersion, ReminderSettings } from '@steady/core';
import { and, asc, eq, gt, gte, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { normalizeConsent } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { careLinks, doseEvents, regimenVersions, users } from '../db/schema.js';
import { toView } from '../doses/repo.js';
import { toRegimenVersion } from '../regimen/service.js';
import { loadReminderSettings } from './settingsRepo.js';

export interface ReminderPatient {
  readonly id: string;
  readonly displayName: string;
  readonly timeZone: string;
  readonly versions: RegimenVersion[];
  readonly events: LoggedDoseEvent[];
  readonly settings: ReminderSettings;
  /** Active caregivers with medication consent: who a caregiver notice goes to. */
  readonly caregivers: string[];
}

/** Dose events this long before a window can still answer a slot in it (late and early logs). */
const EVENT_LOOKBACK_MS = 4 * 86_400_000;

/** One page of active patients, by id after `cursor` (keyset pagination). */
export async function patientPage(
  db: Db,
  cursor: string | null,
  size: number,
): Promise<{ id: string; displayName: string; timeZone: string }[]> {
  const base = and(eq(users.role, 'patient'), eq(users.active, true));
  return db
    .select({ id: users.id, displayName: users.displayName, timeZone: users.timeZone })
    .from(users)
    .where(cursor === null ? base : and(base, gt(users.id, cursor)))
    .orderBy(asc(users.id))
    .limit(size);
}

/** Active patients by id (those not found, or no longer active, are left out). */
export async function patientsById(
  db: Db,
  ids: readonly string[],
): Promise<{ id: string; displayName: string; timeZone: string }[]> {
  if (ids.length === 0) return [];
  return db
    .select({ id: users.id, displayName: users.displayName, timeZone: users.timeZone })
    .from(users)
    .where(and(inArray(users.id, [...ids]), eq(users.role, 'patient'), eq(users.active, true)));
}

function group<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list === undefined) map.set(k, [row]);
    else list.push(row);
  }
  return map;
}

/**
 * Everything the reminder engine needs for these patients. Only patients with at least one
 * regimen version are returned: the others have nothing to be reminded of.
 */
export async function loadReminderPatients(
  db: Db,
  people: readonly { id: string; displayName: string; timeZone: string }[],
  windowStart: Date,
): Promise<ReminderPatient[]> {
  if (people.length === 0) return [];
  const ids = people.map((p) => p.id);
  const versionRows = await db
    .select()
    .from(regimenVersions)
    .where(inArray(regimenVersions.patientId, ids))
    .orderBy(asc(regimenVersions.version));
  const withRegimen = new Set(versionRows.map((v) => v.patientId));
  const active = ids.filter((id) => withRegimen.has(id));
  if (active.length === 0) return [];
  const since = new Date(windowStart.getTime() - EVENT_LOOKBACK_MS);
  const member = alias(users, 'member');
  const [eventRows, settings, links] = await Promise.all([
    db
      .select()
      .from(doseEvents)
      .where(and(inArray(doseEvents.patientId, active), gte(doseEvents.takenAt, since)))
      .orderBy(asc(doseEvents.createdAt)),
    loadReminderSettings(db, active),
    db
      .select({
        patientId: careLinks.patientId,
        memberId: careLinks.memberId,
        consent: careLinks.consent,
      })
      .from(careLinks)
      .innerJoin(member, eq(member.id, careLinks.memberId))
      .where(
        and(
          inArray(careLinks.patientId, active),
          eq(careLinks.memberKind, 'caregiver'),
          eq(careLinks.status, 'active'),
          eq(member.active, true),
        ),
      ),
  ]);
  const versions = group(versionRows, (v) => v.patientId);
  const events = group(eventRows, (e) => e.patientId);
  const caregivers = group(
    links.filter((l) => normalizeConsent(l.consent).medications),
    (l) => l.patientId,
  );
  return people
    .filter((p) => withRegimen.has(p.id))
    .map((p) => ({
      ...p,
      versions: (versions.get(p.id) ?? []).map(toRegimenVersion),
      events: (events.get(p.id) ?? []).map(toView),
      settings: settings.get(p.id) ?? settingsFallback(),
      caregivers: (caregivers.get(p.id) ?? []).map((l) => l.memberId),
    }));
}

function settingsFallback(): never {
  throw new Error('loadReminderSettings returns every patient asked for');
}
