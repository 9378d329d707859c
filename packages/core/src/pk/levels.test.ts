import { describe, expect, it } from 'vitest';
import type { DoseEvent } from '../regimen/types.js';
import { bodyAmounts, dosesFromEvents, PK_MAX_POINTS, relativeLevels } from './levels.js';
import { PK_CAVEATS } from './caveats.js';
import { iso } from './pk.test-helpers.js';
import { WHAT_IFS } from './whatif.js';

const reference = {
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
};

describe('relativeLevels', () => {
  it('returns parent, metabolite and combined on a regular grid, with metadata', () => {
    const r = relativeLevels({
      doses: [{ at: iso(8), amountMg: 5 }],
      reference,
      times: { from: iso(0), to: iso(48), stepMinutes: 60 },
    });
    expect(r.points).toHaveLength(49);
    expect(r.points[0]).toEqual({ at: iso(0), parent: 0, metabolite: 0, combined: 0 });
    const p = r.points[10]!;
    expect(p.parent).toBeGreaterThan(0);
    expect(p.combined).toBeCloseTo((p.parent + p.metabolite) / 2, 15);
    expect(r.meta.referenceDailyMg).toBe(10);
    expect(r.meta.caveats).toBe(PK_CAVEATS);
    expect(r.meta.caveats.map((c) => c.id)).toContain('illustrative');
    expect(r.meta.normalisation).toMatch(/steady state/);
    expect(r.meta.halfLivesHours.metabolite).toBeCloseTo(65, 10);
    expect(r.meta.params.fm.confirmed).toBe(false);
  });

  it('keeps the order of listed instants and echoes them', () => {
    const doses = [{ at: iso(0), amountMg: 10 }];
    const times = [iso(30), iso(2), iso(100)];
    const r = relativeLevels({ doses, reference, times });
    expect(r.points.map((p) => p.at)).toEqual(times);
    const sorted = relativeLevels({ doses, reference, times: [iso(2), iso(30), iso(100)] });
    expect(r.points[0]!.parent).toBe(sorted.points[1]!.parent);
    expect(r.points[1]!.parent).toBe(sorted.points[0]!.parent);
  });

  it('depends only on the daily total of the reference, and cancels F and fm', () => {
    const doses = [{ at: iso(0), amountMg: 10 }];
    const times = [iso(5), iso(50)];
    const a = relativeLevels({ doses, reference, times });
    const b = relativeLevels({ doses, reference: { dailyMg: 10 }, times });
    expect(b.points).toEqual(a.points);
    const c = relativeLevels({
      doses,
      reference: { dailyMg: 10 },
      times,
      params: {
        fm: { ...a.meta.params.fm, value: 0.2 },
        bioavailability: { ...a.meta.params.bioavailability, value: 0.5 },
      },
    });
    expect(c.points).toEqual(a.points);
  });

  it('weights the combined curve as asked (normalised)', () => {
    const r = relativeLevels({
      doses: [{ at: iso(0), amountMg: 10 }],
      reference,
      times: [iso(24)],
      combinedWeights: { parent: 3, metabolite: 1 },
    });
    const p = r.points[0]!;
    expect(p.combined).toBeCloseTo(0.75 * p.parent + 0.25 * p.metabolite, 15);
    expect(r.meta.combined.weights).toEqual({ parent: 0.75, metabolite: 0.25 });
  });

  it('applies what-ifs: a CYP2C19 poor metaboliser accumulates more slowly', () => {
    const doses = Array.from({ length: 6 }, (_, i) => ({ at: iso(i * 12), amountMg: 5 }));
    const times = [iso(72)];
    const base = relativeLevels({ doses, reference, times }).points[0]!;
    const pm = relativeLevels({ doses, reference, times, whatIf: [WHAT_IFS['cyp2c19-poor']] });
    expect(pm.points[0]!.parent).toBeLessThan(base.parent);
    expect(pm.meta.whatIfs).toHaveLength(1);
    expect(pm.meta.params.k.sources.map((s) => s.id)).toContain('ZHANG-1990');
  });

  it('rejects bad input', () => {
    const ok = { doses: [], reference, times: [iso(0)] };
    expect(() => relativeLevels({ ...ok, reference: { dailyMg: 0 } })).toThrow(RangeError);
    expect(() => relativeLevels({ ...ok, reference: { doses: [] } })).toThrow(RangeError);
    expect(() => relativeLevels({ ...ok, times: ['yesterday'] })).toThrow(RangeError);
    expect(() => relativeLevels({ ...ok, doses: [{ at: iso(0), amountMg: -1 }] })).toThrow(
      RangeError,
    );
    expect(() =>
      relativeLevels({ ...ok, times: { from: iso(1), to: iso(0), stepMinutes: 60 } }),
    ).toThrow(RangeError);
    expect(() =>
      relativeLevels({ ...ok, times: { from: iso(0), to: iso(1), stepMinutes: 0 } }),
    ).toThrow(RangeError);
    const tooMany = { from: iso(0), to: iso((PK_MAX_POINTS + 1) / 60), stepMinutes: 1 };
    expect(() => relativeLevels({ ...ok, times: tooMany })).toThrow(RangeError);
    expect(() => relativeLevels({ ...ok, combinedWeights: { parent: 0, metabolite: 0 } })).toThrow(
      RangeError,
    );
    expect(() => relativeLevels({ ...ok, combinedWeights: { parent: -1, metabolite: 2 } })).toThrow(
      RangeError,
    );
  });
});

describe('bodyAmounts', () => {
  it('scales by F and fm: one 10 mg dose, most of it absorbed within 2 h', () => {
    const [early, later] = bodyAmounts({
      doses: [{ at: iso(0), amountMg: 10 }],
      times: [iso(0.1), iso(2)],
    });
    expect(early!.parentMg).toBe(0); // still within the 12-minute lag
    expect(later!.parentMg).toBeGreaterThan(8.5);
    expect(later!.parentMg).toBeLessThan(9.7);
    expect(later!.metaboliteMg).toBeGreaterThan(0);
  });
});

describe('dosesFromEvents', () => {
  it('keeps taken and extra doses with an amount, drops skips', () => {
    const ev = (id: string, kind: DoseEvent['kind'], amountMg: number): DoseEvent => ({
      id,
      kind,
      slotKey: null,
      takenAt: iso(1),
      amountMg,
      reason: null,
    });
    expect(
      dosesFromEvents([
        ev('a', 'taken', 5),
        ev('b', 'skipped', 0),
        ev('c', 'extra', 2),
        ev('d', 'taken', 0),
      ]),
    ).toEqual([
      { at: iso(1), amountMg: 5 },
      { at: iso(1), amountMg: 2 },
    ]);
  });
});
