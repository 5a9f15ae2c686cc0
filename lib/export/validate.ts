/**
 * Shape checks for library data read from a backup file: every field the model requires, with the
 * right type, or a message naming the first bad path, e.g. 「data.clips[3].source.title: expected a
 * string」. Extra fields are kept as they are (a later version may add optional ones).
 */
import { HIGHLIGHT_COLORS, type LibraryData } from '../model';

/** Longest single string a backup may hold (characters): a whole article is far below 100k. */
export const MAX_STRING = 1_000_000;
/** Deepest nesting a backup may hold; the model needs 5. */
export const MAX_DEPTH = 32;

/**
 * What is wrong and where. The path is collected on the way back up, innermost key first, so a
 * valid file (the usual case, 50,000 clips) allocates nothing for paths.
 */
interface Problem {
  up: Array<string | number>;
  what: string;
}
const problem = (what: string): Problem => ({ up: [], what });
function show(p: Problem, root: string): string {
  let out = root;
  for (let i = p.up.length - 1; i >= 0; i--) {
    const k = p.up[i];
    out += typeof k === 'number' ? `[${k}]` : `.${k}`;
  }
  return out;
}

type Check = (v: unknown) => Problem | null;

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const str: Check = (v) => (typeof v === 'string' ? null : problem('expected a string'));
const num: Check = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : problem('expected a number'));
const optional =
  (c: Check): Check =>
  (v) =>
    v === undefined ? null : c(v);
const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? null : problem(`expected one of ${values.join(', ')}`);

function arrayOf(c: Check): Check {
  return (v) => {
    if (!Array.isArray(v)) return problem('expected a list');
    for (let i = 0; i < v.length; i++) {
      const e = c(v[i]);
      if (e) {
        e.up.push(i);
        return e;
      }
    }
    return null;
  };
}

function shape(fields: Record<string, Check>): Check {
  const entries = Object.entries(fields);
  return (v) => {
    if (!isObj(v)) return problem('expected an object');
    for (const [k, c] of entries) {
      const e = c(v[k]);
      if (e) {
        e.up.push(k);
        return e;
      }
    }
    return null;
  };
}

const strings = arrayOf(str);
const numbers = arrayOf(num);

const article = shape({
  key: str,
  paper: str,
  date: str,
  pages: strings,
  leadTitle: str,
  title: str,
  subtitle: str,
  bylines: strings,
  paragraphs: arrayOf(shape({ text: str, kind: oneOf(['text', 'crosshead', 'caption', 'credit']) })),
  images: arrayOf(shape({ src: str, caption: str })),
  continuesTo: str,
  continuedFrom: str,
  urls: strings,
  parts: arrayOf(
    shape({
      page: str,
      url: str,
      from: num,
      to: num,
      regime: optional(oneOf(['first', 'split', 'duplicate', 'same-title'])),
    }),
  ),
  order: num,
});

const storedArticle = shape({ key: str, article, urls: strings, firstSeenAt: num, lastSeenAt: num });

const selectors = shape({
  exact: str,
  prefix: str,
  suffix: str,
  start: num,
  end: num,
  paragraph: num,
  articleKey: str,
});

const highlight = shape({
  id: str,
  articleKey: str,
  color: oneOf(HIGHLIGHT_COLORS),
  selectors,
  note: str,
  tags: strings,
  createdAt: num,
  updatedAt: num,
});

const sourceRef = shape({
  articleKey: str,
  paper: str,
  date: str,
  pages: strings,
  leadTitle: str,
  title: str,
  subtitle: str,
  bylines: strings,
  urls: strings,
});

const clip = shape({
  id: str,
  articleKey: str,
  paragraphs: strings,
  paragraphIndexes: numbers,
  note: str,
  tags: strings,
  source: sourceRef,
  createdAt: num,
  updatedAt: num,
});

const library = shape({
  articles: arrayOf(storedArticle),
  highlights: arrayOf(highlight),
  clips: arrayOf(clip),
});

/** Walk every value once: refuse over-long strings and over-deep nesting before any other check. */
function sizes(v: unknown, depth: number): Problem | null {
  if (typeof v === 'string') {
    return v.length > MAX_STRING
      ? problem(
          `is ${(v.length / 1e6).toFixed(1)} million characters long; the limit is ${MAX_STRING / 1e6} million`,
        )
      : null;
  }
  if (typeof v !== 'object' || v === null) return null;
  if (depth >= MAX_DEPTH) return problem(`is nested deeper than ${MAX_DEPTH} levels`);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const e = sizes(v[i], depth + 1);
      if (e) {
        e.up.push(i);
        return e;
      }
    }
    return null;
  }
  for (const k in v) {
    const e = sizes((v as Record<string, unknown>)[k], depth + 1);
    if (e) {
      e.up.push(k);
      return e;
    }
  }
  return null;
}

/** Over-long strings or over-deep nesting anywhere under `v`, as a sentence naming the path. */
export function checkSizes(v: unknown, root = 'data'): string | null {
  const e = sizes(v, 0);
  return e ? `${show(e, root)} ${e.what}` : null;
}

/** Same id twice in one list: a damaged or hand-edited file (our backups never have them). */
function firstDuplicate(
  list: ReadonlyArray<Record<string, unknown>>,
  field: string,
  path: string,
): string | null {
  const seen = new Set<unknown>();
  for (let i = 0; i < list.length; i++) {
    const id = list[i][field];
    if (seen.has(id)) return `${path}[${i}].${field} ${JSON.stringify(id)} appears twice`;
    seen.add(id);
  }
  return null;
}

/** Check a parsed value is LibraryData: sizes, shape, then unique ids. Returns the problem or null. */
export function checkLibrary(v: unknown): string | null {
  const sized = checkSizes(v);
  if (sized) return sized;
  const shaped = library(v);
  if (shaped) return `${show(shaped, 'data')}: ${shaped.what}`;
  const d = v as LibraryData;
  const rows = (x: readonly object[]) => x as unknown as Array<Record<string, unknown>>;
  return (
    firstDuplicate(rows(d.articles), 'key', 'data.articles') ??
    firstDuplicate(rows(d.highlights), 'id', 'data.highlights') ??
    firstDuplicate(rows(d.clips), 'id', 'data.clips')
  );
}
