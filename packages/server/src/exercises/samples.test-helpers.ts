/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import { createUser } from '../auth/users.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';
import { link, PASSWORD } from '../testing/careteam.js';
import { signIn } from '../testing/harness.js';

const base = '/api/patients/:patientId';

/** A physical therapist linked with the default consent assigns an exercise; the patient does it. */
export const seed: FeatureSeeder = async ({ h, client, marker, clinicId }) => {
  const email = `exercises-pt-${randomUUID().slice(0, 8)}@example.org`;
  const user = await createUser(
    h.database.db,
    {
      email,
      password: PASSWORD,
      displayName: 'Pat Physio',
      role: 'clinician',
      discipline: 'physical_therapist',
      timeZone: 'Europe/Paris',
      clinicId,
    },
    h.clock.now(),
  );
  if (user === null) throw new Error('physio email taken');
  const physio = await signIn(h.app, email, PASSWORD);
  await link(client, physio);
  const patientBase = `/api/patients/${client.userId}`;
  const res = await physio.post(`${patientBase}/exercises`, {
    kind: 'exercise',
    title: `Wall push ${marker}`,
    description: `Slowly ${marker}`,
    sets: 2,
    reps: 10,
    timesPerWeek: 3,
  });
  if (res.statusCode !== 201) throw new Error(`exercise: ${String(res.statusCode)} ${res.body}`);
  const { exercise } = res.json<{ exercise: { id: string } }>();
  const done = await client.post(`${patientBase}/exercises/${exercise.id}/done`, {
    idempotencyKey: randomUUID(),
    note: `Done ${marker}`,
  });
  if (done.statusCode !== 201) throw new Error(`done: ${String(done.statusCode)} ${done.body}`);
  return { ids: { exerciseId: exercise.id }, secrets: [exercise.id] };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}/exercises`]: () => ({
    kind: 'technique',
    techniqueId: 'paced-breathing',
    title: 'Injected exercise',
    timesPerWeek: 2,
  }),
  [`POST ${base}/exercises/:exerciseId/done`]: () => ({ idempotencyKey: randomUUID() }),
};

export const queries: Readonly<Record<string, string>> = {};
