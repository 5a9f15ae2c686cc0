// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PopupLibrary } from '../../../components/popup/PopupLibrary';
import type { Library } from '../../../lib/db/index.ts';
import { makeWriter } from '../../../lib/extension/pages/library/writer';
import type { Result } from '../../../lib/model';
import { makeArticle, ok } from '../../db/factories';
import { useLocale } from '../helpers';
import { HAINAN, directPost, seededLibrary, until } from './fixtures';

let l: Library;
let root: HTMLElement;
let jumps: string[];
let opened: Array<string | undefined>;

async function show(url: string, jumpAnswer: Result<boolean>): Promise<void> {
  jumps = [];
  opened = [];
  root = document.createElement('div');
  document.body.append(root);
  render(
    <PopupLibrary
      url={url}
      reader={l}
      writer={makeWriter(directPost(l))}
      jump={async (id) => (jumps.push(id), jumpAnswer)}
      openLibrary={(k) => opened.push(k)}
      now={() => 42}
    />,
    root,
  );
  await until(() => root.querySelector('[data-testid="pop-recent"]') !== null);
}

const items = () => [...root.querySelectorAll('[data-testid="pop-item"]')] as HTMLElement[];
const $ = (sel: string, el: ParentNode = root) => el.querySelector(sel) as HTMLElement;
const status = () => $('[data-testid="pop-status"]')?.textContent ?? '';

beforeEach(async () => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
  l = await seededLibrary();
});
afterEach(() => l.close());

describe('popup library part', () => {
  it("lists the current article's highlights and clips in the order made, and the recent clips with counts", async () => {
    await show(makeArticle().urls[0], { ok: true, value: true });
    expect($('[data-testid="pop-article"] h2').textContent).toBe('乡村振兴“开卷” 株洲这样作答');
    expect(items().map((i) => [i.dataset.kind, $('[data-testid="pop-quote"]', i).textContent])).toEqual([
      ['clip', '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。'],
      ['clip', '人民日报记者 刘成友 报道'],
      ['clip', '刘成在会上说，成友们要团结。'],
      ['highlight', '防止规模性返贫是底线'],
      ['highlight', '强富美'],
    ]);
    const groups = [...root.querySelectorAll('[data-testid="pop-group"]')].map((g) => [
      $('[data-testid="pop-group-open"]', g).textContent,
      $('[data-testid="pop-group-count"]', g).textContent,
      $('[data-testid="pop-group-meta"]', g).textContent,
    ]);
    expect(groups).toEqual([
      ['<script>alert(1)</script><img src=x onerror=alert(2)>', '1 条', '测试报 · 2024-01-02 · 第3版'],
      [HAINAN.title, '1 条', '海南日报 · 2026-07-13 · 第1、2版'],
      ['乡村振兴“开卷” 株洲这样作答', '3 条', '株洲日报 · 2022-02-07 · A1版'],
    ]);
    expect(root.querySelectorAll('script, img').length).toBe(0);
    expect($('[data-testid="pop-library"]').dataset.renderMs).toBe('42.0');
  });

  it('says so when the page has nothing saved', async () => {
    await show('http://127.0.0.1/html/2026-07/09/node_58464.htm', { ok: true, value: true });
    expect($('[data-testid="pop-no-article"]').textContent).toBe('这个页面还没有划线或摘录。');
  });

  it('jumps to a highlight, and shows a note when the page does not answer', async () => {
    await show(HAINAN.urls[0], { ok: false, error: 'Could not establish connection.' });
    $('[data-testid="pop-jump"]').click();
    await until(() => status() !== '');
    expect(jumps).toHaveLength(1);
    expect(status()).toBe('这条划线所在的页面没有打开。');
  });

  it('changes a colour, edits a note, and deletes with undo', async () => {
    await show(HAINAN.urls[0], { ok: true, value: true });
    const hl = () => items().find((i) => i.dataset.kind === 'highlight') as HTMLElement;
    $('[data-testid="pop-color-purple"]', hl()).click();
    await until(() => $('[data-testid="pop-color-purple"]', hl()).getAttribute('aria-pressed') === 'true');
    $('[data-testid="pop-note"]', hl()).click();
    await until(() => !!$('[data-testid="pop-note-input"]'));
    ($('[data-testid="pop-note-input"]') as HTMLTextAreaElement).value = '脑机接口';
    $('[data-testid="pop-note-input"]').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }),
    );
    await until(() => $('[data-testid="pop-note-text"]', hl())?.textContent === '脑机接口');
    const saved = ok(await l.listForArticle(HAINAN.key)).highlights[0];
    expect([saved.color, saved.note]).toEqual(['purple', '脑机接口']);

    $('[data-testid="pop-delete"]', hl()).click();
    await until(() => items().length === 1);
    expect(ok(await l.listForArticle(HAINAN.key)).highlights).toEqual([]);
    $('[data-testid="pop-undo"]').click();
    await until(() => items().length === 2);
    const back = ok(await l.listForArticle(HAINAN.key)).highlights[0];
    expect([back.id, back.createdAt, back.color, back.note]).toEqual([
      saved.id,
      saved.createdAt,
      'purple',
      '脑机接口',
    ]);
  });
});
