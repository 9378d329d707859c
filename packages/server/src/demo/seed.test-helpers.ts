/** Shared set-up of the demo seed suites: the demo seeded once into the suite's database. */
import { eq } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { users } from '../db/schema.js';
import type { Harness } from '../testing/harness.js';
import { DEMO_PATIENT, seedDemo } from './seed.js';

export const ZONE = 'America/New_York';

/** Seeds the demo and returns its context, the printed summary and the demo patient's id. */
export async function seedForSuite(
  h: Harness,
): Promise<{ ctx: AppContext; firstRun: string; patientId: string }> {
  // 12:00Z on 10 March 2026 is 08:00 in New York: "today" is 10 March.
  const ctx: AppContext = { db: h.database.db, config: h.config, now: h.clock.now };
  const firstRun = await seedDemo(ctx);
  const [patient] = await h.database.db
    .select()
    .from(users)
    .where(eq(users.email, DEMO_PATIENT.email));
  if (patient === undefined) throw new Error('no demo patient');
  return { ctx, firstRun, patientId: patient.id };
}
