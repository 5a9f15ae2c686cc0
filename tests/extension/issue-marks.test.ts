import { describe, expect, it } from 'vitest';
import { marksFromPages, scanIssue } from '../../lib/extension/issue-marks';
import { emptyPage, type Block, type Page } from '../../lib/model';

const U = 'http://127.0.0.1:4173/html/2026-07/09/';
const links = ['1', '2', '6'].map((label, i) => ({ label, name: '', href: `${U}node_${58464 + i}.htm` }));

function block(title: string, id: number): Block {
  return { title, href: `${U}content_${id}.htm`, order: 0, polygons: [] };
}

function layout(label: string, blocks: Block[]): Page {
  const href = links.find((l) => l.label === label)!.href;
  return emptyPage({ url: href, kind: 'layout', label, blocks, pageLinks: links });
}

const p1 = layout('1', [
  block('一张“纸”里的45亿元自贸港外贸账', 1),
  block('导读', 2),
  block('文明身影，汇成最美风景', 3),
]);
const p2 = layout('2', [block('导读', 4), block('海口推进城市更新', 5)]);
const p6 = layout('6', [block('一张“纸”里的45亿元自贸港外贸账', 6), block('导读', 7)]);

describe('continuation marks from the issue', () => {
  it('marks a title found on exactly one later page as continuing there, and the other way round', () => {
    expect(marksFromPages(p1, [p2, p6])).toEqual({ [`${U}content_1.htm`]: { to: '6' } });
    expect(marksFromPages(p6, [p1, p2])).toEqual({ [`${U}content_6.htm`]: { from: '1' } });
  });

  it('ignores short column titles (导读) and titles on several pages', () => {
    const p7 = layout('2', [block('一张“纸”里的45亿元自贸港外贸账', 8)]);
    expect(marksFromPages(p1, [p7, p6])).toEqual({});
    expect(marksFromPages(p2, [p1, p6])[`${U}content_4.htm`]).toBeUndefined();
  });

  it('reads the other pages through the loader, and survives a page that fails', async () => {
    const asked: string[] = [];
    const load = async ({ url }: { url?: string }) => {
      asked.push(url!);
      if (url === p2.url) throw new Error('HTTP 404');
      return [p1, p2, p6].find((p) => p.url === url)!;
    };
    expect(await scanIssue(p1, load)).toEqual({ [`${U}content_1.htm`]: { to: '6' } });
    expect(asked.sort()).toEqual([p2.url, p6.url].sort());
  });
});
