import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { pharmacyPatient } from '../pharmacy/pharmacy.test-helpers.js';
import { caregiverOf, clinicTeam, link, PHARMACY_TEAM } from '../testing/careteam.js';
import { regimenBody, type Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface FormulationStock {
  formulation: string;
  usedSince: number;
  dispensedSince: number;
  onHand: number;
  recountSuggested: boolean;
  dailyUse: number | null;
  daysCovered: number | null;
  runsOutOn: string | null;
  refillDue: boolean;
}
interface Stock {
  timeZone: string;
  settings: { refillReminderDays: number; note: string };
  report: {
    today: string;
    formulations: FormulationStock[];
    uncounted: string | null;
    refillDue: boolean;
    sources: { id: string }[];
  };
  counts: { id: string; quantity: number; countedAt: string; recordedBy: { id: string } }[];
}

/** 08:00 on 10 March in New York. */
const NOW = '2026-03-10T12:00:00.000Z';

describeOnDatabases('supply: stock counts, forecast and refill reminder', (harness) => {
  const team = clinicTeam(harness, 'Supply Clinic', {
    ...PHARMACY_TEAM,
    physio: ['physical_therapist', 'Phil Physio'],
  });

  /** A New York patient on 5 mg three times a day from 1 March, with the clinic linked. */
  async function patientWithTeam() {
    const setup = await pharmacyPatient(team, NOW);
    await link(setup.patient, team.physio);
    return setup;
  }

  const stock = async (as: Client, base: string) => {
    const res = await as.get(`${base}/stock`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Stock>();
  };
  const count = async (p: Client, base: string, body: Record<string, unknown>) => {
    const res = await p.post(`${base}/stock/counts`, { formulation: 'tab5', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ count: { id: string } }>().count;
  };
  const take = async (p: Client, base: string, slotKey: string) => {
    const res = await p.post(`${base}/doses`, {
      idempotencyKey: `k-${slotKey}`,
      kind: 'taken',
      slotKey,
    });
    expect(res.statusCode, res.body).toBe(201);
  };

  it('is the count, less the doses logged since, plus the dispensings since', async () => {
    const { patient, base } = await patientWithTeam();
    const empty = await stock(patient, base);
    expect(empty.report).toMatchObject({ formulations: [], uncounted: 'tab5', refillDue: false });
    expect(empty.settings.refillReminderDays).toBe(7);
    expect(empty.settings.note).toMatch(/Steady default, adjustable/);

    // Counted before the 08:00 dose (logged at its slot time).
    const made = await count(patient, base, {
      quantity: 20,
      countedAt: '2026-03-10T11:00:00.000Z',
      note: 'Bathroom cabinet',
    });
    team.h.clock.set('2026-03-10T13:00:00.000Z'); // 09:00 in New York
    await take(patient, base, '2026-03-10T08:00');
    team.h.clock.set('2026-03-10T14:00:00.000Z');
    const dispensed = await team.pharmacist.post(`${base}/dispensing`, {
      formulation: 'tab5',
      quantity: 30,
    });
    expect(dispensed.statusCode, dispensed.body).toBe(201);
    // Another formulation's dispensing does not count for tab5.
    await team.pharmacist.post(`${base}/dispensing`, { formulation: 'tab2', quantity: 30 });
    team.h.clock.set('2026-03-10T19:00:00.000Z'); // 15:00
    await take(patient, base, '2026-03-10T14:00');

    const s = await stock(patient, base);
    expect(s.timeZone).toBe('America/New_York');
    expect(s.report.today).toBe('2026-03-10');
    expect(s.report.uncounted).toBeNull();
    expect(s.report.formulations).toEqual([
      expect.objectContaining({
        formulation: 'tab5',
        usedSince: 2,
        dispensedSince: 30,
        onHand: 48,
        recountSuggested: false,
        dailyUse: 3,
        // Today's 20:00 dose (1), then 47 last 15 days at 3 a day: 11–25 March.
        daysCovered: 16,
        runsOutOn: '2026-03-26',
        refillDue: false,
      }),
    ]);
    expect(s.report.sources.map((x) => x.id)).toContain('JCPG-2025');
    expect(s.counts).toEqual([
      expect.objectContaining({
        id: made.id,
        quantity: 20,
        countedAt: '2026-03-10T11:00:00.000Z',
        recordedBy: { id: patient.userId, displayName: expect.any(String) as unknown },
      }),
    ]);
    const audited = await team.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'stock.count')));
    expect(audited.map((a) => a.entityId)).toEqual([made.id]);

    // The care team with the medications consent reads the same figures.
    expect((await stock(team.prescriber, base)).report).toEqual(s.report);
    expect((await stock(team.pharmacist, base)).report).toEqual(s.report);
  });

  it('reminds about a refill when the forecast is within the patient’s days', async () => {
    const { patient, base } = await patientWithTeam();
    // 08:00 dose not yet taken: today needs 3; 15 tablets cover 10–14 March: 5 days.
    await count(patient, base, { quantity: 15 });
    const before = await stock(patient, base);
    expect(before.report.formulations[0]).toMatchObject({
      daysCovered: 5,
      runsOutOn: '2026-03-15',
    });
    expect(before.report.refillDue).toBe(true); // 5 ≤ 7 (the default)

    const set = async (refillReminderDays: number) => {
      const res = await patient.put(`${base}/stock/settings`, { refillReminderDays });
      expect(res.statusCode, res.body).toBe(200);
      return res.json<Stock>();
    };
    expect((await set(4)).report.refillDue).toBe(false);
    expect((await set(5)).report).toMatchObject({ refillDue: true, reminderDays: 5 });
    expect((await set(0)).report.refillDue).toBe(false);
    expect((await stock(patient, base)).settings.refillReminderDays).toBe(0);
    // Low-energy mode (same preferences row) is untouched.
    const prefs = await patient.get(`${base}/preferences`);
    expect(prefs.json<{ preferences: { lowEnergy: boolean } }>().preferences.lowEnergy).toBe(false);
    const audited = await team.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'stock.settings')))
      .orderBy(auditLog.seq);
    expect(audited.map((a) => a.details)).toEqual([
      { refillReminderDays: 4 },
      { refillReminderDays: 5 },
      { refillReminderDays: 0 },
    ]);

    for (const bad of [-1, 61, 2.5]) {
      expectError(
        await patient.put(`${base}/stock/settings`, { refillReminderDays: bad }),
        400,
        'STEADY_ERR_VALIDATION',
      );
    }
    expectError(
      await patient.put(`${base}/stock/settings`, { refillReminderDays: 3, extra: 1 }),
      400,
      'STEADY_ERR_VALIDATION',
    );
  });

  it('follows a lower regimen recorded ahead (a taper step is a regimen version)', async () => {
    const { patient, base } = await patientWithTeam();
    await count(patient, base, { quantity: 30 });
    // The prescriber records 5 mg once a day from 14 March.
    const lower = await team.prescriber.post(
      `${base}/regimen`,
      regimenBody('2026-03-14', { doses: [{ time: '08:00', amountMg: 5 }] }),
    );
    expect(lower.statusCode, lower.body).toBe(201);
    // 10–13 March: 12; then 18 at one a day: 14–31 March.
    expect((await stock(patient, base)).report.formulations[0]).toMatchObject({
      daysCovered: 22,
      runsOutOn: '2026-04-01',
    });
  });

  it('validates counts: halves and 0.1 mL, not in the future, zero allowed', async () => {
    const { patient, base } = await patientWithTeam();
    for (const [body, path] of [
      [{ quantity: 2.25 }, '/body/quantity'],
      [{ formulation: 'sol1', quantity: 10.05 }, '/body/quantity'],
      [{ quantity: -1 }, '/body/quantity'],
      [{ quantity: 1001 }, '/body/quantity'],
      [{ formulation: 'tab7', quantity: 1 }, '/body/formulation'],
      [{ quantity: 3, countedAt: '2026-03-11T12:00:00.000Z' }, '/body/countedAt'],
      [{ quantity: 3, countedAt: '1999-12-31T12:00:00.000Z' }, '/body/countedAt'],
    ] as const) {
      const res = await patient.post(`${base}/stock/counts`, { formulation: 'tab5', ...body });
      const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', JSON.stringify(body));
      expect(error.details).toEqual(expect.arrayContaining([expect.objectContaining({ path })]));
    }
    expect((await stock(patient, base)).counts).toEqual([]);
    await count(patient, base, { quantity: 0 });
    await count(patient, base, { quantity: 14.5, countedAt: '2026-03-09T12:00:00.000Z' });
    await count(patient, base, { formulation: 'sol1', quantity: 150.3 });
    // A later count replaces the earlier one.
    team.h.clock.set('2026-03-10T12:01:00.000Z');
    await count(patient, base, { quantity: 9 });
    const s = await stock(patient, base);
    expect(s.report.formulations.map((f) => [f.formulation, f.onHand])).toEqual([
      ['tab5', 9],
      ['sol1', 150.3],
    ]);
  });

  it('lets the care team read (with consent) but only the patient count or set reminders', async () => {
    const { patient, base } = await patientWithTeam();
    const { caregiver } = await caregiverOf(team.h, patient);
    expect((await caregiver.get(`${base}/stock`)).statusCode).toBe(200);
    // The physical therapist has no medications consent by default.
    expectError(await team.physio.get(`${base}/stock`), 404, 'STEADY_ERR_NOT_FOUND');
    for (const member of [team.pharmacist, team.prescriber, caregiver]) {
      expectError(
        await member.post(`${base}/stock/counts`, { formulation: 'tab5', quantity: 3 }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
      expectError(
        await member.put(`${base}/stock/settings`, { refillReminderDays: 3 }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    expect((await stock(patient, base)).counts).toEqual([]);
  });

  it('raises the running-out-early alert when a count falls faster than the regimen explains', async () => {
    const { patient, base } = await patientWithTeam();
    // 1–10 March allow at most 30 tablets: 100 then 50 is 20 short (6.7 days at 3 a day).
    await count(patient, base, { quantity: 100, countedAt: '2026-03-01T15:00:00.000Z' });
    await count(patient, base, { quantity: 50 });
    const res = await team.prescriber.get(`${base}/alerts?status=unresolved`);
    expect(res.statusCode, res.body).toBe(200);
    const alert = res
      .json<{ alerts: { signalId: string; evidence: { values?: Record<string, unknown> }[] }[] }>()
      .alerts.find((a) => a.signalId === 'SIG-EARLY-REFILL/count');
    expect(alert?.evidence[0]?.values).toMatchObject({
      earlierCount: 100,
      laterCount: 50,
      allowedUse: 30,
    });
    // A clinician flag: not among the patient's own alerts.
    const own = await patient.get(`${base}/alerts?status=unresolved`);
    expect(
      own.json<{ alerts: { signalId: string }[] }>().alerts.map((a) => a.signalId),
    ).not.toContain('SIG-EARLY-REFILL/count');
  });
});
