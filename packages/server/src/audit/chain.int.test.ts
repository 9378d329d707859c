import { asc, count, eq, sql } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { FULL_CONSENT } from '../careteam/consent.js';
import type { Db } from '../db/client.js';
import { auditLog } from '../db/schema.js';
import { addClinician, createClinicFixture, link } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { audit } from './audit.js';
import { describeResult, verifyChain } from './chain.js';

/**
 * Tamper with the log as someone with direct database access would: with triggers off (the
 * append-only guard and the chain trigger), in one transaction.
 */
async function tamper(db: Db, statements: readonly ReturnType<typeof sql>[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    for (const statement of statements) await tx.execute(statement);
  });
}

describeOnDatabases('audit hash chain', (harness) => {
  let h: Harness;
  let patient: Client;
  let doctor: Client;

  const entries = async () => (await h.database.db.select({ n: count() }).from(auditLog))[0]?.n;
  const bySeq = async (seq: number) => {
    const [row] = await h.database.db.select().from(auditLog).where(eq(auditLog.seq, seq));
    if (row === undefined) throw new Error(`no entry with seq ${String(seq)}`);
    return row;
  };

  beforeAll(async () => {
    h = harness();
    const clinic = await createClinicFixture(h, 'Chain Clinic');
    doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Chain');
    patient = await registerPatient(h.app, { displayName: 'Pat Chain' });
    await link(patient, doctor, FULL_CONSENT);
    const url = `/api/patients/${patient.userId}/preferences`;
    expect((await patient.put(url, { lowEnergy: true })).statusCode).toBe(200);
    expect((await doctor.get(`/api/patients/${patient.userId}/regimen`)).statusCode).toBe(200);
    expect((await patient.put(url, { lowEnergy: false })).statusCode).toBe(200);
  });

  it('chains every entry written through the app, and the chain verifies', async () => {
    const n = await entries();
    expect(n).toBeGreaterThan(5);
    const rows = await h.database.db.select().from(auditLog).orderBy(asc(auditLog.seq));
    expect(rows.map((r) => r.seq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]?.prevHash).toBe('0'.repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prevHash).toBe(rows[i - 1]?.hash);
    // A small page size walks the chain in several pages.
    const result = await verifyChain(h.database.db, 3);
    expect(result).toEqual({ ok: true, entries: n, lastHash: rows.at(-1)?.hash });
    expect(describeResult(result)).toBe(`audit log intact: ${String(n)} entries`);
  });

  it('records where each entry came from and on what basis', async () => {
    const rows = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.patientId, patient.userId));
    const own = rows.find((r) => r.action === 'preferences.update');
    expect(own).toMatchObject({ actorId: patient.userId, basis: 'own' });
    expect(own?.ip).toMatch(/^10\./);
    const read = rows.find((r) => r.action === 'access.read' && r.actorId === doctor.userId);
    expect(read).toMatchObject({ basis: 'consent' });
    expect(read?.ip).toMatch(/^10\./);
    expect(read?.ip).not.toBe(own?.ip);

    await audit(
      h.database.db,
      { actorId: null, patientId: null, action: 'test.system' },
      h.clock.now(),
    );
    const [system] = await h.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'test.system'));
    expect(system).toMatchObject({ basis: 'system', ip: null });
  });

  it('refuses changes and deletions through ordinary statements', async () => {
    await expect(
      h.database.db.execute(sql`update audit_log set action = 'x' where seq = 1`),
    ).rejects.toThrow();
    await expect(h.database.db.execute(sql`delete from audit_log where seq = 1`)).rejects.toThrow();
    expect((await verifyChain(h.database.db)).ok).toBe(true);
  });

  it('finds an edited entry', async () => {
    const target = await bySeq(3);
    await tamper(h.database.db, [
      sql`update audit_log set details = '{"edited": true}'::jsonb where seq = 3`,
    ]);
    const result = await verifyChain(h.database.db, 2);
    expect(result).toMatchObject({ ok: false, id: String(target.id), seq: '3', entries: 2 });
    expect(describeResult(result)).toMatch(
      new RegExp(`^broken at entry ${String(target.id)} \\(seq 3, \\d{4}-.*Z\\): .*changed`),
    );
    await tamper(h.database.db, [
      sql`update audit_log set details = ${
        target.details === null ? null : JSON.stringify(target.details)
      }::jsonb where seq = 3`,
    ]);
    expect((await verifyChain(h.database.db)).ok).toBe(true);
  });

  it('finds a deleted entry at the entry after it', async () => {
    const removed = await bySeq(4);
    const next = await bySeq(5);
    await tamper(h.database.db, [sql`delete from audit_log where seq = 4`]);
    const result = await verifyChain(h.database.db);
    expect(result).toMatchObject({ ok: false, id: String(next.id), seq: '5', entries: 3 });
    if (!result.ok) expect(result.reason).toMatch(/seq 4 is missing/);
    await tamper(h.database.db, [
      sql`insert into audit_log (id, at, actor_id, patient_id, action, entity_id, details, ip, basis, seq, prev_hash, hash)
          select * from jsonb_populate_record(null::audit_log, ${JSON.stringify({
            id: removed.id,
            at: removed.at.toISOString(),
            actor_id: removed.actorId,
            patient_id: removed.patientId,
            action: removed.action,
            entity_id: removed.entityId,
            details: removed.details,
            ip: removed.ip,
            basis: removed.basis,
            seq: removed.seq,
            prev_hash: removed.prevHash,
            hash: removed.hash,
          })}::jsonb)`,
    ]);
    expect((await verifyChain(h.database.db)).ok).toBe(true);
  });

  it('finds two entries swapped at the first of them', async () => {
    const second = await bySeq(3);
    // Through a free seq: the unique index holds at every statement.
    await tamper(h.database.db, [
      sql`update audit_log set seq = -1 where seq = 2`,
      sql`update audit_log set seq = 2 where seq = 3`,
      sql`update audit_log set seq = 3 where seq = -1`,
    ]);
    const result = await verifyChain(h.database.db);
    expect(result).toMatchObject({ ok: false, id: String(second.id), seq: '2', entries: 1 });
    if (!result.ok) expect(result.reason).toMatch(/previous-entry hash/);
    await tamper(h.database.db, [
      sql`update audit_log set seq = -1 where seq = 3`,
      sql`update audit_log set seq = 3 where seq = 2`,
      sql`update audit_log set seq = 2 where seq = -1`,
    ]);
    expect((await verifyChain(h.database.db)).ok).toBe(true);
  });

  it('keeps one chain when many transactions write at once', async () => {
    const before = (await entries()) ?? 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        h.database.db.transaction(async (tx) => {
          const at = h.clock.now();
          await audit(
            tx,
            { actorId: null, patientId: null, action: `test.parallel.${String(i)}` },
            at,
          );
          await audit(
            tx,
            { actorId: null, patientId: null, action: `test.parallel.${String(i)}` },
            at,
          );
        }),
      ),
    );
    const result = await verifyChain(h.database.db);
    expect(result).toMatchObject({ ok: true, entries: before + 40 });
    // Both entries of one transaction are next to each other: the lock is held until commit.
    const rows = await h.database.db
      .select({ action: auditLog.action, seq: auditLog.seq })
      .from(auditLog)
      .where(sql`${auditLog.action} like 'test.parallel.%'`)
      .orderBy(asc(auditLog.seq));
    for (let i = 0; i < rows.length; i += 2) {
      expect(rows[i + 1]?.action).toBe(rows[i]?.action);
      expect(rows[i + 1]?.seq).toBe((rows[i]?.seq ?? 0) + 1);
    }
  });
});
