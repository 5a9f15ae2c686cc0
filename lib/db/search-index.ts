/**
 * The library's one search index, in memory: for every clip and highlight its folded texts and
 * the fields filters read, and for every term (CJK bigram, latin/digit word, run-final character;
 * `visitTermKeys()` in lib/text/bigrams.ts) the records holding it. Answers are exact: the terms narrow,
 * then the texts decide (every query part a substring), and the total counts every match.
 * Built from the rows once per connection and kept current from the change feed (`seq`), so writes
 * by another tab are seen too (search.ts). Why in memory and not a multi-entry index: Chromium
 * writes each index entry in ~8 µs, and 50,000 clips hold ~4.7 M terms (docs/storage.md).
 */
import { foldForSearch, hasToken, visitTermKeys, type SearchToken } from '../text/bigrams.ts';
import type { HighlightColor } from '../model/index.ts';
import type { SearchFilters } from './types.ts';

/** What the index keeps of one record. */
export interface IndexDoc {
  kind: 'clip' | 'highlight';
  id: string;
  createdAt: number;
  articleKey: string;
  paper: string;
  date: string;
  color?: HighlightColor;
  tags: string[];
  /** The searched texts, folded (the row's own strings when nothing needed folding). */
  texts: string[];
}

/** An IndexDoc from a record's searched texts (rows.ts `clipTexts` / `highlightTexts`). */
export function indexDoc(fields: Omit<IndexDoc, 'texts'>, texts: readonly string[]): IndexDoc {
  return { ...fields, texts: texts.filter((t) => t !== '').map(foldForSearch) };
}

// Terms of two CJK characters of U+3400–U+9FFF (almost every Chinese bigram) are small integers,
// which V8 hashes without allocating: building the index for 50,000 clips with string keys took
// ~5x longer and twice the memory. A run-final character alone is the negative of its offset;
// anything else (latin/digit words, kana, astral characters) keeps a string key.
const BASE = 0x3400;
const SPAN = 0xa000 - BASE;
const dense = (cp: number) => cp >= BASE && cp < 0xa000;

/** The key of a term given as code points (`lo` 0: a character alone). */
function pairKey(hi: number, lo: number): number | string {
  if (dense(hi) && lo === 0) return -(hi - BASE) - 1;
  if (dense(hi) && dense(lo)) return (hi - BASE) * SPAN + (lo - BASE);
  return lo === 0 ? String.fromCodePoint(hi) : String.fromCodePoint(hi, lo);
}

/** Term → record numbers, plus the records; removed records leave holes until the next compaction. */
export class SearchIndex {
  private docs: Array<IndexDoc | undefined> = [];
  private readonly slots = new Map<string, number>();
  private nums = new Map<number, number[]>();
  private strs = new Map<string, number[]>();
  private holes = 0;
  /** Records docs[0 … posted) have their terms in the postings; the rest are found by a scan. */
  private posted = 0;
  /** The change feed position the index reflects. */
  seq = 0;

  /** Records held. */
  get size(): number {
    return this.slots.size;
  }

  /** True once every record's terms are in the postings (before, `find` scans the texts). */
  get complete(): boolean {
    return this.posted === this.docs.length;
  }

  /** Adds or replaces a record, with its terms at once unless earlier records still wait for theirs. */
  put(doc: IndexDoc): void {
    this.load(doc);
    if (this.posted === this.docs.length - 1) this.post(this.posted++);
  }

  /** Adds or replaces a record without its terms yet (`postSome` adds them). */
  load(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    this.slots.set(`${doc.kind} ${doc.id}`, this.docs.length);
    this.docs.push(doc);
  }

  /** Posts the terms of up to `max` more records; true when every record is posted. */
  postSome(max: number): boolean {
    const end = Math.min(this.docs.length, this.posted + max);
    for (; this.posted < end; this.posted++) this.post(this.posted);
    return this.complete;
  }

  private post(n: number): void {
    const doc = this.docs[n];
    if (!doc) return;
    const add = <K>(map: Map<K, number[]>, key: K): void => {
      const list = map.get(key);
      if (!list) map.set(key, [n]);
      // Terms repeat as the text does; the record's number is the list's last if already there.
      else if (list[list.length - 1] !== n) list.push(n);
    };
    const other = (term: string) => add(this.strs, term);
    for (const text of doc.texts) {
      visitTermKeys(
        text,
        (hi, lo) => {
          const k = pairKey(hi, lo);
          if (typeof k === 'number') add(this.nums, k);
          else other(k);
        },
        other,
      );
    }
  }

  /** Removes a record (absent: nothing). */
  remove(kind: IndexDoc['kind'], id: string): void {
    const key = `${kind} ${id}`;
    const n = this.slots.get(key);
    if (n === undefined) return;
    this.slots.delete(key);
    this.docs[n] = undefined;
    // Holes cost memory and a skip per lookup: rebuild once they outnumber the records.
    if (++this.holes > Math.max(1000, this.slots.size)) this.compact();
  }

  /**
   * Every record matching all `tokens` (narrowing) and all `parts` (deciding), and the filters;
   * no tokens (a query of punctuation only, or none) checks every record.
   */
  find(parts: readonly string[], tokens: readonly SearchToken[], f: SearchFilters): IndexDoc[] {
    const keep = (d: IndexDoc | undefined): d is IndexDoc => d !== undefined && matches(d, parts, f);
    if (tokens.length === 0) return this.docs.filter(keep);
    if (!this.complete) return this.docs.filter((d): d is IndexDoc => keep(d) && hasTokens(d, tokens));
    const sets = tokens.map((t) => this.lookup(t)).sort((a, b) => a.length - b.length);
    let found = sets[0];
    for (const other of sets.slice(1)) {
      if (found.length === 0) break;
      const has = new Set(other);
      found = found.filter((n) => has.has(n));
    }
    const out: IndexDoc[] = [];
    for (const n of found) {
      const d = this.docs[n];
      if (keep(d)) out.push(d);
    }
    return out;
  }

  /** Record numbers holding a token (a prefix token: any term starting with it), without repeats. */
  private lookup(t: SearchToken): number[] {
    const cps = [...t.token].map((c) => c.codePointAt(0) as number);
    if (!t.prefix) {
      const k = pairKey(cps[0], cps[1] ?? 0);
      return (typeof k === 'number' ? this.nums.get(k) : this.strs.get(k)) ?? [];
    }
    const lists: number[][] = [];
    if (cps.length === 1 && dense(cps[0])) {
      // One character: alone at a run's end, or first of any bigram (one key range).
      const lo = (cps[0] - BASE) * SPAN;
      for (const [k, list] of this.nums) {
        if ((k >= lo && k < lo + SPAN) || k === -(cps[0] - BASE) - 1) lists.push(list);
      }
    }
    for (const [k, list] of this.strs) if (k.startsWith(t.token)) lists.push(list);
    if (lists.length === 1) return lists[0];
    return [...new Set(lists.flat())];
  }

  private compact(): void {
    const docs = this.docs.filter((d) => d !== undefined);
    this.docs = [];
    this.slots.clear();
    this.nums = new Map();
    this.strs = new Map();
    this.holes = 0;
    this.posted = 0;
    for (const d of docs) this.load(d);
    this.postSome(this.docs.length);
  }
}

/** The index's narrowing done on the texts (bigrams.ts `hasToken`): what the postings would give. */
export function hasTokens(d: IndexDoc, tokens: readonly SearchToken[]): boolean {
  return tokens.every((t) => d.texts.some((s) => hasToken(s, t)));
}

/** True when `d` holds every query part (folded) and passes the filters: the one deciding check. */
export function matches(d: IndexDoc, parts: readonly string[], f: SearchFilters): boolean {
  return passes(d, f) && parts.every((p) => d.texts.some((t) => t.includes(p)));
}

/** The filters other than the query. */
export function passes(d: IndexDoc, f: SearchFilters): boolean {
  if (f.kinds && !f.kinds.includes(d.kind)) return false;
  if (f.articleKey && d.articleKey !== f.articleKey) return false;
  if (f.paper && d.paper !== f.paper) return false;
  if (f.dateFrom && !(d.date && d.date >= f.dateFrom)) return false;
  if (f.dateTo && !(d.date && d.date <= f.dateTo)) return false;
  if (f.colors && f.colors.length > 0 && !(d.color && f.colors.includes(d.color))) return false;
  if (f.tags && f.tags.length > 0 && !f.tags.some((t) => d.tags.includes(t))) return false;
  return true;
}
