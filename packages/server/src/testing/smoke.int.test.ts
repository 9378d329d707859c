import { expect, it } from 'vitest';
import { registerPatient, regimenBody } from './harness.js';
import { describeOnDatabases } from './suites.js';

describeOnDatabases('smoke', (harness) => {
  it('registers, enters a regimen and logs a dose', async () => {
    const { app } = harness();
    const p = await registerPatient(app);
    const base = `/api/patients/${p.userId}`;
    expect((await p.post(`${base}/regimen`, regimenBody('2026-03-01'))).statusCode).toBe(201);
    const today = (await p.get(`${base}/today`)).json<{ slots: { key: string }[] }>();
    expect(today.slots.map((s) => s.key)).toEqual([
      '2026-03-10T08:00',
      '2026-03-10T14:00',
      '2026-03-10T20:00',
    ]);
    const logged = await p.post(`${base}/doses`, {
      idempotencyKey: 'key-000001',
      kind: 'taken',
      slotKey: '2026-03-10T08:00',
    });
    expect(logged.statusCode).toBe(201);
    const after = (await p.get(`${base}/today`)).json<{ slots: { status: string }[] }>();
    expect(after.slots.map((s) => s.status)).toEqual(['taken', 'due', 'due']);
  });
});
