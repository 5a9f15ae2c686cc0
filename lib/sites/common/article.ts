/**
 * From a body read off the DOM to an Article: bylines out of the first paragraphs, paragraph kinds by
 * the lib/text rules, continuation markers stripped, one part.
 *
 * Repair (joining a paragraph cut mid-sentence) happens in body.ts inside one `<p>` only, across
 * hard-wrapped `<br>` lines. A `<p>` boundary is the site's own paragraph break and is never joined
 * here: on 海南日报 the heading 「三款芯片，一条链路」 is a plain `<P>` without a full stop, and joining it
 * would glue it onto the next paragraph. Cuts at page seams (part 2 starts a new `<p>`) are the
 * stitcher's to repair.
 */
import { emptyArticle, type Article, type ArticleImage, type Paragraph } from '../../model';
import { classifyLine, stripDecoration } from '../../text/bylines';
import { stripMarkers } from '../../text/markers';
import { articleKey } from '../../model/article-key';

/** What an adapter found on an article page. */
export interface ArticleInput {
  url: string;
  paper: string;
  date: string;
  /** Normalised page label, '' when unknown. */
  label: string;
  leadTitle: string;
  title: string;
  subtitle: string;
  /** Bylines the template prints apart from the body (pc `p.sec span`), as printed. */
  bylines: string[];
  paragraphs: Paragraph[];
  images: ArticleImage[];
  order?: number;
}

// Bylines sit in the first few paragraphs: 「■ 海南日报全媒体记者 李艳玫」, 「通讯员 陈宏」.
const BYLINE_ZONE = 3;

/** Move leading byline paragraphs into bylines; keep a 讯 byline's paragraph (it opens the story). */
function takeBylines(paragraphs: Paragraph[], bylines: string[]): Paragraph[] {
  const out: Paragraph[] = [];
  paragraphs.forEach((p, i) => {
    // Past the byline zone only the kind of a 'text' paragraph can change: DOM evidence (a bold or
    // centred crosshead) is not classified again, and no 讯 byline is looked for.
    if (i >= BYLINE_ZONE && p.kind !== 'text') {
      out.push({ text: p.kind === 'crosshead' ? stripDecoration(p.text) : p.text, kind: p.kind });
      return;
    }
    const c = classifyLine(p.text, { lead: i < BYLINE_ZONE });
    // An 编者按 (editor's note) before the byline does not make it a paragraph: 「【编者按】…」 「记者 张三」.
    if (
      i < BYLINE_ZONE &&
      c.kind === 'byline' &&
      out.every((q) => q.kind !== 'text' || /^.?编者按/.test(q.text))
    ) {
      bylines.push(c.text);
      return;
    }
    if (i < BYLINE_ZONE && c.byline) bylines.push(c.byline);
    // DOM evidence (bold, centred) stands; otherwise the text rules name credits, captions and crossheads.
    let kind = p.kind;
    if (kind === 'text' && (c.kind === 'credit' || c.kind === 'caption')) kind = c.kind;
    else if (kind === 'text' && c.kind === 'crosshead' && !/[：:]$/.test(p.text)) kind = 'crosshead';
    out.push({ text: kind === 'crosshead' ? stripDecoration(p.text) : p.text, kind });
  });
  return out;
}

function uniq(xs: string[]): string[] {
  return [...new Set(xs.map((s) => s.trim()).filter(Boolean))];
}

/** Build the Article of an article page (never throws). */
export function buildArticle(input: ArticleInput): Article {
  const bylines = input.bylines.map(stripDecoration);
  const classified = takeBylines(input.paragraphs, bylines);
  const stripped = stripMarkers(classified);
  let paragraphs = stripped.paragraphs;
  // A continuation page repeating the title above 「上接A1版」: the title is not text.
  if (stripped.continuedFrom && paragraphs[0]?.text === input.title) paragraphs = paragraphs.slice(1);
  const order = input.order ?? 0;
  return emptyArticle({
    key: articleKey(input.url, { paper: input.paper, date: input.date, label: input.label, order }),
    paper: input.paper,
    date: input.date,
    pages: input.label ? [input.label] : [],
    leadTitle: input.leadTitle,
    title: input.title,
    subtitle: input.subtitle,
    bylines: uniq(bylines),
    paragraphs,
    images: input.images,
    continuesTo: stripped.continuesTo,
    continuedFrom: stripped.continuedFrom,
    urls: [input.url],
    parts: [{ page: input.label, url: input.url, from: 0, to: paragraphs.length, regime: 'first' }],
    order,
  });
}
