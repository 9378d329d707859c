import { describe, expect, it } from 'vitest';
import { mentions } from './text.js';

describe('mentions', () => {
  it('finds a keyword that is not negated by the words just before it', () => {
    expect(mentions('two beers tonight', /\bbeers?\b/i)).toBe(true);
    expect(mentions('no alcohol today', /\balcohol\b/i)).toBe(false);
    expect(mentions("didn't have any wine", /\bwine\b/i)).toBe(false);
    expect(mentions('', /\bwine\b/i)).toBe(false);
  });

  it('keeps looking after a negated mention, and accepts a global pattern', () => {
    expect(mentions('no wine at lunch, then wine at dinner', /\bwine\b/i)).toBe(true);
    expect(mentions('no wine at lunch, then wine at dinner', /\bwine\b/gi)).toBe(true);
    expect(mentions('never wine', /\bwine\b/g)).toBe(false);
  });
});
