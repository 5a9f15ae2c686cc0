/**
 * The page PDFs of 人民日报 (2018-01-02 and 2018-01-03, page 7) read through pdf.js and lib/pdf, held to
 * the truth in article-json (every sentence once and in order, article count, titles, no headline
 * text in a body) and to a golden summary of what we read (titles, bylines, counts, short excerpts:
 * the PDFs' text stays in ../shared). Regenerate the summary only on purpose:
 * `UPDATE_GOLDEN=1 npx vitest run --project unit tests/pdf/real-pages.test.ts`, then read the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from '../../lib/model';
import { readPdfPage } from '../../lib/pdf';
import {
  HAVE_PDF_FIXTURES,
  NO_PDF_FIXTURES,
  PDF_FIXTURES,
  PDF_PAGES,
  scorePage,
  truthFor,
} from '../helpers/pdf-truth';
import { pdfFileText } from './read-pdf';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);

/** What the golden summary keeps of a page: no more text than a title or a 12-character excerpt. */
function summary(page: Page) {
  const cut = (s: string) => [...s].slice(0, 12).join('');
  return {
    paper: page.paper,
    date: page.date,
    label: page.label,
    name: page.name,
    problems: page.problems,
    articles: page.articles.map((a) => ({
      leadTitle: a.leadTitle,
      title: a.title,
      subtitle: a.subtitle,
      bylines: a.bylines,
      paragraphs: a.paragraphs.length,
      crossheads: a.paragraphs.filter((p) => p.kind === 'crosshead').map((p) => p.text),
      credits: a.paragraphs.filter((p) => p.kind === 'credit').map((p) => cut(p.text)),
      captions: a.paragraphs.filter((p) => p.kind === 'caption').map((p) => cut(p.text)),
      first: cut(a.paragraphs[0]?.text ?? ''),
    })),
  };
}

describe.skipIf(!HAVE_PDF_FIXTURES).each(PDF_PAGES)('real page PDF %s', (name) => {
  let page: Page;
  // A fixed URL, so the golden does not depend on where ../shared is.
  const url = `file:///shared/fixtures/pdf/rmrb-2018/${name}.pdf`;
  beforeAll(async () => {
    const text = await pdfFileText(join(PDF_FIXTURES, `${name}.pdf`));
    expect(text.numPages).toBe(1);
    page = readPdfPage(text.pages[0], url, { title: text.title });
  });

  it('reads the masthead and the file name: 人民日报, its date, page 7 理论', () => {
    expect(page).toMatchObject({
      kind: 'text',
      adapter: 'pdf',
      paper: '人民日报',
      label: '7',
      name: '理论',
      problems: [],
    });
    expect(page.date).toBe(`2018-01-0${name[11]}`);
  });

  it('finds the articles of the truth, each title right', () => {
    const s = scorePage(page, truthFor(name));
    expect(s.articles).toBe(s.truth);
    for (const a of s.scores) expect(a.title).toBe(a.truthTitle);
  });

  it('has every sentence of each article in that article, once and in order, and no headline in a body', () => {
    for (const a of scorePage(page, truthFor(name)).scores) {
      expect({ title: a.truthTitle, found: a.found, repeated: a.repeated, outOfOrder: a.outOfOrder }).toEqual(
        {
          title: a.truthTitle,
          found: a.sentences,
          repeated: 0,
          outOfOrder: 0,
        },
      );
      expect(a.headlineInBody, a.truthTitle).toBe(false);
      expect(a.authorsFound, a.truthTitle).toBe(true);
    }
  });

  it(`matches tests/golden/pdf/${name}.json`, () => {
    const file = fileURLToPath(new URL(`../golden/pdf/${name}.json`, import.meta.url));
    const json = `${JSON.stringify(summary(page), null, 2)}\n`;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, json);
    expect(existsSync(file), 'missing golden: run with UPDATE_GOLDEN=1').toBe(true);
    expect(JSON.parse(json)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});

describe.skipIf(!HAVE_PDF_FIXTURES)('real page PDF cut by a layout page’s image map', () => {
  // The layout page of 2018-01-02 page 7 as a 400 × 566 image with three hotspots (drawn here from the
  // printed page: the lead article over the left two thirds, the right-hand column, the bottom one),
  // in image pixels, y down, as a Founder image map gives them.
  const W = 400;
  const H = 566;
  const PAGE = { width: 1017, height: 1438.2 };
  // PDF points (y up) → image pixels (y down), as the hotspots' coords were written.
  const poly = (...pts: Array<[number, number]>) =>
    pts.map(([x, y]) => ({
      x: Math.round((x * W) / PAGE.width),
      y: Math.round(((PAGE.height - y) * H) / PAGE.height),
    }));
  // The bottom article's last column rises higher (to 409 pt) than its others (279 pt): an L-shaped outline.
  const blocks = [
    {
      title: '新时代：发展新方位 奋进新目标',
      href: 'https://paper.people.com.cn/a1',
      order: 0,
      polygons: [poly([0, 1350], [772, 1350], [772, 450], [615, 450], [615, 392], [0, 392])],
    },
    {
      title: '意气风发走进新时代',
      href: 'https://paper.people.com.cn/a2',
      order: 1,
      polygons: [poly([772, 1350], [1017, 1350], [1017, 0], [772, 0])],
    },
    {
      title: '深刻理解新时代划时代意义',
      href: 'https://paper.people.com.cn/a3',
      order: 2,
      polygons: [poly([0, 392], [615, 392], [615, 450], [772, 450], [772, 0], [0, 0])],
    },
  ];

  it('gives each hotspot its article, in the map’s order, every sentence in it once and in order', async () => {
    const name = 'rmrb2018010207';
    const text = await pdfFileText(join(PDF_FIXTURES, `${name}.pdf`));
    const page = readPdfPage(text.pages[0], `file:///${name}.pdf`, {
      title: text.title,
      blocks,
      image: { width: W, height: H },
    });
    const s = scorePage(page, truthFor(name));
    expect(page.articles.map((a) => a.title)).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
      '深刻理解新时代划时代意义',
    ]);
    for (const a of s.scores)
      expect([a.truthTitle, a.found, a.repeated, a.outOfOrder]).toEqual([a.truthTitle, a.sentences, 0, 0]);
  });
});
