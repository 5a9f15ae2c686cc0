/**
 * The issue EPUB: Debian's epubcheck finds no error in the demo issues' books (a page missing,
 * articles without text, a cover), the OCF rules hold (mimetype first and stored), and reading a
 * book back finds every article of the 目录 once, stitched stories once, with its source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { issueEpub } from '../../lib/export/issue';
import { DEMO_PATHS } from '../../demo/render';
import { demoImage, demoToc } from '../issue/demo-toc';

const JAR = '/usr/share/java/epubcheck.jar';
const hasEpubcheck = existsSync(JAR);
if (!hasEpubcheck)
  console.warn(`${JAR} is missing (apt-get install epubcheck): the epubcheck tests are skipped`);
const dir = mkdtempSync(join(tmpdir(), 'epub-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function book(date: keyof typeof DEMO_PATHS.front, cover = true) {
  const toc = await demoToc(DEMO_PATHS.front[date]);
  const bytes = issueEpub(toc, {
    modified: '2026-11-29T08:00:00Z',
    accessed: '2026-11-29',
    cover: cover && toc.cover ? demoImage(toc.cover) : undefined,
  });
  return { toc, bytes };
}

/** Chapter files of a book and their text, tags removed. */
function chapters(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(
    Object.entries(files)
      .filter(([name]) => name.startsWith('OEBPS/articles/'))
      .map(([name, b]) => [name, strFromU8(b)]),
  );
}

describe('issue EPUB', () => {
  it.skipIf(!hasEpubcheck).each(['2026-07-09', '2026-07-10', '2026-07-13'] as const)(
    'epubcheck: the %s book has no errors or warnings',
    async (date) => {
      const file = join(dir, `${date}.epub`);
      writeFileSync(file, (await book(date)).bytes);
      // Non-zero exit on any error; the output names each message.
      const out = execFileSync('java', ['-jar', JAR, '--quiet', file], { encoding: 'utf8', stdio: 'pipe' });
      expect(out).not.toMatch(/ERROR|FATAL|WARNING/);
    },
    60_000,
  );

  it('mimetype is the first entry, stored, with the EPUB media type', async () => {
    const { bytes } = await book('2026-07-13');
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint32(0, true)).toBe(0x04034b50); // local file header
    expect(view.getUint16(8, true)).toBe(0); // compression: stored
    const nameLength = view.getUint16(26, true);
    const extra = view.getUint16(28, true);
    expect(strFromU8(bytes.subarray(30, 30 + nameLength))).toBe('mimetype');
    expect(extra).toBe(0);
    expect(strFromU8(bytes.subarray(30 + nameLength, 30 + nameLength + 20))).toBe('application/epub+zip');
  });

  it.each(['2026-07-09', '2026-07-10', '2026-07-13'] as const)(
    'reading the %s book back finds every article of the 目录 once, with its source',
    async (date) => {
      const { toc, bytes } = await book(date);
      const docs = chapters(bytes);
      expect(docs.size).toBe(toc.entries.length);
      for (const e of toc.entries) {
        const holding = [...docs.values()].filter((d) => d.includes(`<h1>${escape(e.title)}</h1>`));
        expect(holding, e.title).toHaveLength(1);
        expect(holding[0]).toContain(`来源：${e.article.paper} ${e.article.date} 第${e.pages.join('、')}版`);
        // Its longest paragraph once in the whole book (the duplicate regime's copy is not repeated;
        // short credits such as a photographer's line repeat across articles as printed).
        const longest = [...e.article.paragraphs].sort((x, y) => y.text.length - x.text.length)[0];
        if (longest) {
          const text = escape(longest.text.trim());
          expect([...docs.values()].join('').split(text).length - 1, e.title).toBe(1);
        }
      }
    },
  );

  it('the nav lists 版面 → 文章, the package is zh-CN with the cover image', async () => {
    const { bytes } = await book('2026-07-13');
    const files = unzipSync(bytes);
    const nav = strFromU8(files['OEBPS/nav.xhtml']);
    expect(nav).toMatch(
      /<li><a href="pages\/p001.xhtml">第1版 头版<\/a><ol>\n<li><a href="articles\/a0001.xhtml">/,
    );
    const opf = strFromU8(files['OEBPS/package.opf']);
    expect(opf).toContain('<dc:language>zh-CN</dc:language>');
    expect(opf).toContain('properties="cover-image"');
    expect(files['OEBPS/images/cover.svg']).toBeDefined();
  });

  it('page text cannot become markup: a title with tags and a control character stays text', async () => {
    const toc = await demoToc(DEMO_PATHS.front['2026-07-13']);
    const e = toc.entries[0];
    const hostile = {
      ...e,
      title: '<script>alert(1)</script>\u0001&',
      article: { ...e.article, title: '<script>' },
    };
    const docs = chapters(
      issueEpub(
        { ...toc, entries: [hostile], pages: [{ ...toc.pages[0], entries: [hostile] }] },
        { modified: '2026-11-29T08:00:00Z' },
      ),
    );
    const text = [...docs.values()][0];
    expect(text).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt;&amp;</h1>');
    expect(text).not.toContain('<script>');
  });
});

function escape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
