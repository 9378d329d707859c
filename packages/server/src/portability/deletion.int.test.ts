/**
 * Account deletion with a grace period, on the controllable clock: a request needs the
 * password; it can be cancelled; the purge deletes nothing before the grace period ends and
 * everything of the patient after it (sessions included), leaving others untouched.
 */
import { eq, inArray } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { auditLog, messages, messageThreads, users } from '../db/schema.js';
import { seedPatient, type SeededPatient } from '../http/routes.test-helpers.js';
import { contextOf } from '../testing/careteam.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';
import { patientTables } from './account.js';
import { purgeDueAccounts } from './deletion.js';

const DAY = 86_400_000;
const PASSWORD = 'a long enough password';
// The clock moves by weeks: sessions must outlive that.
const ENV = { STEADY_SESSION_HOURS: String(24 * 365) };

interface DeletionState {
  deletion: { id: string; requestedAt: string; purgeAfter: string } | null;
  graceDays: number;
}

describeOnDatabases(
  'account deletion',
  (harness) => {
    let h: Harness;
    let seeded: SeededPatient;
    let p: Client;
    let bystander: Client;
    let url: string;

    const state = async (client: Client = p) =>
      (await client.get(`/api/patients/${client.userId}/account-deletion`)).json<DeletionState>();

    /** How many rows of each patient table (and of their threads' messages) belong to `id`. */
    async function rowsOf(id: string): Promise<Record<string, number>> {
      const counts: Record<string, number> = {};
      for (const { name, table, patientId } of patientTables()) {
        counts[name] = (await h.database.db.select().from(table).where(eq(patientId, id))).length;
      }
      return counts;
    }

    beforeAll(async () => {
      h = harness();
      seeded = await seedPatient(h, 'deletionsecret');
      p = seeded.client;
      bystander = await registerPatient(h.app, { displayName: 'Bystander' });
      url = `/api/patients/${p.userId}/account-deletion`;
    });

    it('starts with nothing pending and the configured grace period', async () => {
      expect(await state()).toEqual({ deletion: null, graceDays: 30 });
    });

    it('refuses a wrong password and schedules nothing', async () => {
      const res = await p.post(url, { password: 'not my password at all' });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ error: { code: string } }>().error.code).toBe(
        'STEADY_ERR_PASSWORD_MISMATCH',
      );
      expect((await state()).deletion).toBeNull();
    });

    it('schedules the deletion 30 days ahead, once, and lets the patient cancel it', async () => {
      const res = await p.post(url, { password: PASSWORD });
      expect(res.statusCode, res.body).toBe(201);
      const { deletion } = res.json<{ deletion: { purgeAfter: string; requestedAt: string } }>();
      expect(deletion.requestedAt).toBe(h.clock.now().toISOString());
      expect(Date.parse(deletion.purgeAfter)).toBe(h.clock.now().getTime() + 30 * DAY);
      expect((await state()).deletion).toMatchObject(deletion);
      const again = await p.post(url, { password: PASSWORD });
      expect(again.json<{ error: { code: string } }>().error.code).toBe(
        'STEADY_ERR_DELETION_PENDING',
      );

      expect((await p.delete(url)).statusCode).toBe(204);
      expect((await state()).deletion).toBeNull();
      expect((await p.delete(url)).statusCode).toBe(404);
      // A cancelled request is never purged, however late it gets.
      h.clock.advance(40 * DAY);
      expect(await purgeDueAccounts(contextOf(h))).toBe(0);
      expect((await p.get('/api/session')).statusCode).toBe(200);
    });

    it('keeps everything until the grace period is over, then deletes it all', async () => {
      const res = await p.post(url, { password: PASSWORD });
      expect(res.statusCode, res.body).toBe(201);
      const before = await rowsOf(p.userId);
      for (const table of ['dose_events', 'check_ins', 'regimen_versions', 'care_links']) {
        expect(before[table], table).toBeGreaterThan(0);
      }
      const threadIds = (
        await h.database.db
          .select({ id: messageThreads.id })
          .from(messageThreads)
          .where(eq(messageThreads.patientId, p.userId))
      ).map((t) => t.id);
      const threadMessages = () =>
        h.database.db.select().from(messages).where(inArray(messages.threadId, threadIds));
      expect((await threadMessages()).length).toBeGreaterThan(0);
      const bystanderBefore = await rowsOf(bystander.userId);

      h.clock.advance(30 * DAY - 60_000);
      expect(await purgeDueAccounts(contextOf(h))).toBe(0);
      expect(await rowsOf(p.userId)).toEqual(before);
      expect((await p.get('/api/session')).statusCode).toBe(200);

      h.clock.advance(2 * 60_000);
      expect(await purgeDueAccounts(contextOf(h))).toBe(1);
      const after = await rowsOf(p.userId);
      // Everything of the patient is gone, except the audit log (ids and codes only).
      expect(Object.entries(after).filter(([name, n]) => n > 0 && name !== 'audit_log')).toEqual(
        [],
      );
      expect(await h.database.db.select().from(users).where(eq(users.id, p.userId))).toEqual([]);
      expect(await threadMessages()).toEqual([]);
      expect(await rowsOf(bystander.userId)).toEqual(bystanderBefore);
      // Signed-in devices are signed out; the care team is still there.
      expect((await p.get('/api/session')).statusCode).toBe(401);
      expect((await seeded.team.clinician.get('/api/session')).statusCode).toBe(200);
      expect(await purgeDueAccounts(contextOf(h))).toBe(0);
    });

    it('audits the request, the cancellation and the purge without health data', async () => {
      const rows = await h.database.db
        .select()
        .from(auditLog)
        .where(
          inArray(auditLog.action, [
            'account.deletion-request',
            'account.deletion-cancel',
            'account.purge',
          ]),
        );
      expect(rows.map((r) => r.action).sort()).toEqual([
        'account.deletion-cancel',
        'account.deletion-request',
        'account.deletion-request',
        'account.purge',
      ]);
      const purge = rows.find((r) => r.action === 'account.purge');
      expect(purge?.patientId).toBe(p.userId);
      expect(purge?.actorId).toBeNull();
      expect(Object.keys(purge?.details ?? {}).sort()).toEqual(['purgeAfter', 'requestedAt']);
      expect(JSON.stringify(rows)).not.toContain('deletionsecret');
    });

    it('purges due accounts when an app starts, and stops its timer on close', async () => {
      const q = await registerPatient(h.app, { displayName: 'Starter' });
      const res = await q.post(`/api/patients/${q.userId}/account-deletion`, {
        password: PASSWORD,
      });
      expect(res.statusCode).toBe(201);
      h.clock.advance(31 * DAY);
      const app = await buildApp({
        config: { ...h.config, webDir: null },
        database: h.database,
        now: h.clock.now,
      });
      await app.ready();
      await app.close(); // waits for the start-up run
      expect(await h.database.db.select().from(users).where(eq(users.id, q.userId))).toEqual([]);
    });
  },
  ENV,
);
