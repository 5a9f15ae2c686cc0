/**
 * A demo layout page for the real page PDF rmrb2018010207.pdf (人民日报 2018-01-02, 07版 理论), in
 * the Founder nbs template 人民日报 used then (lib/sites/founder-nbs.ts): the real 2018-01-02
 * layout page is not among the fixtures, so its image map is drawn here over a 400 × 566 page image,
 * scaled from the PDF's own points (1017 × 1438.2 pt). Two hotspots, as a site that drew no
 * outline for the bottom article: cut by them, the page has two articles, by geometry three.
 */

/** The image's size in pixels. */
export const LAYOUT_W = 400;
export const LAYOUT_H = 566;

// PDF points (y up) → image pixels (y down).
const px = (pts: Array<[number, number]>) =>
  pts
    .flatMap(([x, y]) => [Math.round((x * LAYOUT_W) / 1017), Math.round(((1438.2 - y) * LAYOUT_H) / 1438.2)])
    .join(',');

/** The two outlines: the lead article (with the notch over the bottom one) and the right-hand column. */
export const LAYOUT_AREAS = [
  {
    title: '新时代：发展新方位 奋进新目标',
    coords: px([
      [0, 1350],
      [772, 1350],
      [772, 450],
      [615, 450],
      [615, 392],
      [0, 392],
    ]),
  },
  {
    title: '意气风发走进新时代',
    coords: px([
      [772, 1350],
      [1017, 1350],
      [1017, 0],
      [772, 0],
    ]),
  },
];

/** Where the demo server serves it (the form of the real address, under the test server's origin). */
export const LAYOUT_PATH = '/rmrb/html/2018-01/02/nbs.D110000renmrb_07.htm';
export const PDF_PATH = '/rmrb/page/2018-01/02/07/rmrb2018010207.pdf';

/** The layout page's HTML; `date` and `label` may be changed to make a page that is not the PDF's. */
export function rmrbLayoutHtml(date = '2018年01月02日', label = '07'): string {
  const areas = LAYOUT_AREAS.map(
    (a, i) => `<Area coords="${a.coords}" shape="polygon" href="nw.D110000renmrb_20180102_${i + 1}-07.htm">`,
  ).join('');
  const titles = LAYOUT_AREAS.map(
    (a, i) => `<li><a href=nw.D110000renmrb_20180102_${i + 1}-07.htm>${a.title}</a></li>`,
  ).join('');
  return `<html><head><meta charset="utf-8"><title>人民日报</title></head><body>
<div class="ban_t"><ul><li>${label}版:理论</li></ul></div>
<div id="riqi_">人民日报 ${date} 星期二</div>
<div><map name=PagePicMap>${areas}</map><img width=${LAYOUT_W} height=${LAYOUT_H} src=../../../page/2018-01/02/07/rmrb2018010207_b.jpg border=0 USEMAP=#PagePicMap></div>
<a href=../../../page/2018-01/02/07/rmrb2018010207.pdf>PDF下载</a>
<div id="ozoom"><div class="l_t">${label}版:理论</div><div id="titleList"><ul>${titles}</ul></div></div>
</body></html>`;
}
