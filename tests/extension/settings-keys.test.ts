import { describe, expect, it } from 'vitest';
import { moveIndex, overlayKey } from '../../lib/extension/content/keys';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  normalizeSettings,
  saveSettings,
} from '../../lib/extension/shared/reader-settings';
import { safeImage, safeLink } from '../../lib/extension/shared/urls';

describe('reader settings', () => {
  it.each([
    [undefined, DEFAULT_SETTINGS],
    [
      { fontSize: 100, font: 'sans', theme: 'dark', width: 46 },
      { fontSize: 28, font: 'sans', theme: 'dark', width: 46 },
    ],
    // A line length not offered (an old version, a hand edit) is the default.
    [{ width: 500 }, DEFAULT_SETTINGS],
    [{ width: '32' }, DEFAULT_SETTINGS],
    [{ fontSize: 'big', font: 'comic', theme: 'blue' }, DEFAULT_SETTINGS],
    [{ fontSize: 15.4 }, { ...DEFAULT_SETTINGS, fontSize: 15 }],
  ])('normalizeSettings(%j)', (raw, expected) => {
    expect(normalizeSettings(raw)).toEqual(expected);
  });

  it('round-trips through a storage area, and falls back to defaults when storage fails', async () => {
    const store: Record<string, unknown> = {};
    const area = {
      get: async (k: string) => ({ [k]: store[k] }),
      set: async (o: Record<string, unknown>) => void Object.assign(store, o),
    };
    await saveSettings(area, { fontSize: 22, font: 'sans', theme: 'dark', width: 32 });
    expect(await loadSettings(area)).toEqual({ fontSize: 22, font: 'sans', theme: 'dark', width: 32 });
    const broken = { get: async () => Promise.reject(new Error('no')), set: async () => undefined };
    expect(await loadSettings(broken)).toEqual(DEFAULT_SETTINGS);
  });
});

describe('overlay keys', () => {
  const key = (k: string, mods: Partial<KeyboardEvent> = {}) => ({
    key: k,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });
  it.each([
    ['j', null, 'next'],
    ['k', null, 'prev'],
    ['Enter', null, 'open'],
    ['Escape', null, 'close'],
    ['x', null, null],
  ])('%s → %s', (k, _t, expected) => {
    expect(overlayKey(key(k), null)).toBe(expected);
  });

  it('leaves typing and shortcuts alone', () => {
    expect(overlayKey(key('j'), { tagName: 'INPUT' } as unknown as EventTarget)).toBeNull();
    expect(
      overlayKey(key('j'), { tagName: 'DIV', isContentEditable: true } as unknown as EventTarget),
    ).toBeNull();
    expect(overlayKey(key('j', { ctrlKey: true }), null)).toBeNull();
  });

  it.each([
    [-1, 'next', 5, 0],
    [-1, 'prev', 5, 4],
    [4, 'next', 5, 4],
    [0, 'prev', 5, 0],
    [2, 'next', 5, 3],
    [-1, 'next', 0, -1],
  ] as const)('moveIndex(%i, %s, %i) → %i', (cur, k, n, expected) => {
    expect(moveIndex(cur, k, n)).toBe(expected);
  });
});

describe('url guards', () => {
  it.each([
    ['javascript:alert(1)', undefined, ''],
    ['  JAVASCRIPT:alert(1)', undefined, ''],
    ['data:text/html,<b>', undefined, ''],
    ['content_1.htm', 'http://a.cn/html/x/node_1.htm', 'http://a.cn/html/x/content_1.htm'],
    ['https://b.cn/p', undefined, 'https://b.cn/p'],
  ])('safeLink(%s)', (href, base, expected) => {
    expect(safeLink(href, base)).toBe(expected);
  });

  it('keeps images on the page origin only', () => {
    expect(safeImage('/pic/1.jpg', 'http://a.cn/x')).toBe('http://a.cn/pic/1.jpg');
    expect(safeImage('http://evil.cn/1.jpg', 'http://a.cn/x')).toBe('');
    expect(safeImage('/pic/1.jpg', 'paste:1')).toBe('');
  });
});
