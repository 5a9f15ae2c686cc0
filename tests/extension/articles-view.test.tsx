// @vitest-environment happy-dom
/**
 * ArticlesView, the output both reader.html modes share (PasteReader, PdfReader): the list, the
 * chosen article in the Reader, the problems, and each mode's test ids. The e2e tests
 * (tests/e2e/page-text.test.ts, pdf.test.ts) drive it through the two modes in Chromium.
 */
import { render } from 'preact';
import { useState } from 'preact/hooks';
import { beforeEach, describe, expect, it } from 'vitest';
import { ArticlesView, type ArticlesViewIds } from '../../components/ArticlesView';
import type { PasteResult } from '../../lib/extension/pages/paste';
import { DEFAULT_SETTINGS } from '../../lib/extension/shared/reader-settings';
import { emptyArticle } from '../../lib/model';
import { messages, useLocale } from './helpers';

const PASTE: ArticlesViewIds = { list: 'article-list', item: 'article-item' };
const PDF: ArticlesViewIds = { output: 'pdf-output', list: 'pdf-article-list', item: 'pdf-article-item' };

const read: PasteResult = {
  articles: [
    emptyArticle({
      title: '一枚“海南芯”，让“意念控制”照进现实',
      paragraphs: [{ text: '第一段。', kind: 'text' }],
    }),
    emptyArticle({ title: '', paragraphs: [{ text: '无标题的一段。', kind: 'text' }] }),
  ],
  problems: [],
};

/** The view with its chosen index kept as a mode keeps it. */
function show(result: PasteResult, ids: ArticlesViewIds): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  function Mode() {
    const [chosen, setChosen] = useState(0);
    return (
      <ArticlesView
        result={result}
        chosen={chosen}
        onChoose={setChosen}
        settings={DEFAULT_SETTINGS}
        onSettings={() => undefined}
        ids={ids}
      />
    );
  }
  render(<Mode />, root);
  return root;
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const zh = (key: string) => messages('zh_CN')[key]!.message;

beforeEach(() => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
});

describe('ArticlesView', () => {
  it.each([
    ['page-text mode', PASTE],
    ['PDF mode', PDF],
  ])('%s: lists the articles under its own test ids, untitled ones named so', (_, ids) => {
    const root = show(read, ids);
    const items = [...root.querySelectorAll(`[data-testid="${ids.list}"] [data-testid="${ids.item}"]`)];
    expect(items.map((li) => li.textContent)).toEqual(['一枚“海南芯”，让“意念控制”照进现实', zh('untitled')]);
    const section = root.querySelector('section.paste-output')!;
    expect(section.getAttribute('data-testid')).toBe(ids.output ?? null);
    expect(section.querySelector('h2')!.textContent).toBe(zh('pasteArticles'));
  });

  it('shows the first article, then the one chosen', async () => {
    const root = show(read, PASTE);
    const items = [...root.querySelectorAll('[data-testid="article-item"]')];
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual(['true', null]);
    expect(root.querySelector('[data-testid="reader-body"]')!.textContent).toContain('第一段。');
    (items[1]!.querySelector('button') as HTMLButtonElement).click();
    await tick();
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(root.querySelector('[data-testid="reader-body"]')!.textContent).toContain('无标题的一段。');
  });

  it('with nothing read, says so and shows the problems in the UI language', () => {
    const root = show({ articles: [], problems: ['no articles found in the page text'] }, PASTE);
    expect(root.querySelector('section.paste-output > p')!.textContent).toBe(zh('pasteNone'));
    expect(root.querySelectorAll('[data-testid="article-item"]')).toHaveLength(0);
    const problems = [...root.querySelectorAll('[data-testid="reader-problem"]')].map((p) => p.textContent);
    expect(problems).toEqual([zh('probNoArticles')]);
  });

  it('with nothing read and no problem, shows no Reader', () => {
    const root = show({ articles: [], problems: [] }, PDF);
    expect(root.querySelector('[data-testid="pdf-output"]')!.textContent).toContain(zh('pasteNone'));
    expect(root.querySelector('[data-testid="reader"]')).toBeNull();
  });
});
