import { and, count, eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { CATEGORIES, CONSENT_DEFAULTS } from '../careteam/consent.js';
import {
  alerts,
  appointments,
  careLinks,
  checkIns,
  clinicianNotes,
  dispensingRecords,
  doseEvents,
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
import { DEMO_CLINICIANS } from './careTeam.js';
import { DEMO_COHORT, demoEmail, SCENARIOS } from './cohort.js';
import { generatePatientRows, type DemoClinicians } from './generate.js';
import { DEMO_PATIENT } from './seed.js';
import { seedForSuite } from './seed.test-helpers.js';

// ── The demo clinic: about 30 patients in varied situations ─────────────────────────────────

describeOnDatabases('demo seed: the cohort', (harness) => {
  let h: Harness;
  let firstRun: string;

  beforeAll(async () => {
    h = harness();
    ({ firstRun } = await seedForSuite(h));
  });

  const cohortIds = async () => {
    const rows = await h.database.db
      .select({ id: users.id, email: users.email, name: users.displayName, zone: users.timeZone })
      .from(users)
      .where(eq(users.role, 'patient'));
    const byKey = new Map<string, (typeof rows)[number]>();
    for (const p of DEMO_COHORT) {
      const row = rows.find((r) => r.email === demoEmail(p.name));
      if (row === undefined) throw new Error(`${p.key} missing`);
      byKey.set(p.key, row);
    }
    return { all: rows, byKey };
  };
  const idOf = async (key: string) => {
    const row = (await cohortIds()).byKey.get(key);
    if (row === undefined) throw new Error(key);
    return row.id;
  };
  const signalsOf = async (patient: string) =>
    h.database.db
      .select({ signalId: alerts.signalId, severity: alerts.severity, status: alerts.status })
      .from(alerts)
      .where(eq(alerts.patientId, patient));

  it('creates 30 patients in varied zones, each with a regimen and a history', async () => {
    const { all, byKey } = await cohortIds();
    expect(all).toHaveLength(30);
    expect(DEMO_COHORT).toHaveLength(29);
    expect(new Set(all.map((p) => p.name)).size).toBe(30);
    expect(new Set(all.map((p) => p.zone))).toEqual(
      new Set([
        'Europe/London',
        'America/New_York',
        'America/Los_Angeles',
        'Europe/Berlin',
        'Australia/Sydney',
      ]),
    );
    for (const spec of DEMO_COHORT) {
      const id = byKey.get(spec.key)?.id ?? '';
      const [versions] = await h.database.db
        .select({ n: count() })
        .from(regimenVersions)
        .where(eq(regimenVersions.patientId, id));
      const [doses] = await h.database.db
        .select({ n: count() })
        .from(doseEvents)
        .where(eq(doseEvents.patientId, id));
      expect(versions?.n, spec.key).toBeGreaterThanOrEqual(1);
      expect(doses?.n, spec.key).toBeGreaterThan(0);
    }
    expect(firstRun).toMatch(
      /^Demo clinic: 29 more patients \(9 stable, 4 supervised taper \(just started, in progress, paused, in follow-up\), 3 opioid co-prescription, 2 early refills, 2 crisis answer, 3 poor adherence, 2 falls, 2 high side effects, 1 worsening pain, 1 recently started\); \d+ alerts \(2 urgent, \d+ warning\)\.$/m,
    );
    expect(firstRun).toContain(`${demoEmail('Amelia Hughes')} / ${DEMO_PATIENT.password}`);
    const amelia = await signIn(h.app, demoEmail('Amelia Hughes'), DEMO_PATIENT.password);
    expect(amelia.userId).toBe(byKey.get('stable-1')?.id);
  });

  it('shows every situation of the issue', () => {
    const present = new Set(DEMO_COHORT.map((p) => p.scenario));
    expect([...present].sort()).toEqual([...SCENARIOS].sort());
  });

  it('links every patient to the demo prescriber, most with the default consent', async () => {
    const prescriberId = await h.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_CLINICIANS.prescriber.email))
      .then((r) => r[0]?.id ?? '');
    const { all } = await cohortIds();
    const links = await h.database.db.select().from(careLinks);
    for (const patient of all) {
      const mine = links.filter((l) => l.patientId === patient.id);
      expect(
        mine.some((l) => l.memberId === prescriberId && l.status === 'active'),
        patient.name,
      ).toBe(true);
    }
    const active = links.filter((l) => l.status === 'active');
    const asDefault = active.filter((l) =>
      CATEGORIES.every((c) => l.consent[c] === CONSENT_DEFAULTS[l.memberKind][c]),
    );
    // Mostly the defaults; a few withhold something or share more; one patient removed a member.
    expect(asDefault.length / active.length).toBeGreaterThan(0.8);
    expect(active.length - asDefault.length).toBeGreaterThanOrEqual(5);
    expect(active.some((l) => !l.consent.questionnaires && l.memberKind === 'prescriber')).toBe(
      true,
    );
    expect(active.some((l) => l.consent.notes)).toBe(true);
    expect(links.filter((l) => l.status === 'revoked')).toHaveLength(1);
    for (const kind of ['physical_therapist', 'psychologist', 'pharmacist'] as const) {
      expect(active.filter((l) => l.memberKind === kind).length, kind).toBeGreaterThanOrEqual(8);
    }
  });

  it.each([
    ['opioid', 'SIG-RISK-MOD/opioid', 'warning'],
    ['crisis', 'SIG-RED-FLAG/self-harm', 'urgent'],
    ['early-refill', 'SIG-EARLY-REFILL', 'warning'],
    ['poor-adherence', 'SIG-MISSED-STREAK', null],
    ['falls', 'SIG-FALL', null],
    ['side-effects', 'SIG-SIDE-EFFECT', null],
    ['worsening-pain', 'SIG-TOLERANCE', null],
    ['recently-started', 'SIG-ADJUSTMENT', null],
  ] as const)(
    'raises the %s alert for every such patient (%s)',
    async (scenario, signal, severity) => {
      const patients = DEMO_COHORT.filter((p) => p.scenario === scenario);
      expect(patients.length).toBeGreaterThan(0);
      for (const p of patients) {
        const found = (await signalsOf(await idOf(p.key))).find((a) => a.signalId === signal);
        expect(found, `${p.key} ${signal}`).toMatchObject({ status: 'open' });
        if (severity !== null) expect(found?.severity, p.key).toBe(severity);
      }
      // …and for no stable patient.
      for (const p of DEMO_COHORT.filter((x) => x.scenario === 'stable')) {
        const ids = (await signalsOf(await idOf(p.key))).map((a) => a.signalId);
        expect(ids, p.key).not.toContain(signal);
      }
    },
  );

  it('keeps stable patients free of warnings', async () => {
    for (const p of DEMO_COHORT.filter((x) => x.scenario === 'stable')) {
      const serious = (await signalsOf(await idOf(p.key))).filter((a) =>
        ['warning', 'urgent'].includes(a.severity),
      );
      expect(serious, p.key).toEqual([]);
    }
  });

  it('steps a taper down in regimen versions the signed taper wrote, with reasons', async () => {
    const prescriber = await signIn(
      h.app,
      DEMO_CLINICIANS.prescriber.email,
      DEMO_CLINICIANS.prescriber.password,
    );
    for (const p of DEMO_COHORT.filter((x) => x.scenario === 'taper')) {
      const res = await prescriber.get(`/api/patients/${await idOf(p.key)}/regimen`);
      expect(res.statusCode, p.key).toBe(200);
      const { versions } = res.json<{
        versions: {
          doses: { amountMg: number }[];
          reason: string;
          enteredBy: { displayName: string };
        }[];
      }>();
      expect(versions.length, p.key).toBeGreaterThanOrEqual(4);
      // The first step of the signed plan is below the dose before it (demo/tapers.int.test.ts
      // reads the stages through GET /taper).
      const totals = versions.map((v) => v.doses.reduce((s, d) => s + d.amountMg, 0));
      expect(totals[1], p.key).toBeLessThan(totals[0] ?? 0);
      for (const v of versions.slice(1)) {
        expect(v.reason).toMatch(/^Taper v\d+ \((created|hold)\), step \d+: /);
        expect(v.enteredBy.displayName).toBe(DEMO_CLINICIANS.prescriber.displayName);
      }
    }
  });

  it('stores the crisis answers as scored PHQ-9 responses', async () => {
    for (const key of ['crisis-1', 'crisis-2']) {
      const rows = await h.database.db
        .select()
        .from(questionnaireResponses)
        .where(
          and(
            eq(questionnaireResponses.patientId, await idOf(key)),
            eq(questionnaireResponses.instrumentId, 'phq9'),
          ),
        );
      const latest = rows.sort((a, b) => b.at.getTime() - a.at.getTime())[0];
      expect(latest?.answers['phq9-9'], key).toBeGreaterThan(0);
      expect(latest?.score).toMatchObject({ instrumentId: 'phq9', total: latest?.total });
      expect(latest?.assignmentId).not.toBeNull();
      // Two days ago in the patient's zone: recent enough to be a crisis now.
      expect(h.clock.now().getTime() - (latest?.at.getTime() ?? 0)).toBeLessThan(3 * 86_400_000);
    }
  });

  it('shows the prescriber the crisis answers first in the panel', async () => {
    const prescriber = await signIn(
      h.app,
      DEMO_CLINICIANS.prescriber.email,
      DEMO_CLINICIANS.prescriber.password,
    );
    const res = await prescriber.get('/api/clinician/patients');
    expect(res.statusCode).toBe(200);
    const { patients, total } = res.json<{
      patients: { displayName: string; topAlert: { crisis: boolean } | null }[];
      total: number;
    }>();
    expect(total).toBe(30);
    expect(
      patients
        .slice(0, 2)
        .map((p) => [p.displayName, p.topAlert?.crisis])
        .sort(),
    ).toEqual([
      ['Leah Becker', true],
      ['Owen Murphy', true],
    ]);
    expect(patients.filter((p) => p.topAlert !== null).length).toBeGreaterThanOrEqual(15);
  });

  it('adds questionnaires, dispensings, conversations, check-ups and notes', async () => {
    const db = h.database.db;
    const assignments = await db.select().from(questionnaireAssignments);
    const cadence = (instrument: string) =>
      new Set(assignments.filter((a) => a.instrumentId === instrument).map((a) => a.cadenceDays));
    expect(cadence('peg')).toEqual(new Set([7]));
    expect(cadence('gad7')).toEqual(new Set([30]));
    expect(assignments.filter((a) => a.instrumentId === 'peg').length).toBeGreaterThanOrEqual(8);
    expect((await db.select().from(dispensingRecords)).length).toBeGreaterThan(20);

    const threads = await db.select().from(messageThreads);
    expect(new Set(threads.map((t) => t.audience))).toEqual(new Set(['team', 'selected']));
    const participants = await db.select().from(messageParticipants);
    const lines = await db.select().from(messages);
    for (const t of threads) {
      const said = lines.filter((m) => m.threadId === t.id);
      expect(said.length, t.subject).toBeGreaterThan(0);
      expect(Math.max(...said.map((m) => m.createdAt.getTime()))).toBe(t.lastMessageAt.getTime());
      // The patient takes part in every thread.
      expect(participants.some((p) => p.threadId === t.id && p.userId === t.patientId)).toBe(true);
    }
    const visits = await db.select().from(appointments);
    const now = h.clock.now().getTime();
    expect(visits.some((v) => v.status === 'scheduled' && v.startsAt.getTime() > now)).toBe(true);
    expect(visits.some((v) => v.status === 'done' && v.startsAt.getTime() < now)).toBe(true);
    expect(visits.some((v) => v.status === 'cancelled')).toBe(true);
    expect((await db.select().from(visitQuestions)).length).toBeGreaterThanOrEqual(4);
    expect((await db.select().from(clinicianNotes)).length).toBeGreaterThanOrEqual(2);
    // Nothing the patients or the team did lies in the future.
    for (const row of [...lines, ...(await db.select().from(checkIns))]) {
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(now);
    }
    const doseTimes = await db.select({ at: doseEvents.takenAt }).from(doseEvents);
    expect(Math.max(...doseTimes.map((d) => d.at.getTime()))).toBeLessThanOrEqual(now);
  });

  it('is deterministic: the same patient and time give the same history', async () => {
    const spec = DEMO_COHORT.find((p) => p.key === 'falls-1');
    if (spec === undefined) throw new Error('falls-1');
    const patientId = await idOf('falls-1');
    const staff = await h.database.db
      .select({ id: users.id, displayName: users.displayName, email: users.email })
      .from(users)
      .where(
        inArray(
          users.email,
          Object.values(DEMO_CLINICIANS).map((c) => c.email),
        ),
      );
    const clinicians = Object.fromEntries(
      Object.entries(DEMO_CLINICIANS).map(([kind, who]) => [
        kind,
        staff.find((s) => s.email === who.email),
      ]),
    ) as unknown as DemoClinicians;
    const generate = () => {
      let n = 0;
      return generatePatientRows({
        patient: spec,
        patientId,
        clinicians,
        now: h.clock.now(),
        newId: () => `id-${String((n += 1))}`,
      });
    };
    expect(generate()).toEqual(generate());
    // …and it is what the demo stored.
    const stored = await h.database.db
      .select({ at: checkIns.at, pain: checkIns.pain, fall: checkIns.fall })
      .from(checkIns)
      .where(eq(checkIns.patientId, patientId))
      .orderBy(checkIns.at);
    expect(stored).toEqual(
      generate().checkIns.map((c) => ({ at: c.at, pain: c.pain, fall: c.fall })),
    );
    // Another patient's stream differs.
    const other = generatePatientRows({
      patient: { ...spec, key: 'falls-2' },
      patientId,
      clinicians,
      now: h.clock.now(),
      newId: () => 'x',
    });
    expect(other.checkIns.map((c) => c.pain)).not.toEqual(generate().checkIns.map((c) => c.pain));
  });
});
