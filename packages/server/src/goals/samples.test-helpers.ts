/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

const base = '/api/patients/:patientId';

/** A goal of the patient with one "I did it". */
export const seed: FeatureSeeder = async ({ client, marker }) => {
  const patientBase = `/api/patients/${client.userId}`;
  const res = await client.post(`${patientBase}/goals`, {
    what: `Walk to ${marker}`,
    timesPerWeek: 3,
  });
  if (res.statusCode !== 201) throw new Error(`goal: ${String(res.statusCode)} ${res.body}`);
  const { goal } = res.json<{ goal: { id: string } }>();
  const entryRes = await client.post(`${patientBase}/goals/${goal.id}/entries`, {
    idempotencyKey: randomUUID(),
    note: `Entry ${marker}`,
  });
  if (entryRes.statusCode !== 201) {
    throw new Error(`goal entry: ${String(entryRes.statusCode)} ${entryRes.body}`);
  }
  const { entry } = entryRes.json<{ entry: { id: string } }>();
  return { ids: { goalId: goal.id, entryId: entry.id }, secrets: [goal.id, entry.id] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}/goals`]: () => ({ what: 'Injected goal', timesPerWeek: 2 }),
  [`PATCH ${base}/goals/:goalId`]: () => ({ what: 'Injected edit', archived: true }),
  [`POST ${base}/goals/:goalId/entries`]: () => ({ idempotencyKey: randomUUID() }),
};

export const queries: Readonly<Record<string, string>> = {};
