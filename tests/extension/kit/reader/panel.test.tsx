// @vitest-environment happy-dom
// The reader panel (lib/extension/kit/reader): one Preact tree driven through its handle.
import { beforeEach, describe, expect, it } from 'vitest';
import { createReaderPanel, type PanelEnv } from '../../../../lib/extension/kit/reader';
import type { PageSource } from '../../../../lib/extension/kit/page-source';
import { emptyArticle, emptyPage, type Article, type Result } from '../../../../lib/model';
import { userClick, useLocale } from '../../helpers';

const article = emptyArticle({
  key: 'epaper.example.cn/content_1',
  title: '自贸港外贸账',
  paragraphs: [
    { text: '第一段。', kind: 'text' },
    { text: '第二段。', kind: 'text' },
  ],
});
const page = emptyPage({ kind: 'article', url: 'https://epaper.example.cn/a.htm', articles: [article] });

function mount(extra: Partial<PanelEnv> = {}) {
  const ui = document.createElement('div');
  document.body.replaceChildren(ui);
  const shown: Article[] = [];
  let closed = 0;
  const env: PanelEnv = {
    host: ui,
    ui,
    now: () => performance.now(),
    // The stitcher hands the part back as it is: the panel is what is under test.
    stitch: async (a) => ({ article: a, problems: [] }),
    source: { get: async () => null } as unknown as PageSource,
    onArticle: (a, body) => {
      expect(body?.root.isConnected).toBe(true);
      shown.push(a);
    },
    onClose: () => closed++,
    ...extra,
  };
  return { ui, panel: createReaderPanel(env), shown, closed: () => closed };
}

const all = (root: Element, id: string) => Array.from(root.querySelectorAll(`[data-testid="${id}"]`));
const tick = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => useLocale('zh_CN'));

describe('reader panel', () => {
  it('renders nothing until opened, then the stitched article, and hands it on once shown', async () => {
    const { ui, panel, shown } = mount();
    expect(all(ui, 'reader')).toEqual([]);
    expect(panel.isOpen()).toBe(false);
    const before = performance.getEntriesByName('epaper:stitch').length;
    await panel.open({ page });
    await tick();
    expect(panel.isOpen()).toBe(true);
    expect(all(ui, 'reader-paragraph').map((p) => p.textContent)).toEqual(['第一段。', '第二段。']);
    expect(shown.map((a) => a.title)).toEqual(['自贸港外贸账']);
    expect(performance.getEntriesByName('epaper:stitch').length).toBe(before + 1);
    expect(ui.querySelector('.panel')).toBe(document.activeElement);
  });

  it('closes from its own button (a real click only) and says so', async () => {
    const { ui, panel, closed } = mount();
    await panel.open({ page });
    await tick();
    (all(ui, 'reader-close')[0] as HTMLButtonElement).click(); // synthetic: ignored
    await tick();
    expect(panel.isOpen()).toBe(true);
    userClick(all(ui, 'reader-close')[0]);
    expect(panel.isOpen()).toBe(false);
    expect(closed()).toBe(1);
    await tick();
    expect(all(ui, 'reader')).toEqual([]);
  });

  it('drops a run that a close outdated', async () => {
    let release: () => void = () => undefined;
    const { ui, panel, shown } = mount({
      stitch: (a) => new Promise((r) => (release = () => r({ article: a, problems: [] }))),
    });
    const opening = panel.open({ page });
    await tick();
    panel.close();
    release();
    await opening;
    await tick();
    expect(all(ui, 'reader')).toEqual([]);
    expect(shown).toEqual([]);
  });
});

describe('「存入 Zotero」 in the panel', () => {
  it('has no button without the background message (the kit never calls Zotero itself)', async () => {
    const { ui, panel } = mount();
    await panel.open({ page });
    await tick();
    expect(all(ui, 'reader-zotero')).toEqual([]);
  });

  it.each([
    [{ ok: true, value: null }, '已在新标签页的文库中打开这篇文章', false],
    [
      { ok: false, error: 'Refused: no such article of this site in the library.' },
      // The background's English reason stays out of the Chinese sentence.
      '没能打开文库来存入 Zotero。这篇文章若还没有划线或摘录，请先划线或摘录再试。',
      true,
    ],
  ] as Array<[Result<null>, string, boolean]>)(
    'asks the background for the shown article on a real click, then says what happened: %j',
    async (answer, said, error) => {
      const asked: string[] = [];
      const { ui, panel } = mount({
        openHandoff: async (key) => (asked.push(key), answer),
      });
      await panel.open({ page });
      await tick();
      const button = all(ui, 'reader-zotero')[0] as HTMLButtonElement;
      expect(button.textContent).toBe('存入 Zotero');
      button.click(); // synthetic (a page script): ignored
      await tick();
      expect(asked).toEqual([]);
      userClick(button);
      await tick();
      expect(asked).toEqual([article.key]);
      const status = all(ui, 'reader-handoff')[0];
      expect(status.textContent).toContain(said);
      expect(status.textContent).not.toContain('Refused');
      expect(status.classList.contains('error')).toBe(error);
    },
  );
});
