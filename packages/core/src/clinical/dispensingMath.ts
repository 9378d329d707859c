/** Integer arithmetic shared by the dispensing functions (internal, not exported from the package). */

export const SCALE = 1000; // integer units of 0.001 mg (and 0.001 mL)

/** Integer units of 0.001 mg (or mL), or null when the value is finer than that. */
export function toUnits(value: number): number | null {
  const units = Math.round(value * SCALE);
  return Math.abs(units - value * SCALE) < 1e-6 ? units : null;
}

/** Throws RangeError unless the amount is a finite number >= 0. */
export function checkAmount(amountMg: number): void {
  if (!Number.isFinite(amountMg) || amountMg < 0) {
    throw new RangeError(`amountMg must be a finite number >= 0, got ${amountMg}`);
  }
}
