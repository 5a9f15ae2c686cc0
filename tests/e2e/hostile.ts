/**
 * A hostile Founder classic article page: its title and paragraphs carry markup as TEXT (escaped in
 * the HTML, so the page itself shows it inertly) and real `javascript:` links. If the extension ever
 * rendered page text as HTML, the `<img onerror>` would fire a dialog or a console line.
 */
import type { Route } from '../../demo/server.ts';

/** What the reader must show literally, as text. */
export const HOSTILE_TITLE =
  '<img src=x onerror=alert("XSS-title")>头版<script>alert("XSS-title-script")</script>';
export const HOSTILE_PARAGRAPHS = [
  '<script>console.log("XSS-script");alert("XSS-script")</script>本报海口7月12日讯 这是一段正文。',
  '<img src=x onerror=console.log("XSS-img")><svg onload=alert("XSS-svg")>第二段正文，写着标签。',
  '<a href="javascript:alert(\'XSS-href\')">点此阅读</a>第三段，javascript:alert(1) 作为文字。',
];

/** Escape text for HTML the way a site's CMS would (so the page's own DOM holds the markup as text). */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The hostile article page, in the Founder classic shape (founder-title, founder-content, trailer). */
export function hostileArticle(): Route {
  const paras = HOSTILE_PARAGRAPHS.map((p) => `<P>　　${escape(p)}</P>`).join('\n');
  const html = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${escape(HOSTILE_TITLE)}</title></head>
<body>
<table><tr><td class="font01"><founder-title>${escape(HOSTILE_TITLE)}</founder-title></td></tr>
<tr><td><div id="ozoom"><!--enpcontent--><founder-content>
${paras}
<P>　　第四段有真正的链接：<a href="javascript:alert('XSS-real-link')">javascript 链接</a>和<a href="JaVaScRiPt:alert('XSS-case')">大小写</a>。</P>
</founder-content><!--/enpcontent--></div></td></tr></table>
<!--enpproperty <founder-date>2026-07-13</founder-date><founder-pagenum>001</founder-pagenum><founder-papername>海南日报</founder-papername><founder-type>1</founder-type>/enpproperty-->
</body></html>`;
  return { contentType: 'text/html; charset=utf-8', body: html };
}

/**
 * The real demo layout page at the requested path with every occurrence of `title` (title list, map
 * area) replaced by escaped markup, so the overlay must show that markup as text.
 */
export function hostileLayout(title: string, hostile: string): Route {
  return (req, res, server) => {
    const real = server.site.get((req.url ?? '/').split('?')[0]);
    const body = real === undefined ? '' : String(real.body).split(title).join(escape(hostile));
    res.writeHead(real === undefined ? 404 : 200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  };
}
