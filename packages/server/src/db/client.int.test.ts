import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, TEST_DATABASE_URL, type Harness } from '../testing/harness.js';

const skip = TEST_DATABASE_URL === undefined;

describe.skipIf(skip)(
  `PostgreSQL connections${skip ? ' (skipped: set TEST_DATABASE_URL to run on PostgreSQL)' : ''}`,
  () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness('postgres');
    });
    afterAll(async () => {
      await h.close();
    });

    it('survives the server cutting off its idle connections', async () => {
      const raw: unknown = await h.database.db.execute(sql`select current_database() as name`);
      const name = (raw as { rows: { name: string }[] }).rows[0]?.name;
      const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
      const killed = await admin.query<{ n: number }>(
        'select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where datname = $1',
        [name],
      );
      await admin.end();
      expect(killed.rows[0]?.n).toBeGreaterThanOrEqual(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      // The next request gets a fresh connection instead of the process crashing.
      expect((await h.app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    });
  },
);
