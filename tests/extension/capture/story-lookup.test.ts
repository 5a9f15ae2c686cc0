/**
 * `listForStory` (lib/extension/background/library-handlers.ts) on fake-indexeddb: the marks of a story saved under a part's
 * key and under the stitched (first part's) key are found from either page, by key or by URL.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Library } from '../../../lib/db';
import { listForStory } from '../../../lib/extension/background/library-handlers';
import { emptyArticle } from '../../../lib/model';
import { makeHighlight, ok, testLibrary } from '../../db/factories';

const P1 = 'http://127.0.0.1:4173/html/2026-07/13/content_58464_19697256.htm';
const P2 = 'http://127.0.0.1:4173/html/2026-07/13/content_58465_19697268.htm';
const OTHER = 'http://127.0.0.1:4173/html/2026-07/13/content_58464_19697257.htm';
const K1 = '127.0.0.1/content_58464_19697256';
const K2 = '127.0.0.1/content_58465_19697268';

const para = (t: string) => [{ text: t, kind: 'text' as const }];
const part1 = emptyArticle({ key: K1, urls: [P1], paragraphs: para('一枚指甲盖大小的“海南芯”') });
const part2 = emptyArticle({ key: K2, urls: [P2], paragraphs: para('神芯科技成立于2023年1月') });
const stitched = emptyArticle({
  key: K1,
  urls: [P1, P2],
  paragraphs: [...part1.paragraphs, ...part2.paragraphs],
});
const unrelated = emptyArticle({
  key: '127.0.0.1/content_58464_19697257',
  urls: [OTHER],
  paragraphs: para('海南重卡'),
});

let library: Library;

beforeEach(async () => {
  library = testLibrary();
  ok(await library.saveHighlight(makeHighlight('海南芯', { articleKey: K1, color: 'yellow' }), part1));
  ok(await library.saveHighlight(makeHighlight('神芯科技', { articleKey: K2, color: 'blue' }), part2));
  ok(
    await library.saveHighlight(makeHighlight('成立于2023年', { articleKey: K1, color: 'green' }), stitched),
  );
  ok(await library.saveHighlight(makeHighlight('重卡', { articleKey: unrelated.key }), unrelated));
});

const colours = (r: Awaited<ReturnType<typeof listForStory>>) => ok(r).highlights.map((h) => h.color);

describe('listForStory', () => {
  it('from part 2’s page (its key and URL): its own mark and every mark kept under the stitched key, whose article lists part 2’s URL', async () => {
    expect(colours(await listForStory(library, [K2], [P2]))).toEqual(['yellow', 'blue', 'green']);
  });

  it('from part 1’s page before any stitch was saved, by key: the first part’s marks only', async () => {
    const fresh = testLibrary();
    ok(await fresh.saveHighlight(makeHighlight('海南芯', { articleKey: K1 }), part1));
    ok(await fresh.saveHighlight(makeHighlight('神芯科技', { articleKey: K2, color: 'blue' }), part2));
    expect(colours(await listForStory(fresh, [K1], [P1]))).toEqual(['yellow']);
  });

  it('from the reader (the stitched key and both URLs): every mark of the story, oldest first, and no other story’s', async () => {
    const items = ok(await listForStory(library, [K1], [P1, P2]));
    expect(items.highlights.map((h) => h.selectors.exact)).toEqual(['海南芯', '神芯科技', '成立于2023年']);
    expect(items.articles.map((a) => a.key).sort()).toEqual([K1, K2]);
  });

  it('nothing asked, nothing found; a closed database is an error sentence, not a throw', async () => {
    expect(ok(await listForStory(library, [], []))).toEqual({ articles: [], highlights: [], clips: [] });
    library.close();
    const r = await listForStory(library, [K1], [P1]);
    expect(r.ok).toBe(false);
  });
});
