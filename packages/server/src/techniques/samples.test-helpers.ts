/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';

const base = '/api/patients/:patientId/technique-sessions';

/** One therapy done elsewhere, with the marker in its provider and note. */
export const seed: FeatureSeeder = async ({ h, client, marker }) => {
  const res = await client.post(`/api/patients/${client.userId}/technique-sessions`, {
    idempotencyKey: `seed-technique-${marker}`,
    techniqueId: 'acupuncture',
    kind: 'elsewhere',
    startedAt: new Date(h.clock.now().getTime() - 3_600_000).toISOString(),
    durationMinutes: 30,
    painBefore: 6,
    painAfter: 4,
    provider: `Clinic ${marker}`,
    note: `Session ${marker}`,
  });
  if (res.statusCode !== 201)
    throw new Error(`technique session: ${String(res.statusCode)} ${res.body}`);
  const { session } = res.json<{ session: { id: string } }>();
  return { ids: { sessionId: session.id }, secrets: [session.id, marker] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}`]: () => ({
    idempotencyKey: 'sample-technique-session',
    techniqueId: 'paced-breathing',
    kind: 'guided',
    startedAt: '2026-03-10T11:00:00.000Z',
    durationMinutes: 5,
    painBefore: 5,
    painAfter: 4,
  }),
};

export const queries: Readonly<Record<string, string>> = {
  [`GET ${base}`]: '?from=2026-03-01&to=2026-03-31',
  [`HEAD ${base}`]: '?from=2026-03-01&to=2026-03-31',
};
