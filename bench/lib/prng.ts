/**
 * A small seeded PRNG (mulberry32, as in the server's demo seed) so that every benchmark run
 * works on the same synthetic data.
 */
export type Random = () => number;

/**
 * A generator of uniform numbers in [0, 1) from a 32-bit seed.
 *
 * @example
 * const random = prng(42);
 * random(); // → the same number on every run
 */
export function prng(seed: number): Random {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [min, max]. */
export function intBetween(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}
