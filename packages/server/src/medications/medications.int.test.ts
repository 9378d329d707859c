import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { medications } from '../db/schema.js';
import { registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Medication {
  id: string;
  name: string;
  dose: string | null;
  frequency: string | null;
  active: boolean;
  createdAt: string;
}

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describeOnDatabases('medications', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  const add = async (p: Client, body: Record<string, unknown>) => {
    const res = await p.post(`/api/patients/${p.userId}/medications`, body);
    expect(res.statusCode).toBe(201);
    return res.json<{ medication: Medication }>().medication;
  };
  const list = async (p: Client) =>
    (await p.get(`/api/patients/${p.userId}/medications`)).json<{
      medications: Medication[];
    }>().medications;

  it('starts with an empty list', async () => {
    const p = await registerPatient(h.app);
    const res = await p.get(`/api/patients/${p.userId}/medications`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ medications: [] });
  });

  it('adds medications (optional fields default) and lists them oldest first', async () => {
    const p = await registerPatient(h.app);
    const first = await add(p, {
      name: '  Ibuprofen ',
      dose: '400 mg',
      frequency: 'as needed',
    });
    expect(first).toEqual({
      id: expect.any(String) as string,
      name: 'Ibuprofen',
      dose: '400 mg',
      frequency: 'as needed',
      active: true,
      createdAt: '2026-03-10T12:00:00.000Z',
    });
    h.clock.advance(60_000);
    const second = await add(p, { name: 'Sertraline' });
    expect(second).toMatchObject({
      name: 'Sertraline',
      dose: null,
      frequency: null,
      active: true,
      createdAt: '2026-03-10T12:01:00.000Z',
    });
    expect(await list(p)).toEqual([first, second]);
  });

  it('changes a medication with PUT (a full replacement)', async () => {
    const p = await registerPatient(h.app);
    const med = await add(p, { name: 'Ibuprofen', dose: '400 mg', frequency: 'twice daily' });
    h.clock.advance(3_600_000);
    const res = await p.put(`/api/patients/${p.userId}/medications/${med.id}`, {
      name: 'Ibuprofen',
      active: false,
    });
    expect(res.statusCode).toBe(200);
    const changed = { ...med, dose: null, frequency: null, active: false };
    expect(res.json()).toEqual({ medication: changed });
    expect(await list(p)).toEqual([changed]);
  });

  it('removes a medication from the list but keeps the row, marked deleted', async () => {
    const p = await registerPatient(h.app);
    const keep = await add(p, { name: 'Paracetamol' });
    const gone = await add(p, { name: 'Ibuprofen' });
    h.clock.set('2026-03-11T09:00:00.000Z');
    const res = await p.delete(`/api/patients/${p.userId}/medications/${gone.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await list(p)).toEqual([keep]);

    const rows = await h.database.db
      .select()
      .from(medications)
      .where(eq(medications.patientId, p.userId));
    expect(rows).toHaveLength(2);
    const row = rows.find((r) => r.id === gone.id);
    expect(row?.name).toBe('Ibuprofen');
    expect(row?.deletedAt?.toISOString()).toBe('2026-03-11T09:00:00.000Z');
    expect(rows.find((r) => r.id === keep.id)?.deletedAt).toBeNull();
  });

  it('answers 404 for a deleted medication (PUT or DELETE again)', async () => {
    const p = await registerPatient(h.app);
    const med = await add(p, { name: 'Ibuprofen' });
    const url = `/api/patients/${p.userId}/medications/${med.id}`;
    expect((await p.delete(url)).statusCode).toBe(204);
    const again = await p.delete(url);
    expect(again.statusCode).toBe(404);
    expect(again.json()).toMatchObject({ error: { code: 'STEADY_ERR_NOT_FOUND' } });
    const put = await p.put(url, { name: 'Back again' });
    expect(put.statusCode).toBe(404);
    expect(await list(p)).toEqual([]);
  });

  it('answers 404 for an unknown id and 400 for an id that is not a UUID', async () => {
    const p = await registerPatient(h.app);
    const base = `/api/patients/${p.userId}/medications`;
    const put = await p.put(`${base}/${UNKNOWN_ID}`, { name: 'X' });
    expect(put.statusCode).toBe(404);
    expect(put.json()).toMatchObject({ error: { code: 'STEADY_ERR_NOT_FOUND' } });
    const del = await p.delete(`${base}/${UNKNOWN_ID}`);
    expect(del.statusCode).toBe(404);
    expect(del.json()).toMatchObject({ error: { code: 'STEADY_ERR_NOT_FOUND' } });
    expect((await p.delete(`${base}/not-a-uuid`)).statusCode).toBe(400);
  });

  it.each([
    ['an empty name', { name: '   ' }],
    ['no name', { dose: '5 mg' }],
    ['a name over 200 characters', { name: 'x'.repeat(201) }],
    ['a non-boolean active', { name: 'X', active: 'yes' }],
  ])('rejects %s with 400', async (_label, body) => {
    const p = await registerPatient(h.app);
    const res = await p.post(`/api/patients/${p.userId}/medications`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: { code: 'STEADY_ERR_VALIDATION' } });
    expect(await list(p)).toEqual([]);
  });

  it("cannot see, change or remove another patient's medications", async () => {
    const owner = await registerPatient(h.app);
    const other = await registerPatient(h.app);
    const med = await add(owner, { name: 'Ibuprofen' });
    const theirs = `/api/patients/${owner.userId}/medications`;
    expect((await other.get(theirs)).statusCode).toBe(404);
    expect((await other.put(`${theirs}/${med.id}`, { name: 'X' })).statusCode).toBe(404);
    expect((await other.delete(`${theirs}/${med.id}`)).statusCode).toBe(404);
    // Nor through their own path with the owner's medication id.
    const own = `/api/patients/${other.userId}/medications/${med.id}`;
    expect((await other.put(own, { name: 'X' })).statusCode).toBe(404);
    expect((await other.delete(own)).statusCode).toBe(404);
    expect(await list(owner)).toEqual([med]);
  });
});
