import { expect } from 'vitest';
import { isSourceId } from '../sources.js';
import type { SourceRef } from '../sources.js';

/** Every citation names a known source, a status and a locator. */
export function expectValidSources(sources: readonly SourceRef[]): void {
  expect(sources.length).toBeGreaterThan(0);
  for (const s of sources) {
    expect(isSourceId(s.id)).toBe(true);
    expect(['C', 'P', 'U']).toContain(s.status);
    expect(s.locator).toMatch(/\S/);
  }
}

/** Wording that would tell a patient to change a dose ("do not … change diazepam" is fine). */
export const DOSE_CHANGE_WORDING =
  /(?<!\bnot\s(?:stop\sor\s)?)\b(increase|decrease|reduce|lower|raise|double|halve|cut|skip|change)\s+(your\s+|the\s+)?(dose|dosage|diazepam)\b|\btake\s+(more|less|fewer|an extra)\b|\bstop taking\b/i;
