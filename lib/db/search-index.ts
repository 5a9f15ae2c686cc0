/**
 * The library's one search index, in memory: for every clip and highlight its folded texts and
 * the fields filters read, and for every term (CJK bigram, latin/digit word, run-final character;
 * `bigrams()` in lib/text/bigrams.ts) the records holding it. Answers are exact: the terms narrow,
 * then the texts decide (every query part a substring), and the total counts every match.
 * Built from the rows once per connection and kept current from the change feed (`seq`), so writes
 * by another tab are seen too (search.ts). Why in memory and not a multi-entry index: Chromium
 * writes each index entry in ~8 µs, and 50,000 clips hold ~4.7 M terms (docs/storage.md).
 */
import { bigrams, foldForSearch, type SearchToken } from '../text/bigrams.ts';
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
  /** The searched texts, folded, joined by U+0000 (no query part holds it, so none spans two). */
  text: string;
}

const SEP = '\u0000';

/** An IndexDoc from a record's searched texts (rows.ts `clipTexts` / `highlightTexts`). */
export function indexDoc(fields: Omit<IndexDoc, 'text'>, texts: readonly string[]): IndexDoc {
  return { ...fields, text: texts.map(foldForSearch).join(SEP) };
}

/** Term → record numbers, plus the records; removed records leave holes until the next compaction. */
export class SearchIndex {
  private docs: Array<IndexDoc | undefined> = [];
  private readonly slots = new Map<string, number>();
  private postings = new Map<string, number[]>();
  /** Terms by their first character, for one-character and word-prefix queries. */
  private byFirst = new Map<string, Set<string>>();
  private holes = 0;
  /** The change feed position the index reflects. */
  seq = 0;

  /** Records held. */
  get size(): number {
    return this.slots.size;
  }

  /** Adds or replaces a record. */
  put(doc: IndexDoc): void {
    this.remove(doc.kind, doc.id);
    const n = this.docs.length;
    this.docs.push(doc);
    this.slots.set(`${doc.kind} ${doc.id}`, n);
    for (const term of bigrams(doc.text)) {
      let list = this.postings.get(term);
      if (!list) {
        list = [];
        this.postings.set(term, list);
        const first = String.fromCodePoint(term.codePointAt(0) as number);
        let terms = this.byFirst.get(first);
        if (!terms) this.byFirst.set(first, (terms = new Set()));
        terms.add(term);
      }
      list.push(n);
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
    if (!t.prefix) return this.postings.get(t.token) ?? [];
    const first = String.fromCodePoint(t.token.codePointAt(0) as number);
    const lists: number[][] = [];
    for (const term of this.byFirst.get(first) ?? []) {
      if (term.startsWith(t.token)) lists.push(this.postings.get(term) ?? []);
    }
    if (lists.length === 1) return lists[0];
    return [...new Set(lists.flat())];
  }

  private compact(): void {
    const docs = this.docs.filter((d) => d !== undefined);
    this.docs = [];
    this.slots.clear();
    this.postings = new Map();
    this.byFirst = new Map();
    this.holes = 0;
    for (const d of docs) this.put(d);
  }
}

/** True when `d` holds every query part (folded) and passes the filters: the one deciding check. */
export function matches(d: IndexDoc, parts: readonly string[], f: SearchFilters): boolean {
  return passes(d, f) && parts.every((p) => d.text.includes(p));
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
