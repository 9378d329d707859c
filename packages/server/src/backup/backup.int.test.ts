import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain.js';
import { FULL_CONSENT } from '../careteam/consent.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Db } from '../db/client.js';
import { lockDataDir } from '../db/lock.js';
import { users } from '../db/schema.js';
import { seedDemo } from '../demo/seed.js';
import { addClinician, contextOf, createClinicFixture, link } from '../testing/careteam.js';
import { createHarness, registerPatient, type Harness } from '../testing/harness.js';
import {
  BackupError,
  inspectBackup,
  listAutoBackups,
  restoreBackup,
  snapshot,
  tableCounts,
  writeBackupFile,
} from './backup.js';
import { backupCommand, restoreCommand } from './commands.js';
import { autoBackupIfDue } from './schedule.js';

const countsOf = (db: Db) =>
  tableCounts(async (text) => {
    const raw: unknown = await db.execute(sql.raw(text));
    return (raw as { rows: Record<string, unknown>[] }).rows;
  });

describe('backups of the embedded database', () => {
  let h: Harness;
  let client: PGlite;
  let dir: string;
  let backup: string;
  let patientId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'steady-backup-'));
    h = await createHarness('pglite');
    if (h.database.jobs.kind !== 'pglite') throw new Error('expected PGlite');
    client = h.database.jobs.client;
    // Data in most tables: the demo (90 days of history, a clinic), and a few requests.
    await seedDemo(contextOf(h));
    const clinic = await createClinicFixture(h, 'Backup Clinic');
    const doctor = await addClinician(h, clinic, 'prescriber', 'Dr. Backup');
    const patient = await registerPatient(h.app, { displayName: 'Pat Backup' });
    patientId = patient.userId;
    await link(patient, doctor, FULL_CONSENT);
    const put = await patient.put(`/api/patients/${patientId}/preferences`, { lowEnergy: true });
    expect(put.statusCode, put.body).toBe(200);
    backup = path.join(dir, 'backups', 'one.tar.gz');
    await writeBackupFile(backup, await snapshot(client));
  });

  afterAll(async () => {
    await h.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('writes a file only its owner can read', async () => {
    expect((await stat(backup)).mode & 0o777).toBe(0o600);
    expect(await readdir(path.dirname(backup))).toEqual(['one.tar.gz']);
  });

  it('restores into a fresh directory with every record', async () => {
    const target = path.join(dir, 'restored', 'pglite');
    const result = await restoreBackup(backup, target, { force: false, now: h.clock.now() });
    expect(result.movedAside).toBeNull();

    const restored = await openDatabase({ kind: 'pglite', dataDir: target });
    try {
      await restored.migrate(); // nothing to apply: the backup is current
      const live = await countsOf(h.database.db);
      expect(Object.keys(live).length).toBeGreaterThan(20);
      expect(Object.values(live).filter((n) => n > 0).length).toBeGreaterThan(15);
      expect(await countsOf(restored.db)).toEqual(live);
      expect(result.summary.tables).toEqual(live);

      const [original] = await h.database.db.select().from(users).where(eq(users.id, patientId));
      const [copy] = await restored.db.select().from(users).where(eq(users.id, patientId));
      expect(copy).toEqual(original);
      const all = (db: Db) => db.execute(sql`select * from dose_events order by id`);
      expect(await all(restored.db)).toEqual(await all(h.database.db));
      // The audit log comes back whole, its chain intact up to the same newest entry.
      expect(await verifyChain(restored.db)).toEqual(await verifyChain(h.database.db));
      expect((await verifyChain(restored.db)).ok).toBe(true);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore over a database unless forced, and then keeps the old one', async () => {
    const target = path.join(dir, 'occupied', 'pglite');
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, 'PG_VERSION'), '17\n');
    await expect(
      restoreBackup(backup, target, { force: false, now: h.clock.now() }),
    ).rejects.toThrow(/already holds a database.*--force/);
    const result = await restoreBackup(backup, target, { force: true, now: h.clock.now() });
    expect(result.movedAside).toBe(`${target}.before-restore-2026-03-10T12-00-00Z`);
    expect(existsSync(path.join(String(result.movedAside), 'PG_VERSION'))).toBe(true);
    expect(existsSync(path.join(target, 'base'))).toBe(true);
  });

  it('checks the file before restoring anything', async () => {
    const junk = path.join(dir, 'junk.tar.gz');
    await writeFile(junk, 'not a backup');
    await expect(inspectBackup(junk)).rejects.toThrow(BackupError);
    const target = path.join(dir, 'untouched', 'pglite');
    await expect(restoreBackup(junk, target, { force: true, now: h.clock.now() })).rejects.toThrow(
      /is not a Steady backup/,
    );
    expect(existsSync(target)).toBe(false);
    await expect(inspectBackup(path.join(dir, 'missing.tar.gz'))).rejects.toThrow(/Cannot read/);
  });

  it('takes an automatic backup once a day and keeps the newest ones', async () => {
    const autoDir = path.join(dir, 'auto');
    let now = new Date('2026-03-10T03:00:00Z');
    const options = { client, dir: autoDir, keep: 2, now: () => now };
    expect(await autoBackupIfDue(options)).toBe(
      path.join(autoDir, 'steady-auto-2026-03-10T03-00-00Z.tar.gz'),
    );
    now = new Date('2026-03-10T23:00:00Z'); // the same day: not due
    expect(await autoBackupIfDue(options)).toBeNull();
    await writeFile(path.join(autoDir, 'steady-2026-03-10T05-00-00Z.tar.gz'), 'a manual one');
    for (const at of ['2026-03-11T03:00:00Z', '2026-03-12T04:00:00Z']) {
      now = new Date(at);
      expect(await autoBackupIfDue(options)).not.toBeNull();
    }
    expect(await listAutoBackups(autoDir)).toEqual([
      'steady-auto-2026-03-11T03-00-00Z.tar.gz',
      'steady-auto-2026-03-12T04-00-00Z.tar.gz',
    ]);
    // Only automatic backups are rotated.
    expect(await readdir(autoDir)).toContain('steady-2026-03-10T05-00-00Z.tar.gz');
  });
});

describe('the backup and restore commands', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'steady-backup-cli-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const configFor = (dataDir: string, env: Record<string, string> = {}) =>
    loadConfig({ STEADY_DATA_DIR: dataDir, LOG_LEVEL: 'silent', ...env });
  const now = new Date('2026-03-10T12:00:00Z');

  it('backs up a stopped data directory and restores it into another', async () => {
    const config = configFor(path.join(dir, 'data'));
    await mkdir(config.dataDir, { recursive: true });
    const database = await openDatabase({
      kind: 'pglite',
      dataDir: path.join(config.dataDir, 'pglite'),
    });
    await database.migrate();
    const before = await countsOf(database.db);
    await database.close();

    const file = await backupCommand(config, undefined, now);
    expect(file).toBe(path.join(config.dataDir, 'backups', 'steady-2026-03-10T12-00-00Z.tar.gz'));
    await expect(backupCommand(config, file, now)).rejects.toThrow(/already exists/);

    const other = configFor(path.join(dir, 'other'));
    await restoreCommand(other, file, false, now);
    const restored = await openDatabase({
      kind: 'pglite',
      dataDir: path.join(other.dataDir, 'pglite'),
    });
    expect(await countsOf(restored.db)).toEqual(before);
    await restored.close();
    await expect(restoreCommand(other, file, false, now)).rejects.toThrow(/--force/);
  });

  it('says clearly that Steady must be stopped while it runs', async () => {
    const config = configFor(path.join(dir, 'running'));
    const lock = await lockDataDir(config.dataDir); // as a running server holds it
    try {
      await expect(backupCommand(config, undefined, now)).rejects.toThrow(
        /already using the data directory[\s\S]*every day[\s\S]*stop Steady/,
      );
      await expect(restoreCommand(config, 'x.tar.gz', false, now)).rejects.toThrow(
        /Stop Steady before restoring/,
      );
    } finally {
      await lock.release();
    }
  });

  it('points PostgreSQL installs to pg_dump', async () => {
    const config = configFor(dir, { DATABASE_URL: 'postgres://steady@localhost/steady' });
    await expect(backupCommand(config, undefined, now)).rejects.toThrow(/pg_dump/);
    await expect(restoreCommand(config, 'x.tar.gz', false, now)).rejects.toThrow(/pg_restore/);
  });
});
