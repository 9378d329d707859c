import { describe, expect, it } from 'vitest';
import { previewOf } from './repo.js';

describe('previewOf', () => {
  it('keeps short text, folds lines and cuts long text on a character', () => {
    expect(previewOf('Hello\n\nthere ')).toBe('Hello there');
    const cut = previewOf('👍🏽'.repeat(200));
    expect(cut).toBe(`${'👍🏽'.repeat(139)}…`);
  });
});
