import { count, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { checkIns } from '../db/schema.js';
import { checkInBody, registerPatient, type Client, type Harness } from '../testing/harness.js';
import { describeOnDatabases } from '../testing/suites.js';

interface CheckIn {
  id: string;
  at: string;
  pain: number;
  spasm: number;
  sleepQuality: number | null;
  anxiety: number | null;
  mood: number | null;
  sideEffects: Record<string, string>;
  fall: string;
  breathingProblem: boolean;
  otherSideEffect: { text: string; severity: string } | null;
  activities: string[];
  note: string | null;
}
interface Guidance {
  level: 'emergency' | 'contact_team';
  code: string;
  sources: { id: string; status: string }[];
}
interface Posted {
  checkIn: CheckIn;
  guidance: Guidance[];
}

const NO_SIDE_EFFECTS = {
  drowsiness: 'none',
  dizziness: 'none',
  unsteadiness: 'none',
  confusion: 'none',
};

describeOnDatabases('check-ins', (harness) => {
  let h: Harness;
  beforeAll(() => {
    h = harness();
  });
  beforeEach(() => {
    h.clock.set('2026-03-10T12:00:00.000Z');
  });

  const post = (p: Client, overrides: Record<string, unknown> = {}) =>
    p.post(`/api/patients/${p.userId}/checkins`, checkInBody(overrides));
  const list = async (p: Client, from: string, to: string) => {
    const res = await p.get(`/api/patients/${p.userId}/checkins?from=${from}&to=${to}`);
    expect(res.statusCode).toBe(200);
    return res.json<{ checkIns: CheckIn[] }>().checkIns;
  };
  const rows = async (p: Client) => {
    const [r] = await h.database.db
      .select({ n: count() })
      .from(checkIns)
      .where(eq(checkIns.patientId, p.userId));
    return r?.n;
  };

  it('records a check-in at the current time', async () => {
    const p = await registerPatient(h.app);
    const res = await post(p, { note: 'Better after a walk' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      checkIn: {
        id: expect.any(String) as string,
        at: '2026-03-10T12:00:00.000Z',
        pain: 5,
        spasm: 4,
        sleepQuality: 6,
        anxiety: 3,
        mood: 6,
        sideEffects: NO_SIDE_EFFECTS,
        fall: 'none',
        breathingProblem: false,
        otherSideEffect: null,
        activities: ['walking'],
        note: 'Better after a walk',
      },
      guidance: [],
    });
  });

  it('keeps the time a check-in was answered on an offline phone, within 14 days', async () => {
    const p = await registerPatient(h.app);
    const res = await post(p, { at: '2026-03-09T21:30:00.000Z' });
    expect(res.statusCode).toBe(201);
    expect(res.json<{ checkIn: CheckIn }>().checkIn.at).toBe('2026-03-09T21:30:00.000Z');
    const future = await post(p, { at: '2026-03-10T12:06:00.000Z' });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ error: { details: unknown } }>().error.details).toEqual([
      { path: '/body/at', message: 'in the future' },
    ]);
    const old = await post(p, { at: '2026-02-24T11:59:00.000Z' });
    expect(old.statusCode).toBe(400);
    expect(old.json<{ error: { details: unknown } }>().error.details).toEqual([
      { path: '/body/at', message: 'more than 14 days ago' },
    ]);
    expect(await rows(p)).toBe(1);
  });

  it('fills optional answers with null (or no activities)', async () => {
    const p = await registerPatient(h.app);
    const res = await p.post(`/api/patients/${p.userId}/checkins`, {
      idempotencyKey: 'minimal-0001',
      pain: 0,
      spasm: 10,
      sideEffects: NO_SIDE_EFFECTS,
      fall: 'none',
      breathingProblem: false,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json<Posted>().checkIn).toMatchObject({
      pain: 0,
      spasm: 10,
      sleepQuality: null,
      anxiety: null,
      mood: null,
      otherSideEffect: null,
      activities: [],
      note: null,
    });
  });

  it('allows several check-ins a day', async () => {
    const p = await registerPatient(h.app);
    const ids: string[] = [];
    for (const [time, pain] of [
      ['2026-03-10T12:00:00.000Z', 6],
      ['2026-03-10T17:00:00.000Z', 4],
      ['2026-03-11T01:00:00.000Z', 3], // 21:00 on 10 March in New York
    ] as const) {
      h.clock.set(time);
      const res = await post(p, { pain });
      expect(res.statusCode).toBe(201);
      ids.push(res.json<Posted>().checkIn.id);
    }
    const day = await list(p, '2026-03-10', '2026-03-10');
    expect(day.map((c) => [c.id, c.at, c.pain])).toEqual([
      [ids[0], '2026-03-10T12:00:00.000Z', 6],
      [ids[1], '2026-03-10T17:00:00.000Z', 4],
      [ids[2], '2026-03-11T01:00:00.000Z', 3],
    ]);
  });

  it.each([
    ['pain 11', { pain: 11 }, 'body/pain'],
    ['pain −1', { pain: -1 }, 'body/pain'],
    ['pain 4.5', { pain: 4.5 }, 'body/pain'],
    ['no spasm rating', { spasm: undefined }, 'body/spasm'],
    ['mood 12', { mood: 12 }, 'body/mood'],
    [
      'an unknown severity',
      { sideEffects: { ...NO_SIDE_EFFECTS, dizziness: 'extreme' } },
      'body/sideEffects/dizziness',
    ],
    [
      'a side effect left out',
      { sideEffects: { drowsiness: 'none', dizziness: 'none', unsteadiness: 'none' } },
      'body/sideEffects/confusion',
    ],
    ['an unknown fall answer', { fall: 'tripped' }, 'body/fall'],
    ['no breathing answer', { breathingProblem: undefined }, 'body/breathingProblem'],
    [
      'another side effect with no text',
      { otherSideEffect: { text: ' ', severity: 'mild' } },
      'body/otherSideEffect/text',
    ],
    ['a short idempotency key', { idempotencyKey: 'abc' }, 'body/idempotencyKey'],
  ])('rejects %s with 400 and stores nothing', async (_label, overrides, path) => {
    const p = await registerPatient(h.app);
    const res = await post(p, overrides);
    expect(res.statusCode).toBe(400);
    const json = res.json<{ error: { code: string; details: { path: string }[] } }>();
    expect(json.error.code).toBe('STEADY_ERR_VALIDATION');
    expect(json.error.details.map((d) => d.path.replace(/^\//, ''))).toContain(path);
    expect(await rows(p)).toBe(0);
  });

  it('answers a resent check-in with 200 and the first one, storing one row', async () => {
    const p = await registerPatient(h.app);
    const body = checkInBody({ fall: 'fall' });
    const first = await p.post(`/api/patients/${p.userId}/checkins`, body);
    expect(first.statusCode).toBe(201);
    h.clock.advance(120_000);
    const again = await p.post(`/api/patients/${p.userId}/checkins`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    expect(await rows(p)).toBe(1);
  });

  describe('guidance', () => {
    const codes = (g: Guidance[]) => g.map((x) => [x.level, x.code]);

    it.each([
      ['a quiet check-in', {}, []],
      [
        'mild and moderate side effects',
        {
          sideEffects: {
            drowsiness: 'moderate',
            dizziness: 'mild',
            unsteadiness: 'moderate',
            confusion: 'mild',
          },
          otherSideEffect: { text: 'Dry mouth', severity: 'moderate' },
        },
        [],
      ],
      ['a fall', { fall: 'fall' }, [['contact_team', 'CONTACT_FALL']]],
      ['a near fall', { fall: 'near_fall' }, [['contact_team', 'CONTACT_FALL']]],
      [
        'severe dizziness',
        { sideEffects: { ...NO_SIDE_EFFECTS, dizziness: 'severe' } },
        [['contact_team', 'CONTACT_SEVERE_SIDE_EFFECT']],
      ],
      [
        'a severe "other" side effect',
        { otherSideEffect: { text: 'Blurred vision', severity: 'severe' } },
        [['contact_team', 'CONTACT_SEVERE_SIDE_EFFECT']],
      ],
      ['a breathing problem', { breathingProblem: true }, [['emergency', 'EMERGENCY_BREATHING']]],
      [
        'everything at once, emergency first',
        {
          breathingProblem: true,
          fall: 'fall',
          sideEffects: { ...NO_SIDE_EFFECTS, confusion: 'severe' },
        },
        [
          ['emergency', 'EMERGENCY_BREATHING'],
          ['contact_team', 'CONTACT_FALL'],
          ['contact_team', 'CONTACT_SEVERE_SIDE_EFFECT'],
        ],
      ],
    ])('answers %s with the matching guidance', async (_label, overrides, expected) => {
      const p = await registerPatient(h.app);
      const res = await post(p, overrides);
      expect(res.statusCode).toBe(201);
      const { guidance } = res.json<Posted>();
      expect(codes(guidance)).toEqual(expected);
      // Every piece of guidance cites its sources.
      for (const g of guidance) {
        expect(g.sources.length).toBeGreaterThan(0);
        for (const s of g.sources) expect(s).toMatchObject({ id: expect.any(String) as string });
      }
    });

    it('cites the confusion red flag as well for severe confusion', async () => {
      const p = await registerPatient(h.app);
      const dizzy = (await post(p, { sideEffects: { ...NO_SIDE_EFFECTS, dizziness: 'severe' } }))
        .json<Posted>()
        .guidance[0]?.sources.map((s) => s.id);
      const confused = (await post(p, { sideEffects: { ...NO_SIDE_EFFECTS, confusion: 'severe' } }))
        .json<Posted>()
        .guidance[0]?.sources.map((s) => s.id);
      expect(confused?.slice(0, dizzy?.length)).toEqual(dizzy);
      expect(confused?.length).toBeGreaterThan(dizzy?.length ?? 0);
    });

    it('gives the same guidance on a resent check-in', async () => {
      const p = await registerPatient(h.app);
      const body = checkInBody({ breathingProblem: true });
      await p.post(`/api/patients/${p.userId}/checkins`, body);
      const again = await p.post(`/api/patients/${p.userId}/checkins`, body);
      expect(again.statusCode).toBe(200);
      expect(codes(again.json<Posted>().guidance)).toEqual([['emergency', 'EMERGENCY_BREATHING']]);
    });
  });

  it("lists check-ins by the patient's local days", async () => {
    const p = await registerPatient(h.app); // America/New_York
    const at = async (instant: string) => {
      h.clock.set(instant);
      return (await post(p)).json<Posted>().checkIn.id;
    };
    const lateOn9 = await at('2026-03-10T04:30:00.000Z'); // 00:30 on 10 March (EDT)
    const lateOn10 = await at('2026-03-11T03:59:00.000Z'); // 23:59 on 10 March
    const earlyOn11 = await at('2026-03-11T04:00:00.000Z'); // 00:00 on 11 March
    const ids = async (from: string, to: string) => (await list(p, from, to)).map((c) => c.id);
    expect(await ids('2026-03-10', '2026-03-10')).toEqual([lateOn9, lateOn10]);
    expect(await ids('2026-03-11', '2026-03-11')).toEqual([earlyOn11]);
    expect(await ids('2026-03-09', '2026-03-11')).toEqual([lateOn9, lateOn10, earlyOn11]);
    expect(await ids('2026-03-12', '2026-03-31')).toEqual([]);
  });

  it('lists a Berlin patient’s check-ins by Berlin days', async () => {
    const p = await registerPatient(h.app, { timeZone: 'Europe/Berlin' });
    h.clock.set('2026-03-10T23:30:00.000Z'); // 00:30 on 11 March in Berlin
    const id = (await post(p)).json<Posted>().checkIn.id;
    expect((await list(p, '2026-03-10', '2026-03-10')).map((c) => c.id)).toEqual([]);
    expect((await list(p, '2026-03-11', '2026-03-11')).map((c) => c.id)).toEqual([id]);
  });

  it('rejects a range that ends before it starts (400)', async () => {
    const p = await registerPatient(h.app);
    const res = await p.get(`/api/patients/${p.userId}/checkins?from=2026-03-10&to=2026-03-09`);
    expect(res.statusCode).toBe(400);
    expect((await p.get(`/api/patients/${p.userId}/checkins?from=2026-03-10`)).statusCode).toBe(
      400,
    );
  });

  it("hides another patient's check-ins (404) and refuses to add to them", async () => {
    const owner = await registerPatient(h.app);
    const other = await registerPatient(h.app);
    await post(owner);
    const url = `/api/patients/${owner.userId}/checkins`;
    expect((await other.get(`${url}?from=2026-03-01&to=2026-03-31`)).statusCode).toBe(404);
    expect((await other.post(url, checkInBody())).statusCode).toBe(404);
    expect(await rows(owner)).toBe(1);
  });
});
