/**
 * Checks of library data read from a backup file or about to be written to one, with the record
 * schemas of lib/model/schemas.ts (the same ones every write and message uses, so what the library
 * stores is what a restore accepts). The file as a whole is refused only when it is not library data
 * at all (`checkData`); a bad record is skipped and reported with its path, e.g.
 * 「data.clips[3].note: Invalid type: Expected string but received 123」 (`checkRecords`).
 *
 * No separate walk for sizes or nesting: the schemas read only the fields they know, each with a
 * length limit, and fail at the first value of the wrong type, so a 5 MB string or a list nested
 * 10,000 deep in an unknown field is never walked (and is dropped), and one in a known field fails
 * that record at its first level.
 */
import type { Clip, Highlight, LibraryData, StoredArticle } from '../model';
import * as v from 'valibot';
import { clipSchema, highlightSchema, storedArticleSchema } from '../model/schemas';

/** Library data as read from a file: three lists whose records are not checked yet. */
export interface BackupData {
  articles: readonly unknown[];
  highlights: readonly unknown[];
  clips: readonly unknown[];
}

/** The valid records, how many were left out and why (the first MAX_PROBLEMS reasons, with paths). */
export interface CheckedRecords {
  data: LibraryData;
  skipped: number;
  problems: string[];
}

/** Reasons kept in a report; the count covers the rest. */
export const MAX_PROBLEMS = 20;
/** How far ahead of the clock a record's time may be (a computer whose clock was a little ahead). */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Why `v` is not library data at all (not an object, a list missing or not a list), or null. */
export function checkData(v: unknown): string | null {
  if (!isObj(v)) return 'data: expected an object with articles, highlights and clips';
  for (const k of ['articles', 'highlights', 'clips'] as const) {
    if (!Array.isArray(v[k])) return `data.${k}: expected a list`;
  }
  return null;
}

/**
 * The first of `fields` of `record` more than FUTURE_SLACK_MS after `now`, as a sentence
 * (「updatedAt: from the future (2999-01-01T00:00:00.000Z, …)」), or null. Such a record would win
 * every "newer wins" merge until that day comes.
 */
export function futureProblem(record: object, fields: readonly string[], now: number): string | null {
  for (const f of fields) {
    const at = (record as Record<string, unknown>)[f];
    if (typeof at === 'number' && at > now + FUTURE_SLACK_MS) {
      const when = (ms: number) =>
        Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
      return `${f}: from the future (${when(at)}, more than a day after this computer's clock, ${when(now)})`;
    }
  }
  return null;
}

/** 「.selectors.exact」, 「.paragraphs[2]」: where in a record an issue is ('' for the record itself). */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const p of issue.path ?? []) out += typeof p.key === 'number' ? `[${p.key}]` : `.${String(p.key)}`;
  return out;
}

const ARTICLE_TIMES = ['firstSeenAt', 'lastSeenAt'] as const;
const RECORD_TIMES = ['createdAt', 'updatedAt'] as const;

/** The three lists of library data. */
export type RecordList = 'articles' | 'highlights' | 'clips';

/** Each list's schema and the times checked against the clock. */
const CHECKS: Record<RecordList, { schema: v.GenericSchema; times: readonly string[] }> = {
  articles: { schema: storedArticleSchema, times: ARTICLE_TIMES },
  highlights: { schema: highlightSchema, times: RECORD_TIMES },
  clips: { schema: clipSchema, times: RECORD_TIMES },
};

/**
 * checkRecords one slice of a list at a time, with the same reasons, paths and counts: a restore
 * writes each slice of clips while it checks the next (lib/db/restore.ts). Slices of a list must
 * come in order, lists in the order articles, highlights, clips for the reasons to be in that order.
 */
export class RecordChecker {
  skipped = 0;
  readonly problems: string[] = [];

  /** `now`: the clock, for times from the future (none checked without it). */
  constructor(private readonly now?: number) {}

  private note(p: string): void {
    if (this.problems.length < MAX_PROBLEMS) this.problems.push(p);
  }

  /** The list `name` of `data`; one that is not a list counts as empty and is reported. */
  list(data: BackupData, name: RecordList): readonly unknown[] {
    const list = (data as unknown as Record<string, unknown> | null)?.[name];
    if (Array.isArray(list)) return list;
    if (list !== undefined) this.note(`data.${name}: expected a list`);
    return [];
  }

  /** The valid records of `list` (the list `name`) from index `from` up to `to`, in order. */
  slice<T>(name: RecordList, list: readonly unknown[], from: number, to: number): T[] {
    const { schema, times } = CHECKS[name];
    const out: T[] = [];
    for (let i = from; i < Math.min(to, list.length); i++) {
      const r = v.safeParse(schema, list[i], { abortEarly: true });
      if (!r.success) {
        this.skipped++;
        this.note(`data.${name}[${i}]${pathOf(r.issues[0])}: ${r.issues[0].message}`);
        continue;
      }
      const future = this.now === undefined ? null : futureProblem(r.output as object, times, this.now);
      if (future) {
        this.skipped++;
        this.note(`data.${name}[${i}].${future}`);
      } else out.push(r.output as T);
    }
    return out;
  }

  /** The valid records of the whole list `name` of `data`. */
  all<T>(data: BackupData, name: RecordList): T[] {
    const list = this.list(data, name);
    return this.slice<T>(name, list, 0, list.length);
  }
}

/**
 * Each record of `data` checked with its schema (unknown fields dropped) and, when `now` is given,
 * for times from the future; the valid ones in their order, the others counted and reported.
 * A list that is not a list counts as empty and is reported (parseBackup refuses such a file).
 */
export function checkRecords(data: BackupData, opts: { now?: number } = {}): CheckedRecords {
  const c = new RecordChecker(opts.now);
  const articles = c.all<StoredArticle>(data, 'articles');
  const highlights = c.all<Highlight>(data, 'highlights');
  const clips = c.all<Clip>(data, 'clips');
  return { data: { articles, highlights, clips }, skipped: c.skipped, problems: c.problems };
}
