// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryPage } from '../../../components/library/LibraryPage';
import type { Library } from '../../../lib/db/index.ts';
import { makeActions } from '../../../lib/extension/pages/library/actions';
import { DEFAULT_EXPORT } from '../../../lib/extension/pages/library/exporting';
import { LibraryService } from '../../../lib/extension/pages/library/listing';
import { makeWriter } from '../../../lib/extension/pages/library/writer';
import { makeBackup } from '../../../lib/export';
import { ok } from '../../db/factories';
import { useLocale } from '../helpers';
import { HOSTILE, directPost, seededLibrary, until } from './fixtures';
import { libraryDb } from '../../../lib/db/library.ts';

let l: Library;
let root: HTMLElement;
let downloads: Array<{ name: string; data: string | Uint8Array; type: string }>;
let copied: string[];

async function show(): Promise<void> {
  l = await seededLibrary();
  downloads = [];
  copied = [];
  const actions = makeActions({
    dump: () => l.dumpAll(),
    restore: (d) => l.restore(d),
    download: (name, data, type) => (downloads.push({ name, data, type }), { ok: true, value: null }),
    copy: async (text) => (copied.push(text), { ok: true, value: null }),
    now: () => new Date(2026, 10, 29, 12),
  });
  root = document.createElement('div');
  document.body.append(root);
  render(
    <LibraryPage
      reader={new LibraryService(l)}
      writer={makeWriter(directPost(l))}
      actions={actions}
      settings={DEFAULT_EXPORT}
      onSettings={() => undefined}
      listHeight={2000}
      debounceMs={0}
    />,
    root,
  );
  await until(() => rows().length === 8);
}

const rows = () => [...root.querySelectorAll('[data-testid="lib-row"]')] as HTMLElement[];
const $ = (sel: string, el: ParentNode = root) => el.querySelector(sel) as HTMLElement;
const status = () => $('[data-testid="lib-status"]')?.textContent ?? '';
function setValue(el: HTMLElement, value: string, event: 'input' | 'change'): void {
  (el as HTMLInputElement).value = value;
  el.dispatchEvent(new Event(event, { bubbles: true }));
}
const rowWith = (text: string) => rows().find((r) => r.textContent?.includes(text)) as HTMLElement;

beforeEach(async () => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
  await show();
});
afterEach(() => {
  vi.restoreAllMocks();
  l.close();
});

describe('library page', () => {
  it('marks search matches as text and finds a name whole', async () => {
    setValue($('[data-testid="lib-search"]'), '返贫', 'input');
    await until(() => rows().length === 3);
    const marks = [...root.querySelectorAll('[data-testid="row-quote"] mark')].map((m) => m.textContent);
    expect(marks).toEqual(['返贫', '返贫', '返贫']);
    setValue($('[data-testid="lib-search"]'), '刘成友', 'input');
    await until(() => rows().length === 1);
    expect($('[data-testid="row-quote"]', rows()[0]).innerHTML).toBe(
      '人民日报记者 <mark data-testid="match">刘成友</mark> 报道',
    );
  });

  it('links each item to its web page as a real link (new tab), never a file:// or paste: source', () => {
    const links = [...root.querySelectorAll('[data-testid="row-open"]')] as HTMLAnchorElement[];
    expect(links.length).toBeGreaterThan(0);
    for (const a of links) {
      expect(a.href).toMatch(/^https?:\/\//);
      expect([a.target, a.rel]).toEqual(['_blank', 'noopener noreferrer']);
      expect(a.textContent).toBe('打开原页面');
    }
  });

  it('shows a title made of markup as text', () => {
    const row = rowWith('一段普通的文字。');
    expect($('[data-testid="row-title"]', row).textContent).toBe(HOSTILE.title);
    expect(root.querySelectorAll('script, img').length).toBe(0);
  });

  it('filters by paper and colour', async () => {
    await until(() => root.querySelectorAll('[data-testid="filter-paper"] option').length === 4);
    expect(
      [...root.querySelectorAll('[data-testid="filter-paper"] option')].map((o) => o.textContent),
    ).toEqual(['全部报纸', '株洲日报 (5)', '海南日报 (2)', '测试报 (1)']);
    setValue($('[data-testid="filter-paper"]'), '海南日报', 'change');
    await until(() => rows().length === 2);
    setValue($('[data-testid="filter-paper"]'), '', 'change');
    await until(() => rows().length === 8);
    ($('[data-testid="filter-color-pink"]') as HTMLInputElement).click();
    await until(() => rows().length === 1);
    expect(rows()[0].textContent).toContain('防止规模性返贫是底线');
  });

  it('labels every filter and groups them; 「清除筛选」 on an empty result brings everything back', async () => {
    const legends = [...root.querySelectorAll('.lib-filters fieldset legend')].map((l) => l.textContent);
    expect(legends).toEqual(['来源', '内容', '显示']);
    // Each select and date field sits in a <label> with visible text (and the dates say which end).
    for (const id of [
      'filter-paper',
      'filter-kind',
      'filter-tag',
      'sort',
      'view',
      'setting-marks',
      'setting-style',
    ]) {
      const label = $(`[data-testid="${id}"]`).closest('label');
      expect(label?.textContent?.trim().length, id).toBeGreaterThan(0);
    }
    expect($('[data-testid="setting-marks"]').closest('label')!.textContent).toContain('划线标记');
    expect($('[data-testid="filter-from"]').getAttribute('aria-label')).toBe('出版日期（起）');
    expect($('[data-testid="filter-to"]').getAttribute('aria-label')).toBe('出版日期（止）');
    setValue($('[data-testid="lib-search"]'), '这句话不在库里', 'input');
    await until(() => !!$('[data-testid="lib-empty"]'));
    expect($('[data-testid="lib-empty"]').textContent).toBe('没有符合条件的条目。');
    expect($('[data-testid="clear-filters"]').textContent).toBe('清除筛选');
    $('[data-testid="clear-filters"]').click();
    await until(() => rows().length === 8);
    expect(($('[data-testid="lib-search"]') as HTMLInputElement).value).toBe('');
  });

  it('saves a note and tags edited in place', async () => {
    const row = rowWith('人民日报记者 刘成友 报道');
    $('[data-testid="row-note"]', row).click();
    await until(() => !!$('[data-testid="row-note-input"]'));
    const input = $('[data-testid="row-note-input"]');
    // A note is multi-line, as in the reader: a textarea, Ctrl+Enter saves, the line break is kept.
    expect(input.tagName).toBe('TEXTAREA');
    (input as HTMLTextAreaElement).value = '记者署名\n第二行';
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    expect($('[data-testid="row-note-input"]')).toBe(input);
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    await until(() => rowWith('记者署名\n第二行') !== undefined);
    $('[data-testid="row-tags"]', rowWith('记者署名\n第二行')).click();
    await until(() => !!$('[data-testid="row-tags-input"]'));
    ($('[data-testid="row-tags-input"]') as HTMLInputElement).value = '#人物，媒体';
    $('[data-testid="row-tags-input"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await until(() => rowWith('#人物 #媒体') !== undefined);
    const r = ok(await l.search('刘成友'));
    expect([r.hits[0].item.note, r.hits[0].item.tags]).toEqual(['记者署名\n第二行', ['人物', '媒体']]);
  });

  it('selects and deletes in the articles view: a row stands for all its items, undo brings them back', async () => {
    setValue($('[data-testid="view"]'), 'articles', 'change');
    const articleRows = () => [...root.querySelectorAll('[data-testid="article-row"]')] as HTMLElement[];
    await until(() => articleRows().length > 1);
    const hainan = articleRows().find((r) => r.textContent?.includes('海南日报'))!;
    const [clips, highlights] = ($('[data-testid="article-counts"]', hainan).textContent ?? '')
      .match(/\d+/g)!
      .map(Number);
    ($('[data-testid="article-select"]', hainan) as HTMLInputElement).click();
    const n = clips + highlights;
    await until(() => $('[data-testid="delete-selected"]').textContent === `删除所选（${n}）`);
    expect($('[data-testid="export-scope"]').textContent).toBe(`所选 ${n} 条`);
    const count = articleRows().length;
    $('[data-testid="delete-selected"]').click();
    await until(() => articleRows().length === count - 1);
    expect(status()).toBe(`已删除 ${n} 条。`);
    expect(articleRows().some((r) => r.textContent?.includes('海南日报'))).toBe(false);
    $('[data-testid="undo"]').click();
    await until(() => articleRows().length === count);
  });

  it('deletes a selection and undoes it with the same ids', async () => {
    const before = ok(await l.dumpAll());
    for (const text of ['强富美', '一段普通的文字。'])
      ($('[data-testid="row-select"]', rowWith(text)) as HTMLInputElement).click();
    await until(() => $('[data-testid="delete-selected"]').textContent === '删除所选（2）');
    $('[data-testid="delete-selected"]').click();
    await until(() => rows().length === 6);
    expect(status()).toBe('已删除 2 条。');
    $('[data-testid="undo"]').click();
    await until(() => rows().length === 8);
    // Undo keeps ids and creation times; the records count as edited now (updatedAt moves on).
    const stamped = (d: typeof before) => ({
      ...d,
      clips: d.clips.map((c) => ({ ...c, updatedAt: 0 })),
      highlights: d.highlights.map((h) => ({ ...h, updatedAt: 0 })),
    });
    expect(stamped(ok(await l.dumpAll()))).toEqual(stamped(before));
  });

  it('a failed undo keeps its list and button, shows why, and puts everything back when tried again', async () => {
    const before = ok(await l.dumpAll());
    for (const text of ['强富美', '一段普通的文字。', '人民日报记者 刘成友 报道'])
      ($('[data-testid="row-select"]', rowWith(text)) as HTMLInputElement).click();
    await until(() => $('[data-testid="delete-selected"]').textContent === '删除所选（3）');
    $('[data-testid="delete-selected"]').click();
    await until(() => rows().length === 5);
    // The undo's one transaction fails half-way (its highlights): none of it is written.
    const put = vi
      .spyOn(libraryDb(l).highlights, 'bulkPut')
      .mockRejectedValue(new DOMException('full', 'QuotaExceededError'));
    $('[data-testid="undo"]').click();
    await until(() => status().startsWith('Storage is full'));
    expect($('[data-testid="lib-status"]').className).toContain('error');
    expect(ok(await l.dumpAll()).clips).toHaveLength(before.clips.length - 2);
    expect(rows()).toHaveLength(5);
    put.mockRestore();
    expect($('[data-testid="undo"]')).not.toBeNull();
    $('[data-testid="undo"]').click();
    await until(() => rows().length === 8);
    expect(status()).toBe('已恢复 3 条。');
    expect($('[data-testid="undo"]')).toBeNull();
    expect(
      ok(await l.dumpAll())
        .clips.map((c) => c.id)
        .sort(),
    ).toEqual(before.clips.map((c) => c.id).sort());
  });

  it('a backup says which records would not restore; restoring it skips them and says where', async () => {
    // A record stored before writes were checked (or by an older version): colour 'red'.
    const row = (await libraryDb(l).highlights.toArray()).find((h) => h.selectors.exact === '意念控制')!;
    await libraryDb(l).highlights.put({ ...row, color: 'red' as 'yellow' });
    $('[data-testid="backup"]').click();
    await until(() => downloads.length === 1);
    expect(status()).toMatch(
      /^已备份：文章 3 篇，摘录 5 条，划线 3 处。 其中 1 条记录无法恢复：data\.highlights\[\d\]\.color: Invalid type: .*"red"$/,
    );
    // The file holds everything, the bad record too: nothing is lost.
    const file = JSON.parse(downloads[0].data as string);
    expect(file.counts).toEqual({ articles: 3, highlights: 3, clips: 5 });
    const input = $('[data-testid="restore-file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File([downloads[0].data as string], 'b.json')],
      configurable: true,
    });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => status().startsWith('已恢复'));
    expect(status()).toMatch(
      /^已恢复：新增文章 0 篇、摘录 0 条、划线 0 处，更新 0 条，10 条未变。 1 条记录无效或日期在未来，已跳过：data\.highlights\[\d\]\.color: Invalid type: .*"red"$/,
    );
  });

  it('exports the selection as Markdown with a GB/T 7714 citation, and everything as a zip', async () => {
    ($('[data-testid="row-select"]', rowWith('意念控制')) as HTMLInputElement).click();
    await until(() => $('[data-testid="export-scope"]').textContent === '所选 1 条');
    $('[data-testid="export-md"]').click();
    await until(() => downloads.length === 1);
    const md = downloads[0];
    expect([md.name, md.type]).toEqual(['epaper-reader-2026-11-29.md', 'text/markdown;charset=utf-8']);
    // The blue highlight keeps its colour; the item links back to its page.
    expect(md.data).toContain('### 划线\n\n> <mark style="background: #a5d8ff">意念控制</mark>');
    expect(md.data).toMatch(/\n\[原文[^\]]*\]\(<https?:\/\/[^>]+>\)\n/);
    expect(md.data).toContain(
      '一枚“海南芯”，让“意念控制”照进现实[N/OL]. 海南日报, 2026-07-13(1)[2026-11-29].',
    );
    expect(md.data).not.toContain('刘成友');
    ($('[data-testid="select-all"]') as HTMLInputElement).click();
    ($('[data-testid="select-all"]') as HTMLInputElement).click();
    await until(() => $('[data-testid="export-scope"]').textContent === '全部');
    $('[data-testid="export-zip"]').click();
    await until(() => downloads.length === 2);
    expect(downloads[1].name).toBe('epaper-reader-2026-11-29.zip');
    expect((downloads[1].data as Uint8Array).subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]));
    $('[data-testid="export-copy"]').click();
    await until(() => copied.length === 1);
    expect(copied[0]).toContain('刘成友');
  });

  it('refuses a damaged or newer backup and changes nothing; merges a good one', async () => {
    const before = ok(await l.dumpAll());
    const good = makeBackup(before, new Date(Date.UTC(2026, 10, 29)));
    const restore = (text: string) => {
      const input = $('[data-testid="restore-file"]') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [new File([text], 'b.json')], configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    };
    restore(good.slice(0, good.length / 2));
    await until(() => status().startsWith('没有恢复'));
    // All in Chinese: the lib's refusal is translated at the UI edge, no English left.
    expect(status()).toBe('没有恢复：无法读取备份文件：不是有效的 JSON，可能已损坏或不完整。');
    restore(good.replace('"version":1', '"version":9'));
    await until(() => status().includes('更新版本'));
    expect(status()).toBe(
      '没有恢复：这个备份由更新版本的数字报阅读助手制作（格式 9，本版本最多读取 1）。请更新扩展后再试。',
    );
    restore('{"format":"zotero","version":1}');
    await until(() => status().includes('不是数字报阅读助手的备份文件'));
    expect(status()).not.toMatch(/[A-Za-z]{3}/);
    expect(ok(await l.dumpAll())).toEqual(before);
    restore(good);
    await until(() => status().startsWith('已恢复'));
    expect(status()).toBe('已恢复：新增文章 0 篇、摘录 0 条、划线 0 处，更新 0 条，11 条未变。');
  });
});
