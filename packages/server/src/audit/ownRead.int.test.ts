/**
 * A patient's reads of their own data are audit entries too (basis `own`), and they stay out of
 * the access log that shows the patient who else looked.
 */
import { and, eq } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { auditLog } from '../db/schema.js';
import { caregiverOf } from '../testing/careteam.js';
import { registerPatient, regimenBody } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { OWN_READ_ACTION } from './access.js';

describeOnDatabases('own reads in the audit log', (harness) => {
  it("records the patient's own read with the route, address and basis, not in the access log", async () => {
    const h = harness();
    const patient = await registerPatient(h.app);
    const base = `/api/patients/${patient.userId}`;
    expect((await patient.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    const { caregiver } = await caregiverOf(h, patient);
    expect((await patient.get(`${base}/today`)).statusCode).toBe(200);
    expect((await caregiver.get(`${base}/regimen`)).statusCode).toBe(200);

    const own = await h.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.patientId, patient.userId), eq(auditLog.action, OWN_READ_ACTION)));
    const today = own.filter((r) => r.details?.route === 'GET /api/patients/:patientId/today');
    expect(today).toHaveLength(1);
    expect(today[0]).toMatchObject({
      actorId: patient.userId,
      basis: 'own',
      details: { subject: 'today' },
    });
    expect(today[0]?.ip).toBeTruthy();
    // The caregiver's read is never an own read.
    expect(own.every((r) => r.actorId === patient.userId)).toBe(true);

    const log = await patient.get(`${base}/access-log`);
    expect(log.statusCode).toBe(200);
    const entries = log.json<{ entries: { actor: { id: string } }[] }>().entries;
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.actor.id === caregiver.userId)).toBe(true);
  });
});
