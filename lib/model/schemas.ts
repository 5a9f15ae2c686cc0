/**
 * One schema per record (valibot), used for every write the library makes, for every message that
 * carries a record, and for restore: what can be stored can be backed up and restored, because the
 * same rules let it in. Unknown fields are dropped (valibot `object`), so nothing a page adds rides
 * along into the database.
 *
 * The limits are far above anything a real page holds (the longest real article is ~20,000
 * characters in ~60 paragraphs, domain.md) and far below what hurts: a hostile page that sends a
 * 5 MB "paragraph" gets a clear refusal, and the readers cut text to these limits where pages are
 * read (`capArticle`), so an honest but odd page is stored cut, not refused.
 */
import * as v from 'valibot';
import { HIGHLIGHT_COLORS } from './index.ts';
import { LIMITS } from './limits.ts';

export { LIMITS, capArticle } from './limits.ts';

/** Latest time a record may carry: 9999-12-31 (a `1e308` would win every "newer wins" merge). */
export const MAX_TIME = 253_402_300_799_999;

const text = (max: number) => v.pipe(v.string(), v.maxLength(max, `longer than ${max} characters`));
const id = v.pipe(v.string(), v.minLength(1, 'empty'), v.maxLength(LIMITS.key, 'too long'));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `more than ${max} entries`));
const count = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(Number.MAX_SAFE_INTEGER));
/** Milliseconds since 1970, an integer between 0 and MAX_TIME. */
export const timeSchema = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_TIME));
const url = text(LIMITS.url);
const line = text(LIMITS.line);

export const paragraphSchema = v.object({
  text: text(LIMITS.paragraph),
  kind: v.picklist(['text', 'crosshead', 'caption', 'credit']),
});

export const articleSchema = v.object({
  key: id,
  paper: line,
  date: line,
  pages: list(line, LIMITS.short),
  leadTitle: line,
  title: line,
  subtitle: line,
  bylines: list(line, LIMITS.short),
  paragraphs: list(paragraphSchema, LIMITS.paragraphs),
  images: list(v.object({ src: url, caption: line }), LIMITS.short),
  continuesTo: line,
  continuedFrom: line,
  urls: list(url, LIMITS.urls),
  parts: list(
    v.object({
      page: line,
      url,
      from: count,
      to: count,
      regime: v.optional(v.picklist(['first', 'split', 'duplicate', 'same-title'])),
      // 版名: optional, so records and backups made before it stay valid.
      name: v.optional(line),
    }),
    LIMITS.short,
  ),
  order: count,
});

export const storedArticleSchema = v.object({
  key: id,
  article: articleSchema,
  urls: list(url, LIMITS.urls),
  firstSeenAt: timeSchema,
  lastSeenAt: timeSchema,
});

export const selectorsSchema = v.object({
  exact: text(LIMITS.quote),
  prefix: text(LIMITS.context),
  suffix: text(LIMITS.context),
  start: count,
  end: count,
  paragraph: count,
  articleKey: v.pipe(v.string(), v.maxLength(LIMITS.key)),
});

export const colorSchema = v.picklist(HIGHLIGHT_COLORS);
export const noteSchema = text(LIMITS.note);
export const tagsSchema = list(v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.tag)), LIMITS.tags);

export const highlightSchema = v.object({
  id,
  articleKey: id,
  color: colorSchema,
  selectors: selectorsSchema,
  note: noteSchema,
  tags: tagsSchema,
  createdAt: timeSchema,
  updatedAt: timeSchema,
});

// A clip's source is its article's bibliographic fields (sourceOf), held to the same rules.
const { paper, date, pages, leadTitle, title, subtitle, bylines, urls } = articleSchema.entries;
export const sourceSchema = v.object({
  articleKey: id,
  paper,
  date,
  pages,
  leadTitle,
  title,
  subtitle,
  bylines,
  urls,
  section: v.optional(line),
});

export const clipSchema = v.object({
  id,
  articleKey: id,
  paragraphs: list(text(LIMITS.paragraph), LIMITS.paragraphs),
  paragraphIndexes: list(count, LIMITS.paragraphs),
  note: noteSchema,
  tags: tagsSchema,
  source: sourceSchema,
  createdAt: timeSchema,
  updatedAt: timeSchema,
});

/** A record to save: the library fills id, note, tags and the times when they are missing. */
const fillable = { id: v.optional(id), note: v.optional(noteSchema), tags: v.optional(tagsSchema) };
const times = { createdAt: v.optional(timeSchema), updatedAt: v.optional(timeSchema) };
export const highlightInputSchema = v.object({ ...highlightSchema.entries, ...fillable, ...times });
export const clipInputSchema = v.object({ ...clipSchema.entries, ...fillable, ...times });
export const highlightPatchSchema = v.object({
  color: v.optional(colorSchema),
  note: v.optional(noteSchema),
  tags: v.optional(tagsSchema),
  selectors: v.optional(selectorsSchema),
});
export const clipPatchSchema = v.object({ note: v.optional(noteSchema), tags: v.optional(tagsSchema) });

/**
 * A version stamp (lib/db/clock.ts): wall ms (18 digits), counter (5), device id. The device id is
 * what `newDeviceId` makes (hex) or any short id of letters, digits, `-` and `_`.
 */
export const revSchema = v.pipe(
  v.string(),
  v.maxLength(100, 'too long'),
  v.regex(/^\d{18}\.\d{5}\.[\w-]{1,64}$/, 'not a version stamp'),
);

/** The version fields sync carries beside each record (lib/db/README.md, "Sync contract"). */
export const syncMetaSchema = v.object({
  kind: v.picklist(['article', 'highlight', 'clip']),
  id,
  rev: revSchema,
  updatedAt: timeSchema,
  device: v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/, 'not a device id')),
  deleted: v.boolean(),
});

/** The record of each kind a live SyncRecord's `data` holds. */
export const syncDataSchemas = {
  article: storedArticleSchema,
  highlight: highlightSchema,
  clip: clipSchema,
} as const;

export const cachedPageSchema = v.object({
  url,
  fetchedAt: v.optional(timeSchema),
  contentType: text(200),
  text: text(LIMITS.pageText),
});

/**
 * The first problem with `value` as a sentence naming its path (「selectors.exact: longer than …」,
 * list positions in brackets: 「paragraphs[2].text: …」, as backup reports print them after
 * 「data.clips[3].」).
 */
export function problemOf(issues: v.BaseIssue<unknown>[] | undefined): string {
  const first = issues?.[0];
  if (!first) return 'invalid';
  let path = '';
  for (const p of first.path ?? []) {
    path += typeof p.key === 'number' ? `[${p.key}]` : `${path ? '.' : ''}${String(p.key)}`;
  }
  return path ? `${path}: ${first.message}` : first.message;
}

/** Check `value` against `schema`: the parsed value (unknown fields dropped) or one sentence. */
export function check<S extends v.GenericSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: v.InferOutput<S> } | { ok: false; error: string } {
  const r = v.safeParse(schema, value, { abortEarly: true });
  return r.success ? { ok: true, value: r.output } : { ok: false, error: problemOf(r.issues) };
}
