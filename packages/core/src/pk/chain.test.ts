import { describe, expect, it } from 'vitest';
import { EMPTY_STATE, simulateChain, step, transition } from './chain.js';
import type { ChainState } from './chain.js';
import { bateman, close, threeExponential } from './pk.test-helpers.js';

const rates = { lagHours: 0, ka: 2.2, k: 0.0219, km: Math.LN2 / 65 };
const H = 3_600_000;

/** Classical RK4 on the ODEs (independent check of the closed forms), fm = 1. */
function rk4(doseMg: number, hours: number, dt: number): ChainState {
  const { ka, k, km } = rates;
  const f = (y: number[]): number[] => {
    const [g = 0, p = 0, m = 0] = y;
    return [-ka * g, ka * g - k * p, k * p - km * m, p, m];
  };
  let y = [doseMg, 0, 0, 0, 0];
  for (let i = 0; i < Math.round(hours / dt); i++) {
    const k1 = f(y);
    const k2 = f(y.map((v, i) => v + (dt / 2) * (k1[i] ?? 0)));
    const k3 = f(y.map((v, i) => v + (dt / 2) * (k2[i] ?? 0)));
    const k4 = f(y.map((v, i) => v + dt * (k3[i] ?? 0)));
    y = y.map(
      (v, i) => v + (dt / 6) * ((k1[i] ?? 0) + 2 * (k2[i] ?? 0) + 2 * (k3[i] ?? 0) + (k4[i] ?? 0)),
    );
  }
  const [gut = 0, parent = 0, metabolite = 0, aucParent = 0, aucMetabolite = 0] = y;
  return { gut, parent, metabolite, aucParent, aucMetabolite };
}

describe('transition and step', () => {
  it('agree with a fine RK4 integration of the ODEs, including the AUCs', () => {
    const exact = step({ ...EMPTY_STATE, gut: 10 }, transition(rates, 48));
    const numeric = rk4(10, 48, 0.001);
    for (const key of Object.keys(exact) as (keyof ChainState)[]) {
      expect(close(exact[key], numeric[key], 1e-9, 1e-15)).toBe(true);
    }
  });

  it('compose: two half-steps equal one step (semigroup property)', () => {
    const s0: ChainState = { gut: 3, parent: 7, metabolite: 11, aucParent: 1, aucMetabolite: 2 };
    const once = step(s0, transition(rates, 30));
    const twice = step(step(s0, transition(rates, 12.5)), transition(rates, 17.5));
    for (const key of Object.keys(once) as (keyof ChainState)[]) {
      expect(close(once[key], twice[key], 1e-13)).toBe(true);
    }
  });
});

describe('simulateChain', () => {
  it('reproduces the Bateman and three-exponential closed forms for one dose', () => {
    const times = [0, 0.5, 1, 5, 24, 100, 500].map((h) => h * H);
    const states = simulateChain(rates, [{ atMs: 0, amount: 1 }], times);
    times.forEach((t, i) => {
      const s = states[i]!;
      expect(close(s.parent, bateman(rates.ka, rates.k, t / H), 1e-12, 1e-15)).toBe(true);
      expect(
        close(s.metabolite, threeExponential(rates.ka, rates.k, rates.km, t / H), 1e-9, 1e-15),
      ).toBe(true);
    });
  });

  it('is zero before the first dose and handles output times before any entry', () => {
    const states = simulateChain(rates, [{ atMs: 10 * H, amount: 5 }], [0, 10 * H, 11 * H]);
    expect(states[0]).toEqual(EMPTY_STATE);
    expect(states[1]!.gut).toBe(5);
    expect(states[2]!.parent).toBeGreaterThan(0);
  });

  it('starts from an initial state and ignores entries before it', () => {
    const initial = { state: { ...EMPTY_STATE, parent: 4 }, atMs: 5 * H };
    const [s] = simulateChain(rates, [{ atMs: 0, amount: 100 }], [5 * H], initial);
    expect(s).toEqual(initial.state);
  });

  it('equals the direct sum of closed-form curves over a year of irregular doses', () => {
    const entries = Array.from({ length: 4 * 365 }, (_, i) => ({
      atMs: Math.round((i * 6 + 3 * Math.sin(i)) * H),
      amount: 1 + (i % 5),
    }));
    const times = Array.from({ length: 50 }, (_, i) => (i * 8760 * H) / 49 + 0.37 * H);
    const states = simulateChain(rates, entries, times);
    times.forEach((t, i) => {
      let parent = 0;
      let metabolite = 0;
      for (const e of entries) {
        const tau = (t - e.atMs) / H;
        parent += e.amount * bateman(rates.ka, rates.k, tau);
        metabolite += e.amount * threeExponential(rates.ka, rates.k, rates.km, tau);
      }
      expect(close(states[i]!.parent, parent, 1e-10, 1e-12)).toBe(true);
      expect(close(states[i]!.metabolite, metabolite, 1e-10, 1e-12)).toBe(true);
    });
  });

  it('returns nothing for no output times', () => {
    expect(simulateChain(rates, [{ atMs: 0, amount: 1 }], [])).toEqual([]);
  });
});
