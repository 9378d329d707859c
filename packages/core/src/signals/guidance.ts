/**
 * Immediate guidance for one check-in, shown to the patient right after they submit it (before
 * any signal is computed over the history). It reuses the citations of the matching signals:
 * SIG-RED-FLAG/breathing, SIG-FALL and SIG-SIDE-EFFECT (plus SIG-RED-FLAG/confusion when the
 * severe effect is confusion), so the UI shows the same sources either way.
 */
import { SIDE_EFFECT_KEYS, type CheckIn } from '../regimen/types.js';
import type { SourceRef } from '../sources.js';
import { FALL_SOURCES, SIDE_EFFECT_SOURCES } from './checkIns.js';
import { BREATHING_SOURCES, SEVERE_CONFUSION_SOURCES } from './redFlags.js';

/** `emergency`: call the local emergency number now; `contact_team`: contact the care team soon. */
export type GuidanceLevel = 'emergency' | 'contact_team';

export type GuidanceCode = 'EMERGENCY_BREATHING' | 'CONTACT_FALL' | 'CONTACT_SEVERE_SIDE_EFFECT';

export interface CheckInGuidance {
  readonly level: GuidanceLevel;
  readonly code: GuidanceCode;
  readonly sources: readonly SourceRef[];
}

/**
 * What the patient should do now about a check-in, most urgent first (emergency before
 * contact-the-team), or `[]` when nothing in it calls for action:
 * - `breathingProblem` → `emergency` / `EMERGENCY_BREATHING`;
 * - a fall or near-fall → `contact_team` / `CONTACT_FALL`;
 * - any side effect, including the free-text other one, rated `severe` →
 *   `contact_team` / `CONTACT_SEVERE_SIDE_EFFECT`.
 *
 * Pure and history-free; the server decides wording and delivery from `code`.
 *
 * @example
 * checkInGuidance({ breathingProblem: true, fall: 'near_fall', sideEffects, otherSideEffect: null })
 *   .map((g) => g.code) // → ['EMERGENCY_BREATHING', 'CONTACT_FALL']
 */
export function checkInGuidance(
  c: Pick<CheckIn, 'fall' | 'breathingProblem' | 'sideEffects' | 'otherSideEffect'>,
): CheckInGuidance[] {
  const out: CheckInGuidance[] = [];
  if (c.breathingProblem) {
    out.push({ level: 'emergency', code: 'EMERGENCY_BREATHING', sources: BREATHING_SOURCES });
  }
  if (c.fall === 'fall' || c.fall === 'near_fall') {
    out.push({ level: 'contact_team', code: 'CONTACT_FALL', sources: FALL_SOURCES });
  }
  const severe =
    SIDE_EFFECT_KEYS.some((k) => c.sideEffects[k] === 'severe') ||
    c.otherSideEffect?.severity === 'severe';
  if (severe) {
    out.push({
      level: 'contact_team',
      code: 'CONTACT_SEVERE_SIDE_EFFECT',
      sources:
        c.sideEffects.confusion === 'severe'
          ? [...SIDE_EFFECT_SOURCES, ...SEVERE_CONFUSION_SOURCES]
          : SIDE_EFFECT_SOURCES,
    });
  }
  return out;
}
