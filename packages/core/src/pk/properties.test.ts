import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyMeanLevels } from './daily.js';
import { bodyAmounts, relativeLevels } from './levels.js';
import type { DoseInput } from './levels.js';
import { DEFAULT_PK_PARAMS, KM_POST_DMDZ } from './params.js';
import {
  bateman,
  close,
  doseLogArb,
  iso,
  paramsOf,
  ratesArb,
  threeExponential,
} from './pk.test-helpers.js';
import { singleDosePeakHours } from './single.js';
import { steadyStateProfile } from './steady.js';
import { WHAT_IFS } from './whatif.js';

const hourlyGrid = (days: number, stepMinutes = 60) =>
  ({ from: iso(0), to: iso(days * 24), stepMinutes }) as const;

describe('PK properties', () => {
  it('is linear in dose', () => {
    fc.assert(
      fc.property(
        ratesArb,
        doseLogArb(10),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        (r, doses, c) => {
          const base = {
            reference: { dailyMg: 10 },
            times: hourlyGrid(14, 90),
            params: paramsOf(r),
          };
          const one = relativeLevels({ ...base, doses }).points;
          const scaled = relativeLevels({
            ...base,
            doses: doses.map((d) => ({ ...d, amountMg: c * d.amountMg })),
          }).points;
          one.forEach((p, i) => {
            expect(close(scaled[i]!.parent, c * p.parent, 1e-10, 1e-300)).toBe(true);
            expect(close(scaled[i]!.metabolite, c * p.metabolite, 1e-10, 1e-300)).toBe(true);
          });
        },
      ),
    );
  });

  it('superposes: amounts for log A ∪ B = amounts for A + amounts for B', () => {
    fc.assert(
      fc.property(ratesArb, doseLogArb(10), doseLogArb(10), (r, a, b) => {
        const base = { times: hourlyGrid(14, 45), params: paramsOf(r) };
        const both = bodyAmounts({ ...base, doses: [...b, ...a] });
        const onlyA = bodyAmounts({ ...base, doses: a });
        const onlyB = bodyAmounts({ ...base, doses: b });
        both.forEach((p, i) => {
          const pa = onlyA[i]!;
          const pb = onlyB[i]!;
          expect(close(p.parentMg, pa.parentMg + pb.parentMg, 1e-10, 1e-12)).toBe(true);
          expect(close(p.metaboliteMg, pa.metaboliteMg + pb.metaboliteMg, 1e-10, 1e-12)).toBe(true);
        });
      }),
    );
  });

  it('converges to steady state: daily mean → 1.0 within 0.5% after 30 days', () => {
    const schedule = fc.array(
      fc.record({
        minute: fc.integer({ min: 0, max: 1439 }),
        amountMg: fc.double({ min: 1, max: 10, noNaN: true }),
      }),
      { minLength: 3, maxLength: 4 },
    );
    fc.assert(
      fc.property(schedule, fc.constantFrom(undefined, KM_POST_DMDZ), (slots, km) => {
        const doses: DoseInput[] = [];
        for (let day = 0; day < 33; day++) {
          for (const s of slots)
            doses.push({ at: iso(day * 24 + s.minute / 60), amountMg: s.amountMg });
        }
        const dailyMg = slots.reduce((sum, s) => sum + s.amountMg, 0);
        const { days } = dailyMeanLevels({
          doses,
          reference: { dailyMg },
          from: '2026-02-04',
          to: '2026-02-06',
          zone: 'UTC',
          params: km === undefined ? {} : { km },
        });
        for (const d of days) {
          expect(Math.abs(d.parent - 1)).toBeLessThan(0.005);
          expect(Math.abs(d.metabolite - 1)).toBeLessThan(0.005);
          expect(Math.abs(d.combined - 1)).toBeLessThan(0.005);
        }
      }),
    );
  });

  it('declines monotonically after the last dose once past each single-dose peak', () => {
    fc.assert(
      fc.property(ratesArb, doseLogArb(5, 15), (r, doses) => {
        const options = { params: paramsOf(r) };
        const peaks = singleDosePeakHours(options);
        const last = Math.max(...doses.map((d) => Date.parse(d.at)));
        const grid = (after: number, days: number) =>
          Array.from({ length: 97 }, (_, i) =>
            new Date(last + (after + (i * days * 24) / 96) * 3_600_000).toISOString(),
          );
        const base = { ...options, doses, reference: { dailyMg: 10 } };
        const parent = relativeLevels({ ...base, times: grid(peaks.parentHours, 10) }).points;
        const metabolite = relativeLevels({
          ...base,
          times: grid(peaks.metaboliteHours, 20),
        }).points;
        for (let i = 1; i < 97; i++) {
          expect(parent[i]!.parent).toBeLessThanOrEqual(parent[i - 1]!.parent * (1 + 1e-12));
          expect(metabolite[i]!.metabolite).toBeLessThanOrEqual(
            metabolite[i - 1]!.metabolite * (1 + 1e-12),
          );
        }
      }),
    );
  });

  it('matches the closed-form single-dose formulas (distinct rates)', () => {
    fc.assert(
      fc.property(
        ratesArb,
        fc.double({ min: 0.5, max: 40, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 400, noNaN: true }), { minLength: 1, maxLength: 20 }),
        (r, dose, hours) => {
          const sep = (a: number, b: number) => Math.abs(a - b) > 0.05 * Math.max(a, b);
          fc.pre(sep(r.ka, r.k) && sep(r.k, r.km) && sep(r.ka, r.km));
          const amounts = bodyAmounts({
            doses: [{ at: iso(0), amountMg: dose }],
            times: hours.map(iso),
            params: paramsOf(r),
          });
          const f = DEFAULT_PK_PARAMS.bioavailability.value;
          const fm = DEFAULT_PK_PARAMS.fm.value;
          amounts.forEach((a) => {
            const tau = (Date.parse(a.at) - Date.parse(iso(0))) / 3_600_000 - r.lag;
            // Absolute floor: instants are epoch ms, so dose time + lag is exact to ~1e-10 h.
            expect(close(a.parentMg, f * dose * bateman(r.ka, r.k, tau), 1e-6, 1e-9 * dose)).toBe(
              true,
            );
            const m = f * fm * dose * threeExponential(r.ka, r.k, r.km, tau);
            expect(close(a.metaboliteMg, m, 1e-6, 1e-9 * dose)).toBe(true);
          });
        },
      ),
    );
  });

  it('has steady-state mean 1: AUC over a day = F·D/CL (parent), fm·F·D/CL_m (metabolite)', () => {
    const schedule = fc.array(
      fc.record({
        time: fc.constantFrom('00:00', '06:30', '08:00', '12:15', '14:00', '20:00', '23:55'),
        amountMg: fc.double({ min: 1, max: 10, noNaN: true }),
      }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(ratesArb, schedule, (r, doses) => {
        const p = steadyStateProfile({ doses }, { params: paramsOf(r), stepMinutes: 1 });
        expect(p.parent.mean).toBeCloseTo(1, 9);
        expect(p.metabolite.mean).toBeCloseTo(1, 9);
        // Independent numerical check: trapezoid over the 1-minute samples (periodic).
        for (const key of ['parent', 'metabolite'] as const) {
          const v = p.points.map((pt) => pt[key]);
          const trapezoid =
            v.reduce((s, x, i) => s + (x + (v[(i + 1) % v.length] ?? 0)) / 2, 0) / v.length;
          expect(Math.abs(trapezoid - 1)).toBeLessThan(0.001);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('absolute AUC over the last day of 20 half-lives of dosing = F·D/k and fm·F·D/km', () => {
    for (const whatIf of [[], [WHAT_IFS['older-age']], [WHAT_IFS['cyp2c19-poor']]]) {
      const days = 20 * 8; // 160 days ≫ 20 × the slowest t½ here (≤ 8 days)
      const doses: DoseInput[] = [];
      for (let d = 0; d < days; d++) {
        for (const h of [8, 14, 21]) doses.push({ at: iso(d * 24 + h), amountMg: 5 });
      }
      const points = bodyAmounts({ doses, whatIf, times: hourlyGrid(days, 1) }).slice(-1441);
      const auc = (key: 'parentMg' | 'metaboliteMg') =>
        points.reduce((s, p, i) => (i === 0 ? s : s + (p[key] + points[i - 1]![key]) / 120), 0);
      const resolved = relativeLevels({ doses: [], reference: { dailyMg: 15 }, times: [], whatIf });
      const { k, km, bioavailability, fm } = resolved.meta.params;
      expect(close(auc('parentMg'), (bioavailability.value * 15) / k.value, 1e-3)).toBe(true);
      expect(
        close(auc('metaboliteMg'), (fm.value * bioavailability.value * 15) / km.value, 1e-3),
      ).toBe(true);
    }
  });
});
