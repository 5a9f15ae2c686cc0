/**
 * The capture glue end to end in Node: the demo's article page in happy-dom, the selection, the tab's
 * message listener (context menu / command / popup), WXT's fake browser carrying the messages to the
 * background's library handlers on fake-indexeddb, and the highlights drawn back into a fake
 * `CSS.highlights`. Synthetic events are not trusted: they never open the toolbar.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { libraryHandlers } from '../../../lib/extension/background/library-handlers';
import { startCaptureOnPage, type CaptureIo } from '../../../lib/extension/kit/capture';
import { mountHost } from '../../../lib/extension/content/shadow-host';
import { createHandler, send, type Request, type StoryItems } from '../../../lib/messaging';
import { ok, testLibrary } from '../../db/factories';
import { userClick, userKey, useLocale } from '../helpers';
import { SPLIT_1, openDemo, rangeOver, type PageFixture } from './fixtures';

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

type Listener = Parameters<CaptureIo['onMessage']>[0];

const QUOTE = '128通道神经信号采集刺激芯片';

let page: PageFixture;
let registry: Map<string, FakeHighlight>;
let tab: Listener;
let sent: string[];
let copied: string[];

/** Deliver a message to the tab's listener the way the browser does (sendResponse). */
function toTab(message: Request): Promise<unknown> {
  return new Promise((resolve) => {
    if (tab(message, {}, resolve) !== true) resolve(undefined);
  });
}

const story = async (): Promise<StoryItems> =>
  ok(await send(fakeBrowser.runtime, { type: 'listForStory', keys: [page.article.key], urls: [page.url] }));

const settle = () => new Promise((r) => setTimeout(r, 20));

beforeEach(async () => {
  useLocale('zh_CN');
  fakeBrowser.reset();
  fakeBrowser.runtime.onMessage.addListener(createHandler(libraryHandlers(testLibrary())) as never);
  page = openDemo(SPLIT_1);
  registry = new Map();
  sent = [];
  copied = [];
  const { host, shadow, ui } = mountHost(page.doc);
  const io: CaptureIo = {
    send: (req) => {
      sent.push(req.type);
      return send(fakeBrowser.runtime, req);
    },
    registry: registry as never,
    Highlight: FakeHighlight as never,
    clipboard: async (text) => {
      copied.push(text);
      return true;
    },
    onMessage: (l) => (tab = l),
  };
  const base = {
    doc: page.doc,
    host,
    shadow,
    ui,
    url: page.url,
    listen: (t: EventTarget, type: string, fn: (e: Event) => void) => t.addEventListener(type, fn),
    defer: (fn: () => void, ms: number) => void setTimeout(fn, ms),
    now: () => performance.now(),
  };
  startCaptureOnPage(io, base, page.page);
  await settle();
});

function select(quote: string): void {
  const sel = page.doc.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(rangeOver(page.doc.body, quote));
}

const toolbar = () =>
  page.doc.getElementById('epaper-reader-root')?.shadowRoot?.querySelector('[data-testid="capture-toolbar"]');

describe('capture over the message protocol', () => {
  it('asks the library for the story by key and URL when the page opens', () => {
    expect(sent).toEqual(['listForStory']);
  });

  it('a page script’s synthetic mouseup over a selection never opens the toolbar', async () => {
    select(QUOTE);
    page.doc.body.dispatchEvent(new page.doc.defaultView!.MouseEvent('mouseup', { bubbles: true }) as Event);
    await settle();
    expect(toolbar()).toBeFalsy();
  });

  it('the context menu’s highlight saves selectors over the article text and draws the quote', async () => {
    select(QUOTE);
    expect(await toTab({ type: 'captureSelection', action: 'highlight', color: 'green' })).toEqual({
      ok: true,
      value: null,
    });
    const items = await story();
    expect(items.highlights).toHaveLength(1);
    const h = items.highlights[0];
    expect(h).toMatchObject({ articleKey: page.article.key, color: 'green', note: '' });
    expect(h.selectors.exact).toBe(QUOTE);
    expect(h.selectors.paragraph).toBe(page.article.paragraphs.findIndex((p) => p.text.includes(QUOTE)));
    // The article's text went to the library with it.
    expect(items.articles[0].article.paragraphs).toEqual(page.article.paragraphs);
    // With its page's 版名, from the page list (the content script's readPage leaves it to the kit).
    expect(page.article.parts[0].name).toBeUndefined();
    expect(items.articles[0].article.parts.map((p) => p.name)).toEqual(['头版']);
    expect([...(registry.get('epaper-green') ?? [])].map((r) => r.toString())).toEqual([QUOTE]);
    const anchor = performance.getEntriesByName('epaper:anchor').at(-1) as PerformanceMeasure | undefined;
    expect(anchor?.detail).toMatchObject({ drawn: 1, orphans: 0 });
    // The toolbar opened at the selection and says it was saved.
    expect(toolbar()?.querySelector('[data-testid="capture-status"]')?.textContent).toBe('已保存。');
  });

  it('the keyboard command’s clip keeps the touched paragraph whole with the source', async () => {
    select('一枚指甲盖大小');
    expect(await toTab({ type: 'captureSelection', action: 'clip' })).toEqual({ ok: true, value: null });
    const [clip] = (await story()).clips;
    const i = page.article.paragraphs.findIndex((p) => p.text.includes('一枚指甲盖大小'));
    expect(clip.paragraphIndexes).toEqual([i]);
    expect(clip.paragraphs).toEqual([page.article.paragraphs[i].text]);
    expect(clip.source).toMatchObject({
      paper: '海南日报',
      date: '2026-07-13',
      urls: [page.url],
      section: '头版',
    });
    // The clipped paragraph is marked on the page: a whole-paragraph range in its own entry.
    const marked = [...(registry.get('epaper-clip') ?? [])].map((r) => r.toString().trim());
    expect(marked).toEqual([page.article.paragraphs[i].text]);
  });

  it('copy puts the quote and its citation on the clipboard; no selection is an error', async () => {
    select(QUOTE);
    expect(await toTab({ type: 'captureSelection', action: 'copy' })).toEqual({ ok: true, value: null });
    expect(copied[0].split('\n')[0]).toBe(`“${QUOTE}”`);
    page.doc.getSelection()?.removeAllRanges();
    expect(await toTab({ type: 'captureSelection', action: 'highlight' })).toEqual({
      ok: false,
      error: '请先在文章里选中文字。',
    });
  });

  it('a delete elsewhere (popup) and the libraryChanged notice clear the drawing; jump says what it found', async () => {
    select(QUOTE);
    await toTab({ type: 'captureSelection', action: 'highlight' });
    const [h] = (await story()).highlights;
    expect(await toTab({ type: 'jumpToHighlight', id: h.id })).toEqual({ ok: true, value: true });
    ok(await send(fakeBrowser.runtime, { type: 'deleteHighlight', id: h.id }));
    expect(await toTab({ type: 'libraryChanged', articleKey: h.articleKey, what: 'highlight' })).toEqual({
      ok: true,
      value: null,
    });
    expect(registry.has('epaper-yellow')).toBe(false);
    expect(await toTab({ type: 'jumpToHighlight', id: h.id })).toEqual({ ok: true, value: false });
  });

  it('the note command opens the toolbar with its note box, saving nothing yet', async () => {
    select(QUOTE);
    expect(await toTab({ type: 'captureSelection', action: 'note' })).toEqual({ ok: true, value: null });
    expect(toolbar()?.querySelector('[data-testid="hl-note-input"]')).toBeTruthy();
    expect((await story()).highlights).toEqual([]);
  });

  it('leaves messages that are not capture’s to the background (no "unknown" answer from the tab)', async () => {
    expect(await toTab({ type: 'listForArticle', articleKey: 'x' })).toBeUndefined();
  });
});

describe('nothing is lost: Escape closes the innermost thing, drafts are kept', () => {
  const tool = (id: string) => toolbar()?.querySelector(`[data-testid="${id}"]`) as HTMLElement | null;
  /** Escapes that got past capture to the document (where the reader panel and the overlay listen). */
  let passed: number;
  beforeEach(() => {
    passed = 0;
    page.doc.addEventListener('keydown', (e) => void ((e as KeyboardEvent).key === 'Escape' && passed++));
  });
  function typeNote(text: string): void {
    const box = tool('hl-note-input') as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new page.doc.defaultView!.Event('input', { bubbles: true }) as Event);
  }

  it('Escape in the note box closes the box (draft kept), then the toolbar, and only then reaches the page', async () => {
    select(QUOTE);
    await toTab({ type: 'captureSelection', action: 'note' });
    typeNote('要核对的数字');
    await settle();
    // Escape during an input method's composition is the IME's (it drops the candidates).
    userKey(tool('hl-note-input')!, 'Escape', { isComposing: true });
    await settle();
    expect(tool('hl-note-input')).toBeTruthy();
    userKey(tool('hl-note-input')!, 'Escape');
    await settle();
    expect(tool('hl-note-input')).toBeNull();
    expect(toolbar()).toBeTruthy();
    expect(passed).toBe(0);
    userKey(page.doc, 'Escape');
    await settle();
    expect(toolbar()).toBeFalsy();
    expect(passed).toBe(0);
    userKey(page.doc, 'Escape');
    expect(passed).toBe(1);
    // The same selection again: the unsaved note is still there.
    await toTab({ type: 'captureSelection', action: 'note' });
    await settle();
    expect((tool('hl-note-input') as HTMLTextAreaElement).value).toBe('要核对的数字');
    expect((await story()).highlights).toEqual([]);
  });

  it('a page script’s synthetic Escape closes nothing', async () => {
    select(QUOTE);
    await toTab({ type: 'captureSelection', action: 'note' });
    await settle();
    page.doc.dispatchEvent(new page.doc.defaultView!.KeyboardEvent('keydown', { key: 'Escape' }) as Event);
    await settle();
    expect(tool('hl-note-input')).toBeTruthy();
  });

  it('after a highlight the toolbar stays, now on the highlight (its colour pressed, delete offered)', async () => {
    select(QUOTE);
    await toTab({ type: 'captureSelection', action: 'highlight', color: 'blue' });
    await new Promise((r) => setTimeout(r, 1700)); // longer than the old fade-out
    expect(tool('capture-status')?.textContent).toBe('已保存。');
    expect(tool('hl-color-blue')?.getAttribute('aria-pressed')).toBe('true');
    expect(tool('hl-delete')).toBeTruthy();
    // A note added now goes to that highlight; Enter in the tag line saves it.
    userClick(tool('hl-note')!);
    await settle();
    typeNote('核对');
    await settle();
    userKey(tool('hl-tags')!, 'Enter');
    await settle();
    const [h] = (await story()).highlights;
    expect(h).toMatchObject({ color: 'blue', note: '核对' });
    expect((await story()).highlights).toHaveLength(1);
  });
});
