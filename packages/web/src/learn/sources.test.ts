import { describe, expect, it } from 'vitest';
import { cite, LEARN_ARTICLES } from '@steady/core';
import { sourceLines } from './sources';

describe('sourceLines', () => {
  it('lists each source once, in citation order, joining its locators', () => {
    const lines = sourceLines([
      { sources: [cite('JCPG-2025', 'C', 'Rec 6'), cite('SEC-WEB', 'P')] },
      { sources: [cite('JCPG-2025', 'C', 'Rec 9'), cite('JCPG-2025', 'C', 'Rec 6')] },
    ]);
    expect(lines).toEqual([
      { id: 'JCPG-2025', statusKey: 'learn.status.C', locator: 'Rec 6; Rec 9' },
      { id: 'SEC-WEB', statusKey: 'learn.status.P', locator: null },
    ]);
  });

  it('gives every article at least one source line', () => {
    for (const article of LEARN_ARTICLES) {
      expect(sourceLines(article.paragraphs).length, article.id).toBeGreaterThan(0);
    }
  });
});
