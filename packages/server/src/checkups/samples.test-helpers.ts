/** Route-suite fixtures of this feature (see http/features.test-helpers.ts). */
import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { createUser } from '../auth/users.js';
import type { FeatureSeeder } from '../http/features.test-helpers.js';
import type { RouteIds } from '../http/routes.test-helpers.js';
import { link, PASSWORD } from '../testing/careteam.js';
import { signIn } from '../testing/harness.js';

const base = '/api/patients/:patientId';

/**
 * A physical therapist linked with the default consent (not a prescriber: the patient keeps
 * the regimen), a check-up with them, a question for it and a note by them.
 */
export const seed: FeatureSeeder = async ({ h, client, marker, clinicId }) => {
  const email = `therapist-${randomUUID().slice(0, 8)}@example.org`;
  const user = await createUser(
    h.database.db,
    {
      email,
      password: PASSWORD,
      displayName: 'Terry Therapist',
      role: 'clinician',
      discipline: 'physical_therapist',
      timeZone: 'Europe/Paris',
      clinicId,
    },
    h.clock.now(),
  );
  if (user === null) throw new Error('therapist email taken');
  const clinician = await signIn(h.app, email, PASSWORD);
  await link(client, clinician);
  const patientBase = `/api/patients/${client.userId}`;
  const created = (res: LightMyRequestResponse, what: string) => {
    if (res.statusCode !== 201) throw new Error(`${what}: ${String(res.statusCode)} ${res.body}`);
    return res;
  };
  const { appointment } = created(
    await client.post(`${patientBase}/appointments`, {
      memberId: clinician.userId,
      startsAt: '2026-03-20T09:00:00.000Z',
      durationMinutes: 45,
      mode: 'in_person',
      location: `Room ${marker}`,
      note: `Bring ${marker}`,
    }),
    'appointment',
  ).json<{ appointment: { id: string } }>();
  const { question } = created(
    await client.post(`${patientBase}/visit-questions`, {
      text: `Question ${marker}`,
      appointmentId: appointment.id,
    }),
    'visit question',
  ).json<{ question: { id: string } }>();
  const { note } = created(
    await clinician.post(`${patientBase}/notes`, { body: `Chart note ${marker}` }),
    'clinician note',
  ).json<{ note: { id: string } }>();
  return {
    ids: {
      appointmentId: appointment.id,
      questionId: question.id,
      noteId: note.id,
      checkupClinicianId: clinician.userId,
    },
    secrets: [appointment.id, question.id, note.id],
  };
};

export const bodies: Readonly<Record<string, (ids: RouteIds) => object>> = {
  [`POST ${base}/appointments`]: (ids) => ({
    memberId: ids.checkupClinicianId,
    startsAt: '2026-04-01T07:00:00.000Z',
    durationMinutes: 30,
    mode: 'video',
    location: null,
    note: 'Injected appointment',
  }),
  [`PATCH ${base}/appointments/:appointmentId`]: () => ({
    startsAt: '2026-04-02T07:00:00.000Z',
    note: 'Injected change',
  }),
  [`POST ${base}/visit-questions`]: (ids) => ({
    text: 'Injected question',
    appointmentId: ids.appointmentId,
  }),
  [`PATCH ${base}/visit-questions/:questionId`]: () => ({
    text: 'Injected edit',
    answered: true,
  }),
  [`POST ${base}/notes`]: () => ({ body: 'Injected note' }),
};

export const queries: Readonly<Record<string, string>> = {};
