/** The demo e-paper: every page reads back through the project's Founder classic reader. */
import { describe, expect, it } from 'vitest';
import { DEMO_PATHS, demoIssues, renderIssues } from '../../demo/render';
import { layoutPath } from '../../demo/render/paths';
import { BASE, demoSite, FIXTURES, readSitePage } from './demo-site';

const site = demoSite();
const issues = demoIssues(FIXTURES);

describe('demo site', () => {
  it('has every named page, and not the missing ones', () => {
    const { missing, ...present } = DEMO_PATHS;
    for (const group of Object.values(present)) {
      for (const path of typeof group === 'string' ? [group] : Object.values(group))
        expect(site.has(path), path).toBe(true);
    }
    expect(site.has(missing.part1)).toBe(true);
    expect(site.has(missing.page)).toBe(false);
    expect(site.has(missing.part2)).toBe(false);
  });

  it.each(
    issues.flatMap((issue) =>
      issue.pages.filter((p) => !p.missing).map((p) => [layoutPath(issue, p), issue, p] as const),
    ),
  )('layout page %s lists every block once with its title', (path, issue, page) => {
    const p = readSitePage(site, path);
    expect(p.kind).toBe('layout');
    expect(p.adapter).toBe('founder-classic');
    expect(p.paper).toBe('海南日报');
    expect(p.date).toBe(issue.date);
    expect(p.label).toBe(String(Number(page.number)));
    expect(p.blocks.map((b) => b.title)).toEqual(page.articles.map((a) => a.title.replace(/\s+/g, ' ')));
    for (const b of p.blocks) {
      expect(b.polygons).toHaveLength(1);
      expect(site.has(new URL(b.href).pathname)).toBe(true);
    }
    expect(p.pageLinks).toHaveLength(issue.pages.length);
    expect(p.image).toMatchObject({ width: 400, height: 575 });
    expect(site.get(new URL(p.image!.src).pathname)?.contentType).toContain('image/svg+xml');
  });

  it('lists the missing page 004 of 07-10 in the page list, so its link 404s', () => {
    const p = readSitePage(site, DEMO_PATHS.front['2026-07-10']);
    const link = p.pageLinks.find((l) => l.label === '4');
    expect(link?.href).toBe(BASE + DEMO_PATHS.missing.page);
  });

  it('ends part 1 of the split story with 「下转A02版」 and starts part 2 with 「◀上接A01版」', () => {
    const body1 = site.get(DEMO_PATHS.split.part1)!.body;
    const body2 = site.get(DEMO_PATHS.split.part2)!.body;
    expect(body1).toContain('<P>　　下转A02版</P>\n</founder-content>');
    expect(body2).toContain('<founder-content>\n<P>　　◀上接A01版</P>');
    const a1 = readSitePage(site, DEMO_PATHS.split.part1).articles[0];
    const a2 = readSitePage(site, DEMO_PATHS.split.part2).articles[0];
    expect([a1.continuesTo, a1.pages, a2.continuedFrom, a2.pages]).toEqual(['A2', ['1'], 'A1', ['2']]);
    expect(a1.paragraphs.at(-1)?.text).toBe(
      '脑机接口，在人脑与外部设备间创建一条“信息高速通路”，让大脑与机器“直接对话”。芯片，是关键一环。彼时，高通量、低功耗、微型化——三个技术指标构成一个“不可能三角”，国产化前路漫漫。',
    );
  });

  it('publishes the duplicate pair as the site does: 001 without a marker, 006 with 「上接A01版」', () => {
    const a1 = readSitePage(site, DEMO_PATHS.duplicate.part1).articles[0];
    const a6 = readSitePage(site, DEMO_PATHS.duplicate.part2).articles[0];
    expect([a1.continuesTo, a6.continuedFrom, a6.pages]).toEqual(['', 'A1', ['6']]);
  });

  it('escapes page content: a hostile title stays text in HTML and SVG', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
    const issue = {
      paper: '海南日报',
      date: '2026-07-09',
      pages: [
        {
          number: '001',
          name: '头版',
          node: '1',
          articles: [{ id: '9', title: hostile, paragraphs: [hostile] }],
        },
      ],
    };
    const out = renderIssues([issue], hostile);
    for (const [path, file] of out) {
      // The seed's .txt is served as text/plain: the browser never parses it as HTML.
      if (file.contentType.startsWith('text/plain')) continue;
      expect(file.body, path).not.toContain('<script');
      expect(file.body, path).not.toContain('<img src=x');
    }
    const p = readSitePage(out, '/html/2026-07/09/content_1_9.htm');
    expect(p.articles[0].title).toBe(hostile);
  });
});
