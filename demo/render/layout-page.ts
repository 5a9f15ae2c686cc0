/**
 * A layout page (版面) as 海南日报's Founder classic template has it: the page image with its
 * `PagePicMap` (one polygon area per article → content_….htm), the title list, the a#pageLink list,
 * links to the neighbouring pages, and the enpproperty trailer (founder-type 2).
 */
import type { DemoIssue, DemoPage } from './data';
import { layoutBoxes, PAGE_HEIGHT, PAGE_WIDTH, polygonCoords } from './geometry';
import { chineseDate, documentOf, esc, pageEntry, pageList, trailer } from './html';
import { articleFile, imageSrc } from './paths';

function neighbours(issue: DemoIssue, page: DemoPage): string {
  const i = issue.pages.indexOf(page);
  const prev = issue.pages[i - 1];
  const next = issue.pages[i + 1];
  return [
    prev ? `<a href="node_${prev.node}.htm">上一版</a>` : '',
    next ? `<a href="node_${next.node}.htm">下一版</a>` : '',
    `<a href="../../../index.html">往期回顾</a>`,
  ]
    .filter(Boolean)
    .join(' | ');
}

/** The HTML of one layout page. */
export function layoutPageHtml(issue: DemoIssue, page: DemoPage): string {
  const boxes = layoutBoxes(page.articles.length, page.number === '001');
  const areas = page.articles
    .map(
      (a, i) => `<Area coords="${polygonCoords(boxes[i])}" shape="polygon" href="${articleFile(page, a)}">`,
    )
    .join('');
  const titles = page.articles
    .map((a) => `<li><a href="${articleFile(page, a)}">${esc(a.title.replace(/\s+/g, ' '))}</a></li>`)
    .join('\n');
  const body = `<div class="top">${esc(issue.paper)} <span class="date">${esc(chineseDate(issue.date))}</span></div>
<div class="main">
<div class="page-image">
<img src="${imageSrc(issue, page)}" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" border="0" usemap="#PagePicMap">
<MAP NAME="PagePicMap">${areas}</MAP>
</div>
<div class="side">
<p class="ban">${esc(pageEntry(page))}</p>
<div id="titleList"><ul>
${titles}
</ul></div>
<p>${neighbours(issue, page)}</p>
${pageList(issue)}
</div>
</div>`;
  return documentOf(`${issue.paper}数字报-${pageEntry(page)}`, body, trailer(issue, page, 2));
}
