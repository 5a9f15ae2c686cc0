// @vitest-environment happy-dom
/**
 * The popup's handoff bar: shown only for a page whose article is in the library, and sending that
 * article (all its clips and highlights) to Obsidian through the clipboard.
 */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { PopupHandoff } from '../../components/handoff/PopupHandoff';
import { makeHandoff } from '../../lib/extension/pages/handoff/handoff';
import type { LocalArea } from '../../lib/extension/pages/handoff/stores';
import { DEFAULT_OBSIDIAN } from '../../lib/handoff/obsidian';
import { useLocale } from '../extension/helpers';
import { until } from '../extension/library/fixtures';
import { hainanLibrary } from '../export/hainan';

const lib = hainanLibrary();
const stored = lib.articles[0];
const store: Record<string, unknown> = {};
const area: LocalArea = {
  get: async (keys) =>
    Object.fromEntries(
      [keys]
        .flat()
        .filter((k) => k in store)
        .map((k) => [k, store[k]]),
    ),
  set: async (items) => void Object.assign(store, items),
};

function show(url: string, copied: string[], opened: string[]): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <PopupHandoff
      url={url}
      handoff={makeHandoff({
        fetch,
        requestPermission: async () => true,
        area,
        copy: async (t) => (copied.push(t), { ok: true, value: null }),
        openUri: (u) => opened.push(u),
        now: () => new Date(2026, 11, 4),
        newId: () => 'x',
      })}
      findArticleByUrl={async (u) => ({ ok: true, value: stored.urls.includes(u) ? stored : null })}
      listForArticle={async () => ({
        ok: true,
        value: { article: stored, clips: lib.clips, highlights: lib.highlights },
      })}
      loadSettings={async () => DEFAULT_OBSIDIAN}
      saveSettings={() => undefined}
    />,
    root,
  );
  return root;
}

beforeEach(() => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
});

describe('popup handoff', () => {
  it('is absent on a page the library does not have', async () => {
    const root = show('http://127.0.0.1/other.htm', [], []);
    await new Promise((r) => setTimeout(r, 50));
    expect(root.querySelector('[data-testid="handoff"]')).toBeNull();
  });

  it('sends the article with every clip and highlight to Obsidian', async () => {
    const copied: string[] = [];
    const opened: string[] = [];
    const root = show(stored.urls[0], copied, opened);
    await until(() => !!root.querySelector('[data-testid="to-obsidian"]'));
    (root.querySelector('[data-testid="to-obsidian"]') as HTMLElement).click();
    await until(() => opened.length === 1);
    expect(copied[0]).toContain('获奖：全国脑机接口十大创新产品奖。');
    expect(copied[0]).toContain('网站改版前的划线');
    expect(opened[0]).toMatch(/^obsidian:\/\/new\?file=.+&clipboard&append$/);
    expect(store['obsidianSent:' + stored.key]).toBeTypeOf('number');
  });
});
