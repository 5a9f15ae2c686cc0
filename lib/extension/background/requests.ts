/**
 * The schema of every request the background answers, built from the record schemas
 * (lib/model/schemas.ts), so a message is checked by the same rules as the write it asks for and
 * the restore that may read it back. A request that fails is refused before any handler runs.
 */
import * as v from 'valibot';
import type { MessageType } from '../../messaging';
import {
  LIMITS,
  articleSchema,
  cachedPageSchema,
  clipInputSchema,
  clipPatchSchema,
  clipSchema,
  colorSchema,
  highlightInputSchema,
  highlightPatchSchema,
  highlightSchema,
  tagsSchema,
} from '../../model/schemas';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(LIMITS.key));
const url = v.pipe(v.string(), v.maxLength(LIMITS.url));
/** Most ids in one bulk request (the library page selects at most what it lists). */
const BULK = 100_000;
const ids = v.pipe(v.array(id), v.maxLength(BULK));

/** Request schemas by message type (the `type` field itself is checked by the dispatcher). */
export const REQUESTS: { [K in MessageType]?: v.GenericSchema } = {
  saveArticle: v.object({ article: articleSchema, url: v.optional(url) }),
  findArticleByUrl: v.object({ url }),
  saveHighlight: v.object({ highlight: highlightInputSchema, article: v.optional(articleSchema) }),
  updateHighlight: v.object({ id, patch: highlightPatchSchema }),
  deleteHighlight: v.object({ id }),
  saveClip: v.object({ clip: clipInputSchema, article: v.optional(articleSchema) }),
  updateClip: v.object({ id, patch: clipPatchSchema }),
  deleteClip: v.object({ id }),
  deleteMany: v.object({ clips: ids, highlights: ids }),
  restoreDeleted: v.object({
    clips: v.pipe(v.array(clipSchema), v.maxLength(BULK)),
    highlights: v.pipe(v.array(highlightSchema), v.maxLength(BULK)),
  }),
  listForArticle: v.object({ articleKey: id }),
  recentClips: v.object({ limit: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)) }),
  search: v.object({
    query: v.pipe(v.string(), v.maxLength(1_000)),
    filters: v.optional(
      v.object({
        kinds: v.optional(v.array(v.picklist(['clip', 'highlight']))),
        paper: v.optional(v.pipe(v.string(), v.maxLength(LIMITS.line))),
        dateFrom: v.optional(v.pipe(v.string(), v.maxLength(20))),
        dateTo: v.optional(v.pipe(v.string(), v.maxLength(20))),
        colors: v.optional(v.array(colorSchema)),
        tags: v.optional(tagsSchema),
        articleKey: v.optional(id),
        limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
      }),
    ),
  }),
  getCachedPage: v.object({ url, maxAgeMs: v.optional(v.pipe(v.number(), v.minValue(0))) }),
  putCachedPage: v.object({ page: cachedPageSchema }),
  fetchPage: v.object({ url }),
  fetchImage: v.object({ url, pageUrl: url }),
  openIssue: v.object({ url }),
  openHandoff: v.object({ articleKey: id }),
  listForStory: v.object({
    keys: v.pipe(v.array(id), v.maxLength(LIMITS.urls)),
    urls: v.pipe(v.array(url), v.maxLength(LIMITS.urls)),
  }),
};
