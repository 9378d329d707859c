import { createHarness } from '../packages/server/src/testing/harness.js';
import { seedPatientYear } from './lib/patientYear.js';
import { randomUUID } from 'node:crypto';
const h = await createHarness('pglite');
const p = await seedPatientYear(h);
const body = () => ({ idempotencyKey: randomUUID(), kind: 'extra', slotKey: null, amountMg: 2.5, reason: 'x' });
for (const label of ['warm', 'measure']) {
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) { const r = await p.client.post(`/api/patients/${p.patientId}/doses`, body()); if (r.statusCode !== 201) throw new Error(r.body); }
  console.log(label, 'POST inject ms/req', ((performance.now() - t0) / 100).toFixed(2));
  const t1 = performance.now();
  for (let i = 0; i < 100; i++) await p.client.get(`/api/patients/${p.patientId}/today`);
  console.log(label, 'GET today inject ms/req', ((performance.now() - t1) / 100).toFixed(2));
}
const db = h.database.db;
const { sql } = await import('drizzle-orm');
let t = performance.now();
for (let i = 0; i < 200; i++) await db.execute(sql`select 1`);
console.log('select 1 ms', ((performance.now() - t) / 200).toFixed(3));
t = performance.now();
for (let i = 0; i < 100; i++) await db.transaction(async (tx) => { await tx.execute(sql`select 1`); });
console.log('empty tx ms', ((performance.now() - t) / 100).toFixed(3));
await h.close();
