import { describe, expect, it } from 'vitest';
import { anchorText, articleText, describeParagraphs, describeText } from '../../lib/anchor/text.ts';
import type { Selectors } from '../../lib/model/index.ts';
import { longHainanArticle, seedParagraphs } from './fixtures.ts';

const seed = articleText(seedParagraphs());
const hainan = articleText(longHainanArticle().paragraphs);

/** Selectors for the nth occurrence of `quote` in `text`. */
function sel(text: string, quote: string, nth = 0): Selectors {
  let at = text.indexOf(quote);
  for (let i = 0; i < nth; i++) at = text.indexOf(quote, at + 1);
  expect(at).toBeGreaterThanOrEqual(0);
  const s = describeText(text, at, at + quote.length, 'zzrb|2022-02-07|A1|0');
  expect(s).not.toBeNull();
  return s as Selectors;
}

function placed(text: string, s: Selectors): string | null {
  const m = anchorText(text, s);
  return 'notFound' in m ? null : text.slice(m.start, m.end);
}

describe('describeText', () => {
  it('keeps the quote, 32 chars of context, position and paragraph', () => {
    const s = sel(seed, '防止规');
    expect(s.exact).toBe('防止规');
    expect(s.prefix).toHaveLength(32);
    expect(s.prefix.endsWith('沙土上不能盖房子。乡村振兴，')).toBe(true);
    expect(s.suffix.startsWith('\n模性返贫是底线')).toBe(true);
    expect(seedParagraphs()[s.paragraph]).toContain('防止规');
    expect(s.articleKey).toBe('zzrb|2022-02-07|A1|0');
  });

  it('trims spaces and paragraph breaks off the ends of a selection', () => {
    const at = seed.indexOf('沙土上');
    const s = describeText(seed, at - 1, at + 9, 'k') as Selectors;
    expect(s.exact).toBe('沙土上不能盖房子。');
  });

  it('returns null for a blank selection', () => {
    const at = seed.indexOf('\n');
    expect(describeText(seed, at, at + 1, 'k')).toBeNull();
  });

  it('describes reader coordinates (paragraph, offset) the same way as flat offsets', () => {
    const paras = seedParagraphs();
    const i = paras.findIndex((p) => p.includes('全省首个'));
    const off = paras[i].indexOf('全省首个');
    const a = describeParagraphs(
      paras,
      { paragraph: i, offset: off },
      { paragraph: i, offset: off + 8 },
      'zzrb|2022-02-07|A1|0',
    );
    expect(a).toEqual(sel(seed, paras[i].slice(off, off + 8)));
    expect(a?.paragraph).toBe(i);
  });
});

describe('anchorText on unchanged text', () => {
  it('places every 12-char quote of the 海南日报 article back where it was', () => {
    for (let at = 0; at + 12 < hainan.length; at += 37) {
      const s = describeText(hainan, at, at + 12, 'k');
      if (!s) continue;
      const m = anchorText(hainan, s);
      expect('notFound' in m).toBe(false);
      if ('notFound' in m) continue;
      expect(m.start).toBe(hainan.indexOf(s.exact, s.start));
      expect(['exact', 'context', 'position']).toContain(m.method);
    }
  });
});

describe('repeated phrases', () => {
  it.each([
    ['防返贫', 1],
    ['防返贫', 4],
    ['乡村振兴', 2],
    ['乡村振兴', 5],
  ])('%s occurrence %i is chosen by its context', (quote, nth) => {
    const s = sel(seed, quote, nth);
    const m = anchorText(seed, s);
    expect(m).toMatchObject({ method: 'context', start: s.start });
  });

  it('falls back to the stored position when the context is identical', () => {
    const block = '株洲日报·掌上株洲讯（记者/罗欣）今天，防返贫监测全面启动。';
    const text = [block, '中间一段。', block].join('\n');
    const s = describeText(
      text,
      text.lastIndexOf('防返贫'),
      text.lastIndexOf('防返贫') + 3,
      'k',
    ) as Selectors;
    // Same 32 chars on each side is impossible here, so cut the context down to what both share.
    const m = anchorText(text, { ...s, prefix: s.prefix.slice(-10), suffix: '监测全面启动。' });
    expect(m).toMatchObject({ method: 'position', start: text.lastIndexOf('防返贫') });
  });
});

describe('edits around the quote', () => {
  const quote = '去年初，我市建成全省首个“电力大数';
  const s = sel(seed, quote);

  it.each([
    [
      'text inserted before the paragraph',
      seed.replace('“来电”预警、线下核查', '（本报讯）“来电”预警、线下核查'),
      'exact',
    ],
    [
      'the paragraph break repaired by the reader',
      seed.replace('电力大数\n据+防返贫', '电力大数据+防返贫'),
      'exact',
    ],
    [
      'U+3000 indents and zero-width characters added',
      seed.replace(/\n/g, '\n\u3000\u3000').replace('首个', '首\u200b个'),
      'exact',
    ],
    ['a character corrected inside the quote', seed.replace('全省首个', '全国首个'), 'fuzzy'],
    ['a word dropped from the quote', seed.replace('去年初，', '去年'), 'fuzzy'],
  ])('%s', (_name, changed, method) => {
    const m = anchorText(changed, s);
    expect(m).toMatchObject({ method });
    if ('notFound' in m) return;
    const got = changed.slice(m.start, m.end).replace(/[\u200b\u3000\n]/g, '');
    expect(got.length).toBeGreaterThanOrEqual(quote.length - 2);
    expect(got.endsWith('电力大数') || got.endsWith('电力大数据')).toBe(true);
  });
});

describe('short quotes are never fuzzy', () => {
  it.each(['株洲', '返贫', '防火墙', '基础题'])('%s with one character changed is not found', (quote) => {
    const s = sel(seed, quote);
    const changed = seed.split(quote).join(quote.slice(0, -1) + '口');
    expect(anchorText(changed, s)).toEqual({ notFound: true });
  });

  it('a short quote whose context changed entirely is not placed on another occurrence', () => {
    const s = sel(seed, '株洲');
    const other = '株洲，湖南省的一座城市，今天天气晴。';
    expect(placed(other, s)).toBeNull();
  });
});

describe('a changed page', () => {
  it.each([['沙土上不能盖房子。乡村振兴，防止规'], ['从用电量、交费异常等状况，平台对有返贫风险的用户发出']])(
    '%s on another article is an orphan',
    (quote) => {
      expect(anchorText(hainan, sel(seed, quote))).toEqual({ notFound: true });
    },
  );

  it('a heavily rewritten sentence is an orphan, not a wrong match', () => {
    const s = sel(seed, '织密返贫帮扶保障网');
    const rewritten = seed.replace('织密返贫帮扶保障网', '构建兜底保障体系');
    expect(anchorText(rewritten, s)).toEqual({ notFound: true });
  });
});
