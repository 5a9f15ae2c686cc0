// @vitest-environment happy-dom
/** The toolbar component: colours, the note box with tags, clip with the box's note, edit mode. */
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Orphans } from '../../../components/capture/Orphans';
import { useState } from 'preact/hooks';
import { Toolbar, type NoteDraft, type ToolbarProps } from '../../../components/capture/Toolbar';
import type { HighlightColor } from '../../../lib/model';
import { makeSelectors } from '../../db/factories';
import { userClick, userKey, useLocale } from '../helpers';

let calls: string[];
let root: HTMLElement;

/** The toolbar under a parent that keeps its note box state, as the capture app does. */
function Host(props: Partial<ToolbarProps>) {
  const e = props.editing;
  const [draft, setDraft] = useState<NoteDraft>(
    e ? { note: e.note, tags: e.tags.join(' ') } : { note: '', tags: '' },
  );
  const [noteOpen, setNoteOpen] = useState(false);
  return (
    <Toolbar
      noteOpen={noteOpen}
      draft={draft}
      onNoteOpen={setNoteOpen}
      onDraft={(patch) => setDraft((d) => ({ ...d, ...patch }))}
      onColor={(c: HighlightColor) => calls.push(`color:${c}`)}
      onNote={(note, tags) => calls.push(`note:${note}|${tags.join(',')}`)}
      onClip={(note, tags) => calls.push(`clip:${note}|${tags.join(',')}`)}
      onCopy={() => calls.push('copy')}
      {...props}
    />
  );
}

function show(props: Partial<ToolbarProps> = {}): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  render(<Host {...props} />, root);
  return root;
}

const q = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;
function type(id: string, value: string): void {
  const el = q(id) as HTMLInputElement;
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
}
const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
  useLocale('zh_CN');
  calls = [];
  document.body.innerHTML = '';
});

describe('Toolbar', () => {
  it('offers the five colours with their names, then note, clip and copy', () => {
    show();
    const labels = Array.from(root.querySelectorAll('.swatch')).map((b) => b.getAttribute('aria-label'));
    expect(labels).toEqual(['用黄色划线', '用绿色划线', '用蓝色划线', '用粉色划线', '用紫色划线']);
    userClick(q('hl-color-blue'));
    userClick(q('hl-copy'));
    expect(calls).toEqual(['color:blue', 'copy']);
    expect(q('hl-delete')).toBeNull();
  });

  it('saves the note with its tags, and a clip takes what the note box holds', async () => {
    show();
    userClick(q('hl-note'));
    await flush();
    type('hl-note-input', '芯片是关键');
    type('hl-tags', '芯片，脑机接口');
    await flush();
    userClick(q('hl-note-save'));
    userClick(q('hl-clip'));
    expect(calls).toEqual(['note:芯片是关键|芯片,脑机接口', 'clip:芯片是关键|芯片,脑机接口']);
  });

  it('Enter in the tag line saves the note, but not while an input method is composing', async () => {
    show();
    userClick(q('hl-note'));
    await flush();
    type('hl-note-input', '要核对');
    type('hl-tags', '芯片');
    await flush();
    userKey(q('hl-tags'), 'Enter', { isComposing: true });
    expect(calls).toEqual([]);
    q('hl-tags').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true })); // synthetic
    expect(calls).toEqual([]);
    userKey(q('hl-tags'), 'Enter');
    expect(calls).toEqual(['note:要核对|芯片']);
  });

  it('a press on a button keeps the page selection (default prevented), typing in the box does not', () => {
    show();
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true });
    q('hl-color-yellow').dispatchEvent(down);
    expect(down.defaultPrevented).toBe(true);
  });

  it('over an existing highlight: its colour pressed, its note and tags in the box, and delete', async () => {
    show({
      editing: { color: 'pink', note: '旧笔记', tags: ['三亚'] },
      onClip: undefined,
      onCopy: undefined,
      onDelete: () => calls.push('delete'),
    });
    expect(q('hl-color-pink').getAttribute('aria-pressed')).toBe('true');
    expect(q('hl-clip')).toBeNull();
    userClick(q('hl-note'));
    await flush();
    expect((q('hl-note-input') as HTMLTextAreaElement).value).toBe('旧笔记');
    expect((q('hl-tags') as HTMLInputElement).value).toBe('三亚');
    userClick(q('hl-delete'));
    expect(calls).toEqual(['delete']);
  });

  it('shows the outcome, an error in its own style', () => {
    show({ status: { text: '没有保存：数据库已关闭', error: true } });
    expect(q('capture-status').textContent).toBe('没有保存：数据库已关闭');
    expect(q('capture-status').className).toContain('error');
  });
});

describe('Orphans', () => {
  it('lists kept highlights it cannot place, by quote, and nothing when there are none', () => {
    root = document.createElement('div');
    document.body.append(root);
    const h = {
      id: 'h1',
      articleKey: 'k',
      color: 'yellow' as const,
      selectors: makeSelectors('<b>这段文字</b>已经改写'),
      note: '要核对',
      tags: [],
      createdAt: 0,
      updatedAt: 0,
    };
    render(<Orphans items={[h]} onDelete={(id) => calls.push(`delete:${id}`)} />, root);
    expect(q('orphans').querySelector('summary')?.textContent).toBe('本页找不到的划线（1）');
    // Page text is shown as text, never as markup.
    expect(root.querySelector('q')?.textContent).toBe('<b>这段文字</b>已经改写');
    expect(root.querySelector('b')).toBeNull();
    userClick(q('orphan-delete'));
    expect(calls).toEqual(['delete:h1']);
    render(<Orphans items={[]} />, root);
    expect(q('orphans')).toBeNull();
  });
});
