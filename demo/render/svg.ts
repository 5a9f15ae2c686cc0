/**
 * The page image of a layout page, drawn as SVG: masthead or page header, and each article block as
 * a box with its title and grey lines standing for its text. Titles are escaped (XML text).
 */
import type { DemoIssue, DemoPage } from './data';
import { layoutBoxes, PAGE_HEIGHT, PAGE_WIDTH, type Box } from './geometry';
import { chineseDate, esc, pageEntry } from './html';

const TITLE_SIZE = 13;

/** Split a title into lines that fit the box (CJK characters are about one font size wide). */
function titleLines(title: string, width: number, max: number): string[] {
  const perLine = Math.max(1, Math.floor((width - 12) / TITLE_SIZE));
  const chars = Array.from(title.replace(/\s+/g, ' ').trim());
  const lines: string[] = [];
  for (let i = 0; i < chars.length && lines.length < max; i += perLine)
    lines.push(chars.slice(i, i + perLine).join(''));
  if (chars.length > perLine * max) lines[max - 1] = lines[max - 1].slice(0, -1) + '…';
  return lines;
}

function block(b: Box, title: string, n: number): string {
  const lines = titleLines(title, b.w, b.h > 90 ? 2 : 1);
  const text = lines
    .map(
      (l, i) =>
        `<text x="${b.x + 6}" y="${b.y + 18 + i * (TITLE_SIZE + 4)}" font-size="${TITLE_SIZE}" font-weight="bold">${esc(l)}</text>`,
    )
    .join('');
  const firstLine = b.y + 24 + lines.length * (TITLE_SIZE + 4);
  const rules: string[] = [];
  for (let y = firstLine; y < b.y + b.h - 6; y += 9) {
    rules.push(
      `<line x1="${b.x + 6}" y1="${y}" x2="${b.x + b.w - 6}" y2="${y}" stroke="#ccc" stroke-width="3"/>`,
    );
  }
  return `<g><title>${n}. ${esc(title)}</title><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="#fff" stroke="#888"/>${text}${rules.join('')}</g>`;
}

/** The SVG page image of one page of the issue. */
export function pageSvg(issue: DemoIssue, page: DemoPage): string {
  const front = page.number === '001';
  const head = front
    ? `<text x="200" y="46" font-size="38" text-anchor="middle" fill="#b30000" font-weight="bold">${esc(issue.paper)}</text>` +
      `<text x="200" y="70" font-size="11" text-anchor="middle">${esc(chineseDate(issue.date))}</text>`
    : `<text x="8" y="24" font-size="12">${esc(pageEntry(page))}</text>` +
      `<text x="392" y="24" font-size="12" text-anchor="end">${esc(issue.paper)} ${esc(chineseDate(issue.date))}</text>`;
  const boxes = layoutBoxes(page.articles.length, front);
  const blocks = page.articles.map((a, i) => block(boxes[i], a.title, i + 1)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" viewBox="0 0 ${PAGE_WIDTH} ${PAGE_HEIGHT}" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif">
<rect width="${PAGE_WIDTH}" height="${PAGE_HEIGHT}" fill="#fbfaf5"/>
${head}
<line x1="8" y1="${front ? 78 : 32}" x2="392" y2="${front ? 78 : 32}" stroke="#b30000" stroke-width="2"/>
${blocks}
</svg>
`;
}
