import { localDateOf } from '@steady/core';
import { count, eq } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { beforeAll, expect, it } from 'vitest';
import type { AppContext } from '../context.js';
import { CONSENT_DEFAULTS } from '../careteam/consent.js';
import {
  alerts,
  appointments,
  auditLog,
  careLinks,
  checkIns,
  clinicianNotes,
  clinics,
  dispensingRecords,
  doseEvents,
  medications,
  messageParticipants,
  messages,
  messageThreads,
  questionnaireAssignments,
  questionnaireResponses,
  regimenVersions,
  users,
  visitQuestions,
} from '../db/schema.js';
import { signIn } from '../testing/harness.js';
import type { Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { DEMO_ADMIN, DEMO_CLINICIANS } from './careTeam.js';
import { DEMO_CLINICIAN, DEMO_PATIENT, seedDemo } from './seed.js';
import { seedForSuite, ZONE } from './seed.test-helpers.js';

describeOnDatabases('demo seed', (harness) => {
  let h: Harness;
  let ctx: AppContext;
  let firstRun: string;
  let patientId: string;

  const counts = async () => {
    const tables: Record<string, PgTable> = {
      users,
      clinics,
      careLinks,
      regimenVersions,
      doseEvents,
      checkIns,
      medications,
      auditLog,
      alerts,
      dispensingRecords,
      questionnaireAssignments,
      questionnaireResponses,
      messageThreads,
      messageParticipants,
      messages,
      appointments,
      visitQuestions,
      clinicianNotes,
    };
    const out: Record<string, number | undefined> = {};
    for (const [name, table] of Object.entries(tables)) {
      const [r] = await h.database.db.select({ n: count() }).from(table);
      out[name] = r?.n;
    }
    return out;
  };

  beforeAll(async () => {
    h = harness();
    ({ ctx, firstRun, patientId } = await seedForSuite(h));
  });

  it('creates the demo patient and Riverside Pain Clinic: an admin and one clinician of each discipline', async () => {
    const [clinic, ...others] = await h.database.db.select().from(clinics);
    expect(others).toEqual([]);
    expect(clinic?.name).toBe('Riverside Pain Clinic');
    const rows = (await h.database.db.select().from(users)).filter(
      (u) => !u.email.endsWith('@patients.steady.example'),
    );
    expect(
      rows
        .map((u) => [u.email, u.role, u.discipline, u.timeZone, u.displayName, u.clinicId])
        .sort(),
    ).toEqual(
      [
        [DEMO_PATIENT.email, 'patient', null, ZONE, 'Dana Demo', null],
        [DEMO_ADMIN.email, 'admin', null, ZONE, DEMO_ADMIN.displayName, clinic?.id],
        ...Object.entries(DEMO_CLINICIANS).map(([discipline, who]) => [
          who.email,
          'clinician',
          discipline,
          ZONE,
          who.displayName,
          clinic?.id,
        ]),
      ].sort(),
    );
    expect(DEMO_CLINICIAN.displayName).toBe('Dr. Sam Rivera');
  });

  it('links the patient to the prescriber (default consent) and the physical therapist (no medications)', async () => {
    const links = await h.database.db
      .select({
        memberKind: careLinks.memberKind,
        consent: careLinks.consent,
        status: careLinks.status,
      })
      .from(careLinks)
      .where(eq(careLinks.patientId, patientId));
    expect(links.sort((x, y) => x.memberKind.localeCompare(y.memberKind))).toEqual([
      {
        memberKind: 'physical_therapist',
        consent: CONSENT_DEFAULTS.physical_therapist,
        status: 'active',
      },
      { memberKind: 'prescriber', consent: CONSENT_DEFAULTS.prescriber, status: 'active' },
    ]);
    expect(CONSENT_DEFAULTS.physical_therapist.medications).toBe(false);
  });

  it('prints every demo credential, and each one signs in', async () => {
    for (const who of [DEMO_ADMIN, ...Object.values(DEMO_CLINICIANS)]) {
      expect(firstRun).toContain(`${who.email} / ${who.password}`);
      const client = await signIn(h.app, who.email, who.password);
      expect(client.userId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('shows the prescriber the patient with the daily dose, and the therapist without it', async () => {
    const prescriber = await signIn(
      h.app,
      DEMO_CLINICIANS.prescriber.email,
      DEMO_CLINICIANS.prescriber.password,
    );
    const seen = (await prescriber.get('/api/clinician/patients')).json<{
      patients: { id: string; currentDailyDoseMg: number | null; hidden: string[] }[];
    }>().patients;
    expect(seen.find((p) => p.id === patientId)).toEqual(
      expect.objectContaining({ id: patientId, currentDailyDoseMg: 12.5, hidden: [] }),
    );
    const physio = await signIn(
      h.app,
      DEMO_CLINICIANS.physical_therapist.email,
      DEMO_CLINICIANS.physical_therapist.password,
    );
    const history = await physio.get(`/api/patients/${patientId}/history?days=90`);
    expect(history.statusCode).toBe(200);
    expect(history.json<{ hidden: string[] }>().hidden).toEqual(['medications']);
    expect((await physio.get(`/api/patients/${patientId}/regimen`)).statusCode).toBe(404);
  });

  it('creates two regimen versions: 3 × 5 mg, then the evening dose lowered', async () => {
    const rows = await h.database.db
      .select()
      .from(regimenVersions)
      .where(eq(regimenVersions.patientId, patientId))
      .orderBy(regimenVersions.version);
    expect(
      rows.map((v) => ({
        version: v.version,
        startDate: v.startDate,
        doses: v.doses,
        formulation: v.formulation,
        enteredBy: v.enteredBy,
      })),
    ).toEqual([
      {
        version: 1,
        startDate: '2025-12-10',
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '14:00', amountMg: 5 },
          { time: '21:00', amountMg: 5 },
        ],
        formulation: 'tab5',
        enteredBy: patientId,
      },
      {
        version: 2,
        startDate: '2026-01-24',
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '14:00', amountMg: 5 },
          { time: '21:00', amountMg: 2.5 },
        ],
        formulation: 'tab5',
        enteredBy: patientId,
      },
    ]);
    // Each version was recorded on its start date, so each applies from that day on.
    expect(rows.map((v) => localDateOf(v.createdAt.toISOString(), ZONE))).toEqual([
      '2025-12-10',
      '2026-01-24',
    ]);
  });

  it('creates about 90 days of dose events and one check-in a day', async () => {
    const summary = /^Demo data created: 90 days, (\d+) dose entries, (\d+) check-ins\./.exec(
      firstRun,
    );
    expect(summary).not.toBeNull();
    const doses = await h.database.db
      .select()
      .from(doseEvents)
      .where(eq(doseEvents.patientId, patientId));
    const checks = await h.database.db
      .select()
      .from(checkIns)
      .where(eq(checkIns.patientId, patientId));
    expect(doses).toHaveLength(Number(summary?.[1]));
    expect(checks).toHaveLength(Number(summary?.[2]));
    expect(checks).toHaveLength(90);

    // 90 days × 3 slots, a few never logged, plus some extra doses.
    expect(doses.length).toBeGreaterThan(240);
    expect(doses.length).toBeLessThan(300);
    const doseDays = new Set(doses.map((d) => localDateOf(d.takenAt.toISOString(), ZONE)));
    const checkDays = new Set(checks.map((c) => localDateOf(c.at.toISOString(), ZONE)));
    expect(checkDays.size).toBe(90);
    for (const days of [doseDays, checkDays]) {
      const sorted = [...days].sort();
      expect(sorted[0]).toBe('2025-12-10');
      expect(sorted.at(-1)).toBe('2026-03-09'); // nothing today or in the future
    }
    const kinds = new Set(doses.map((d) => d.kind));
    expect([...kinds].sort()).toEqual(['extra', 'skipped', 'taken']);
    for (const d of doses) {
      if (d.kind === 'skipped') expect(d.amountMg).toBe(0);
      if (d.kind === 'extra') expect([d.slotKey, d.amountMg]).toEqual([null, 2.5]);
      if (d.kind === 'taken') expect([2.5, 5]).toContain(d.amountMg);
    }
    // No slot is answered twice.
    const slotKeys = doses.flatMap((d) => (d.slotKey === null ? [] : [d.slotKey]));
    expect(new Set(slotKeys).size).toBe(slotKeys.length);
    expect(firstRun).toContain(`${DEMO_PATIENT.email} / ${DEMO_PATIENT.password}`);
    expect(firstRun).toContain(`${DEMO_CLINICIAN.email} / ${DEMO_CLINICIAN.password}`);
  });

  it('changes nothing when run a second time', async () => {
    const before = await counts();
    const secondRun = await seedDemo(ctx);
    expect(secondRun).toMatch(/^The demo accounts already exist; nothing was changed\./);
    expect(secondRun).toContain(`${DEMO_PATIENT.email} / ${DEMO_PATIENT.password}`);
    expect(await counts()).toEqual(before);
  });

  it('lets the demo patient sign in with the printed credentials and see the history', async () => {
    const printed = /patient:\s+(\S+) \/ (\S+)/.exec(firstRun);
    expect(printed).not.toBeNull();
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: printed?.[1], password: printed?.[2] },
    });
    expect(login.statusCode).toBe(200);
    const { user, csrfToken } = login.json<{ user: { id: string }; csrfToken: string }>();
    expect(user.id).toBe(patientId);
    const session = login.cookies.find((c) => c.name === 'steady_session');
    const headers = {
      cookie: `steady_session=${session?.value ?? ''}`,
      'x-csrf-token': csrfToken,
    };

    const res = await h.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}/history?days=90`,
      headers,
    });
    expect(res.statusCode).toBe(200);
    const history = res.json<{
      daily: { date: string; doseMg: number; pain: number | null }[];
      hidden: string[];
    }>();
    expect(history.hidden).toEqual([]);
    expect(history.daily).toHaveLength(90);
    expect(history.daily[0]?.date).toBe('2025-12-11');
    expect(history.daily.at(-1)).toEqual({ date: '2026-03-10', doseMg: 0, pain: null });
    const withDoses = history.daily.filter((d) => d.doseMg > 0);
    expect(withDoses.length).toBeGreaterThanOrEqual(85);
    // At most the scheduled 15 mg plus one 2.5 mg as-needed dose on any day.
    expect(Math.max(...history.daily.map((d) => d.doseMg))).toBeLessThanOrEqual(17.5);
    expect(history.daily.filter((d) => d.pain !== null)).toHaveLength(89);

    const today = await h.app.inject({
      method: 'GET',
      url: `/api/patients/${patientId}/today`,
      headers,
    });
    expect(today.statusCode).toBe(200);
    expect(
      today.json<{ regimen: { version: number }; slots: { amountMg: number }[] }>(),
    ).toMatchObject({
      regimen: { version: 2 },
      slots: [{ amountMg: 5 }, { amountMg: 5 }, { amountMg: 2.5 }],
    });
  });

  it('gives the demo patient technique sessions that reach the insights minimum', async () => {
    const dana = await signIn(h.app, DEMO_PATIENT.email, DEMO_PATIENT.password);
    const res = await dana.get(`/api/patients/${patientId}/insights?days=90`);
    expect(res.statusCode).toBe(200);
    const { factors } = res.json<{
      factors: { id: string; days: number; effects: { outcome: string; status: string }[] }[];
    }>();
    const breathing = factors.find((f) => f.id === 'technique:paced-breathing');
    expect(breathing?.days).toBeGreaterThanOrEqual(30);
    expect(breathing?.effects).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: 'pain-in-session', status: 'ok' }),
        expect.objectContaining({ outcome: 'pain-next-day', status: 'ok' }),
      ]),
    );
    expect(factors.map((f) => f.id)).toContain('technique:walking-pacing');
  });

  it('lets the demo prescriber sign in with the printed credentials', async () => {
    const printed = /prescriber:\s+(\S+) \/ (\S+)/.exec(firstRun);
    const login = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: printed?.[1], password: printed?.[2] },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { role: 'clinician' } });
  });
});
