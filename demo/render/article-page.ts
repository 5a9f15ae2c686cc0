/**
 * An article page as 海南日报's Founder classic template has it: `<founder-title>` (a two-line title
 * gets `<br>`), the body in `<founder-content>` as `<P>　　…</P>` paragraphs between enpcontent
 * comments, the page list, a link back to the page, and the trailer (founder-type 1).
 */
import type { DemoArticle, DemoIssue, DemoPage } from './data';
import { chineseDate, documentOf, esc, pageEntry, pageList, trailer } from './html';

/** The HTML of one article page. Articles the fixtures hold no text for say so outside the body. */
export function articlePageHtml(issue: DemoIssue, page: DemoPage, a: DemoArticle): string {
  const title = a.title
    .split('\n')
    .map((l) => esc(l.trim()))
    .join('<br>');
  const paragraphs = (a.paragraphs ?? []).map((p) => `<P>　　${esc(p)}</P>`).join('\n');
  const note = a.paragraphs
    ? ''
    : '<p class="demo-note">演示数据只收录了这篇文章的标题。The demo data holds only this article’s title.</p>';
  const body = `<div class="top">${esc(issue.paper)} <span class="date">${esc(chineseDate(issue.date))}</span></div>
<div class="main">
<div class="side">
<p class="ban">${esc(pageEntry(page))}</p>
<p><a href="node_${page.node}.htm">返回版面</a> | <a href="../../../index.html">往期回顾</a></p>
${pageList(issue)}
</div>
<div class="article">
<founder-title>${title}</founder-title>
${note}<div id="ozoom"><!--enpcontent--><founder-content>
${paragraphs}
</founder-content><!--/enpcontent--></div>
</div>
</div>`;
  return documentOf(`${issue.paper}数字报-${a.title.replace(/\s+/g, ' ')}`, body, trailer(issue, page, 1));
}
