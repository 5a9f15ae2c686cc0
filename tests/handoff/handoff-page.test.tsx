// @vitest-environment happy-dom
/**
 * The library page's 「存入 Zotero」 and 「发送到 Obsidian」 bar over a seeded library: Zotero through
 * the stand-in connector (./zotero-connector-standin.ts), the messages in zh_CN, nothing recorded on
 * failure, a resend, the clipboard and URI for Obsidian, and the folder write over an in-memory folder.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HandoffBar } from '../../components/handoff/HandoffBar';
import { LibraryPage } from '../../components/library/LibraryPage';
import type { Library } from '../../lib/db/index.ts';
import type { DirHandle, FileHandle } from '../../lib/extension/pages/handoff/folder';
import { makeHandoff, type HandoffDeps } from '../../lib/extension/pages/handoff/handoff';
import { selectionLoader } from '../../lib/extension/pages/handoff/loaders';
import type { LocalArea } from '../../lib/extension/pages/handoff/stores';
import { makeActions } from '../../lib/extension/pages/library/actions';
import { DEFAULT_EXPORT } from '../../lib/extension/pages/library/exporting';
import { LibraryService } from '../../lib/extension/pages/library/listing';
import { makeWriter } from '../../lib/extension/pages/library/writer';
import { DEFAULT_OBSIDIAN } from '../../lib/handoff/obsidian';
import { useLocale, messages } from '../extension/helpers';
import { HAINAN, directPost, seededLibrary, until } from '../extension/library/fixtures';
import { nodeFetch } from './node-fetch';
import { startZoteroStandin, type Standin } from './zotero-connector-standin';

const zh = messages('zh_CN');

function memoryArea(): LocalArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (keys) =>
      Object.fromEntries(
        [keys]
          .flat()
          .filter((k) => k in data)
          .map((k) => [k, structuredClone(data[k])]),
      ),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

/** An in-memory folder with the File System Access calls the folder write uses. */
function memoryDir(files: Map<string, string>, prefix = ''): DirHandle {
  return {
    getDirectoryHandle: async (name) => memoryDir(files, prefix + name + '/'),
    getFileHandle: async (name, opts) => {
      const path = prefix + name;
      if (!files.has(path) && !opts?.create) throw new DOMException('not found', 'NotFoundError');
      const handle: FileHandle = {
        getFile: async () => ({ text: async () => files.get(path) ?? '' }),
        createWritable: async () => {
          let text = '';
          return {
            write: async (d: string) => void (text += d),
            close: async () => void files.set(path, text),
          };
        },
      };
      return handle;
    },
  };
}

let l: Library;
let root: HTMLElement;
let z: Standin;
let area: ReturnType<typeof memoryArea>;
let copied: string[];
let opened: string[];
let folder: Map<string, string>;

/** `fromReader`: the page as the reader's 「存入 Zotero」 opens it (library.html?article=KEY&handoff=zotero). */
async function show(extra: Partial<HandoffDeps> = {}, fromReader?: string): Promise<void> {
  l = await seededLibrary();
  area = memoryArea();
  copied = [];
  opened = [];
  folder = new Map();
  const handoff = makeHandoff({
    fetch: nodeFetch,
    requestPermission: async () => true,
    area,
    copy: async (text) => (copied.push(text), { ok: true, value: null }),
    openUri: (uri) => opened.push(uri),
    now: () => new Date(2026, 11, 4, 12),
    newId: () => crypto.randomUUID(),
    pickFolder: async () => memoryDir(folder),
    zoteroBase: z.base,
    timeoutMs: 2_000,
    ...extra,
  });
  const service = new LibraryService(l);
  const actions = makeActions({
    dump: () => l.dumpAll(),
    restore: (d) => l.restore(d),
    download: () => ({ ok: true, value: null }),
    copy: async () => ({ ok: true, value: null }),
    now: () => new Date(2026, 11, 4, 12),
  });
  root = document.createElement('div');
  document.body.append(root);
  render(
    <LibraryPage
      reader={service}
      writer={makeWriter(directPost(l))}
      actions={actions}
      settings={DEFAULT_EXPORT}
      onSettings={() => undefined}
      listHeight={2000}
      debounceMs={0}
      initial={fromReader ? { filters: { articleKey: fromReader } } : undefined}
      handoff={(keys, articleKey) => (
        <HandoffBar
          handoff={handoff}
          load={selectionLoader(() => l.dumpAll(), keys, articleKey)}
          focus={fromReader && articleKey === fromReader ? 'zotero' : undefined}
          settings={{ ...DEFAULT_OBSIDIAN, vault: '研究' }}
          onSettings={() => undefined}
        />
      )}
    />,
    root,
  );
  await until(() => rows().length === (fromReader ? 2 : 8));
}

const rows = () => [...root.querySelectorAll('[data-testid="lib-row"]')] as HTMLElement[];
const $ = (sel: string) => root.querySelector(sel) as HTMLElement;
const status = () => $('[data-testid="handoff-status"]')?.textContent ?? '';
const fill = (key: string, ...subs: string[]) =>
  zh[key].message.replace(/\$(\d)/g, (_, d: string) => subs[Number(d) - 1] ?? '');
/** Tick the rows with `text` and wait until the page has the selection (`total` rows ticked). */
async function selectRowsWith(text: string, total: number, except?: string): Promise<void> {
  for (const r of rows())
    if (r.textContent?.includes(text) && !(except && r.textContent.includes(except)))
      (r.querySelector('[data-testid="row-select"]') as HTMLInputElement).click();
  await until(
    () => $('[data-testid="delete-selected"]').textContent === fill('deleteSelected', String(total)),
  );
}

beforeEach(async () => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
  z = await startZoteroStandin();
});
afterEach(async () => {
  l.close();
  await z.close();
});

describe('存入 Zotero from the library page', () => {
  it('opened from the reader on one article: focuses the button and sends that article alone', async () => {
    await show({}, HAINAN.key);
    expect($('[data-testid="handoff-hint"]').textContent).toBe(zh.handoffFromReader.message);
    expect(document.activeElement).toBe($('[data-testid="to-zotero"]'));
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('zoteroSaved', '1', '2'));
    expect(z.saved.map((s) => s.fields.publicationTitle)).toEqual(['海南日报']);
    expect(Object.keys(area.data).filter((k) => k.startsWith('zoteroSent:'))).toEqual([
      `zoteroSent:${HAINAN.key}`,
    ]);
  });

  it('saves every article, then says they are there', async () => {
    await show();
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('zoteroSaved', '3', '8'));
    expect(z.saved.map((s) => s.fields.publicationTitle).sort()).toEqual(
      ['株洲日报', '海南日报', '测试报'].sort(),
    );
    expect(z.saved.every((s) => s.droppedFields.length === 0)).toBe(true);
    expect(Object.keys(area.data).filter((k) => k.startsWith('zoteroSent:'))).toHaveLength(3);
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== fill('zoteroSaved', '3', '8'));
    expect(status()).toBe(fill('zoteroAlreadyMany', '3', '0'));
    expect($('[data-testid="zotero-only-new"]')).toBeNull();
    expect(z.saved).toHaveLength(3);
  });

  it('offers only the new ones for an article sent before', async () => {
    await show();
    await selectRowsWith('“电力大数据', 1);
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('zoteroSaved', '1', '1'));
    await selectRowsWith('意念控制', 2, '电力大数据');
    $('[data-testid="to-zotero"]').click();
    await until(() => !!$('[data-testid="zotero-only-new"]'));
    expect(status()).toBe(fill('zoteroAlready', '一枚“海南芯”，让“意念控制”照进现实', '1'));
    expect($('[data-testid="zotero-only-new"]').textContent).toBe(fill('handoffOnlyNew', '1'));
    $('[data-testid="zotero-only-new"]').click();
    await until(() => status() === fill('zoteroSaved', '1', '1'));
    expect(z.saved).toHaveLength(2);
    expect(z.saved[1].notes).toHaveLength(1);
    expect(z.saved[1].notes[0]).toContain('意念控制');
  });

  it('says Zotero is not running and records nothing', async () => {
    await z.close();
    await show();
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('zoteroNotRunning'));
    expect($('[data-testid="handoff-status"]').className).toContain('error');
    expect(area.data).toEqual({});
    z = await startZoteroStandin();
  });

  it('says the browser refused when the permission is declined', async () => {
    await show({ requestPermission: async () => false });
    $('[data-testid="to-zotero"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('zoteroRefused'));
    expect(z.saved).toEqual([]);
  });
});

describe('发送到 Obsidian from the library page', () => {
  it('puts one article’s note on the clipboard and opens obsidian://new', async () => {
    await show();
    await selectRowsWith('意念控制', 2);
    $('[data-testid="to-obsidian"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(
      fill('obsidianCopied', '数字报/2026-07-13 海南日报 一枚“海南芯”，让“意念控制”照进现实'),
    );
    expect(copied).toHaveLength(1);
    expect(copied[0].startsWith('---\ntitle: "一枚“海南芯”，让“意念控制”照进现实"\n')).toBe(true);
    expect(opened).toEqual([
      'obsidian://new?vault=' +
        encodeURIComponent('研究') +
        '&file=' +
        encodeURIComponent('数字报/2026-07-13 海南日报 一枚“海南芯”，让“意念控制”照进现实') +
        '&clipboard&append',
    ]);
    expect($('[data-testid="obsidian-link"]').getAttribute('href')).toBe(opened[0]);
  });

  it('refuses several articles on the clipboard and writes them into a folder instead', async () => {
    await show();
    $('[data-testid="to-obsidian"]').click();
    await until(() => status() !== '');
    expect(status()).toBe(fill('obsidianOneAtATime'));
    expect(copied).toEqual([]);
    $('[data-testid="to-folder"]').click();
    await until(() => status() === fill('obsidianWritten', '3'));
    expect([...folder.keys()].every((k) => k.startsWith('数字报/') && k.endsWith('.md'))).toBe(true);
    const hainan = [...folder.entries()].find(([k]) => k.includes('海南日报'))!;
    expect(hainan[1].startsWith('---\n')).toBe(true);
    // Again, appending: the note grows by its clips and citation, the properties stay once.
    $('[data-testid="to-folder"]').click();
    await until(() => folder.get(hainan[0])!.length > hainan[1].length);
    expect(folder.get(hainan[0])!.match(/^title:/gm)).toHaveLength(1);
  });
});
