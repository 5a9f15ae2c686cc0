/**
 * The handoff's sentences and limits without a page: each Zotero failure has its own message in
 * both languages, a too-large send and an empty one are refused before Zotero is asked, and a
 * clipboard that refuses leaves Obsidian unopened and nothing marked as sent.
 */
import { describe, expect, it } from 'vitest';
import type { ArticleGroup } from '../../lib/export/selection';
import { groupByArticle } from '../../lib/export/selection';
import { makeHandoff, zoteroFailureText, type HandoffDeps } from '../../lib/extension/pages/handoff/handoff';
import type { LocalArea } from '../../lib/extension/pages/handoff/stores';
import { DEFAULT_OBSIDIAN } from '../../lib/handoff/obsidian';
import type { ZoteroFailure } from '../../lib/handoff/zotero-client';
import { MAX_ZOTERO_ARTICLES } from '../../lib/handoff/zotero-send';
import { messages, useLocale } from '../extension/helpers';
import { hainanLibrary } from '../export/hainan';

function area(): LocalArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) =>
      Object.fromEntries(
        [keys]
          .flat()
          .filter((k) => k in data)
          .map((k) => [k, data[k]]),
      ),
    set: async (items) => void Object.assign(data, items),
  };
}

function deps(extra: Partial<HandoffDeps> = {}): HandoffDeps & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    fetch: async (u) => (calls.push(String(u)), new Response('{}', { status: 200 })),
    requestPermission: async () => true,
    area: area(),
    copy: async () => ({ ok: true, value: null }),
    openUri: (u) => calls.push(u),
    now: () => new Date(2026, 11, 4),
    newId: () => 'id',
    ...extra,
  };
}

const FAILURES: ZoteroFailure[] = ['notRunning', 'outdated', 'refused', 'sessionExists', 'timeout', 'failed'];

describe('Zotero failure messages', () => {
  it.each(['zh_CN', 'en'] as const)('%s: one distinct sentence per failure', (lang) => {
    useLocale(lang);
    const texts = FAILURES.map((f) => zoteroFailureText(f, 'HTTP 500'));
    expect(new Set(texts).size).toBe(FAILURES.length);
    for (const t of texts) expect(t).not.toMatch(/^zotero[A-Z]/);
    expect(texts[FAILURES.indexOf('failed')]).toContain('HTTP 500');
    const m = messages(lang);
    expect(m.zoteroOutdated.message).toContain('CONNECTOR_VERSION_OUTDATED');
  });
});

describe('refused before Zotero is asked', () => {
  it('more articles than one send takes', async () => {
    useLocale('zh_CN');
    const [g] = groupByArticle(hainanLibrary());
    const many: ArticleGroup[] = Array.from({ length: MAX_ZOTERO_ARTICLES + 1 }, (_, i) => ({
      ...g,
      key: `k${i}`,
    }));
    const d = deps();
    const r = await makeHandoff(d).zotero(async () => ({ ok: true, value: many }));
    expect(r).toEqual({
      ok: false,
      text: `一次最多存入 ${MAX_ZOTERO_ARTICLES} 篇文章（现在是 ${many.length} 篇）：请先选择其中一部分条目。`,
    });
    expect(d.calls).toEqual([]);
  });

  it('nothing to send', async () => {
    useLocale('en');
    const d = deps();
    const r = await makeHandoff(d).zotero(async () => ({ ok: true, value: [] }));
    expect(r).toEqual({ ok: false, text: messages('en').nothingToSend.message });
    expect(d.calls).toEqual([]);
  });

  it('a clipboard that refuses: Obsidian is not opened, nothing marked', async () => {
    useLocale('en');
    const d = deps({ copy: async () => ({ ok: false, error: 'denied' }) });
    const r = await makeHandoff(d).obsidian(
      async () => ({ ok: true, value: groupByArticle(hainanLibrary()) }),
      DEFAULT_OBSIDIAN,
    );
    expect(r).toEqual({ ok: false, text: 'Could not copy to the clipboard: denied' });
    expect(d.calls).toEqual([]);
    expect((d.area as ReturnType<typeof area>).data).toEqual({});
  });
});
