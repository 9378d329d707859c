import { TECHNIQUES, breathTimings, type BreathingScript, type StepsScript } from '@steady/core';
import { describe, expect, it } from 'vitest';
import {
  MIN_SCALE,
  formatCountdown,
  goToStep,
  mayAnnounce,
  pacerAt,
  startSteps,
  tickSteps,
} from './pacer';

const breathing = TECHNIQUES['paced-breathing'].script as BreathingScript;
const at6 = breathTimings(breathing, 6); // 4 s in, 6 s out

describe('pacerAt', () => {
  it('breathes in for 40% of each breath, then out', () => {
    expect(pacerAt(0, at6)).toEqual({ phase: 'in', progress: 0, breaths: 0, scale: MIN_SCALE });
    expect(pacerAt(2000, at6)).toMatchObject({ phase: 'in', progress: 0.5, breaths: 0 });
    expect(pacerAt(4000, at6)).toMatchObject({ phase: 'out', progress: 0, breaths: 0, scale: 1 });
    expect(pacerAt(7000, at6)).toMatchObject({ phase: 'out', progress: 0.5 });
    expect(pacerAt(10_000, at6)).toMatchObject({ phase: 'in', progress: 0, breaths: 1 });
    expect(pacerAt(65_000, at6)).toMatchObject({ phase: 'out', breaths: 6 });
  });

  it('grows the circle on the in-breath and shrinks it on the out-breath', () => {
    const sizes = [0, 1000, 2000, 3000, 3999].map((t) => pacerAt(t, at6).scale);
    for (let i = 1; i < sizes.length; i += 1) expect(sizes[i]).toBeGreaterThan(sizes[i - 1] ?? 0);
    const out = [4000, 6000, 8000, 9999].map((t) => pacerAt(t, at6).scale);
    for (let i = 1; i < out.length; i += 1) expect(out[i]).toBeLessThan(out[i - 1] ?? 2);
    expect(pacerAt(2000, at6).scale).toBeCloseTo((MIN_SCALE + 1) / 2);
  });

  it('follows the rate: 10 breaths a minute is a breath every 6 seconds', () => {
    const at10 = breathTimings(breathing, 10);
    expect(pacerAt(2400, at10).phase).toBe('out');
    expect(pacerAt(6000, at10)).toMatchObject({ phase: 'in', breaths: 1 });
    expect(pacerAt(60_000, at10).breaths).toBe(10);
    expect(pacerAt(-5, at10).phase).toBe('in');
  });
});

describe('mayAnnounce', () => {
  it('announces a new cue, never the same one twice, and not within 2 seconds', () => {
    expect(mayAnnounce(null, 'in', 0)).toBe(true);
    expect(mayAnnounce({ cue: 'in', atMs: 0 }, 'in', 10_000)).toBe(false);
    expect(mayAnnounce({ cue: 'in', atMs: 0 }, 'out', 1999)).toBe(false);
    expect(mayAnnounce({ cue: 'in', atMs: 0 }, 'out', 2000)).toBe(true);
  });
});

describe('step timer', () => {
  const script: StepsScript = {
    kind: 'steps',
    totalSeconds: 35,
    steps: [
      { id: 'a', text: 'A', seconds: 10 },
      { id: 'b', text: 'B', seconds: 20 },
      { id: 'c', text: 'C', seconds: 5 },
    ],
  };

  it('counts down a step and moves on when it runs out', () => {
    let s = startSteps(script);
    expect(s).toEqual({ index: 0, remainingMs: 10_000, done: false });
    s = tickSteps(script, s, 4000);
    expect(s).toEqual({ index: 0, remainingMs: 6000, done: false });
    s = tickSteps(script, s, 7000);
    expect(s).toEqual({ index: 1, remainingMs: 19_000, done: false });
    s = tickSteps(script, s, 19_000);
    expect(s).toEqual({ index: 2, remainingMs: 5000, done: false });
    s = tickSteps(script, s, 5000);
    expect(s.done).toBe(true);
    expect(tickSteps(script, s, 1000)).toBe(s);
  });

  it('runs the whole body scan in its stated length', () => {
    const scan = TECHNIQUES['body-scan'].script as StepsScript;
    const start = startSteps(scan);
    expect(tickSteps(scan, start, scan.totalSeconds * 1000 - 1).done).toBe(false);
    expect(tickSteps(scan, start, scan.totalSeconds * 1000).done).toBe(true);
  });

  it('goes to the next or previous step with its full time', () => {
    expect(goToStep(script, 1)).toEqual({ index: 1, remainingMs: 20_000, done: false });
    expect(goToStep(script, -1)).toEqual({ index: 0, remainingMs: 10_000, done: false });
    expect(goToStep(script, 3).done).toBe(true);
  });

  it('formats a countdown', () => {
    expect(formatCountdown(65_000)).toBe('1:05');
    expect(formatCountdown(400)).toBe('0:01');
    expect(formatCountdown(-1)).toBe('0:00');
  });
});
