/**
 * `parse page.pdf node_07.htm`: a page PDF given with its layout page is cut by that page's image map.
 * The layout page here is a Page as an adapter returns it (the real 2018-01-02 layout page is not
 * among the fixtures): three hotspots over a 400 × 566 image, the outlines of the page's articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cutByLayouts, pdfPages } from '../../cli/pdf';
import { emptyPage, type Page } from '../../lib/model';
import { HAVE_PDF_FIXTURES, NO_PDF_FIXTURES, PDF_FIXTURES } from '../helpers/pdf-truth';

if (!HAVE_PDF_FIXTURES) console.warn(NO_PDF_FIXTURES);

const W = 400;
const H = 566;
// PDF points (y up, 1017 × 1438.2 pt) → image pixels (y down).
const poly = (...pts: Array<[number, number]>) =>
  pts.map(([x, y]) => ({ x: Math.round((x * W) / 1017), y: Math.round(((1438.2 - y) * H) / 1438.2) }));

function layoutPage(label: string): Page {
  return emptyPage({
    url: 'http://paper.people.com.cn/rmrb/html/2018-01/02/nbs.D110000renmrb_07.htm',
    kind: 'layout',
    date: '2018-01-02',
    label,
    image: {
      src: 'http://paper.people.com.cn/rmrb/page/2018-01/02/07/rmrb2018010207_b.jpg',
      width: W,
      height: H,
    },
    blocks: [
      // Two hotspots only: the lead article and the right-hand column; the bottom article is left out.
      {
        title: '新时代：发展新方位 奋进新目标',
        href: 'http://x/a1',
        order: 0,
        polygons: [poly([0, 1350], [772, 1350], [772, 450], [615, 450], [615, 392], [0, 392])],
      },
      {
        title: '意气风发走进新时代',
        href: 'http://x/a2',
        order: 1,
        polygons: [poly([772, 1350], [1017, 1350], [1017, 0], [772, 0])],
      },
    ],
  });
}

describe.skipIf(!HAVE_PDF_FIXTURES)('cutByLayouts', () => {
  it('cuts a PDF page by the image map of its layout page (same label and date), and only then', async () => {
    const file = join(PDF_FIXTURES, 'rmrb2018010207.pdf');
    const read = await pdfPages(file, new Uint8Array(readFileSync(file)));
    expect(read[0].page?.articles).toHaveLength(3);
    const other = { file: 'node_06.htm', page: layoutPage('6'), problems: [], text: '' };
    cutByLayouts([...read, other]);
    expect(read[0].page?.articles).toHaveLength(3);
    cutByLayouts([...read, { file: 'node_07.htm', page: layoutPage('7'), problems: [], text: '' }]);
    expect(read[0].page?.articles.map((a) => a.title)).toEqual([
      '新时代：发展新方位 奋进新目标',
      '意气风发走进新时代',
    ]);
  });
});
