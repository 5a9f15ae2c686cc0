/**
 * HTML helpers of the demo e-paper: escaping (every string from the fixtures goes through `esc`),
 * the Founder classic page list, the enpproperty trailer, and the small shared stylesheet.
 */
import type { DemoIssue, DemoPage } from './data';

/** Escape text for HTML element content and quoted attribute values (also valid in SVG/XML). */
export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** 「第001版：头版」, as 海南日报's page list prints it. */
export function pageEntry(page: DemoPage): string {
  return `第${page.number}版：${page.name}`;
}

/** 2026-07-09 → 「2026年07月09日 星期四」 (the date line of the page header). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  const week = '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${y}年${m}月${d}日 星期${week}`;
}

/** The a#pageLink list of every page of the issue (the id repeats, as on the real site). */
export function pageList(issue: DemoIssue): string {
  const items = issue.pages
    .map((p) => `<li><a id="pageLink" href="node_${p.node}.htm">${esc(pageEntry(p))}</a></li>`)
    .join('\n');
  return `<div id="pageList"><ul class="ban-list">\n${items}\n</ul></div>`;
}

/** The metadata trailer Founder writes after the page (type 2 = layout page, 1 = article page). */
export function trailer(issue: DemoIssue, page: DemoPage, type: 1 | 2): string {
  return (
    `<!--enpproperty <founder-date>${issue.date} 00:00:00:0</founder-date>` +
    `<founder-pagenum>${page.number}</founder-pagenum>` +
    `<founder-papername>${esc(issue.paper)}</founder-papername>` +
    `<founder-type>${type}</founder-type>/enpproperty-->`
  );
}

/** Shared page chrome: a plain stylesheet, no scripts (the demo must work with JavaScript off). */
export const STYLE = `<style>
body{font:14px/1.6 "Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:0;background:#f4f1ea;color:#222}
.top{background:#b30000;color:#fff;padding:8px 16px}.top a{color:#fff}
.main{display:flex;gap:16px;padding:16px;align-items:flex-start}
.side{width:220px}.side ul{list-style:none;padding:0;margin:0}.side li{margin:2px 0}
.ban{font-weight:bold;margin:0 0 8px}
#titleList li{margin:4px 0}.article{max-width:720px;background:#fff;padding:16px 24px}
founder-title{display:block;font-size:22px;font-weight:bold;margin:8px 0 16px}
founder-content p{margin:0 0 10px}
.demo-note{color:#7a5b00;background:#fff6d6;padding:6px 10px;margin:8px 0}
</style>`;

/** Wrap a page body in the HTML document every demo page shares. */
export function documentOf(title: string, body: string, after = ''): string {
  return `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(title)}</title>
${STYLE}
</head>
<body>
${body}
</body></html>
${after}
`;
}
