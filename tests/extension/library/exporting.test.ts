// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { copyText, download, type DownloadEnv } from '../../../lib/extension/pages/library/download';
import { exportName, localDate, pickData } from '../../../lib/extension/pages/library/exporting';
import { normalizeExport } from '../../../lib/extension/pages/library/export-settings';
import { parseTags } from '../../../lib/extension/pages/library/writer';
import { ok } from '../../db/factories';
import { useLocale } from '../helpers';
import { seededLibrary } from './fixtures';

beforeEach(() => useLocale('zh_CN'));

describe('export helpers', () => {
  it('picks the selected rows and only their articles', async () => {
    const l = await seededLibrary();
    const all = ok(await l.dumpAll());
    const clip = all.clips.find((c) => c.paragraphs[0] === '人民日报记者 刘成友 报道')!;
    const hl = all.highlights.find((h) => h.selectors.exact === '意念控制')!;
    const picked = pickData(all, new Set(['c:' + clip.id, 'h:' + hl.id, 'c:not-there']));
    expect(picked.clips).toEqual([clip]);
    expect(picked.highlights).toEqual([hl]);
    expect(picked.articles.map((a) => a.article.paper).sort()).toEqual(['株洲日报', '海南日报']);
    expect(pickData(all, null)).toBe(all);
    l.close();
  });

  it.each([
    ['md', 'epaper-reader-2026-01-05.md'],
    ['zip', 'epaper-reader-2026-01-05.zip'],
    ['csl', 'epaper-reader-2026-01-05.csl.json'],
    ['backup', 'epaper-reader-backup-2026-01-05.json'],
  ] as const)('names a %s file by the local date', (kind, name) => {
    expect(exportName(kind, new Date(2026, 0, 5, 23, 59))).toBe(name);
  });

  it.each([
    ['乡村振兴，#三农 、政策', ['乡村振兴', '三农', '政策']],
    ['  #科技  #科技 ＃创新; 教育；', ['科技', '创新', '教育']],
    ['', []],
  ])('parses tags typed in place: %s', (text, tags) => {
    expect(parseTags(text)).toEqual(tags);
  });

  it.each([
    [
      { marks: 'html', style: '2025' },
      { marks: 'html', style: '2025' },
    ],
    [
      { marks: 'bold', style: 2015 },
      { marks: 'equals', style: '2015' },
    ],
    [null, { marks: 'equals', style: '2015' }],
  ])('normalises stored settings %j', (raw, expected) => {
    expect(normalizeExport(raw)).toEqual(expected);
  });

  it('localDate is the local calendar date', () => {
    expect(localDate(new Date(2026, 10, 29, 0, 1))).toBe('2026-11-29');
  });
});

describe('download and clipboard', () => {
  it('offers a file through an object URL on a clicked <a download>, revoked later', async () => {
    const clicks: Array<{ href: string; name: string }> = [];
    const later: Array<() => void> = [];
    const revoked: string[] = [];
    let blob: Blob | undefined;
    const env: DownloadEnv = {
      document,
      createObjectURL: (b) => ((blob = b), 'blob:test/1'),
      revokeObjectURL: (u) => revoked.push(u),
      later: (fn) => later.push(fn),
    };
    document.addEventListener('click', (e) => {
      const a = e.target as HTMLAnchorElement;
      clicks.push({ href: a.getAttribute('href') ?? '', name: a.download });
      e.preventDefault();
    });
    expect(download(env, '摘录.md', '# 摘录\n', 'text/markdown;charset=utf-8')).toEqual({
      ok: true,
      value: null,
    });
    expect(clicks).toEqual([{ href: 'blob:test/1', name: '摘录.md' }]);
    expect(await blob!.text()).toBe('# 摘录\n');
    expect(document.querySelectorAll('a').length).toBe(0);
    expect(revoked).toEqual([]);
    later.forEach((fn) => fn());
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('reports a clipboard that is missing or refuses', async () => {
    expect((await copyText(undefined, 'x')).ok).toBe(false);
    const refused = await copyText(
      { writeText: () => Promise.reject(new Error('Document is not focused.')) },
      'x',
    );
    expect(refused).toEqual({ ok: false, error: '复制失败：Document is not focused.' });
    const written: string[] = [];
    expect(await copyText({ writeText: async (t: string) => void written.push(t) }, '返贫')).toEqual({
      ok: true,
      value: null,
    });
    expect(written).toEqual(['返贫']);
  });
});
