import { randomUUID } from 'node:crypto';
import { isDispensable, type RegimenVersion } from '@steady/core';
import { asc, eq, max } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { AppContext } from '../context.js';
import { regimenVersions, users } from '../db/schema.js';
import { AppError } from '../http/errors.js';

export interface RegimenVersionView extends RegimenVersion {
  readonly enteredBy: { readonly id: string; readonly displayName: string };
  readonly reason: string;
}

export type RegimenInput = Omit<RegimenVersion, 'id' | 'version' | 'createdAt'> & {
  readonly reason: string;
};

/** A stored regimen version row as the clinical engine sees it. */
export const toRegimenVersion = (v: typeof regimenVersions.$inferSelect): RegimenVersion => ({
  id: v.id,
  version: v.version,
  formulation: v.formulation,
  doses: v.doses,
  asNeeded: v.asNeeded,
  startDate: v.startDate,
  endDate: v.endDate,
  prescriber: v.prescriber,
  indication: v.indication,
  createdAt: v.createdAt.toISOString(),
});

/** Every regimen version of a patient, oldest first. */
export async function loadRegimenVersions(
  ctx: AppContext,
  patientId: string,
): Promise<RegimenVersionView[]> {
  const rows = await ctx.db
    .select({ v: regimenVersions, enteredByName: users.displayName })
    .from(regimenVersions)
    .innerJoin(users, eq(users.id, regimenVersions.enteredBy))
    .where(eq(regimenVersions.patientId, patientId))
    .orderBy(asc(regimenVersions.version));
  return rows.map(({ v, enteredByName }) => ({
    ...toRegimenVersion(v),
    enteredBy: { id: v.enteredBy, displayName: enteredByName },
    reason: v.reason,
  }));
}

/** Problems with a regimen that the schema alone cannot see, as validation details. */
export function regimenProblems(input: RegimenInput): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  if (input.doses.length === 0 && input.asNeeded === null) {
    problems.push({
      path: '/body/doses',
      message: 'add at least one dose time or an as-needed dose',
    });
  }
  const times = new Set<string>();
  input.doses.forEach((d, i) => {
    if (times.has(d.time))
      problems.push({
        path: `/body/doses/${String(i)}/time`,
        message: 'two doses at the same time',
      });
    times.add(d.time);
  });
  // Every amount must be something the patient can take from this formulation (REFERENCE §2).
  const amounts = [
    ...input.doses.map((d, i) => ({
      amount: d.amountMg,
      path: `/body/doses/${String(i)}/amountMg`,
    })),
    ...(input.asNeeded === null
      ? []
      : [{ amount: input.asNeeded.amountMg, path: '/body/asNeeded/amountMg' }]),
  ];
  for (const { amount, path } of amounts) {
    if (!isDispensable(amount, { formulations: [input.formulation] })) {
      problems.push({ path, message: 'this amount cannot be measured with this form of diazepam' });
    }
  }
  if (input.endDate !== null && input.endDate < input.startDate) {
    problems.push({ path: '/body/endDate', message: 'ends before it starts' });
  }
  return problems;
}

/** Record a new version; versions are never edited. The version number is assigned here. */
export async function createRegimenVersion(
  ctx: AppContext,
  patientId: string,
  enteredBy: string,
  input: RegimenInput,
): Promise<RegimenVersionView> {
  const problems = regimenProblems(input);
  if (problems.length > 0) throw new AppError('STEADY_ERR_VALIDATION', problems);
  const now = ctx.now();
  const id = randomUUID();
  await ctx.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ n: max(regimenVersions.version) })
      .from(regimenVersions)
      .where(eq(regimenVersions.patientId, patientId));
    const version = (latest?.n ?? 0) + 1;
    await tx.insert(regimenVersions).values({
      id,
      patientId,
      version,
      formulation: input.formulation,
      doses: [...input.doses].sort((a, b) => a.time.localeCompare(b.time)),
      asNeeded: input.asNeeded,
      startDate: input.startDate,
      endDate: input.endDate,
      prescriber: input.prescriber,
      indication: input.indication,
      reason: input.reason,
      enteredBy,
      createdAt: now,
    });
    await audit(
      tx,
      {
        actorId: enteredBy,
        patientId,
        action: 'regimen.create',
        entityId: id,
        details: { version },
      },
      now,
    );
  });
  const versions = await loadRegimenVersions(ctx, patientId);
  const created = versions.find((v) => v.id === id);
  if (created === undefined) throw new AppError('STEADY_ERR_INTERNAL');
  return created;
}
