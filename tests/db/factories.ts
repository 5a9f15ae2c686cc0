/** Test objects with defaults, built from real 株洲日报 / 海南日报 strings, and a fresh library per test. */
import { vi } from 'vitest';
import { emptyArticle, sourceOf, type Article, type Selectors } from '../../lib/model/index.ts';
import { openLibrary, type Library } from '../../lib/db/index.ts';
import type { ClipInput, HighlightInput } from '../../lib/db/types.ts';

let dbCounter = 0;

/** A unique database name, so tests never share state. */
export function freshName(): string {
  return `test-${Date.now()}-${dbCounter++}`;
}

/** A clock that advances 1 ms per reading, starting at 2026-07-13 08:00 UTC. */
export function fakeClock(start = Date.UTC(2026, 6, 13, 8)): () => number {
  let t = start;
  return () => t++;
}

/** A library on fake-indexeddb with a fake clock and predictable ids. */
export function testLibrary(name = freshName()): Library {
  // Default ids: UUIDv7 from the fake clock, random bits from crypto (two tabs never collide).
  return openLibrary({ name, clock: fakeClock() });
}

export function makeArticle(init: Partial<Article> = {}): Article {
  return emptyArticle({
    key: '株洲日报|2022-02-07|A1|0',
    paper: '株洲日报',
    date: '2022-02-07',
    pages: ['A1'],
    title: '乡村振兴“开卷” 株洲这样作答',
    bylines: ['株洲日报·掌上株洲记者/李军 通讯员/谭雪平 陈志'],
    paragraphs: [
      {
        text: '春节，人们跨越山海奔赴家乡。将乡愁栖居之地建设成为“强富美”，正是乡村振兴的愿景所在。',
        kind: 'text',
      },
      {
        text: '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，巩固拓展脱贫攻坚成果是基石。',
        kind: 'text',
      },
    ],
    urls: ['https://epaper.zhuzhou.com/html/2022-02/07/content_1.htm'],
    ...init,
  });
}

export function makeSelectors(exact: string, init: Partial<Selectors> = {}): Selectors {
  return {
    exact,
    prefix: '',
    suffix: '',
    start: 0,
    end: exact.length,
    paragraph: 0,
    articleKey: '株洲日报|2022-02-07|A1|0',
    ...init,
  };
}

export function makeHighlight(
  exact = '防止规模性返贫是底线',
  init: Partial<HighlightInput> = {},
): HighlightInput {
  const articleKey = init.articleKey ?? '株洲日报|2022-02-07|A1|0';
  return { articleKey, color: 'yellow', selectors: makeSelectors(exact, { articleKey }), ...init };
}

export function makeClip(
  paragraph = '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。',
  init: Partial<ClipInput> = {},
): ClipInput {
  const article = makeArticle(init.articleKey ? { key: init.articleKey } : {});
  return {
    articleKey: article.key,
    paragraphs: [paragraph],
    paragraphIndexes: [1],
    source: sourceOf(article),
    ...init,
  };
}

/** The value of an ok Result, failing the test otherwise. */
export function ok<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(`expected ok, got error: ${r.error}`);
  return r.value;
}

/**
 * What Chromium does when the disk fills in the middle of a transaction: the transaction aborts
 * with QuotaExceededError and every request still pending fails (fake-indexeddb's own abort
 * path, `_abort(name)`, once the `n`th put into the clips store is written).
 */
export function failClipPut(n: number): void {
  const put = IDBObjectStore.prototype.put;
  let i = 0;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
    this: IDBObjectStore,
    ...args: Parameters<IDBObjectStore['put']>
  ) {
    const req = put.apply(this, args);
    const tx = this.transaction as unknown as { _abort(name: string): void };
    // Once that put is done: the browser writes after the page has issued its requests.
    if (this.name === 'clips' && ++i === n)
      req.addEventListener('success', () => tx._abort('QuotaExceededError'));
    return req;
  });
}
