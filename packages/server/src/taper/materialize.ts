/**
 * A signed taper version drives the schedule by writing its steps as regimen versions
 * (docs/taper-api.md, "How a signed taper drives the schedule"). Core `regimenOn` picks, for a
 * day, the version with the latest `created_at` among those started by then (ties: the higher
 * version number), so writing one version per remaining step, in step order, with
 * `created_at` = the signing instant makes every later feature (Today, dose logging, adherence,
 * signals, charts, reminders) follow the taper in the patient's zone with no extra code.
 */
import { randomUUID } from 'node:crypto';
import {
  addDays,
  localDateOf,
  regimenOn,
  type FormulationId,
  type TaperAction,
  type TaperPlan,
  type TaperStep,
} from '@steady/core';
import { eq, max } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { regimenVersions, users } from '../db/schema.js';

type RegimenRow = typeof regimenVersions.$inferInsert;

export interface Materialization {
  readonly patientId: string;
  readonly zone: string;
  readonly taperId: string;
  readonly version: number;
  readonly action: TaperAction;
  readonly reason: string;
  readonly plan: TaperPlan;
  /** Local date the version applies from (the plan's start for `created`). */
  readonly on: string;
  readonly signedBy: string;
  readonly signedAt: Date;
}

/** Tablet strengths, largest first: the regimen names the largest one a step dispenses. */
const TABLETS = [
  { id: 'tab10', whole: 'tab10', half: 'halfTab10' },
  { id: 'tab5', whole: 'tab5', half: 'halfTab5' },
  { id: 'tab2', whole: 'tab2', half: 'halfTab2' },
] as const;

/** 'sol1' when the step uses the solution, else the largest tablet strength it dispenses. */
export function formulationOfStep(
  step: TaperStep,
  fallback: readonly FormulationId[],
): FormulationId {
  if (step.formulationUsed === 'solution') return 'sol1';
  const used = TABLETS.find((t) =>
    step.doses.some((d) => d.dispense[t.whole] > 0 || d.dispense[t.half] > 0),
  );
  return used?.id ?? TABLETS.find((t) => fallback.includes(t.id))?.id ?? 'sol1';
}

/** What a taper version carries over from the regimen in force when it is signed. */
interface CarriedOver {
  readonly asNeeded: RegimenRow['asNeeded'];
  readonly prescriber: string | null;
  readonly indication: string | null;
}

async function carriedOver(db: Db, m: Materialization): Promise<CarriedOver> {
  const rows = await db
    .select()
    .from(regimenVersions)
    .where(eq(regimenVersions.patientId, m.patientId));
  const versions = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  const signedOn = localDateOf(m.signedAt.toISOString(), m.zone);
  // Nothing in force (a gap, or a first regimen that starts later): the newest version.
  const source =
    regimenOn(versions, signedOn, m.zone) ??
    versions.toSorted((a, b) => a.version - b.version).at(-1);
  const [signer] = await db
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, m.signedBy));
  return {
    asNeeded: source?.asNeeded ?? null,
    prescriber: source?.prescriber ?? signer?.name ?? null,
    indication: source?.indication ?? null,
  };
}

/**
 * The regimen versions a signed taper version writes, before numbering: one per step whose
 * span reaches `on`, starting at the later of the step's start and `on`; a 0 mg step writes
 * nothing and ends the version before it the day before.
 */
export function regimenRowsOf(
  m: Materialization,
  carried: CarriedOver,
): Omit<RegimenRow, 'version'>[] {
  const rows: Omit<RegimenRow, 'version'>[] = [];
  for (const step of m.plan.steps) {
    if (step.endDate !== null && step.endDate < m.on) continue;
    const startDate = step.startDate > m.on ? step.startDate : m.on;
    if (step.dailyTotalMg === 0) {
      const previous = rows.at(-1);
      if (previous !== undefined) previous.endDate = addDays(startDate, -1);
      continue;
    }
    rows.push({
      id: randomUUID(),
      patientId: m.patientId,
      formulation: formulationOfStep(step, m.plan.inputs.formulations),
      doses: step.doses.map((d) => ({ time: d.time, amountMg: d.amountMg })),
      asNeeded: carried.asNeeded,
      startDate,
      endDate: null,
      prescriber: carried.prescriber,
      indication: carried.indication,
      reason: `Taper v${String(m.version)} (${m.action}), step ${String(step.index + 1)}: ${m.reason}`,
      enteredBy: m.signedBy,
      createdAt: m.signedAt,
      taperId: m.taperId,
      taperVersion: m.version,
      taperStepIndex: step.index,
    });
  }
  return rows;
}

/**
 * Write the regimen versions of a signed taper version, inside the caller's transaction (the
 * planner already guarantees dispensable doses, so the manual-entry checks are not applied).
 * Returns how many versions were written.
 */
export async function materializeTaperVersion(db: Db, m: Materialization): Promise<number> {
  const rows = regimenRowsOf(m, await carriedOver(db, m));
  if (rows.length === 0) return 0;
  const [latest] = await db
    .select({ n: max(regimenVersions.version) })
    .from(regimenVersions)
    .where(eq(regimenVersions.patientId, m.patientId));
  const first = (latest?.n ?? 0) + 1;
  await db.insert(regimenVersions).values(rows.map((r, i) => ({ ...r, version: first + i })));
  return rows.length;
}
