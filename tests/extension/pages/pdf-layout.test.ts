/**
 * reader.html?pdf=…&page=…: the layout page's image map cuts the linked PDF (pdf-layout.ts and
 * readPdfFiles), over Node's pdf.js and the real page PDF rmrb2018010207.pdf (read in place from
 * ../shared), the PDF and a demo layout page (tests/helpers/rmrb-layout.ts) served by a real HTTP
 * server on 127.0.0.1 and the layout page read by lib/sites' readPage, as reader.html does.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodePdfJs, nodePdfOptions } from '../../../cli/pdfjs';
import { fetchLinkedPdf, readPdfFiles, type PdfDeps } from '../../../lib/extension/pages/pdf';
import { layoutPage, linkedPdf } from '../../../lib/extension/pages/pdf-layout';
import type { Page } from '../../../lib/model';
import { readPage } from '../../../lib/sites';
import { stitchPages } from '../../../lib/stitch';
import { docFromHtml } from '../../helpers/dom';
import { HAVE_PDF_FIXTURES, NO_PDF_FIXTURES, PDF_FIXTURES } from '../../helpers/pdf-truth';
import { LAYOUT_PATH, PDF_PATH, rmrbLayoutHtml } from '../../helpers/rmrb-layout';
import { writePdf } from '../../pdf/pdf-writer';
import { useLocale } from '../helpers';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);

const deps: PdfDeps = {
  pdfjs: nodePdfJs,
  assetUrl: () => nodePdfOptions().cMapUrl,
  stitch: (pages) => stitchPages(pages),
};
const GEOMETRY = ['新时代：发展新方位 奋进新目标', '意气风发走进新时代', '深刻理解新时代划时代意义'];
const OUTLINES = GEOMETRY.slice(0, 2);

describe.skipIf(!HAVE_PDF_FIXTURES)(
  'the linked PDF cut by its layout page (real server on 127.0.0.1)',
  () => {
    let server: Server;
    let base = '';
    const pages: Record<string, string> = {
      [LAYOUT_PATH]: rmrbLayoutHtml(),
      '/rmrb/html/2018-01/03/nbs.D110000renmrb_07.htm': rmrbLayoutHtml('2018年01月03日'),
      '/rmrb/html/2018-01/02/nbs.D110000renmrb_08.htm': rmrbLayoutHtml('2018年01月02日', '08'),
      '/rmrb/html/2018-01/02/nbs.D110000renmrb_09.htm': '<html><body><p>没有版面图</p></body></html>',
    };
    // What reader.html's page source does for ?page=: fetch (the background's fetchPage), readPage.
    const load = async (url: string): Promise<Page> => {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return readPage(docFromHtml(await res.text(), url), url);
    };
    const read = async (layoutPath: string) => {
      const files = await linkedPdf(`${base}${PDF_PATH}`, layoutPath && `${base}${layoutPath}`, {
        fetchPdf: (u) => fetchLinkedPdf(u),
        load,
      });
      if ('error' in files) throw new Error(files.error);
      return readPdfFiles(files, deps);
    };

    beforeAll(async () => {
      const pdf = readFileSync(join(PDF_FIXTURES, 'rmrb2018010207.pdf'));
      server = createServer((req, res) => {
        const path = (req.url ?? '').split('?')[0];
        if (path === PDF_PATH) res.writeHead(200, { 'content-type': 'application/pdf' }).end(pdf);
        else if (pages[path])
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[path]);
        else res.writeHead(404).end('not found');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));
    beforeEach(() => useLocale('en'));

    it('reads the demo layout page as 人民日报’s: page 7 of 2018-01-02, two outlines over a 400 × 566 image', async () => {
      const got = await layoutPage(`${base}${LAYOUT_PATH}`, load);
      expect('page' in got && got.page).toMatchObject({
        kind: 'layout',
        label: '7',
        date: '2018-01-02',
        image: { width: 400, height: 566 },
      });
      const page = (got as { page: Page }).page;
      expect(page.blocks.map((b) => [b.title, b.polygons.length])).toEqual(OUTLINES.map((t) => [t, 1]));
    });

    it('without a layout page the PDF is read by geometry: three articles, no note', async () => {
      const r = await read('');
      expect(r.problems).toEqual([]);
      expect(r.articles.map((a) => a.title)).toEqual(GEOMETRY);
    });

    it('with its layout page the outlines decide: two articles, the second all of the right-hand column', async () => {
      const [cut, whole] = [await read(LAYOUT_PATH), await read('')];
      expect(cut.problems).toEqual([]);
      expect(cut.articles.map((a) => a.title)).toEqual(OUTLINES);
      // The lead article's outline holds the lead article's text, and none of the bottom one's.
      const text = (a: { paragraphs: Array<{ text: string }> }) => a.paragraphs.map((p) => p.text).join('');
      expect(text(cut.articles[1])).toBe(text(whole.articles[1]));
      expect(text(cut.articles[0])).not.toContain(text(whole.articles[2]).slice(0, 40));
    });

    it.each([
      [
        'a layout page of another date',
        '/rmrb/html/2018-01/03/nbs.D110000renmrb_07.htm',
        /rmrb2018010207\.pdf is not the page of the layout page .*03\/nbs\.D110000renmrb_07\.htm/,
      ],
      [
        'a layout page of another page',
        '/rmrb/html/2018-01/02/nbs.D110000renmrb_08.htm',
        /is not the page of the layout page/,
      ],
      ['a page without an image map', '/rmrb/html/2018-01/02/nbs.D110000renmrb_09.htm', /has no image map/],
      [
        'a layout page that answers 404',
        '/rmrb/html/2018-01/02/nbs.D110000renmrb_10.htm',
        /could not be had/,
      ],
    ])('%s: read by geometry alone, and a note says so', async (_, path, says) => {
      const r = await read(path);
      expect(r.problems).toEqual([expect.stringMatching(says)]);
      expect(r.articles.map((a) => a.title)).toEqual(GEOMETRY);
    });

    it('a scanned PDF with its layout page: only the scan’s own message', async () => {
      const layout = (await layoutPage(`${base}${LAYOUT_PATH}`, load)) as { page: Page };
      const bytes = writePdf([{ image: true }]);
      const r = await readPdfFiles([{ name: 'scan.pdf', bytes, layout: layout.page }], deps);
      expect(r).toEqual({
        articles: [],
        problems: ['Page 1 of scan.pdf has no text layer (it is a scanned image): there is no text to read.'],
      });
    });

    it.each([
      ['en', 'The layout page ftp://x/a.htm could not be had: the PDF is read by its geometry alone.'],
      ['zh_CN', '无法取得版面页 ftp://x/a.htm，PDF 只按版面几何读取。'],
    ] as const)('a layout page address that is not http(s): the note in %s', async (lang, says) => {
      useLocale(lang);
      expect(await layoutPage('ftp://x/a.htm', load)).toEqual({ note: says });
    });
  },
);
