import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { registerPatient, signIn, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { mondayOf } from './weeks.js';

interface Goal {
  id: string;
  what: string;
  timesPerWeek: number;
  status: string;
  achievedAt: string | null;
  progress: { thisWeek: number; weeks: { weekStart: string; count: number }[] };
  today: { id: string; on: string }[];
}

describeOnDatabases('goals and function', (harness) => {
  let h: Harness;
  let therapistLogin: { email: string; password: string };
  let noQuestionnairesLogin: { email: string; password: string };

  beforeAll(async () => {
    h = harness();
    h.clock.set('2026-03-10T12:00:00.000Z');
    const clinic = await createClinicFixture(h, 'Goal Clinic');
    therapistLogin = await addClinician(h, clinic, 'physical_therapist', 'Goal Physio');
    noQuestionnairesLogin = await addClinician(h, clinic, 'psychologist', 'No Questionnaires');
  });

  async function setUp(timeZone: string) {
    const patient = await registerPatient(h.app, { timeZone });
    const therapist = await signIn(h.app, therapistLogin.email, therapistLogin.password);
    const psy = await signIn(h.app, noQuestionnairesLogin.email, noQuestionnairesLogin.password);
    await link(patient, therapist);
    await link(patient, psy, { ...CONSENT_DEFAULTS.psychologist, questionnaires: false });
    const base = `/api/patients/${patient.userId}`;
    return { patient, therapist, psy, base };
  }

  const goalsOf = async (as: Client, base: string) => {
    const res = await as.get(`${base}/goals`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ today: string; weeks: string[]; goals: Goal[] }>();
  };

  it('lets the patient set and edit goals; members only read', async () => {
    h.clock.set('2026-03-10T12:00:00.000Z');
    const { patient, therapist, base } = await setUp('Europe/Paris');
    const res = await patient.post(`${base}/goals`, { what: 'Garden 20 minutes', timesPerWeek: 3 });
    expect(res.statusCode, res.body).toBe(201);
    const { goal } = res.json<{ goal: Goal }>();
    expect(goal).toMatchObject({ what: 'Garden 20 minutes', status: 'active' });
    expectError(
      await therapist.post(`${base}/goals`, { what: 'Theirs', timesPerWeek: 1 }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    expectError(
      await therapist.patch(`${base}/goals/${goal.id}`, { archived: true }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    expect((await goalsOf(therapist, base)).goals.map((g) => g.id)).toEqual([goal.id]);
    expectError(await patient.patch(`${base}/goals/${goal.id}`, {}), 400, 'STEADY_ERR_VALIDATION');
    expectError(
      await patient.post(`${base}/goals`, { what: 'Too often', timesPerWeek: 22 }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    const achieved = await patient.patch(`${base}/goals/${goal.id}`, {
      achieved: true,
      timesPerWeek: 4,
    });
    expect(achieved.json<{ goal: Goal }>().goal).toMatchObject({
      status: 'achieved',
      timesPerWeek: 4,
      achievedAt: '2026-03-10T12:00:00.000Z',
    });
    h.clock.advance(3600_000);
    // Saying achieved again keeps the first date; undoing clears it.
    const same = await patient.patch(`${base}/goals/${goal.id}`, { achieved: true });
    expect(same.json<{ goal: Goal }>().goal.achievedAt).toBe('2026-03-10T12:00:00.000Z');
    const undone = await patient.patch(`${base}/goals/${goal.id}`, { achieved: false });
    expect(undone.json<{ goal: Goal }>().goal).toMatchObject({
      status: 'active',
      achievedAt: null,
    });
    // A caregiver (no techniques consent by default) sees nothing; another patient neither.
    const other = await registerPatient(h.app);
    expectError(
      await other.patch(`/api/patients/${other.userId}/goals/${goal.id}`, { archived: true }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const audits = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.entityId, goal.id)));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'goal.create',
      'goal.update',
      'goal.update',
      'goal.update',
    ]);
    expect(JSON.stringify(audits)).not.toContain('Garden');
  });

  it('records "I did it" idempotently, per local week, and undoes only the same day', async () => {
    // 2026-03-15T20:00Z is Sunday in UTC and already Monday 16 March in Auckland (UTC+13).
    h.clock.set('2026-03-15T20:00:00.000Z');
    const { patient, therapist, base } = await setUp('Pacific/Auckland');
    const { goal } = (
      await patient.post(`${base}/goals`, { what: 'Walk the dog', timesPerWeek: 2 })
    ).json<{ goal: Goal }>();
    const key = randomUUID();
    const first = await patient.post(`${base}/goals/${goal.id}/entries`, { idempotencyKey: key });
    expect(first.statusCode, first.body).toBe(201);
    const { entry } = first.json<{ entry: { id: string; on: string } }>();
    expect(entry.on).toBe('2026-03-16');
    const replay = await patient.post(`${base}/goals/${goal.id}/entries`, { idempotencyKey: key });
    expect(replay.statusCode).toBe(200);
    expect(replay.json<{ entry: { id: string } }>().entry.id).toBe(entry.id);
    const earlier = await patient.post(`${base}/goals/${goal.id}/entries`, {
      idempotencyKey: randomUUID(),
      on: '2026-03-15',
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    expectError(
      await patient.post(`${base}/goals/${goal.id}/entries`, {
        idempotencyKey: randomUUID(),
        on: '2026-03-17',
      }),
      400,
      'STEADY_ERR_VALIDATION',
    );
    expectError(
      await therapist.post(`${base}/goals/${goal.id}/entries`, { idempotencyKey: randomUUID() }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const seen = await goalsOf(therapist, base);
    expect(seen.today).toBe('2026-03-16');
    expect(seen.goals[0]?.progress.weeks.slice(-2)).toEqual([
      { weekStart: '2026-03-09', count: 1 },
      { weekStart: '2026-03-16', count: 1 },
    ]);
    expect(seen.goals[0]?.today.map((e) => e.id)).toEqual([entry.id]);

    expectError(
      await therapist.delete(`${base}/goals/${goal.id}/entries/${entry.id}`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    const undo = await patient.delete(`${base}/goals/${goal.id}/entries/${entry.id}`);
    expect(undo.statusCode, undo.body).toBe(204);
    expectError(
      await patient.delete(`${base}/goals/${goal.id}/entries/${entry.id}`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    // The next local day is too late to undo.
    const kept = earlier.json<{ entry: { id: string } }>().entry.id;
    h.clock.set('2026-03-16T12:00:00.000Z'); // Tuesday 17 March, 01:00 in Auckland
    expectError(
      await patient.delete(`${base}/goals/${goal.id}/entries/${kept}`),
      409,
      'STEADY_ERR_UNDO_TOO_LATE',
    );
    expect((await patient.patch(`${base}/goals/${goal.id}`, { archived: true })).statusCode).toBe(
      200,
    );
    expectError(
      await patient.post(`${base}/goals/${goal.id}/entries`, { idempotencyKey: randomUUID() }),
      409,
      'STEADY_ERR_GOAL_ARCHIVED',
    );
  });

  it('shows function over time (PEG) only to callers with questionnaires consent', async () => {
    h.clock.set('2026-03-10T12:00:00.000Z');
    const { patient, therapist, psy, base } = await setUp('Europe/Paris');
    const answered = await patient.post(`${base}/questionnaire-responses`, {
      idempotencyKey: randomUUID(),
      instrumentId: 'peg',
      answers: { 'peg-p': 6, 'peg-e': 5, 'peg-g': 4 },
    });
    expect(answered.statusCode, answered.body).toBe(201);
    for (const as of [patient, therapist]) {
      const res = await as.get(`${base}/function`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({
        instrumentId: 'peg',
        peg: [{ at: '2026-03-10T12:00:00.000Z', total: 5, pain: 6, enjoyment: 5, activity: 4 }],
      });
    }
    expectError(await psy.get(`${base}/function`), 404, 'STEADY_ERR_NOT_FOUND');
    expect((await goalsOf(psy, base)).goals).toEqual([]);
    const full = await registerPatient(h.app);
    await link(full, psy, FULL_CONSENT);
    expect((await psy.get(`/api/patients/${full.userId}/function`)).statusCode).toBe(200);
  });

  it('starts weeks on Monday', () => {
    expect(mondayOf('2026-03-29')).toBe('2026-03-23'); // Sunday
    expect(mondayOf('2026-03-30')).toBe('2026-03-30'); // Monday
    expect(mondayOf('2026-01-01')).toBe('2025-12-29'); // across a year
  });
});
