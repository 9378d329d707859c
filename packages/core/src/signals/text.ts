/** Free-text keyword checks for check-in notes, activities and dose reasons. */

const NEGATION =
  /\b(no|not|without|never|zero|avoided|didn'?t|did not|haven'?t|have not)\b(\W+\w+){0,2}\W*$/i;

/**
 * True when `re` matches `text` somewhere that is not negated by one of the two or three words
 * before it ("no alcohol", "didn't have any wine"). Keyword matching is a prompt for review,
 * not a reading of meaning.
 *
 * @example mentions('two beers tonight', /\bbeers?\b/i) // true
 * @example mentions('no alcohol today', /\balcohol\b/i) // false
 */
export function mentions(text: string, re: RegExp): boolean {
  const global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  for (const m of text.matchAll(global)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (!NEGATION.test(before)) return true;
  }
  return false;
}
