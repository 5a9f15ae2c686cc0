/**
 * Approximate search of a quote in a text, bounded so it stays near-linear on long articles.
 *
 * Pigeonhole seeding: with at most k edits, one of k+1 disjoint pieces of the quote survives intact,
 * so its exact occurrences (indexOf) give candidate starts within ±k of the true one. Only the best
 * few candidates (by votes, plus the stored position) get a banded edit-distance check over a window
 * of quote length + 2k. Quotes over 512 characters are matched by their head and tail instead.
 */

/** A fuzzy hit: [start, end) in the searched text and the edit distance of the quote there. */
export interface FuzzyHit {
  start: number;
  end: number;
  distance: number;
  /** 1 - distance / quote length. */
  similarity: number;
}

const MAX_CANDIDATES = 6;
const LONG_QUOTE = 512;
const HEAD = 256;

/** Best approximate occurrence of `quote` in `text` with similarity ≥ `minSimilarity`, or null. */
export function fuzzyFind(text: string, quote: string, hint: number, minSimilarity: number): FuzzyHit | null {
  if (quote.length > LONG_QUOTE) return headAndTail(text, quote, hint, minSimilarity);
  const m = quote.length;
  if (m === 0 || text.length === 0) return null;
  const k = Math.floor(m * (1 - minSimilarity));
  let best: FuzzyHit | null = null;
  for (const c of candidates(text, quote, k, hint)) {
    const hit = bestInWindow(text, quote, Math.max(0, c - k), Math.min(text.length, c + m + k));
    if (!hit || hit.distance > k) continue;
    if (!best || hit.distance < best.distance) best = hit;
    else if (hit.distance === best.distance && Math.abs(hit.start - hint) < Math.abs(best.start - hint))
      best = hit;
  }
  return best;
}

/** Candidate start offsets, most-voted first, the stored position always included. */
function candidates(text: string, quote: string, k: number, hint: number): number[] {
  const pieces = k + 1;
  const size = Math.max(1, Math.floor(quote.length / pieces));
  const votes = new Map<number, number>();
  const bucket = Math.max(1, k);
  for (let p = 0; p < pieces; p++) {
    const off = p * size;
    const piece = quote.slice(off, p === pieces - 1 ? quote.length : off + size);
    // A short piece such as 「发展」 can occur hundreds of times: count at most 200 per piece.
    let at = text.indexOf(piece);
    let seen = 0;
    while (at >= 0 && seen < 200) {
      const key = Math.floor((at - off) / bucket);
      votes.set(key, (votes.get(key) ?? 0) + 1);
      at = text.indexOf(piece, at + 1);
      seen++;
    }
  }
  const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const out = ranked.slice(0, MAX_CANDIDATES).map(([key]) => key * bucket);
  out.push(Math.max(0, Math.min(hint, text.length)));
  return out;
}

/**
 * Semi-global edit distance of `quote` inside text[from, to): the quote must be matched whole, the
 * text window may be entered and left anywhere. O(m · window) with two rows plus a start-tracking row.
 */
function bestInWindow(text: string, quote: string, from: number, to: number): FuzzyHit | null {
  const m = quote.length;
  const w = to - from;
  if (w <= 0) return null;
  // prev[j]/cur[j]: distance of quote[0..i) ending at text offset from+j; st[j]: where that match starts.
  let prev = new Int32Array(w + 1);
  let cur = new Int32Array(w + 1);
  let stPrev = new Int32Array(w + 1);
  let stCur = new Int32Array(w + 1);
  for (let j = 0; j <= w; j++) stPrev[j] = j;
  for (let i = 1; i <= m; i++) {
    const qc = quote.charCodeAt(i - 1);
    cur[0] = i;
    stCur[0] = 0;
    for (let j = 1; j <= w; j++) {
      const sub = prev[j - 1] + (text.charCodeAt(from + j - 1) === qc ? 0 : 1);
      const del = prev[j] + 1; // quote char missing from text
      const ins = cur[j - 1] + 1; // extra char in text
      if (sub <= del && sub <= ins) {
        cur[j] = sub;
        stCur[j] = stPrev[j - 1];
      } else if (del <= ins) {
        cur[j] = del;
        stCur[j] = stPrev[j];
      } else {
        cur[j] = ins;
        stCur[j] = stCur[j - 1];
      }
    }
    [prev, cur] = [cur, prev];
    [stPrev, stCur] = [stCur, stPrev];
  }
  let bestJ = 0;
  for (let j = 1; j <= w; j++) if (prev[j] < prev[bestJ]) bestJ = j;
  const start = from + stPrev[bestJ];
  const distance = prev[bestJ];
  return { start, end: from + bestJ, distance, similarity: 1 - distance / m };
}

/** Long quotes: find head and tail separately; accept when their span is about the quote's length. */
function headAndTail(text: string, quote: string, hint: number, minSimilarity: number): FuzzyHit | null {
  const head = fuzzyFind(text, quote.slice(0, HEAD), hint, minSimilarity);
  if (!head) return null;
  const tailHint = head.start + quote.length - HEAD;
  const tail = fuzzyFind(text, quote.slice(quote.length - HEAD), tailHint, minSimilarity);
  if (!tail || tail.end <= head.start) return null;
  const span = tail.end - head.start;
  const slack = quote.length * (1 - minSimilarity);
  if (Math.abs(span - quote.length) > slack) return null;
  const distance = head.distance + tail.distance + Math.abs(span - quote.length);
  return { start: head.start, end: tail.end, distance, similarity: Math.max(0, 1 - distance / quote.length) };
}
