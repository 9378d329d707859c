import type { SourceRef, SourceStatus } from '@steady/core';

/** One source as the article shows it: id, status in words (key), and where in the source. */
export interface SourceLine {
  readonly id: string;
  readonly statusKey: `learn.status.${SourceStatus}`;
  readonly locator: string | null;
}

/**
 * The sources of an article, each once (first locator kept, others joined), in the order they
 * are first cited.
 */
export function sourceLines(
  paragraphs: readonly { sources: readonly SourceRef[] }[],
): SourceLine[] {
  const byKey = new Map<string, { ref: SourceRef; locators: string[] }>();
  for (const p of paragraphs) {
    for (const ref of p.sources) {
      const key = `${ref.id}|${ref.status}`;
      const entry = byKey.get(key) ?? { ref, locators: [] };
      if (ref.locator !== undefined && !entry.locators.includes(ref.locator)) {
        entry.locators.push(ref.locator);
      }
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].map(({ ref, locators }) => ({
    id: ref.id,
    statusKey: `learn.status.${ref.status}`,
    locator: locators.length === 0 ? null : locators.join('; '),
  }));
}
