import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { capDepth, MAX_DEPTH, parseHtml } from '../../cli/dom';

/** Depth of the deepest node under `root`, walked without recursion. */
function maxDepth(root: Node): number {
  let max = 0;
  const stack: Array<[Node, number]> = [[root, 0]];
  while (stack.length) {
    const [n, d] = stack.pop()!;
    max = Math.max(max, d);
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push([c, d + 1]);
  }
  return max;
}

describe('parseHtml', () => {
  it('keeps an ordinary page as it is, with its file URL', async () => {
    const p = parseHtml(
      '<html><body><founder-content><p>　　下转A4版</p></founder-content></body></html>',
      'file:///tmp/node_1.htm',
    );
    expect(p.problems).toEqual([]);
    expect(p.document.URL).toBe('file:///tmp/node_1.htm');
    expect(p.document.querySelector('founder-content p')?.textContent).toBe('　　下转A4版');
    await p.close();
  });

  it('does not run the page scripts', async () => {
    const p = parseHtml(
      '<body><p id="t">原文</p><script>document.getElementById("t").textContent = "改"</script></body>',
      'file:///tmp/a.htm',
    );
    expect(p.document.getElementById('t')?.textContent).toBe('原文');
    await p.close();
  });
});

describe('capDepth', () => {
  it('moves nodes below the limit up under the node at the limit, in document order', async () => {
    const p = parseHtml(
      '<body>' + '<div>'.repeat(10) + '<p>第一段</p><p>第二段</p></body>',
      'file:///tmp/a.htm',
    );
    // document → html(1) → body(2) → div×10 (3–12) → p (13) → text (14)
    const moved = capDepth(p.document, 6);
    expect(maxDepth(p.document)).toBe(7);
    expect(p.document.body.textContent).toBe('第一段第二段');
    // div 5 (depth 7) stays; divs 6–10, two p and two texts move up: 9.
    expect(moved).toBe(9);
    await p.close();
  });

  it('leaves a tree within the limit alone', async () => {
    const p = parseHtml('<body><div><p>正文</p></div></body>', 'file:///tmp/a.htm');
    expect(capDepth(p.document, MAX_DEPTH)).toBe(0);
    expect(p.document.body.innerHTML).toBe('<div><p>正文</p></div>');
    await p.close();
  });
});

describe('parseHtml on markup happy-dom cannot build', () => {
  // Found by tests/fuzz (seed -1678933205): a cut and duplicated 中国纪检监察报 layout page makes
  // happy-dom's parser throw (insertBefore on an ancestor). The file's text must survive.
  it('keeps the text and says why', async () => {
    const html = readFileSync('tests/fixtures/real/jjjcb-2017-embedded/node_2.htm', 'utf8').slice(1548);
    const parsed = parseHtml(html.slice(0, 1713) + html, 'http://x.cn/html/2017-07/22/node_2.htm');
    expect(parsed.problems.join(' ')).toMatch(/could not be parsed as a tree/);
    expect(parsed.document.body.textContent).toContain('中国纪检监察报');
    await parsed.close();
  });
});
