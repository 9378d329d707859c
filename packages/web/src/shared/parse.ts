/** Parse a user-typed amount ("2,5" or "2.5"); null when it is not a positive number. */
export function parseAmount(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}
