import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_COLORS, type Article, type LibraryData } from '../../lib/model';
import { makeBackup, parseBackup } from '../../lib/export/backup';
import { mergeLibrary } from '../../lib/export/merge';
import { makeArticle, makeClip, makeHighlight, makeStored } from './factories';

const NOW = new Date('2026-11-29T20:00:00Z');

const text = fc.string({
  unit: fc.constantFrom('春', '运', '，', '。', 'a', ' ', '\u3000', '"', '\\', '\n', '😀'),
});
/** Tags, ids and article keys are never empty (the record schemas, lib/model/schemas.ts). */
const word = fc.string({ unit: fc.constantFrom('春', '运', 'a', '"', '\\', '😀'), minLength: 1 });
const stamp = fc.integer({ min: 0, max: 2e12 });
const article: fc.Arbitrary<Article> = fc.record({
  key: fc.string({ minLength: 1 }),
  paper: text,
  date: text,
  pages: fc.array(text, { maxLength: 3 }),
  leadTitle: text,
  title: text,
  subtitle: text,
  bylines: fc.array(text, { maxLength: 2 }),
  paragraphs: fc.array(
    fc.record({
      text,
      kind: fc.constantFrom('text', 'crosshead', 'caption', 'credit') as fc.Arbitrary<'text'>,
    }),
    { maxLength: 4 },
  ),
  images: fc.array(fc.record({ src: text, caption: text }), { maxLength: 1 }),
  continuesTo: text,
  continuedFrom: text,
  urls: fc.array(text, { maxLength: 2 }),
  parts: fc.array(fc.record({ page: text, url: text, from: fc.nat(), to: fc.nat() }), { maxLength: 2 }),
  order: fc.nat(),
});
const library: fc.Arbitrary<LibraryData> = fc.record({
  articles: fc.uniqueArray(
    fc
      .record({ article, urls: fc.array(text, { maxLength: 2 }), firstSeenAt: stamp, lastSeenAt: stamp })
      .map((r) => ({ key: r.article.key, ...r })),
    { selector: (a) => a.key, maxLength: 4 },
  ),
  highlights: fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1 }),
      articleKey: word,
      color: fc.constantFrom(...HIGHLIGHT_COLORS),
      selectors: fc.record({
        exact: text,
        prefix: text,
        suffix: text,
        start: fc.nat(),
        end: fc.nat(),
        paragraph: fc.nat(),
        articleKey: text,
      }),
      note: text,
      tags: fc.array(word, { maxLength: 2 }),
      createdAt: stamp,
      updatedAt: stamp,
    }),
    { selector: (h) => h.id, maxLength: 5 },
  ),
  clips: fc.uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1 }),
      articleKey: word,
      paragraphs: fc.array(text, { maxLength: 3 }),
      paragraphIndexes: fc.array(fc.nat(), { maxLength: 3 }),
      note: text,
      tags: fc.array(word, { maxLength: 2 }),
      source: fc.record({
        articleKey: word,
        paper: text,
        date: text,
        pages: fc.array(text),
        leadTitle: text,
        title: text,
        subtitle: text,
        bylines: fc.array(text),
        urls: fc.array(text),
      }),
      createdAt: stamp,
      updatedAt: stamp,
    }),
    { selector: (c) => c.id, maxLength: 5 },
  ),
});

describe('backup round trip', () => {
  it('parseBackup(makeBackup(x)) deep-equals x', () => {
    fc.assert(
      fc.property(library, (data) => {
        const r = parseBackup(makeBackup(data, NOW));
        expect(r).toEqual({ ok: true, value: { data, skipped: 0, problems: [] } });
      }),
      { numRuns: 200 },
    );
  });

  it('stamps format, version and the given time', () => {
    const file = JSON.parse(makeBackup({ articles: [], highlights: [], clips: [] }, NOW));
    expect(file).toMatchObject({
      format: 'epaper-reader-backup',
      version: 1,
      exportedAt: '2026-11-29T20:00:00.000Z',
    });
  });
});

describe('merge', () => {
  it('is idempotent and never duplicates', () => {
    fc.assert(
      fc.property(library, library, (a, b) => {
        const once = mergeLibrary(a, b).merged;
        const twice = mergeLibrary(once, b);
        expect(twice.merged).toEqual(once);
        expect(twice.added).toEqual({ articles: 0, highlights: 0, clips: 0 });
        expect(new Set(once.clips.map((c) => c.id)).size).toBe(once.clips.length);
        expect(new Set(once.articles.map((x) => x.key)).size).toBe(once.articles.length);
      }),
      { numRuns: 200 },
    );
  });

  it('restoring a backup into an empty library gives identical data', () => {
    fc.assert(
      fc.property(library, (data) => {
        const r = parseBackup(makeBackup(data, NOW));
        if (!r.ok) throw new Error(r.error);
        expect(mergeLibrary({ articles: [], highlights: [], clips: [] }, r.value.data).merged).toEqual(data);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps the newer highlight and clip, unions article URLs, counts what it did', () => {
    const a = makeArticle();
    const h = makeHighlight(a, '株洲西站', 0);
    const c = makeClip(a, [0]);
    const existing: LibraryData = { articles: [makeStored(a)], highlights: [h], clips: [c] };
    const moved = makeArticle({ urls: ['http://example.org/pc/content_1.html'] });
    const incoming: LibraryData = {
      articles: [makeStored(moved, { lastSeenAt: 5000, firstSeenAt: 500 })],
      highlights: [{ ...h, note: '新笔记', updatedAt: 9000 }],
      clips: [{ ...c, note: '旧', updatedAt: 10 }, makeClip(a, [0], { id: 'c-new' })],
    };
    const r = mergeLibrary(existing, incoming);
    expect(r.added).toEqual({ articles: 0, highlights: 0, clips: 1 });
    expect(r.updated).toEqual({ articles: 1, highlights: 1, clips: 0 });
    expect(r.skipped).toEqual({ articles: 0, highlights: 0, clips: 1 });
    expect(r.merged.highlights[0].note).toBe('新笔记');
    expect(r.merged.clips.map((x) => x.id)).toEqual([c.id, 'c-new']);
    expect(r.merged.clips[0].note).toBe('');
    const stored = r.merged.articles[0];
    expect(stored.urls).toEqual(['http://example.org/content_1.htm', 'http://example.org/pc/content_1.html']);
    expect(stored.article.urls).toEqual(stored.urls);
    expect([stored.firstSeenAt, stored.lastSeenAt]).toEqual([500, 5000]);
  });
});

describe('parseBackup refuses bad files and says why', () => {
  const good = makeBackup(
    {
      articles: [makeStored()],
      highlights: [makeHighlight(makeArticle(), '株洲西站', 0)],
      clips: [makeClip(makeArticle(), [0])],
    },
    NOW,
  );
  const edit = (f: (o: any) => void) => {
    const o = JSON.parse(good);
    f(o);
    return JSON.stringify(o);
  };
  /** Lists nested 100,000 deep where "DEEP" is (JSON.stringify could not write them). */
  const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);
  const deepen = (text: string) => text.replace('"DEEP"', DEEP);
  // Refused whole: foreign, damaged (not JSON, no library data), newer, too large (below).
  it.each<[string, string, RegExp]>([
    [
      'truncated JSON',
      good.slice(0, good.length - 40),
      /cannot be read: it is not valid JSON; it may be damaged or cut short/,
    ],
    ['empty file', '', /it is empty/],
    ['foreign JSON', JSON.stringify({ items: [] }), /not an E-paper Reader backup/],
    ['a Zotero CSL file', '[{"id":"x","type":"article-newspaper"}]', /not an E-paper Reader backup/],
    [
      'newer version',
      edit((o) => (o.version = 2)),
      /newer version of E-paper Reader \(format 2; this one reads up to 1\)/,
    ],
    ['version missing', edit((o) => delete o.version), /no valid version/],
    ['articles not a list', edit((o) => (o.data.articles = {})), /damaged: data\.articles: expected a list/],
    ['clips missing', edit((o) => delete o.data.clips), /damaged: data\.clips: expected a list/],
    ['data missing', edit((o) => delete o.data), /damaged: data: expected an object/],
    ['data a list', edit((o) => (o.data = [])), /damaged: data: expected an object/],
  ])('%s', (_name, input, message) => {
    const r = parseBackup(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(message);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = parseBackup(good, { maxChars: 1024 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatch(/^This file is too large to be a backup \(\d+ KB; the limit is 1 KB\)\.$/);
  });

  // Rule changed (one schema per record): a bad record no longer refuses the whole file; it is
  // skipped and reported with its path, and the other records are kept.
  it.each<[string, (o: any) => void, RegExp]>([
    [
      'deep nesting in a known field',
      (o) => (o.data.clips[0].tags = 'DEEP'),
      /^data\.clips\[0\]\.tags\[0\]: Invalid type: Expected string but received Array/,
    ],
    [
      'clip title a number',
      (o) => (o.data.clips[0].source.title = 5),
      /^data\.clips\[0\]\.source\.title: Invalid type: Expected string but received 5$/,
    ],
    [
      'colour unknown',
      (o) => (o.data.highlights[0].color = 'red'),
      /^data\.highlights\[0\]\.color: Invalid type: Expected \("yellow" \| .*received "red"$/,
    ],
    [
      'paragraph kind unknown',
      (o) => (o.data.articles[0].article.paragraphs[0].kind = 'ad'),
      /^data\.articles\[0\]\.article\.paragraphs\[0\]\.kind: /,
    ],
    [
      'huge note',
      (o) => (o.data.clips[0].note = '长'.repeat(1_000_001)),
      /^data\.clips\[0\]\.note: longer than 100000 characters$/,
    ],
    [
      'time 1e308',
      (o) => (o.data.highlights[0].updatedAt = 1e308),
      /^data\.highlights\[0\]\.updatedAt: Invalid value: Expected <=253402300799999/,
    ],
    ['a record that is null', (o) => (o.data.clips[0] = null), /^data\.clips\[0\]: Invalid type: /],
  ])('skips a bad record and says where: %s', (_name, f, message) => {
    const r = parseBackup(deepen(edit(f)));
    if (!r.ok) throw new Error(r.error);
    expect(r.value.skipped).toBe(1);
    expect(r.value.problems).toEqual([expect.stringMatching(message)]);
    const d = r.value.data;
    expect(d.articles.length + d.highlights.length + d.clips.length).toBe(2);
  });

  it('skips records dated more than a day after the clock it is given', () => {
    const now = Date.UTC(2026, 10, 29);
    const text = edit((o) => {
      o.data.clips[0].updatedAt = now + 2 * 86_400_000;
      o.data.highlights[0].createdAt = now + 3_600_000; // an hour ahead: a clock a little fast
    });
    const r = parseBackup(text, { now });
    if (!r.ok) throw new Error(r.error);
    expect(r.value.problems).toEqual([
      "data.clips[0].updatedAt: from the future (2026-12-01T00:00:00.000Z, more than a day after this computer's clock, 2026-11-29T00:00:00.000Z)",
    ]);
    expect(r.value.data.highlights).toHaveLength(1);
    expect(parseBackup(text).ok && parseBackup(text)).toMatchObject({ value: { skipped: 0 } });
  });

  it('keeps duplicate ids for the restore to count once (lib/db: the newest copy wins)', () => {
    const r = parseBackup(edit((o) => o.data.clips.push(o.data.clips[0])));
    expect(r.ok && r.value.data.clips.length).toBe(2);
  });

  it('accepts a byte-order mark; drops unknown extra fields, however deep (rule changed: they were kept)', () => {
    const r = parseBackup(
      '\uFEFF' + deepen(edit((o) => Object.assign(o.data.clips[0], { color: 'green', deep: 'DEEP' }))),
    );
    if (!r.ok) throw new Error(r.error);
    expect(r.value.skipped).toBe(0);
    expect(r.value.data.clips[0]).not.toHaveProperty('color');
    expect(r.value.data.clips[0]).not.toHaveProperty('deep');
  });
});
