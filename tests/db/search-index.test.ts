/**
 * The in-memory index (lib/db/search-index.ts) gives the same answers while its terms are still
 * being posted (a scan of the texts with bigrams.ts `hasToken`) as after (the postings), and both
 * what a full substring scan with word-start latin prefixes gives, on real 海南日报 paragraphs.
 */
import { describe, expect, it } from 'vitest';
import { SearchIndex, indexDoc, matches } from '../../lib/db/search-index.ts';
import { queryParts, searchTokens } from '../../lib/text/bigrams.ts';
import { hainanArticles } from '../anchor/fixtures.ts';

const extra = [
  'COVID-19 疫情防控，covid 检测',
  '2021年，二〇二一年，１２３４５',
  '人民日报记者 刘成友 报道',
  '刘成在会上说，成友们要团结。',
  'ＣＮ 海南自由贸易港 cn',
  '𠀀𠀁 astral 字',
];
const texts = [...hainanArticles().flatMap((a) => a.paragraphs), ...extra];
const docs = texts.map((t, i) =>
  indexDoc(
    {
      kind: i % 3 === 0 ? 'highlight' : 'clip',
      id: `d${i}`,
      createdAt: i,
      articleKey: `k${i % 7}`,
      paper: i % 2 ? '海南日报' : '株洲日报',
      date: '2026-07-09',
      tags: i % 5 === 0 ? ['乡村振兴'] : [],
    },
    [t, i % 4 === 0 ? '笔记' : ''],
  ),
);

function built(post: boolean): SearchIndex {
  const index = new SearchIndex();
  for (const d of docs) index.load(d);
  if (post) index.postSome(docs.length);
  return index;
}
const posted = built(true);
const scanning = built(false);

describe('search index', () => {
  it('posts every record when asked and not before', () => {
    expect([posted.complete, scanning.complete, posted.size]).toEqual([true, false, docs.length]);
  });

  it.each([
    '返贫',
    '海南',
    '自贸港',
    '海南自由贸易港',
    '乡村 振兴',
    '刘成友',
    '刘成',
    '贫',
    '港',
    'covid',
    'cov',
    '021',
    '2021',
    'cn',
    'ＣＮ',
    '12345',
    '𠀀',
    '𠀀𠀁',
    '·',
    '笔记 海南',
  ])('「%s」: postings and scan agree, and the parts are in every hit', (q) => {
    const parts = queryParts(q);
    const tokens = searchTokens(q);
    const a = posted.find(parts, tokens, {}).map((d) => d.id);
    const b = scanning.find(parts, tokens, {}).map((d) => d.id);
    expect(a.sort()).toEqual(b.sort());
    for (const id of a) expect(matches(docs[Number(id.slice(1))], parts, {})).toBe(true);
  });

  it('latin and digit tokens match at word starts only', () => {
    const ids = (q: string) => posted.find(queryParts(q), searchTokens(q), {}).map((d) => d.id);
    expect(ids('cov')).toEqual([`d${texts.indexOf(extra[0])}`]);
    expect(ids('021')).toEqual([]);
    expect(ids('刘成友')).toEqual([`d${texts.indexOf(extra[2])}`]);
  });

  it('filters, removals and replacements', () => {
    const index = built(true);
    const q = (s: string, f = {}) => index.find(queryParts(s), searchTokens(s), f).map((d) => d.id);
    const all = q('海南');
    expect(q('海南', { paper: '海南日报' }).every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true);
    expect(q('海南', { kinds: ['highlight'] }).every((id) => Number(id.slice(1)) % 3 === 0)).toBe(true);
    expect(q('', { tags: ['乡村振兴'] }).length).toBe(docs.filter((d) => d.tags.length > 0).length);
    index.remove(
      'clip',
      all.find((id) => Number(id.slice(1)) % 3 !== 0)!,
    );
    expect(q('海南')).toHaveLength(all.length - 1);
    index.put({ ...docs[0], texts: ['海南新的一段'] });
    expect(q('新的一段')).toEqual(['d0']);
    // Many removals compact the postings; answers stay the same.
    for (const d of docs.slice(1)) index.remove(d.kind, d.id);
    expect(q('海南')).toEqual(['d0']);
  });
});
