import { expect } from 'vitest';
import type { LoggedDoseEvent } from '../regimen/doseLog.js';
import type { RegimenVersion } from '../regimen/types.js';
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

/** 5 mg three times a day (tab5, 15 mg/day) from 2026-01-01, with an as-needed allowance. */
export const tid: RegimenVersion = {
  id: 'r1',
  version: 1,
  formulation: 'tab5',
  doses: [
    { time: '08:00', amountMg: 5 },
    { time: '14:00', amountMg: 5 },
    { time: '20:00', amountMg: 5 },
  ],
  asNeeded: { amountMg: 5, minIntervalHours: 6, maxPerDay: 2 },
  startDate: '2026-01-01',
  endDate: null,
  prescriber: null,
  indication: null,
  createdAt: '2025-12-31T10:00:00.000Z',
};

let seq = 0;

/** A dose taken at `takenAt` (5 mg unless said), outside any slot unless `o` says. */
export const taken = (
  takenAt: string,
  amountMg = 5,
  o: Partial<LoggedDoseEvent> = {},
): LoggedDoseEvent => ({
  id: `d${String(++seq)}`,
  kind: 'taken',
  slotKey: null,
  takenAt,
  amountMg,
  reason: null,
  ...o,
});
