import type { FormulationId } from '@steady/core';

/** Strength per tablet (mg) or per mL of solution (mg/mL). */
const STRENGTH: Record<FormulationId, number> = { tab2: 2, tab5: 5, tab10: 10, sol1: 1 };

export const FORMULATIONS: readonly FormulationId[] = ['tab2', 'tab5', 'tab10', 'sol1'];

export function isSolution(formulation: FormulationId): boolean {
  return formulation === 'sol1';
}

export function strengthOf(formulation: FormulationId): number {
  return STRENGTH[formulation];
}

const FRACTIONS: Record<number, string> = { 0.25: '¼', 0.5: '½', 0.75: '¾' };

/**
 * How many tablets (or mL) make up `amountMg`. Quarter and half tablets are shown as
 * fractions ("1½"), since that is how people split them.
 */
export function quantityFor(
  amountMg: number,
  formulation: FormulationId,
  formatNumber: (n: number) => string,
): { display: string; count: number } {
  const quantity = amountMg / STRENGTH[formulation];
  if (isSolution(formulation)) return { display: formatNumber(quantity), count: quantity };
  const whole = Math.floor(quantity);
  const fraction = Math.round((quantity - whole) * 100) / 100;
  const symbol = FRACTIONS[fraction];
  let display: string;
  if (fraction === 0) display = formatNumber(whole);
  else if (symbol !== undefined) display = whole === 0 ? symbol : `${formatNumber(whole)}${symbol}`;
  else display = formatNumber(quantity);
  // Plural form follows the rounded-up count: "½ tablet", "1½ tablets".
  return { display, count: Math.ceil(quantity) };
}
