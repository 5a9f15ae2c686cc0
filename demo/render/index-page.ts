/**
 * The demo's front door (/index.html: every issue with its pages, and the seed page) and the seed
 * page itself, served as the plain text it is and as a small HTML page around that text.
 */
import type { DemoIssue } from './data';
import { chineseDate, documentOf, esc, pageEntry } from './html';
import { layoutPath } from './paths';

/** File name of the seed page's text, as in tests/fixtures/seed/. */
export const SEED_FILE = 'zhuzhou-daily-2022-02-07-A1.txt';

/** /index.html: the issues of the demo (往期), each page linked, and the seed page. */
export function indexHtml(issues: DemoIssue[]): string {
  const sections = issues
    .map((issue) => {
      const pages = issue.pages
        .map((p) => `<li><a href="${layoutPath(issue, p).slice(1)}">${esc(pageEntry(p))}</a></li>`)
        .join('\n');
      return `<h2>${esc(issue.paper)} ${esc(chineseDate(issue.date))}</h2>\n<ul>\n${pages}\n</ul>`;
    })
    .join('\n');
  const body = `<div class="top">E-paper Reader 演示数字报 · demo e-paper</div>
<div class="article">
<p>Real 海南日报 text rendered as Founder classic pages, plus the 株洲日报 seed page. See demo/README.md for what the demo changed.</p>
${sections}
<h2>株洲日报 2022-02-07 A1（版面文字）</h2>
<ul><li><a href="seed/${SEED_FILE}">${SEED_FILE}</a></li><li><a href="seed/index.html">HTML</a></li></ul>
</div>`;
  return documentOf('E-paper Reader 演示数字报', body);
}

/** /seed/index.html: the seed text in a <pre>, escaped, for reading and copying into the page-text mode. */
export function seedHtml(text: string): string {
  const body = `<div class="top">株洲日报 2022年02月07日 A1 · <a href="${SEED_FILE}">${SEED_FILE}</a> · <a href="../index.html">往期回顾</a></div>
<div class="article"><pre style="white-space:pre-wrap">${esc(text)}</pre></div>`;
  return documentOf('株洲日报 2022-02-07 A1 版面文字', body);
}
