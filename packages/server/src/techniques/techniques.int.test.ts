import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CONSENT_DEFAULTS, FULL_CONSENT } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { techniqueAssignments } from '../db/techniquesSchema.js';
import { expectError } from '../http/routes.test-helpers.js';
import {
  addClinician,
  caregiverOf,
  createClinicFixture,
  link,
  type ClinicFixture,
} from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import type { TechniqueSessionView } from './routes.js';

interface SessionJson {
  session: TechniqueSessionView;
}

describeOnDatabases('technique sessions', (harness) => {
  let h: Harness;
  let patient: Client;
  let other: Client;
  let clinic: ClinicFixture;
  let therapist: Client;
  let url: string;
  let n = 0;

  const body = (overrides: Record<string, unknown> = {}) => {
    n += 1;
    return {
      idempotencyKey: `technique-key-${String(n)}`,
      techniqueId: 'paced-breathing',
      kind: 'guided',
      startedAt: new Date(h.clock.now().getTime() - 600_000).toISOString(),
      durationMinutes: 5,
      painBefore: 6,
      painAfter: 4,
      tensionBefore: 7,
      tensionAfter: 5,
      note: 'calmer',
      ...overrides,
    };
  };

  beforeAll(async () => {
    h = harness();
    // 12:00 UTC on 10 March is 08:00 in New York (the default zone of test patients).
    h.clock.set('2026-03-10T12:00:00.000Z');
    patient = await registerPatient(h.app);
    other = await registerPatient(h.app);
    clinic = await createClinicFixture(h, 'Technique clinic');
    therapist = await addClinician(h, clinic, 'physical_therapist');
    await link(patient, therapist); // default consent includes techniques
    url = `/api/patients/${patient.userId}/technique-sessions`;
  });

  it('logs a guided session (audited) and answers a retry with the first answer', async () => {
    const sent = body();
    const first = await patient.post(url, sent);
    expect(first.statusCode, first.body).toBe(201);
    const { session } = first.json<SessionJson>();
    expect(session).toMatchObject({
      techniqueId: 'paced-breathing',
      kind: 'guided',
      assignmentId: null,
      durationMinutes: 5,
      painBefore: 6,
      painAfter: 4,
      tensionBefore: 7,
      tensionAfter: 5,
      provider: null,
      note: 'calmer',
      startedAt: sent.startedAt,
      createdAt: '2026-03-10T12:00:00.000Z',
      deletableUntil: '2026-03-11T12:00:00.000Z',
    });
    const again = await patient.post(url, sent);
    expect(again.statusCode).toBe(200);
    expect(again.json<SessionJson>().session.id).toBe(session.id);
    const conflict = await patient.post(url, { ...sent, techniqueId: 'body-scan' });
    expectError(conflict, 409, 'STEADY_ERR_IDEMPOTENCY_CONFLICT');
    const audits = await h.database.db
      .select()
      .from(auditLog)
      .where(
        and(eq(auditLog.entityId, session.id), eq(auditLog.action, 'technique-session.create')),
      );
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0]?.details)).not.toContain('calmer');
  });

  it('takes ratings as whole numbers from 0 to 10, all optional', async () => {
    for (const bad of [
      { painBefore: 11 },
      { painAfter: -1 },
      { tensionBefore: 2.5 },
      { tensionAfter: '3' },
    ]) {
      const res = await patient.post(url, body(bad));
      expectError(res, 400, 'STEADY_ERR_VALIDATION', JSON.stringify(bad));
    }
    const bare = await patient.post(url, {
      idempotencyKey: 'technique-bare-1',
      techniqueId: 'walking-pacing',
      kind: 'self',
      startedAt: '2026-03-10T11:00:00.000Z',
    });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json<SessionJson>().session).toMatchObject({
      painBefore: null,
      painAfter: null,
      tensionBefore: null,
      tensionAfter: null,
      durationMinutes: null,
      note: null,
    });
    const edges = await patient.post(url, body({ painBefore: 0, painAfter: 10 }));
    expect(edges.statusCode).toBe(201);
  });

  it('takes a provider only for therapies done elsewhere, and matches ids to kinds', async () => {
    const elsewhere = await patient.post(
      url,
      body({ techniqueId: 'physical-therapy', kind: 'elsewhere', provider: ' Riverside physio ' }),
    );
    expect(elsewhere.statusCode, elsewhere.body).toBe(201);
    expect(elsewhere.json<SessionJson>().session.provider).toBe('Riverside physio');
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'self', provider: 'Someone' }, '/body/provider'],
      [{ techniqueId: 'massage', kind: 'self' }, '/body/techniqueId'],
      [{ techniqueId: 'body-scan', kind: 'elsewhere' }, '/body/techniqueId'],
      [{ techniqueId: 'heat-cold', kind: 'guided' }, '/body/kind'],
      [{ techniqueId: 'yoga' }, '/body/techniqueId'],
      [{ startedAt: '2026-03-10T13:00:00.000Z' }, '/body/startedAt'],
      [{ kind: 'self', assignmentId: randomUUID() }, '/body/assignmentId'],
      [{ kind: 'assignment' }, '/body/assignmentId'],
    ];
    for (const [overrides, path] of cases) {
      const res = await patient.post(url, body(overrides));
      expectError(res, 400, 'STEADY_ERR_VALIDATION', JSON.stringify(overrides));
      expect(res.body, JSON.stringify(overrides)).toContain(path);
    }
  });

  it("accepts an assignment id only when it names this patient's assignment", async () => {
    const insert = async (patientId: string) => {
      const id = randomUUID();
      await h.database.db.insert(techniqueAssignments).values({
        id,
        patientId,
        kind: 'technique',
        techniqueId: 'body-scan',
        title: 'Body scan',
        timesPerWeek: 3,
        startDate: '2026-03-01',
        assignedBy: therapist.userId,
        assignedAt: h.clock.now(),
      });
      return id;
    };
    const mine = await insert(patient.userId);
    const theirs = await insert(other.userId);
    const ok = await patient.post(
      url,
      body({ techniqueId: 'body-scan', kind: 'assignment', assignmentId: mine }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<SessionJson>().session.assignmentId).toBe(mine);
    for (const assignmentId of [theirs, randomUUID()]) {
      const res = await patient.post(
        url,
        body({ techniqueId: 'body-scan', kind: 'assignment', assignmentId }),
      );
      expectError(res, 400, 'STEADY_ERR_VALIDATION');
      expect(res.body).toContain('unknown assignment');
    }
  });

  it("lists sessions by the patient's local days, newest first, filtered by technique", async () => {
    const p = await registerPatient(h.app, { timeZone: 'Pacific/Auckland' });
    const u = `/api/patients/${p.userId}/technique-sessions`;
    // 2026-03-09T11:30Z is 00:30 on 10 March in Auckland; 10:30Z is 23:30 on 9 March.
    for (const [key, startedAt, techniqueId] of [
      ['auckland-1', '2026-03-09T10:30:00.000Z', 'paced-breathing'],
      ['auckland-2', '2026-03-09T11:30:00.000Z', 'paced-breathing'],
      ['auckland-3', '2026-03-09T12:30:00.000Z', 'body-scan'],
    ] as const) {
      const res = await p.post(u, { idempotencyKey: key, techniqueId, kind: 'self', startedAt });
      expect(res.statusCode, res.body).toBe(201);
    }
    const day = await p.get(`${u}?from=2026-03-10&to=2026-03-10`);
    expect(day.statusCode).toBe(200);
    expect(
      day.json<{ sessions: TechniqueSessionView[] }>().sessions.map((s) => s.startedAt),
    ).toEqual(['2026-03-09T12:30:00.000Z', '2026-03-09T11:30:00.000Z']);
    const filtered = await p.get(`${u}?from=2026-03-09&to=2026-03-10&techniqueId=paced-breathing`);
    expect(filtered.json<{ sessions: TechniqueSessionView[] }>().sessions).toHaveLength(2);
    expectError(await p.get(`${u}?from=2026-03-10&to=2026-03-09`), 400, 'STEADY_ERR_VALIDATION');
    expectError(await p.get(u), 400, 'STEADY_ERR_VALIDATION');
  });

  it('lets members with techniques consent read, and no member write', async () => {
    const list = await therapist.get(`${url}?from=2026-03-01&to=2026-03-31`);
    expect(list.statusCode).toBe(200);
    expect(list.json<{ sessions: unknown[] }>().sessions.length).toBeGreaterThan(3);
    expectError(await therapist.post(url, body()), 404, 'STEADY_ERR_NOT_FOUND');
    const [any] = list.json<{ sessions: TechniqueSessionView[] }>().sessions;
    expectError(await therapist.delete(`${url}/${any?.id ?? ''}`), 404, 'STEADY_ERR_NOT_FOUND');

    const unconsented = await addClinician(h, clinic, 'psychologist');
    await link(patient, unconsented, { ...FULL_CONSENT, techniques: false });
    const pharmacist = await addClinician(h, clinic, 'pharmacist');
    await link(patient, pharmacist); // default: no techniques
    const { caregiver } = await caregiverOf(h, patient); // default: no techniques
    for (const member of [unconsented, pharmacist, caregiver, other]) {
      const res = await member.get(`${url}?from=2026-03-01&to=2026-03-31`);
      expectError(res, 404, 'STEADY_ERR_NOT_FOUND');
      expect(res.body).not.toContain('calmer');
    }
    expect(CONSENT_DEFAULTS.caregiver.techniques).toBe(false);
  });

  it('lets the patient delete a session within 24 hours of logging it, audited', async () => {
    const created = await patient.post(url, body({ note: 'to delete' }));
    const { id } = created.json<SessionJson>().session;
    const kept = (await patient.post(url, body())).json<SessionJson>().session.id;
    h.clock.advance(23 * 3_600_000);
    expect((await patient.delete(`${url}/${id}`)).statusCode).toBe(204);
    expectError(await patient.delete(`${url}/${id}`), 404, 'STEADY_ERR_NOT_FOUND');
    const audits = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'technique-session.delete')));
    expect(audits).toHaveLength(1);
    h.clock.advance(2 * 3_600_000);
    expectError(await patient.delete(`${url}/${kept}`), 409, 'STEADY_ERR_DELETE_TOO_LATE');
    expectError(
      await other.delete(`/api/patients/${other.userId}/technique-sessions/${kept}`),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
  });
});
