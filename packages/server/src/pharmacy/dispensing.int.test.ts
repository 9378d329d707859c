import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { CONSENT_DEFAULTS } from '../careteam/consent.js';
import { auditLog } from '../db/schema.js';
import { expectError } from '../http/routes.test-helpers.js';
import { addClinician, caregiverOf, clinicTeam, link, PHARMACY_TEAM } from '../testing/careteam.js';
import type { Client } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { pharmacyPatient } from './pharmacy.test-helpers.js';

interface Dispensing {
  id: string;
  formulation: string;
  quantity: number;
  mgPerUnit: number;
  totalMg: number;
  dispensedAt: string;
  daysSupply: number | null;
  note: string | null;
  recordedBy: { id: string; displayName: string };
  voided: { at: string; by: { id: string }; reason: string } | null;
}

interface Projection {
  usedMg: number;
  onHandMg: number;
  daysCovered: number | null;
  runsOutOn: string | null;
}

interface Listing {
  timeZone: string;
  dispensings: Dispensing[];
  supply: {
    today: string;
    dispensedMg: number;
    dailyMg: number | null;
    asScheduled: Projection;
    asLogged: Projection;
    sources: { id: string }[];
  } | null;
}

interface Alert {
  signalId: string;
  present: boolean;
  evidence: { kind: string; ids?: string[]; values?: Record<string, unknown> }[];
}

const EARLY_REFILL = 'SIG-EARLY-REFILL';
/** The harness clock's start: 08:00 on 10 March in New York. */
const NOW = '2026-03-10T12:00:00.000Z';

/** A patient on 5 mg three times a day (15 mg/day) from 1 March, in New York. */
interface Setup {
  patient: Client;
  base: string;
}

describeOnDatabases('pharmacy: dispensing records', (harness) => {
  const team = clinicTeam(harness, 'Pharmacy Clinic', PHARMACY_TEAM);

  const patientWithTeam = (): Promise<Setup> => pharmacyPatient(team, NOW);

  const dispense = async (as: Client, base: string, body: Record<string, unknown>) => {
    const res = await as.post(`${base}/dispensing`, { formulation: 'tab5', quantity: 30, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ dispensing: Dispensing }>().dispensing;
  };
  const listing = async (as: Client, base: string) => {
    const res = await as.get(`${base}/dispensing`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Listing>();
  };
  const alertsOf = async (as: Client, base: string) => {
    const res = await as.get(`${base}/alerts?status=unresolved`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<{ alerts: Alert[] }>().alerts;
  };

  it('records a dispensing, lists it with the supply estimate, and audits it', async () => {
    const { patient, base } = await patientWithTeam();
    const created = await dispense(team.pharmacist, base, {
      dispensedAt: '2026-03-01T15:00:00.000Z',
      daysSupply: 10,
      note: 'Blister pack',
    });
    expect(created).toMatchObject({
      formulation: 'tab5',
      quantity: 30,
      mgPerUnit: 5,
      totalMg: 150,
      dispensedAt: '2026-03-01T15:00:00.000Z',
      daysSupply: 10,
      note: 'Blister pack',
      recordedBy: { id: team.pharmacist.userId, displayName: 'Pat Pharmacist' },
      voided: null,
    });
    // Without a date it is dispensed now; a prescriber may record one too.
    const now = await dispense(team.prescriber, base, { formulation: 'sol1', quantity: 0.5 });
    expect(now.dispensedAt).toBe('2026-03-10T12:00:00.000Z');
    expect(now.totalMg).toBe(0.5);

    const own = await listing(patient, base);
    expect(own.timeZone).toBe('America/New_York');
    expect(own.dispensings.map((d) => d.id)).toEqual([now.id, created.id]);
    // 150.5 mg; 1–9 March (New York days) use 9 × 15 mg as scheduled: 15.5 mg left for today.
    expect(own.supply).toMatchObject({
      today: '2026-03-10',
      dispensedMg: 150.5,
      dailyMg: 15,
      asScheduled: { usedMg: 135, onHandMg: 15.5, daysCovered: 1, runsOutOn: '2026-03-11' },
      asLogged: { usedMg: 0, onHandMg: 150.5, daysCovered: 10, runsOutOn: '2026-03-20' },
    });
    expect(own.supply?.sources.map((s) => s.id)).toContain('JCPG-2025');

    const audits = await team.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'dispensing.create')));
    expect(audits.map((a) => a.entityId).sort()).toEqual([created.id, now.id].sort());
    expect(audits.every((a) => a.details === null)).toBe(true);
  });

  it('voids a record entered in error: kept, shown as voided, left out of the estimate', async () => {
    const { patient, base } = await patientWithTeam();
    const kept = await dispense(team.pharmacist, base, { dispensedAt: '2026-03-01T15:00:00.000Z' });
    const wrong = await dispense(team.pharmacist, base, {
      dispensedAt: '2026-03-05T15:00:00.000Z',
    });
    const res = await team.pharmacist.post(`${base}/dispensing/${wrong.id}/void`, {
      reason: 'Typed on the wrong patient',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ dispensing: Dispensing }>().dispensing.voided).toMatchObject({
      at: '2026-03-10T12:00:00.000Z',
      by: { id: team.pharmacist.userId },
      reason: 'Typed on the wrong patient',
    });
    const list = await listing(patient, base);
    expect(list.dispensings.map((d) => [d.id, d.voided === null])).toEqual([
      [wrong.id, false],
      [kept.id, true],
    ]);
    expect(list.supply?.dispensedMg).toBe(150);

    expectError(
      await team.pharmacist.post(`${base}/dispensing/${wrong.id}/void`, { reason: 'Again' }),
      409,
      'STEADY_ERR_ALREADY_VOIDED',
    );
    expectError(
      await team.pharmacist.post(`${base}/dispensing/${randomUUID()}/void`, { reason: 'x' }),
      404,
      'STEADY_ERR_NOT_FOUND',
    );
    // The patient sees the record but may not void it (unknown ids are 404 first).
    expectError(
      await patient.post(`${base}/dispensing/${kept.id}/void`, { reason: 'Mine' }),
      403,
      'STEADY_ERR_FORBIDDEN',
    );
    const voids = await team.h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, 'dispensing.void')));
    expect(voids.map((a) => a.entityId)).toEqual([wrong.id]);
  });

  it('refuses impossible quantities, unknown forms and dates in the future', async () => {
    const { base } = await patientWithTeam();
    const bad: [Record<string, unknown>, string][] = [
      [{ quantity: -30 }, '/body/quantity'],
      [{ quantity: 0 }, '/body/quantity'],
      [{ quantity: 1001 }, '/body/quantity'],
      [{ quantity: 1e9 }, '/body/quantity'],
      [{ quantity: 2.25 }, '/body/quantity'], // quarter tablets are never dispensed
      [{ quantity: '30' }, '/body/quantity'],
      [{ formulation: 'sol1', quantity: 100.25 }, '/body/quantity'],
      [{ formulation: 'tab7' }, '/body/formulation'],
      [{ formulation: 'Valium' }, '/body/formulation'],
      [{ dispensedAt: '2026-03-10T12:10:00.000Z' }, '/body/dispensedAt'],
      [{ dispensedAt: '1026-03-01T12:00:00.000Z' }, '/body/dispensedAt'],
      [{ dispensedAt: 'yesterday' }, '/body/dispensedAt'],
      [{ daysSupply: 0 }, '/body/daysSupply'],
      [{ daysSupply: 7.5 }, '/body/daysSupply'],
      [{ daysSupply: 366 }, '/body/daysSupply'],
      [{ note: 'x'.repeat(501) }, '/body/note'],
    ];
    for (const [body, path] of bad) {
      const res = await team.pharmacist.post(`${base}/dispensing`, {
        formulation: 'tab5',
        quantity: 30,
        ...body,
      });
      const error = expectError(res, 400, 'STEADY_ERR_VALIDATION', JSON.stringify(body));
      expect(error.details, JSON.stringify(body)).toEqual(
        expect.arrayContaining([expect.objectContaining({ path })]),
      );
    }
    expect((await listing(team.pharmacist, base)).dispensings).toEqual([]);
    // Halves, the largest amount, a few minutes of clock skew and 0.1 mL steps are fine.
    await dispense(team.pharmacist, base, { quantity: 14.5 });
    await dispense(team.pharmacist, base, { formulation: 'tab10', quantity: 1000 });
    await dispense(team.pharmacist, base, { dispensedAt: '2026-03-10T12:04:00.000Z' });
    await dispense(team.pharmacist, base, { formulation: 'sol1', quantity: 100.3 });
  });

  it('raises the running-out-early alert for an early dispensing, and not for a timely one', async () => {
    const early = await patientWithTeam();
    // 30 × 5 mg lasts 1–10 March at 15 mg a day; on 4 March 7 days of supply remained.
    await dispense(team.pharmacist, early.base, { dispensedAt: '2026-03-01T15:00:00.000Z' });
    const second = await dispense(team.pharmacist, early.base, {
      dispensedAt: '2026-03-04T15:00:00.000Z',
    });
    const alert = (await alertsOf(team.pharmacist, early.base)).find(
      (a) => a.signalId === EARLY_REFILL,
    );
    expect(alert?.present).toBe(true);
    expect(alert?.evidence).toEqual([
      expect.objectContaining({
        kind: 'dispensing',
        ids: [second.id],
        values: expect.objectContaining({ daysEarly: 7, expectedOnHandMg: 105 }) as unknown,
      }),
    ]);
    // The prescriber sees it too; it is a clinician flag, not shown to the patient.
    expect((await alertsOf(team.prescriber, early.base)).map((a) => a.signalId)).toContain(
      EARLY_REFILL,
    );
    expect((await alertsOf(early.patient, early.base)).map((a) => a.signalId)).not.toContain(
      EARLY_REFILL,
    );

    // Voided (entered in error): the signal goes away.
    const voided = await team.pharmacist.post(`${early.base}/dispensing/${second.id}/void`, {
      reason: 'Duplicate entry',
    });
    expect(voided.statusCode).toBe(200);
    const after = (await alertsOf(team.pharmacist, early.base)).find(
      (a) => a.signalId === EARLY_REFILL,
    );
    expect(after?.present).toBe(false);

    const timely = await patientWithTeam();
    // On 9 March 2 days of supply remained: within the 3-day grace, not flagged.
    await dispense(team.pharmacist, timely.base, { dispensedAt: '2026-03-01T15:00:00.000Z' });
    await dispense(team.pharmacist, timely.base, { dispensedAt: '2026-03-09T15:00:00.000Z' });
    expect((await alertsOf(team.pharmacist, timely.base)).map((a) => a.signalId)).not.toContain(
      EARLY_REFILL,
    );
  });

  it('lets members with the medications consent read, and only pharmacists and prescribers write', async () => {
    const { patient, base } = await patientWithTeam();
    const record = await dispense(team.pharmacist, base, {
      dispensedAt: '2026-03-02T15:00:00.000Z',
    });
    const withoutMeds = await addClinician(team.h, team.clinic, 'pharmacist', 'No Meds Pharmacist');
    await link(patient, withoutMeds, { ...CONSENT_DEFAULTS.pharmacist, medications: false });
    const therapist = await addClinician(
      team.h,
      team.clinic,
      'physical_therapist',
      'Theo Therapist',
    );
    await link(patient, therapist, { ...CONSENT_DEFAULTS.physical_therapist, medications: true });
    const { caregiver } = await caregiverOf(team.h, patient);
    const stranger = await addClinician(team.h, team.clinic, 'pharmacist', 'Unlinked Pharmacist');
    const body = { formulation: 'tab5', quantity: 30 };

    for (const reader of [patient, therapist, caregiver]) {
      const list = await listing(reader, base);
      expect(list.dispensings.map((d) => d.id)).toEqual([record.id]);
    }
    for (const refused of [withoutMeds, stranger]) {
      const read = await refused.get(`${base}/dispensing`);
      expectError(read, 404, 'STEADY_ERR_NOT_FOUND');
      expect(read.body).not.toContain(record.id);
      expectError(await refused.post(`${base}/dispensing`, body), 404, 'STEADY_ERR_NOT_FOUND');
    }
    for (const reader of [therapist, caregiver]) {
      expectError(await reader.post(`${base}/dispensing`, body), 404, 'STEADY_ERR_NOT_FOUND');
      expectError(
        await reader.post(`${base}/dispensing/${record.id}/void`, { reason: 'No' }),
        404,
        'STEADY_ERR_NOT_FOUND',
      );
    }
    expectError(await patient.post(`${base}/dispensing`, body), 403, 'STEADY_ERR_FORBIDDEN');
    expect((await listing(patient, base)).dispensings).toHaveLength(1);

    // The patient's access log shows the pharmacist's reads and writes.
    const log = await patient.get(`${base}/access-log`);
    const actions = log
      .json<{ entries: { actor: { id: string }; action: string; category: string | null }[] }>()
      .entries.filter((e) => e.actor.id === team.pharmacist.userId)
      .map((e) => `${e.action} ${String(e.category)}`);
    expect(actions).toEqual(expect.arrayContaining(['dispensing.write medications']));
  });
});
