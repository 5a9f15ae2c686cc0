// @vitest-environment happy-dom
import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup';
import type { SiteState } from '../../lib/extension/shared/site-switch';
import { useLocale } from './helpers';

// Preact runs effects after the next frame: wait a little, not one microtask.
const tick = () => new Promise((r) => setTimeout(r, 30));

async function show(
  url: string,
  initial: SiteState,
  answer: { ok: true; value: SiteState } | { ok: false; error: string },
) {
  const calls: [string, boolean][] = [];
  const root = document.createElement('div');
  document.body.append(root);
  render(
    <Popup
      url={url}
      getState={async () => initial}
      setState={async (u, on) => (calls.push([u, on]), answer)}
      openReader={() => undefined}
    />,
    root,
  );
  await tick();
  const input = root.querySelector<HTMLInputElement>('[data-testid="site-switch"]')!;
  const hint = () => root.querySelector('[data-testid="site-hint"]')!.textContent;
  return { root, input, hint, calls };
}

beforeEach(() => {
  document.body.innerHTML = '';
  useLocale('zh_CN');
});

describe('Popup', () => {
  it('switches a site on through setState and shows the new state', async () => {
    const p = await show('http://epaper.example.cn:8080/html/2026-07/09/node_1.htm', 'off', {
      ok: true,
      value: 'on',
    });
    expect(p.input.checked).toBe(false);
    expect(p.root.querySelector('.site-host')!.textContent).toBe(' epaper.example.cn');
    p.input.checked = true;
    p.input.dispatchEvent(new Event('change'));
    await tick();
    await tick();
    expect(p.calls).toEqual([['http://epaper.example.cn:8080/html/2026-07/09/node_1.htm', true]]);
    expect(p.input.checked).toBe(true);
    expect(p.hint()).toBe('已开启：这个网站的页面会按数字报阅读。');
  });

  it('says so when the browser refuses the permission', async () => {
    const p = await show('https://epaper.example.cn/', 'off', { ok: false, error: 'denied' });
    p.input.checked = true;
    p.input.dispatchEvent(new Event('change'));
    await tick();
    await tick();
    expect(p.hint()).toBe('未获得访问此网站的权限。');
    expect(p.input.checked).toBe(false);
  });

  it('a non-web page: the switch is fixed', async () => {
    const p = await show('chrome://extensions/', 'unsupported', { ok: true, value: 'unsupported' });
    expect(p.input.disabled).toBe(true);
    expect(p.hint()).toBe('此页面不是网站页面，无法开启。');
  });

  it('a built-in site says 「此网站已内置支持。」 instead of offering 「按数字报阅读此网站」', async () => {
    const p = await show('http://paper.people.com.cn/rmrb/', 'builtin', { ok: true, value: 'builtin' });
    expect(p.input).toBeNull();
    expect(p.hint()).toBe('此网站已内置支持。');
    expect(p.root.textContent).not.toContain('按数字报阅读此网站');
    expect(p.root.querySelector('.site-host')!.textContent).toBe('paper.people.com.cn');
  });
});
