import { beforeAll, beforeEach, expect, it } from 'vitest';
import { registerPatient, regimenBody, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface Version {
  id: string;
  version: number;
  formulation: string;
  doses: { time: string; amountMg: number }[];
  asNeeded: { amountMg: number; minIntervalHours: number; maxPerDay: number } | null;
  startDate: string;
  endDate: string | null;
  prescriber: string | null;
  indication: string | null;
  createdAt: string;
  enteredBy: { id: string; displayName: string };
  reason: string;
}
interface ErrorJson {
  error: { code: string; details?: { path: string; message: string }[] };
}

/**
 * Paths of validation details without the leading slash: schema errors say `body/doses/0/time`,
 * checks in the service `/body/doses/1/time` (http/errorHandler.ts vs. regimen/service.ts).
 */
const detailPaths = (json: ErrorJson) =>
  (json.error.details ?? []).map((d) => d.path.replace(/^\//, ''));

describeOnDatabases('regimen', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  it('has no regimen before one is entered', async () => {
    const p = await registerPatient(h.app);
    const res = await p.get(`/api/patients/${p.userId}/regimen`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ current: null, versions: [] });
  });

  it('numbers versions 1, 2, … and records who entered each, why and when', async () => {
    const p = await registerPatient(h.app, { displayName: 'Ada Patient' });
    const url = `/api/patients/${p.userId}/regimen`;
    const first = await p.post(url, regimenBody('2026-03-01'));
    expect(first.statusCode).toBe(201);
    const v1 = first.json<{ version: Version }>().version;
    expect(v1).toEqual({
      id: expect.any(String) as string,
      version: 1,
      formulation: 'tab5',
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '14:00', amountMg: 5 },
        { time: '20:00', amountMg: 5 },
      ],
      asNeeded: null,
      startDate: '2026-03-01',
      endDate: null,
      prescriber: 'Dr. Rivera',
      indication: 'Muscle spasm',
      createdAt: '2026-03-10T12:00:00.000Z',
      enteredBy: { id: p.userId, displayName: 'Ada Patient' },
      reason: 'As prescribed',
    });

    h.clock.set('2026-03-10T15:30:00.000Z');
    const second = await p.post(
      url,
      regimenBody('2026-03-10', {
        doses: [
          { time: '20:00', amountMg: 2.5 },
          { time: '08:00', amountMg: 5 },
        ],
        reason: 'Evening dose lowered',
      }),
    );
    expect(second.statusCode).toBe(201);
    const v2 = second.json<{ version: Version }>().version;
    expect(v2).toMatchObject({
      version: 2,
      // Stored in time order, whatever the order they were sent in.
      doses: [
        { time: '08:00', amountMg: 5 },
        { time: '20:00', amountMg: 2.5 },
      ],
      startDate: '2026-03-10',
      createdAt: '2026-03-10T15:30:00.000Z',
      enteredBy: { id: p.userId, displayName: 'Ada Patient' },
      reason: 'Evening dose lowered',
    });
    expect(v2.id).not.toBe(v1.id);

    const third = await p.post(url, regimenBody('2026-03-10', { reason: 'Back to 3×5 mg' }));
    expect(third.json<{ version: Version }>().version.version).toBe(3);

    const got = (await p.get(url)).json<{ current: Version; versions: Version[] }>();
    expect(got.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    // Versions are never edited: version 1 reads exactly as it did when it was created.
    expect(got.versions[0]).toEqual(v1);
    expect(got.versions[1]).toEqual(v2);
    expect(got.current.version).toBe(3);
  });

  it('numbers versions per patient', async () => {
    const a = await registerPatient(h.app);
    const b = await registerPatient(h.app);
    await a.post(`/api/patients/${a.userId}/regimen`, regimenBody('2026-03-01'));
    await a.post(`/api/patients/${a.userId}/regimen`, regimenBody('2026-03-05'));
    const res = await b.post(`/api/patients/${b.userId}/regimen`, regimenBody('2026-03-01'));
    expect(res.json<{ version: Version }>().version.version).toBe(1);
  });

  it.each([
    ['tab2', [{ time: '08:00', amountMg: 3 }]],
    ['tab5', [{ time: '08:00', amountMg: 7.5 }]],
    ['tab10', [{ time: '08:00', amountMg: 5 }]],
    ['sol1', [{ time: '08:00', amountMg: 1.5 }]],
  ])('accepts formulation %s with an amount it can make', async (formulation, doses) => {
    const p = await registerPatient(h.app);
    const res = await p.post(
      `/api/patients/${p.userId}/regimen`,
      regimenBody('2026-03-01', { formulation, doses }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<{ version: Version }>().version).toMatchObject({ formulation, doses });
  });

  it('accepts an as-needed-only regimen', async () => {
    const p = await registerPatient(h.app);
    const asNeeded = { amountMg: 2.5, minIntervalHours: 8, maxPerDay: 2 };
    const res = await p.post(
      `/api/patients/${p.userId}/regimen`,
      regimenBody('2026-03-01', { doses: [], asNeeded }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json<{ version: Version }>().version).toMatchObject({ doses: [], asNeeded });
  });

  it.each([
    [
      'two doses at the same time',
      {
        doses: [
          { time: '08:00', amountMg: 5 },
          { time: '08:00', amountMg: 5 },
        ],
      },
      ['body/doses/1/time'],
    ],
    [
      '3 mg from 5 mg tablets',
      { doses: [{ time: '08:00', amountMg: 3 }] },
      ['body/doses/0/amountMg'],
    ],
    [
      '2.5 mg from 2 mg tablets',
      { formulation: 'tab2', doses: [{ time: '08:00', amountMg: 2.5 }] },
      ['body/doses/0/amountMg'],
    ],
    [
      '2.5 mg from 10 mg tablets',
      { formulation: 'tab10', doses: [{ time: '08:00', amountMg: 2.5 }] },
      ['body/doses/0/amountMg'],
    ],
    [
      '0.3 mg of solution',
      { formulation: 'sol1', doses: [{ time: '08:00', amountMg: 0.3 }] },
      ['body/doses/0/amountMg'],
    ],
    [
      'an as-needed amount the tablets cannot make',
      { asNeeded: { amountMg: 3, minIntervalHours: 8, maxPerDay: 1 } },
      ['body/asNeeded/amountMg'],
    ],
    ['an end date before the start date', { endDate: '2026-02-28' }, ['body/endDate']],
    ['no doses and no as-needed dose', { doses: [] }, ['body/doses']],
    ['an unknown formulation', { formulation: 'tab7' }, ['body/formulation']],
    [
      'a time that is not HH:mm',
      { doses: [{ time: '24:00', amountMg: 5 }] },
      ['body/doses/0/time'],
    ],
    ['a zero amount', { doses: [{ time: '08:00', amountMg: 0 }] }, ['body/doses/0/amountMg']],
    [
      'an amount over 100 mg',
      { doses: [{ time: '08:00', amountMg: 105 }] },
      ['body/doses/0/amountMg'],
    ],
    ['an empty reason', { reason: '  ' }, ['body/reason']],
    ['a start date that is not a date', { startDate: '2026-13-01' }, ['body/startDate']],
  ])('rejects %s with 400 and stores nothing', async (_label, overrides, paths) => {
    const p = await registerPatient(h.app);
    const url = `/api/patients/${p.userId}/regimen`;
    const res = await p.post(url, regimenBody('2026-03-01', overrides));
    expect(res.statusCode).toBe(400);
    const json = res.json<ErrorJson>();
    expect(json.error.code).toBe('STEADY_ERR_VALIDATION');
    expect(detailPaths(json)).toEqual(paths);
    expect((await p.get(url)).json()).toEqual({ current: null, versions: [] });
  });

  it('reports every problem of a regimen at once', async () => {
    const p = await registerPatient(h.app);
    const res = await p.post(
      `/api/patients/${p.userId}/regimen`,
      regimenBody('2026-03-01', {
        doses: [
          { time: '08:00', amountMg: 3 },
          { time: '08:00', amountMg: 5 },
        ],
        endDate: '2026-02-01',
      }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json<ErrorJson>().error.details).toEqual([
      { path: '/body/doses/1/time', message: 'two doses at the same time' },
      {
        path: '/body/doses/0/amountMg',
        message: 'this amount cannot be measured with this form of diazepam',
      },
      { path: '/body/endDate', message: 'ends before it starts' },
    ]);
  });

  it('keeps today’s schedule until a later version’s start date', async () => {
    const p = await registerPatient(h.app);
    const base = `/api/patients/${p.userId}`;
    const v1 = (await p.post(`${base}/regimen`, regimenBody('2026-03-01'))).json<{
      version: Version;
    }>().version;
    const v2 = (
      await p.post(
        `${base}/regimen`,
        regimenBody('2026-03-15', {
          doses: [
            { time: '08:00', amountMg: 5 },
            { time: '20:00', amountMg: 2.5 },
          ],
          reason: 'Taper step 1',
        }),
      )
    ).json<{ version: Version }>().version;

    const keys = async (date?: string) =>
      (await p.get(`${base}/today${date === undefined ? '' : `?date=${date}`}`)).json<{
        regimen: { id: string } | null;
        slots: { key: string; amountMg: number }[];
      }>();

    const today = await keys();
    expect(today.regimen?.id).toBe(v1.id);
    expect(today.slots.map((s) => s.key)).toEqual([
      '2026-03-10T08:00',
      '2026-03-10T14:00',
      '2026-03-10T20:00',
    ]);
    const eve = await keys('2026-03-14');
    expect(eve.regimen?.id).toBe(v1.id);
    expect(eve.slots.map((s) => s.key)).toEqual([
      '2026-03-14T08:00',
      '2026-03-14T14:00',
      '2026-03-14T20:00',
    ]);
    const start = await keys('2026-03-15');
    expect(start.regimen?.id).toBe(v2.id);
    expect(start.slots.map((s) => [s.key, s.amountMg])).toEqual([
      ['2026-03-15T08:00', 5],
      ['2026-03-15T20:00', 2.5],
    ]);

    // GET /regimen: "current" is the version in force today, and moves on with the clock.
    const before = (await p.get(`${base}/regimen`)).json<{ current: Version }>();
    expect(before.current.id).toBe(v1.id);
    h.clock.set('2026-03-15T04:30:00.000Z'); // 00:30 on 15 March in New York
    const after = (await p.get(`${base}/regimen`)).json<{ current: Version }>();
    expect(after.current.id).toBe(v2.id);
  });

  it('shows a first version that starts later as current, with no doses today', async () => {
    const p = await registerPatient(h.app);
    const base = `/api/patients/${p.userId}`;
    const v1 = (await p.post(`${base}/regimen`, regimenBody('2026-03-20'))).json<{
      version: Version;
    }>().version;
    const got = (await p.get(`${base}/regimen`)).json<{ current: Version }>();
    expect(got.current.id).toBe(v1.id);
    const today = (await p.get(`${base}/today`)).json<{ regimen: unknown; slots: unknown[] }>();
    expect(today.regimen).toBeNull();
    expect(today.slots).toEqual([]);
  });

  it('ends the schedule after an end date', async () => {
    const p = await registerPatient(h.app);
    const base = `/api/patients/${p.userId}`;
    await p.post(`${base}/regimen`, regimenBody('2026-03-01', { endDate: '2026-03-12' }));
    const last = (await p.get(`${base}/today?date=2026-03-12`)).json<{ slots: unknown[] }>();
    expect(last.slots).toHaveLength(3);
    const after = (await p.get(`${base}/today?date=2026-03-13`)).json<{ slots: unknown[] }>();
    expect(after.slots).toEqual([]);
  });

  it("hides another patient's regimen (404) and refuses to add to it", async () => {
    const owner = await registerPatient(h.app);
    const other = await registerPatient(h.app);
    const url = `/api/patients/${owner.userId}/regimen`;
    await owner.post(url, regimenBody('2026-03-01'));
    expect((await other.get(url)).statusCode).toBe(404);
    expect((await other.post(url, regimenBody('2026-03-01'))).statusCode).toBe(404);
    expect((await owner.get(url)).json<{ versions: unknown[] }>().versions).toHaveLength(1);
  });
});
