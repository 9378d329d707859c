import { describe, expect, it } from 'vitest';
import { isSourceId } from '../sources.js';
import { LEARN_ARTICLE_IDS, LEARN_ARTICLES, learnArticle } from './articles.js';

const sentences = (text: string) => text.split(/(?<=[.!?])\s+/);

/**
 * Phrases that would advise a dose change. A sentence may name stopping only to warn against
 * it ("do not stop", "stopping … suddenly … can cause", "not a reason to stop").
 */
const FORBIDDEN = [
  /\bdouble\b/i,
  /\bextra dose\b/i,
  /\btake (an?|one|two) (more|extra|another)\b/i,
  /\b(increase|reduce|lower|raise|halve) your dose\b/i,
  /\bskip (the|your|a) (next )?dose\b/i,
  /\bpause (the|your) taper\b/i,
];
const STOPPING = /\bstop(ping|s)?\b/i;
const WARNS = /\b(do not|don't|not a reason to|advise against|dangerous|can cause|avoid)\b/i;

describe('learn articles', () => {
  it('has one article per id, in order, with unique ids', () => {
    expect(LEARN_ARTICLES.map((a) => a.id)).toEqual([...LEARN_ARTICLE_IDS]);
  });

  it('cites valid reference sources for every paragraph', () => {
    for (const article of LEARN_ARTICLES) {
      expect(article.paragraphs.length, article.id).toBeGreaterThan(0);
      for (const p of article.paragraphs) {
        expect(p.sources.length, p.text).toBeGreaterThan(0);
        for (const s of p.sources) {
          expect(isSourceId(s.id), `${article.id}: ${s.id}`).toBe(true);
          expect(['C', 'P', 'U']).toContain(s.status);
          expect(s.locator, `${article.id}: ${s.id}`).toEqual(expect.any(String));
        }
      }
    }
  });

  it('never encodes an unconfirmed [U] source', () => {
    const statuses = LEARN_ARTICLES.flatMap((a) => a.paragraphs.flatMap((p) => p.sources));
    expect(statuses.filter((s) => s.status === 'U')).toEqual([]);
  });

  it('has no sentence advising a dose change', () => {
    for (const article of LEARN_ARTICLES) {
      for (const sentence of article.paragraphs.flatMap((p) => sentences(p.text))) {
        for (const pattern of FORBIDDEN) expect(sentence, article.id).not.toMatch(pattern);
        if (STOPPING.test(sentence)) expect(sentence, article.id).toMatch(WARNS);
      }
    }
  });

  it('catches a forbidden sentence (the scan itself works)', () => {
    const bad =
      'If you miss a dose, take a double dose. You can stop taking it when you feel better.';
    const [first, second] = sentences(bad);
    expect(FORBIDDEN.some((p) => p.test(first ?? ''))).toBe(true);
    expect(STOPPING.test(second ?? '') && !WARNS.test(second ?? '')).toBe(true);
  });

  it('warns against stopping suddenly where stopping is discussed', () => {
    for (const id of ['tapering', 'missed-dose', 'side-effects'] as const) {
      const text =
        learnArticle(id)
          ?.paragraphs.map((p) => p.text)
          .join(' ') ?? '';
      expect(text, id).toMatch(/Do not stop or change your diazepam on your own/);
    }
  });

  it('finds articles by id and answers undefined for unknown ids', () => {
    expect(learnArticle('tapering')?.title).toBe('Why a taper is slow');
    expect(learnArticle('nope')).toBeUndefined();
  });

  it('keeps paragraphs short and plain', () => {
    for (const article of LEARN_ARTICLES) {
      expect(article.summary.length, article.id).toBeLessThanOrEqual(100);
      for (const p of article.paragraphs) expect(p.text.length, p.text).toBeLessThanOrEqual(420);
    }
  });
});
