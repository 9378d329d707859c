/**
 * Pure timing of the guided sessions: where the breathing pacer is at a moment, when its cue
 * may be announced, and how a step timer moves on. No clock reads: callers pass elapsed time.
 */
import type { StepsScript } from '@steady/core';

export interface BreathTimings {
  readonly inhaleMs: number;
  readonly exhaleMs: number;
}

export interface PacerState {
  readonly phase: 'in' | 'out';
  /** 0 → 1 through the current phase. */
  readonly progress: number;
  /** How many whole breaths are done. */
  readonly breaths: number;
  /** Circle size, from `MIN_SCALE` (empty) to 1 (full). */
  readonly scale: number;
}

export const MIN_SCALE = 0.55;

/** Eased so the circle slows at the turns, like a breath. */
const ease = (x: number): number => (1 - Math.cos(Math.PI * x)) / 2;

/** The pacer at `elapsedMs` into a session at these timings. */
export function pacerAt(elapsedMs: number, timings: BreathTimings): PacerState {
  const breathMs = timings.inhaleMs + timings.exhaleMs;
  const t = Math.max(0, elapsedMs);
  const breaths = Math.floor(t / breathMs);
  const within = t - breaths * breathMs;
  if (within < timings.inhaleMs) {
    const progress = within / timings.inhaleMs;
    return { phase: 'in', progress, breaths, scale: MIN_SCALE + (1 - MIN_SCALE) * ease(progress) };
  }
  const progress = (within - timings.inhaleMs) / timings.exhaleMs;
  return { phase: 'out', progress, breaths, scale: 1 - (1 - MIN_SCALE) * ease(progress) };
}

/** The least time between two announcements of the live region. */
export const MIN_ANNOUNCE_GAP_MS = 2000;

/**
 * Whether a new cue may be announced: only when it differs from the last one and at least
 * `MIN_ANNOUNCE_GAP_MS` after it, so screen readers are not flooded.
 */
export function mayAnnounce(
  last: { readonly cue: string; readonly atMs: number } | null,
  cue: string,
  nowMs: number,
): boolean {
  if (last === null) return true;
  return last.cue !== cue && nowMs - last.atMs >= MIN_ANNOUNCE_GAP_MS;
}

export interface StepTimerState {
  readonly index: number;
  /** Time left on the current step. */
  readonly remainingMs: number;
  readonly done: boolean;
}

export function startSteps(script: StepsScript): StepTimerState {
  return {
    index: 0,
    remainingMs: (script.steps[0]?.seconds ?? 0) * 1000,
    done: script.steps.length === 0,
  };
}

/** Let `deltaMs` pass: a step that runs out moves on to the next one; after the last, done. */
export function tickSteps(
  script: StepsScript,
  state: StepTimerState,
  deltaMs: number,
): StepTimerState {
  let { index, remainingMs } = state;
  if (state.done) return state;
  let left = deltaMs;
  while (left >= remainingMs) {
    left -= remainingMs;
    index += 1;
    const next = script.steps[index];
    if (next === undefined) return { index: script.steps.length - 1, remainingMs: 0, done: true };
    remainingMs = next.seconds * 1000;
  }
  return { index, remainingMs: remainingMs - left, done: false };
}

/** Jump to a step (next/previous), its full time ahead; past the last step, done. */
export function goToStep(script: StepsScript, index: number): StepTimerState {
  if (index >= script.steps.length) {
    return { index: script.steps.length - 1, remainingMs: 0, done: true };
  }
  const i = Math.max(0, index);
  return { index: i, remainingMs: (script.steps[i]?.seconds ?? 0) * 1000, done: false };
}

/** "1:05" for a countdown. */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const minutes = Math.floor(total / 60);
  return `${String(minutes)}:${String(total % 60).padStart(2, '0')}`;
}
