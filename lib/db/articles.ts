/** The articles repository: an article per key, its URLs merged on every save (export/merge.ts). */
import type { Article, StoredArticle } from '../model/index.ts';
import { storedArticleSchema } from '../model/schemas.ts';
import { type Ctx, valid } from './records.ts';
import { articleRow, mergeArticles, toStoredArticle } from './rows.ts';
import { type Stamps, writing } from './versions.ts';

/** Upserts an article inside the caller's write transaction; the stored article is checked first. */
export async function putArticle(
  ctx: Ctx,
  stamps: Stamps,
  article: Article,
  url?: string,
): Promise<StoredArticle> {
  const now = ctx.clock();
  const a = (article && typeof article === 'object' ? article : {}) as Partial<Article>;
  const urls = [...new Set([...(Array.isArray(a.urls) ? a.urls : []), ...(url ? [url] : [])])];
  const next = valid(
    storedArticleSchema,
    { key: a.key, article, urls, firstSeenAt: now, lastSeenAt: now },
    'The article was not saved',
  );
  const old = await ctx.db.articles.get(next.key);
  const merged = old
    ? valid(storedArticleSchema, mergeArticles(old, next), 'The article was not saved')
    : next;
  await ctx.db.articles.put(articleRow(merged, stamps.next(merged.lastSeenAt)));
  return merged;
}

/** Keeps an article's parsed text, adding `url` to the URLs it was seen under (its own write). */
export function saveArticle(ctx: Ctx, article: Article, url?: string): Promise<StoredArticle> {
  return writing(ctx.db, [ctx.db.articles], (st) => putArticle(ctx, st, article, url));
}

/** The stored article seen under `url`, or null. */
export async function findArticleByUrl(ctx: Ctx, url: string): Promise<StoredArticle | null> {
  const row = await ctx.db.articles.where('urls').equals(url).first();
  return row ? toStoredArticle(row) : null;
}

/** The stored articles under `keys`, in order; null where none is stored. */
export async function getArticles(ctx: Ctx, keys: string[]): Promise<Array<StoredArticle | null>> {
  return (await ctx.db.articles.bulkGet(keys)).map((r) => (r ? toStoredArticle(r) : null));
}

/** Keys of the articles seen under any of `urls` (a stitched article lists every part's URL). */
export async function articleKeysByUrls(ctx: Ctx, urls: string[]): Promise<string[]> {
  return urls.length ? (await ctx.db.articles.where('urls').anyOf(urls).primaryKeys()).map(String) : [];
}

/** Every stored article. */
export async function allArticles(ctx: Ctx): Promise<StoredArticle[]> {
  return (await ctx.db.articles.toArray()).map(toStoredArticle);
}
