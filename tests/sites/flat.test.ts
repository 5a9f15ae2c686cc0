/**
 * The read scope's flat tree (lib/sites/common/flat.ts) and the selector matching on it: random
 * trees against happy-dom's own querySelectorAll, and the body read in a scope against the DOM walk.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readBody } from '../../lib/sites/common/body';
import { squash } from '../../lib/sites/common/dom';
import { flatTreeOf, subtreeOf } from '../../lib/sites/common/flat';
import { first, walkAll, withReadScope } from '../../lib/sites/common/select';
import { readTrailer } from '../../lib/sites/common/trailer';
import { docFromHtml } from '../helpers/dom';
import { caseDoc, HTML_CASES } from './cases';

// Random markup from a few tags, classes and ids, nested (p inside p is reparented by the parser,
// which is fine: both sides see the same parsed tree).
const TAGS = ['div', 'p', 'span', 'b', 'section'];
const attrs = fc.record({
  classes: fc.subarray(['a', 'b', 'c']),
  id: fc.constantFrom('', 'x', 'y'),
});
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('文字', '<!--注释-->', ' '),
    fc
      .tuple(fc.constantFrom(...TAGS), attrs, fc.array(tie('tree'), { maxLength: 4 }))
      .map(([tag, a, kids]) => {
        const cls = a.classes.length ? ` class="${a.classes.join(' ')}"` : '';
        const id = a.id ? ` id="${a.id}"` : '';
        return `<${tag}${cls}${id}>${(kids as string[]).join('')}</${tag}>`;
      }),
  ),
}));
const compound = fc.constantFrom('.a', '.b', '.a.c', 'p', 'p.a', 'span.b', 'div', '#x', 'div#y', 'b');
const selector = fc.array(compound, { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));

describe('selector matching on the flat tree', () => {
  it('finds what querySelectorAll finds, in document order, also for chains anchored on a tag', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 5 }), selector, (parts, sel) => {
        const doc = docFromHtml(`<body>${parts.join('')}</body>`);
        const native = Array.from(doc.querySelectorAll(sel));
        expect(withReadScope(doc, () => walkAll(doc, sel))).toEqual(native);
        expect(withReadScope(doc, () => first(doc, [sel]))).toBe(doc.querySelector(sel));
        expect(withReadScope(doc, () => walkAll(doc.body, sel))).toEqual(
          Array.from(doc.body.querySelectorAll(sel)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('class-only queries (answered from the class index) match what querySelectorAll matches', () => {
    const doc = docFromHtml(
      '<body><p class="  info\tinfo ">1</p><div class="article"><span class="info lai">2</span></div>' +
        '<span class="">3</span><b class="infos">4</b></body>',
    );
    for (const sel of ['.info', '.article .info', '.lai', '.info.lai', '.infos', '.none'])
      expect(
        withReadScope(doc, () => walkAll(doc, sel)),
        sel,
      ).toEqual(Array.from(doc.querySelectorAll(sel)));
  });

  it('nested anchors: `p.sec .date` inside two `.article` boxes finds each date once', () => {
    const doc = docFromHtml(
      '<div class="article"><div class="article"><p class="sec">记者 <span class="date">1</span></p></div>' +
        '<p class="sec"><span class="date">2</span></p></div>',
    );
    const got = withReadScope(doc, () => walkAll(doc, '.article p.sec .date')).map((e) => e.textContent);
    expect(got).toEqual(['1', '2']);
  });
});

describe('the flat tree', () => {
  it('reads the trailer once per read scope, and again in the next scope (a live page changes)', () => {
    const doc = docFromHtml(
      '<body><p>1</p><!--enpproperty <founder-pagenum>A01</founder-pagenum>/enpproperty--></body>',
    );
    const [a, b] = withReadScope(doc, () => [readTrailer(doc), readTrailer(doc)]);
    expect(a).toBe(b);
    expect(a.get('pagenum')).toBe('A01');
    doc.body.append(doc.createComment('enpproperty <founder-date>2026-12-04</founder-date>/enpproperty'));
    expect(withReadScope(doc, () => readTrailer(doc)).get('date')).toBe('2026-12-04');
    expect(readTrailer(doc)).not.toBe(readTrailer(doc));
  });

  it('keeps the text of an only text child, every comment in document order', () => {
    const doc = docFromHtml(
      '<body><p>　　两个儿子为了争夺房产</p><p>有<b>粗体</b></p><p><!--enpcontent--></p><!--尾--></body>',
    );
    withReadScope(doc, () => {
      const flat = flatTreeOf(doc)!;
      const ps = Array.from(doc.querySelectorAll('p'));
      expect(ps.map((p) => flat.sole[flat.els.indexOf(p)])).toEqual(['　　两个儿子为了争夺房产', null, null]);
      expect(flat.comments).toEqual(['enpcontent', '尾']);
      const view = subtreeOf(doc.body)!;
      expect(view.tags.slice(view.from, view.to)).toEqual(['BODY', 'P', 'P', 'B', 'P']);
    });
  });

  it('lists a wide node (more than 32 children) in document order, comments included', () => {
    const kids = Array.from({ length: 40 }, (_, i) => `<p>第${i}段</p><!--c${i}-->\n`).join('');
    const doc = docFromHtml(`<body><div id="wide">${kids}</div><!--尾--></body>`);
    withReadScope(doc, () => {
      const flat = flatTreeOf(doc)!;
      expect(flat.els).toEqual(Array.from(doc.querySelectorAll('*')));
      expect(flat.comments).toEqual([...Array.from({ length: 40 }, (_, i) => `c${i}`), '尾']);
      expect(flat.sole.filter((s) => s !== null).slice(0, 2)).toEqual(['第0段', '第1段']);
    });
  });

  it('is only kept inside a read scope', () => {
    const doc = docFromHtml('<p>x</p>');
    expect(flatTreeOf(doc)).toBeNull();
    expect(subtreeOf(doc.body)).toBeNull();
  });
});

describe('reading a body in a read scope', () => {
  it.each(HTML_CASES.map((c) => [c.name, c] as const))(
    '%s: same paragraphs and images as the DOM walk',
    (_, c) => {
      const doc = caseDoc(c);
      const roots = Array.from(doc.querySelectorAll('founder-content, #ozoom, .article-text, body'));
      for (const root of roots) {
        const walked = readBody(root, c.url);
        expect(withReadScope(doc, () => readBody(root, c.url))).toEqual(walked);
      }
    },
  );

  it.each([
    ['hard-wrapped lines', '<p>　　第一行没有结束<br>第二行。<br>　　第二段。</p>'],
    ['a bold crosshead', '<p><strong>“没有房子，好可怕的。”</strong></p><p>　　正文。</p>'],
    ['a centred crosshead', '<p style="text-align: center">小标题</p><p>　　正文。</p>'],
    ['an image and its caption', '<p><img src="a.jpg" alt="图为现场"></p><p>　　正文。</p>'],
    ['source line breaks', '<p>　　第一句，\n  第二句。</p>'],
    [
      'the hidden copy',
      '<p>　　正文。</p><div id="articleContent" style="display:none"><p>　　正文。</p></div>',
    ],
    ['no <p> at all', '第一行。<br>　　第二行。'],
  ])('%s', (_, html) => {
    const doc = docFromHtml(
      `<body><div id="root">${html}</div></body>`,
      'https://zqb.cyol.com/pc/content/202609/16/content_1.html',
    );
    const root = doc.getElementById('root')!;
    const walked = readBody(root, doc.URL);
    expect(walked.paragraphs.length).toBeGreaterThan(0);
    expect(withReadScope(doc, () => readBody(root, doc.URL))).toEqual(walked);
  });
});

describe('squash', () => {
  it.each([
    ['\u3000\u3000两个儿子为了争夺房产', '两个儿子为了争夺房产'],
    ['中青报·中青网记者\u00a0 杜佳冰 ', '中青报·中青网记者 杜佳冰'],
    ['\u200b标题\u200b', '标题'],
    // Zero-width characters go without leaving a space (they used to become one; chars.ts).
    ['乡村\u200b振兴', '乡村振兴'],
    ['FDA（美国食品药品监督管理局\u200c）批准', 'FDA（美国食品药品监督管理局）批准'],
    ['a\u200d\u2060\u2064b', 'ab'],
    ['记者\u0085李军', '记者 李军'],
    ['第一句，\n  第二句。', '第一句， 第二句。'],
    ['\ufeff\t ', ''],
  ])('%j → %j', (raw, want) => {
    expect(squash(raw)).toBe(want);
  });

  it('the trim-only shortcut gives what collapsing every run gives', () => {
    const chars = [
      '中',
      'a',
      ' ',
      '\u3000',
      '\u00a0',
      '\u200b',
      '\u200c',
      '\u2060',
      '\ufeff',
      '\n',
      '\t',
      '\u2009',
      '\u0085',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 10 }), (cs) => {
        const s = cs.join('');
        const zeroWidth = /[\u200b\u200c\u2060\ufeff]/g;
        expect(squash(s)).toBe(
          s
            .replace(zeroWidth, '')
            .replace(/[\s\u0085]+/g, ' ')
            .replace(/^ | $/g, ''),
        );
      }),
      { numRuns: 2000 },
    );
  });
});
