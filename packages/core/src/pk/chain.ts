import { expConvolution } from './expconv.js';
import type { Rates } from './params.js';

/**
 * The linear chain gut →(ka) diazepam →(k, fraction fm) nordiazepam →(km), solved exactly.
 *
 * From a unit amount in compartment i, the amount in a later compartment j after Δ hours is
 * (product of the rates of the links passed) · conv(rates of i..j; Δ): the Bateman function
 * for gut → parent, and the three-exponential closed form for gut → metabolite (expconv.ts).
 * Adding a zero rate integrates, which gives exact AUCs. Superposition over doses is done
 * by propagating the state with these exact transition coefficients between consecutive
 * events (dose entries and output times): by the semigroup property this equals the sum of
 * every dose's closed-form curve, without truncation and in O(doses + times).
 *
 * Amounts here use F = 1 and fm = 1 ("model units"); callers scale them.
 */
export interface ChainState {
  readonly gut: number;
  readonly parent: number;
  readonly metabolite: number;
  /** ∫ parent dt since the start of the simulation, mg·h. */
  readonly aucParent: number;
  /** ∫ metabolite dt since the start of the simulation, mg·h. */
  readonly aucMetabolite: number;
}

export const EMPTY_STATE: ChainState = {
  gut: 0,
  parent: 0,
  metabolite: 0,
  aucParent: 0,
  aucMetabolite: 0,
};

/** Transition coefficients over one interval: amounts (xy = from y to x) and integrals (i…). */
export interface Transition {
  readonly gg: number;
  readonly pg: number;
  readonly mg: number;
  readonly pp: number;
  readonly mp: number;
  readonly mm: number;
  readonly ipg: number;
  readonly img: number;
  readonly ipp: number;
  readonly imp: number;
  readonly imm: number;
}

/** Exact transition coefficients for an interval of `hours`. */
export function transition(r: Rates, hours: number): Transition {
  const { ka, k, km } = r;
  const c = expConvolution;
  return {
    gg: c([ka], hours),
    pg: ka * c([ka, k], hours),
    mg: ka * k * c([ka, k, km], hours),
    pp: c([k], hours),
    mp: k * c([k, km], hours),
    mm: c([km], hours),
    ipg: ka * c([ka, k, 0], hours),
    img: ka * k * c([ka, k, km, 0], hours),
    ipp: c([k, 0], hours),
    imp: k * c([k, km, 0], hours),
    imm: c([km, 0], hours),
  };
}

/** Apply a transition to a state. */
export function step(s: ChainState, t: Transition): ChainState {
  return {
    gut: t.gg * s.gut,
    parent: t.pg * s.gut + t.pp * s.parent,
    metabolite: t.mg * s.gut + t.mp * s.parent + t.mm * s.metabolite,
    aucParent: s.aucParent + t.ipg * s.gut + t.ipp * s.parent,
    aucMetabolite: s.aucMetabolite + t.img * s.gut + t.imp * s.parent + t.imm * s.metabolite,
  };
}

/** An amount (mg) entering the gut compartment at an instant (dose time + lag), epoch ms. */
export interface Entry {
  readonly atMs: number;
  readonly amount: number;
}

const MS_PER_HOUR = 3_600_000;

/**
 * States at each query time. `entries` and `timesMs` must be sorted ascending. Without
 * `initial` the chain starts empty before the first entry; with it, it starts from
 * `initial.state` at `initial.atMs` and entries before that instant are ignored.
 */
export function simulateChain(
  rates: Rates,
  entries: readonly Entry[],
  timesMs: readonly number[],
  initial?: { readonly state: ChainState; readonly atMs: number },
): ChainState[] {
  const cache = new Map<number, Transition>();
  let state = initial?.state ?? EMPTY_STATE;
  let now = initial?.atMs ?? Math.min(entries[0]?.atMs ?? Infinity, timesMs[0] ?? Infinity);
  const advance = (toMs: number): void => {
    if (toMs <= now) return;
    const dt = toMs - now;
    let tr = cache.get(dt);
    if (tr === undefined) {
      tr = transition(rates, dt / MS_PER_HOUR);
      cache.set(dt, tr);
    }
    state = step(state, tr);
    now = toMs;
  };
  const out: ChainState[] = [];
  let e = 0;
  while (e < entries.length && (entries[e]?.atMs ?? Infinity) < now) e++;
  for (const t of timesMs) {
    for (let entry = entries[e]; entry !== undefined && entry.atMs <= t; entry = entries[++e]) {
      advance(entry.atMs);
      state = { ...state, gut: state.gut + entry.amount };
    }
    advance(t);
    out.push(state);
  }
  return out;
}
