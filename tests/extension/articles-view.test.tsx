// @vitest-environment happy-dom
/**
 * ArticlesView, the output both reader.html modes share (PasteReader, PdfReader): the list, the
 * chosen article in the Reader, the problems, and each mode's test ids. The e2e tests
 * (tests/e2e/page-text.test.ts, pdf.test.ts) drive it through the two modes in Chromium.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ArticlesView, type ArticlesViewIds, type ArticlesViewProps } from '../../components/ArticlesView';
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

type Shown = Parameters<NonNullable<ArticlesViewProps['onShown']>>;

/** The view as a mode renders it; `shown` records what it hands to capture. */
function show(result: PasteResult, ids: ArticlesViewIds, shown: Shown[] = []) {
  const root = document.createElement('div');
  document.body.append(root);
  const again = (next: PasteResult) =>
    render(
      <ArticlesView
        result={next}
        settings={DEFAULT_SETTINGS}
        onSettings={() => undefined}
        ids={ids}
        onShown={(...args) => void shown.push(args)}
      />,
      root,
    );
  again(result);
  return Object.assign(root, { again });
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

  it('shows the first article, then the one chosen, and hands each to capture with its body', async () => {
    const shown: Shown[] = [];
    const root = show(read, PASTE, shown);
    await tick();
    const items = () => [...root.querySelectorAll('[data-testid="article-item"]')];
    const body = () => root.querySelector('[data-testid="reader-body"]') as HTMLElement;
    expect(items().map((li) => li.getAttribute('aria-current'))).toEqual(['true', null]);
    expect(body().textContent).toContain('第一段。');
    (items()[1]!.querySelector('button') as HTMLButtonElement).click();
    await tick();
    expect(items().map((li) => li.getAttribute('aria-current'))).toEqual([null, 'true']);
    expect(body().textContent).toContain('无标题的一段。');
    await vi.waitFor(() => expect(shown).toHaveLength(2));
    expect(shown.map(([a, b]) => [a?.paragraphs[0]?.text, b?.root === body(), b?.marks.className])).toEqual([
      ['第一段。', true, 'reader-marks'],
      ['无标题的一段。', true, 'reader-marks'],
    ]);
  });

  it('starts a new result at its first article', async () => {
    const root = show(read, PDF);
    (root.querySelectorAll('[data-testid="pdf-article-item"] button')[1] as HTMLButtonElement).click();
    await tick();
    root.again({ ...read });
    await tick();
    const current = [...root.querySelectorAll('[data-testid="pdf-article-item"]')].map((li) =>
      li.getAttribute('aria-current'),
    );
    expect(current).toEqual(['true', null]);
  });

  it('with nothing read, says so and shows the problems in the UI language', async () => {
    const shown: Shown[] = [];
    const root = show({ articles: [], problems: ['no articles found in the page text'] }, PASTE, shown);
    await tick();
    expect(root.querySelector('section.paste-output > p')!.textContent).toBe(zh('pasteNone'));
    expect(root.querySelectorAll('[data-testid="article-item"]')).toHaveLength(0);
    const problems = [...root.querySelectorAll('[data-testid="reader-problem"]')].map((p) => p.textContent);
    expect(problems).toEqual([zh('probNoArticles')]);
    // Nothing on screen to capture on (effects run after paint).
    await vi.waitFor(() => expect(shown).toEqual([[null, null]]));
  });

  it('with nothing read and no problem, shows no Reader', () => {
    const root = show({ articles: [], problems: [] }, PDF);
    expect(root.querySelector('[data-testid="pdf-output"]')!.textContent).toContain(zh('pasteNone'));
    expect(root.querySelector('[data-testid="reader"]')).toBeNull();
  });
});
