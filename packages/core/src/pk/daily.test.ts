import { describe, expect, it } from 'vitest';
import { dailyMeanLevels, summariseByDay } from './daily.js';
import { relativeLevels } from './levels.js';
import type { DoseInput } from './levels.js';

// Three doses a day at 08:00, 14:00, 21:00 New York time around the March 2026 DST change.
const zone = 'America/New_York';
const doses: DoseInput[] = [];
for (let d = 1; d <= 20; d++) {
  const day = `2026-03-${String(d).padStart(2, '0')}`;
  for (const [h, mg] of [
    ['08', 5],
    ['14', 2],
    ['21', 5],
  ] as const) {
    const local = new Date(`${day}T${h}:00:00${d >= 8 ? '-04:00' : '-05:00'}`);
    doses.push({ at: local.toISOString(), amountMg: mg });
  }
}
const reference = { dailyMg: 12 };

describe('dailyMeanLevels', () => {
  it('gives exact local-day means that agree with fine sampling, across a 23-hour day', () => {
    const { days, meta } = dailyMeanLevels({
      doses,
      reference,
      from: '2026-03-07',
      to: '2026-03-09',
      zone,
    });
    expect(days.map((d) => d.date)).toEqual(['2026-03-07', '2026-03-08', '2026-03-09']);
    expect(meta.referenceDailyMg).toBe(12);
    const fine = relativeLevels({
      doses,
      reference,
      times: { from: '2026-03-07T05:00:00Z', to: '2026-03-10T03:59:00Z', stepMinutes: 1 },
    });
    const sampled = summariseByDay(fine.points, zone);
    expect(sampled.map((s) => s.samples)).toEqual([1440, 1380, 1440]);
    days.forEach((d, i) => {
      expect(Math.abs(d.parent - sampled[i]!.parent)).toBeLessThan(1e-3);
      expect(Math.abs(d.metabolite - sampled[i]!.metabolite)).toBeLessThan(1e-4);
      expect(d.combined).toBeCloseTo((d.parent + d.metabolite) / 2, 14);
    });
  });

  it('rises towards 1.0 as the regimen accumulates and falls after it stops', () => {
    const { days } = dailyMeanLevels({
      doses,
      reference,
      from: '2026-03-01',
      to: '2026-04-10',
      zone,
    });
    expect(days[0]!.parent).toBeLessThan(days[5]!.parent);
    expect(days[19]!.parent).toBeGreaterThan(0.97);
    expect(days[19]!.metabolite).toBeGreaterThan(0.85);
    expect(days[40]!.parent).toBeLessThan(0.01);
    expect(days[40]!.metabolite).toBeLessThan(days[25]!.metabolite);
  });

  it('rejects bad dates and zones', () => {
    const ok = { doses, reference, from: '2026-03-01', to: '2026-03-02', zone };
    expect(() => dailyMeanLevels({ ...ok, from: '2026-02-30' })).toThrow(RangeError);
    expect(() => dailyMeanLevels({ ...ok, to: '2026-02-01' })).toThrow(RangeError);
    expect(() => dailyMeanLevels({ ...ok, zone: 'Mars/Olympus' })).toThrow(RangeError);
    expect(() => dailyMeanLevels({ ...ok, to: '2190-01-01' })).toThrow(RangeError);
  });
});

describe('summariseByDay', () => {
  it('buckets by any key function, sorted', () => {
    const points = [
      { at: '2026-03-02T10:00:00Z', parent: 1, metabolite: 2, combined: 1.5 },
      { at: '2026-03-01T10:00:00Z', parent: 3, metabolite: 4, combined: 3.5 },
      { at: '2026-03-02T11:00:00Z', parent: 3, metabolite: 4, combined: 3.5 },
    ];
    expect(summariseByDay(points, (at) => at.slice(0, 10))).toEqual([
      { date: '2026-03-01', parent: 3, metabolite: 4, combined: 3.5, samples: 1 },
      { date: '2026-03-02', parent: 2, metabolite: 3, combined: 2.5, samples: 2 },
    ]);
    expect(summariseByDay([], 'UTC')).toEqual([]);
  });
});
