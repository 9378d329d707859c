import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { techniqueSessions } from '../db/techniquesSchema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, createClinicFixture, link } from '../testing/careteam.js';
import { registerPatient, signIn, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Exercise {
  id: string;
  kind: string;
  status: string;
  endedAt: string | null;
  completion: {
    thisWeek: number;
    doneToday: boolean;
    lastDoneAt: string | null;
    weeks: { weekStart: string; count: number }[];
  };
}

describeOnDatabases('therapist assignments (exercises)', (harness) => {
  let h: Harness;
  type Member = Client & { email: string; password: string };
  let physio: Member;
  let psychologist: Member;
  let prescriber: Member;
  let noTechniques: Member;

  beforeAll(async () => {
    h = harness();
    const clinic = await createClinicFixture(h, 'Exercise Clinic');
    physio = await addClinician(h, clinic, 'physical_therapist', 'Phys Io');
    psychologist = await addClinician(h, clinic, 'psychologist', 'Psy Cho');
    prescriber = await addClinician(h, clinic, 'prescriber', 'Dr. Pres');
    noTechniques = await addClinician(h, clinic, 'physical_therapist', 'No Techniques');
  });

  /** Signs the clinicians in again: tests move the clock further than a session lasts. */
  async function patientWithTeam(timeZone: string) {
    const again = (m: Member) =>
      signIn(h.app, m.email, m.password).then((c) =>
        Object.assign(c, { email: m.email, password: m.password }),
      );
    physio = await again(physio);
    psychologist = await again(psychologist);
    prescriber = await again(prescriber);
    noTechniques = await again(noTechniques);
    const patient = await registerPatient(h.app, { timeZone });
    await link(patient, physio);
    await link(patient, psychologist);
    await link(patient, prescriber, FULL_CONSENT);
    await link(patient, noTechniques, {
      ...CONSENT_DEFAULTS.physical_therapist,
      techniques: false,
    });
    return { patient, base: `/api/patients/${patient.userId}` };
  }

  const assign = async (as: Client, base: string, body: Record<string, unknown>) =>
    as.post(`${base}/exercises`, {
      title: 'Bridges',
      timesPerWeek: 3,
      ...(body.kind === 'technique' ? { techniqueId: 'body-scan' } : {}),
      ...body,
    });

  const listOf = async (as: Client, base: string) => {
    const res = await as.get(`${base}/exercises`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ today: string; weeks: string[]; exercises: Exercise[] }>();
  };

  it('lets each discipline assign its own kind of homework, and nobody else', async () => {
    h.clock.set('2026-03-10T12:00:00.000Z');
    const { patient, base } = await patientWithTeam('Europe/Paris');
    const created = async (as: Client, kind: string) => {
      const res = await assign(as, base, { kind });
      expect(res.statusCode, res.body).toBe(201);
      return res.json<{ exercise: Exercise }>().exercise;
    };
    expect((await created(physio, 'exercise')).kind).toBe('exercise');
    await created(physio, 'technique');
    await created(psychologist, 'cbt');
    await created(psychologist, 'technique');
    for (const kind of ['exercise', 'cbt', 'technique']) await created(prescriber, kind);
    expectError(await assign(physio, base, { kind: 'cbt' }), 403, 'STEADY_ERR_KIND_NOT_ALLOWED');
    expectError(
      await assign(psychologist, base, { kind: 'exercise' }),
      403,
      'STEADY_ERR_KIND_NOT_ALLOWED',
    );
    expectError(await assign(patient, base, { kind: 'exercise' }), 403, 'STEADY_ERR_FORBIDDEN');
    expectError(
      await assign(noTechniques, base, { kind: 'exercise' }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    expectError(await noTechniques.get(`${base}/exercises`), 404, 'STEADY_ERR_NOT_FOUND');
    const { caregiver } = await caregiverOf(h, patient, FULL_CONSENT);
    // Caregivers may read with consent but never assign.
    expectError(await assign(caregiver, base, { kind: 'exercise' }), 404, 'STEADY_ERR_NOT_FOUND');
    expect((await listOf(caregiver, base)).exercises).toHaveLength(7);
    expectError(
      await assign(physio, base, {
        kind: 'exercise',
        startDate: '2026-03-10',
        endDate: '2026-03-01',
      }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expectError(
      await assign(physio, base, { kind: 'exercise', timesPerWeek: 22 }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    // A technique names one of the library; others may.
    expectError(
      await assign(physio, base, { kind: 'technique', techniqueId: null }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expectError(
      await assign(physio, base, { kind: 'exercise', techniqueId: 'yoga-flying' }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    const audits = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'exercise.assign')));
    expect(audits).toHaveLength(7);
    expect(JSON.stringify(audits)).not.toContain('Bridges');
  });

  it('marks done idempotently, for the patient only, and not once ended', async () => {
    h.clock.set('2026-03-10T12:00:00.000Z');
    const { patient, base } = await patientWithTeam('America/New_York');
    const a = (await assign(physio, base, { kind: 'exercise', minutes: 10 })).json<{
      exercise: Exercise;
    }>().exercise;
    const b = (await assign(physio, base, { kind: 'technique' })).json<{ exercise: Exercise }>()
      .exercise;
    const key = randomUUID();
    const first = await patient.post(`${base}/exercises/${a.id}/done`, { idempotencyKey: key });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<{ exercise: Exercise }>().exercise.completion).toMatchObject({
      thisWeek: 1,
      doneToday: true,
      lastDoneAt: '2026-03-10T12:00:00.000Z',
    });
    const again = await patient.post(`${base}/exercises/${a.id}/done`, { idempotencyKey: key });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ exercise: Exercise }>().exercise.completion.thisWeek).toBe(1);
    expectError(
      await patient.post(`${base}/exercises/${b.id}/done`, { idempotencyKey: key }),
      409,
      'STEADY_ERR_IDEMPOTENCY_CONFLICT',
    );
    for (const member of [physio, prescriber]) {
      expectError(
        await member.post(`${base}/exercises/${a.id}/done`, { idempotencyKey: randomUUID() }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    expectError(
      await patient.post(`${base}/exercises/${randomUUID()}/done`, {
        idempotencyKey: randomUUID(),
      }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    // One session row, named after the assignment, with its minutes.
    const rows = await h.database.db
      .select()
      .from(techniqueSessions)
      .where(eq(techniqueSessions.assignmentId, a.id));
    expect(rows.map((r) => [r.kind, r.techniqueId, r.durationMinutes])).toEqual([
      ['assignment', 'exercise', 10],
    ]);
    // The therapist sees completion.
    const seen = (await listOf(physio, base)).exercises.find((e) => e.id === a.id);
    expect(seen?.completion.thisWeek).toBe(1);

    expectError(await patient.post(`${base}/exercises/${a.id}/end`), 403, 'STEADY_ERR_FORBIDDEN');
    const ended = await psychologist.post(`${base}/exercises/${a.id}/end`);
    expect(ended.statusCode, ended.body).toBe(200);
    const endedAt = ended.json<{ exercise: Exercise }>().exercise.endedAt;
    expect(endedAt).not.toBeNull();
    h.clock.advance(60_000);
    const twice = await physio.post(`${base}/exercises/${a.id}/end`);
    expect(twice.json<{ exercise: Exercise }>().exercise).toMatchObject({
      status: 'ended',
      endedAt,
    });
    expectError(
      await patient.post(`${base}/exercises/${a.id}/done`, { idempotencyKey: randomUUID() }),
      409,
      'STEADY_ERR_EXERCISE_ENDED',
    );
    // Other patients' ids are unknown here.
    const other = await registerPatient(h.app);
    expectError(
      await other.post(`/api/patients/${other.userId}/exercises/${b.id}/done`, {
        idempotencyKey: randomUUID(),
      }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
  });

  it('counts completions in local Monday-start weeks across a daylight-saving change', async () => {
    // Paris springs forward on Sunday 2026-03-29.
    h.clock.set('2026-03-20T10:00:00.000Z');
    const { patient, base } = await patientWithTeam('Europe/Paris');
    const { exercise } = (
      await assign(physio, base, { kind: 'exercise', startDate: '2026-03-01' })
    ).json<{
      exercise: Exercise;
    }>();
    const doneAt = async (instant: string) => {
      h.clock.set(instant);
      const res = await patient.post(`${base}/exercises/${exercise.id}/done`, {
        idempotencyKey: randomUUID(),
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await doneAt('2026-03-22T23:30:00.000Z'); // Monday 23 March, 00:30 CET
    await doneAt('2026-03-29T21:30:00.000Z'); // Sunday 29 March, 23:30 CEST
    await doneAt('2026-03-29T22:30:00.000Z'); // Monday 30 March, 00:30 CEST
    await doneAt('2026-03-22T22:30:00.000Z'); // Sunday 22 March, 23:30 CET
    h.clock.set('2026-03-31T10:00:00.000Z');
    // Sessions last 14 days: the therapist signs in again.
    const list = await listOf(await signIn(h.app, physio.email, physio.password), base);
    expect(list.today).toBe('2026-03-31');
    expect(list.weeks).toHaveLength(8);
    expect(list.weeks.at(-1)).toBe('2026-03-30');
    const mine = list.exercises.find((e) => e.id === exercise.id);
    expect(mine?.completion.weeks.slice(-3)).toEqual([
      { weekStart: '2026-03-16', count: 1 },
      { weekStart: '2026-03-23', count: 2 },
      { weekStart: '2026-03-30', count: 1 },
    ]);
    expect(mine?.completion).toMatchObject({ thisWeek: 1, doneToday: false });
  });

  it("uses the patient's week in a far zone, whoever asks", async () => {
    // 2026-03-15T10:30Z is Sunday in UTC but Monday 00:30 in Kiritimati (UTC+14).
    h.clock.set('2026-03-15T10:30:00.000Z');
    const { patient, base } = await patientWithTeam('Pacific/Kiritimati');
    const { exercise } = (await assign(psychologist, base, { kind: 'cbt' })).json<{
      exercise: Exercise;
    }>();
    const done = await patient.post(`${base}/exercises/${exercise.id}/done`, {
      idempotencyKey: randomUUID(),
    });
    expect(done.statusCode, done.body).toBe(201);
    const list = await listOf(psychologist, base);
    expect(list.today).toBe('2026-03-16');
    expect(list.weeks.at(-1)).toBe('2026-03-16');
    expect(list.exercises[0]).toMatchObject({ status: 'active' });
    expect(list.exercises[0]?.completion).toMatchObject({ thisWeek: 1, doneToday: true });
  });

  it('keeps scheduled assignments from being done before they start', async () => {
    h.clock.set('2026-03-10T12:00:00.000Z');
    const { patient, base } = await patientWithTeam('Europe/Paris');
    const { exercise } = (
      await assign(physio, base, { kind: 'exercise', startDate: '2026-03-20' })
    ).json<{ exercise: Exercise }>();
    expect(exercise.status).toBe('scheduled');
    expectError(
      await patient.post(`${base}/exercises/${exercise.id}/done`, { idempotencyKey: randomUUID() }),
      409,
      'STEADY_ERR_EXERCISE_ENDED',
    );
  });
});
