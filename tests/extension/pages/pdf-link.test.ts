// @vitest-environment happy-dom
/** The popup's search for a layout page's own PDF link (run in the tab by scripting.executeScript). */
import { describe, expect, it } from 'vitest';
import { pagePdf, pdfLinksInPage, readerPdfPath } from '../../../lib/extension/pages/pdf-link';

describe('the popup: a layout page’s own PDF', () => {
  it('finds the 「PDF下载」 link of a layout page, absolute, once', () => {
    document.body.innerHTML = `
      <a href="nbs.D110000renmrb_07.htm">第07版：理论</a>
      <a href="../../../page/2018-01/02/07/rmrb2018010207.pdf">PDF下载</a>
      <a href="../../../page/2018-01/02/07/rmrb2018010207.pdf"><img alt="PDF"></a>
      <a href="javascript:void('x.pdf')">x</a>`;
    const links = pdfLinksInPage();
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(/^https?:\/\/.*\/page\/2018-01\/02\/07\/rmrb2018010207\.pdf$/);
    expect(pagePdf(links)).toBe(links[0]);
    expect(pagePdf(undefined)).toBe('');
    expect(readerPdfPath('https://paper.people.com.cn/a b.pdf')).toBe(
      '/reader.html?pdf=https%3A%2F%2Fpaper.people.com.cn%2Fa%20b.pdf',
    );
    // With the layout page it was opened from, whose image map cuts the PDF.
    expect(readerPdfPath('https://p.cn/a.pdf', 'https://p.cn/html/nbs.D110000renmrb_07.htm?x=1&y=2')).toBe(
      '/reader.html?pdf=https%3A%2F%2Fp.cn%2Fa.pdf&page=https%3A%2F%2Fp.cn%2Fhtml%2Fnbs.D110000renmrb_07.htm%3Fx%3D1%26y%3D2',
    );
  });
});
