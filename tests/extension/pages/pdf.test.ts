/**
 * reader.html's PDF mode without the browser: readPdfFiles over Node's pdf.js (the same lib/pdf and
 * load.ts reader.html runs), messages in both languages; fetchLinkedPdf against a real HTTP server on
 * 127.0.0.1 (tests/extension/pages/pdf-link.test.ts: the popup's search for the page's PDF link).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodePdfJs, nodePdfOptions } from '../../../cli/pdfjs';
import { fetchLinkedPdf, readPdfFiles, type PdfDeps } from '../../../lib/extension/pages/pdf';
import { stitchPages } from '../../../lib/stitch';
import { writePdf } from '../../pdf/pdf-writer';
import { useLocale } from '../helpers';

const deps: PdfDeps = {
  pdfjs: nodePdfJs,
  assetUrl: () => nodePdfOptions().cMapUrl,
  stitch: (pages) => stitchPages(pages),
};
const line = (s: string, y: number) => ({ x: 72, y, size: 12, s });
const story = writePdf([
  { text: [line('Rural roads reach every village this year, the county says.', 700)] },
]);

describe('readPdfFiles', () => {
  beforeEach(() => useLocale('en'));

  it('reads a PDF into its article', async () => {
    const r = await readPdfFiles([{ name: 'a.pdf', bytes: story }], deps);
    expect(r.problems).toEqual([]);
    expect(r.articles).toHaveLength(1);
    expect(r.articles[0].paragraphs[0].text).toBe(
      'Rural roads reach every village this year, the county says.',
    );
  });

  it.each([
    ['en', 'locked.pdf is encrypted (password protected) and cannot be read.'],
    ['zh_CN', 'locked.pdf 已加密（有密码保护），无法读取。'],
  ] as const)('an encrypted PDF: the message in %s', async (lang, says) => {
    useLocale(lang);
    const r = await readPdfFiles([{ name: 'locked.pdf', bytes: writePdf([{}], { encrypted: true }) }], deps);
    expect(r).toEqual({ articles: [], problems: [says] });
  });

  it('names each bad file and still reads the good one', async () => {
    const r = await readPdfFiles(
      [
        { name: 'scan.pdf', bytes: writePdf([{ image: true }]) },
        { name: 'page.htm', bytes: new TextEncoder().encode('<html><body>not a pdf</body></html>') },
        { name: 'a.pdf', bytes: story },
      ],
      deps,
    );
    expect(r.problems).toEqual([
      'Page 1 of scan.pdf has no text layer (it is a scanned image): there is no text to read.',
      'page.htm is not a PDF file.',
    ]);
    expect(r.articles).toHaveLength(1);
  });
});

describe('fetchLinkedPdf (a real server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/page/2018-01/02/07/rmrb2018010207.pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' }).end(Buffer.from(story));
      } else res.writeHead(404).end('not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));
  beforeEach(() => useLocale('en'));

  it('fetches the PDF a layout page links, named after its file', async () => {
    const url = `${base}/page/2018-01/02/07/rmrb2018010207.pdf`;
    const got = await fetchLinkedPdf(url);
    expect(Array.isArray(got) && got.map((f) => [f.name, f.url, f.bytes.length])).toEqual([
      ['rmrb2018010207.pdf', url, story.length],
    ]);
  });

  it.each([
    ['a missing file', '/nothing.pdf'],
    ['a URL that is not http(s)', 'javascript:alert(1)'],
  ])('%s: a message, nothing read', async (_what, path) => {
    const url = path.startsWith('/') ? base + path : path;
    expect(await fetchLinkedPdf(url)).toEqual({ error: `Could not get the PDF: ${url}` });
  });
});
