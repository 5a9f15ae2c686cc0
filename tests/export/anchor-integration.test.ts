/** Highlights described by lib/anchor (the real selectors) are placed by the Markdown export. */
import { describe, expect, it } from 'vitest';
import { describeParagraphs } from '../../lib/anchor';
import { articleMarkdown } from '../../lib/export/markdown';
import type { Highlight, Selectors } from '../../lib/model';
import { hainanStitched } from './hainan';

const article = hainanStitched();

function fromSelectors(id: string, sel: Selectors | null): Highlight {
  if (!sel) throw new Error('no selectors');
  return {
    id,
    articleKey: article.key,
    // Blue: a colour other than ==mark==’s yellow, kept as <mark style> (lib/export/marks.ts).
    color: 'blue',
    selectors: sel,
    note: '',
    tags: [],
    createdAt: 1,
    updatedAt: 1,
  };
}

describe('export places lib/anchor highlights', () => {
  it('a quote across a paragraph break is marked in both paragraphs', () => {
    // From 「一支团队」 (end of crosshead 4) into the start of paragraph 5.
    const sel = describeParagraphs(
      article.paragraphs,
      { paragraph: 4, offset: 5 },
      { paragraph: 5, offset: 10 },
      article.key,
    );
    const md = articleMarkdown(article, { highlights: [fromSelectors('x', sel)] });
    expect(md).toContain('## 一位专家，<mark style="background: #a5d8ff">一支团队</mark>\n');
    expect(md).toContain('\n<mark style="background: #a5d8ff">在6月举办的第十二届</mark>中国（上海）');
  });

  it('a quote over the real U+200C in 「管理局\u200c）」 is found', () => {
    const p = article.paragraphs[6].text;
    const at = p.indexOf('美国食品');
    const sel = describeParagraphs(
      article.paragraphs,
      { paragraph: 6, offset: at },
      { paragraph: 6, offset: at + 15 },
      article.key,
    );
    expect(sel?.exact).toBe('美国食品药品监督管理局）批准');
    const md = articleMarkdown(article, { highlights: [fromSelectors('fda', sel)] });
    expect(md).toContain(
      'FDA（<mark style="background: #a5d8ff">美国食品药品监督管理局）批准</mark>的脑机接口',
    );
  });
});
