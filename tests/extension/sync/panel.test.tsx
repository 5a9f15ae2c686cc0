// @vitest-environment happy-dom
// The sync panel in both languages: address forms named, state and errors in words, and the
// actions called with what was typed.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncPanel, type SyncPanelProps } from '../../../components/library/sync/SyncPanel';
import type { SyncSettings } from '../../../lib/extension/shared/sync-settings';
import { until } from '../library/fixtures';
import { useLocale } from '../helpers';

let root: HTMLElement;
const q = (id: string) => root.querySelector(`[data-testid="${id}"]`) as HTMLElement;

function mount(over: Partial<SyncPanelProps> = {}) {
  const calls: Array<[string, SyncSettings?]> = [];
  const props: SyncPanelProps = {
    settings: null,
    status: null,
    onTest: async (s) => (calls.push(['test', s]), { text: 'ok', error: false }),
    onSave: async (s) => (calls.push(['save', s]), { text: 'saved', error: false }),
    onSyncNow: async () => (calls.push(['now']), { text: 'started', error: false }),
    onTurnOff: async () => (calls.push(['off']), { text: 'off', error: false }),
    ...over,
  };
  render(<SyncPanel {...props} />, root);
  return calls;
}

function type(id: string, value: string) {
  const input = q(id) as HTMLInputElement;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('sync panel', () => {
  it('names both address forms and says sync is off (zh_CN)', () => {
    useLocale('zh_CN');
    mount();
    expect(q('sync-state').textContent).toBe('未开启');
    expect(q('sync-hint').textContent).toContain('https://dav.jianguoyun.com/dav/');
    expect(q('sync-hint').textContent).toContain('/remote.php/dav/files/');
    expect(q('sync-test').textContent).toBe('测试连接');
    expect(q('sync-now')).toBeNull();
  });

  it('tests and saves what was typed', async () => {
    useLocale('en');
    const calls = mount();
    type('sync-url', 'https://dav.jianguoyun.com/dav/epaper/');
    type('sync-user', 'reader@example.com');
    type('sync-password', 'app-pass');
    q('sync-test').click();
    await until(() => q('sync-message')?.textContent === 'ok');
    q('sync-save').click();
    await until(() => q('sync-message')?.textContent === 'saved');
    const s = {
      url: 'https://dav.jianguoyun.com/dav/epaper/',
      user: 'reader@example.com',
      password: 'app-pass',
    };
    expect(calls).toEqual([
      ['test', { ...s, enabled: false }],
      ['save', { ...s, enabled: true }],
    ]);
  });

  it.each([
    ['zh_CN', '加密口令（可不填）', '端到端加密', '每台设备都要填同一个口令'],
    ['en', 'Encryption passphrase (optional)', 'end-to-end encrypted', 'same passphrase on every device'],
  ] as const)(
    'asks for an optional passphrase, hidden as typed, and says encryption is on (%s)',
    async (lang, label, on, hint) => {
      useLocale(lang);
      const settings = { url: 'https://x/dav/', user: 'u', password: 'p', enabled: true };
      const calls = mount({ settings, status: { running: false, pending: 0 } });
      const input = q('sync-passphrase') as HTMLInputElement;
      expect([input.type, input.getAttribute('aria-label'), input.autocomplete]).toEqual([
        'password',
        label,
        'new-password',
      ]);
      expect(q('sync-passphrase-hint').textContent).toContain(hint);
      expect(q('sync-state').textContent).not.toContain(on);
      type('sync-passphrase', '口令 2026');
      q('sync-save').click();
      await until(() => q('sync-message')?.textContent === 'saved');
      expect(calls).toEqual([['save', { ...settings, passphrase: '口令 2026' }]]);
      mount({ settings: { ...settings, passphrase: '口令 2026' }, status: { running: false, pending: 0 } });
      expect(q('sync-state').textContent).toContain(on);
    },
  );

  it.each([
    ['zh_CN', { code: 'passphrase' }, '加密口令打不开这个文件夹里的文件'],
    ['en', { code: 'passphrase' }, 'does not open the files in this folder'],
    ['zh_CN', { code: 'encrypted' }, '请在同步设置里填写加密口令'],
    ['en', { code: 'encrypted' }, 'no passphrase is set here'],
    ['zh_CN', { code: 'bad-data' }, '其中内容一项也没有合并'],
    ['en', { code: 'bad-data' }, 'nothing in it was applied'],
    ['zh_CN', { code: 'auth', status: 401 }, '用户名或密码不对（401）'],
    ['en', { code: 'quota', status: 507 }, 'The account is full (507)'],
    ['zh_CN', { code: 'rate-limit', status: 429, retryAt: Date.UTC(2026, 11, 4, 19) }, '将于'],
    ['en', { code: 'offline' }, 'cannot be reached'],
  ] as const)('shows the state and the last error in words (%s, %j)', (lang, error, words) => {
    useLocale(lang);
    mount({
      settings: { url: 'https://x/dav/', user: 'u', password: 'p', enabled: true },
      status: {
        running: false,
        pending: 3,
        lastSyncedAt: Date.UTC(2026, 11, 4, 18),
        lastError: { detail: '', ...error },
      },
    });
    expect(q('sync-state').textContent).toContain(lang === 'en' ? '3 changes to upload' : '待上传 3 项');
    expect(q('sync-error').textContent).toContain(words);
    expect(q('sync-now')).not.toBeNull();
  });
});
