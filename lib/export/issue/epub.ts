/**
 * The issue as an EPUB 3: navigation 版面 → 文章, a cover from the front page image when the caller
 * has its bytes, one XHTML page per 版面 (its articles, stories continued there, what failed) and
 * one chapter per article (stitched stories once), lang zh-CN, each chapter ending with its source
 * (版次, URLs, GB/T 7714 reference). Zipped with fflate, `mimetype` first and stored, as OCF requires.
 * Pure: the clock (dcterms:modified, zip times) and the cover bytes are parameters.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { sourceOf } from '../../model';
import type { IssueToc, TocEntry, TocPage } from '../../issue/types';
import { formatCitation } from '../citation';
import { flattenParagraph } from '../text';
import { entryTitle, issueTitle, pagesLabel } from './pages';
import { safeHref, xhtmlDocument, xmlText } from './xml';

/** Options of issueEpub. */
export interface EpubOptions {
  /** When the book was made, ISO 8601 (dcterms:modified; seconds precision, UTC). */
  modified: string;
  /** The front page image, fetched by the caller. */
  cover?: { bytes: Uint8Array; mediaType: string };
  /** 引用日期 of the citations, YYYY-MM-DD. */
  accessed?: string;
}

// Core media types of EPUB 3 a page image may come in; anything else is left out of the book.
const COVER_EXT: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/svg+xml': 'svg',
};

const CSS = `body { font-family: serif; line-height: 1.7; }
h1 { font-size: 1.4em; } h2 { font-size: 1.1em; }
p { text-indent: 2em; margin: 0.3em 0; }
p.lead, p.sub, p.byline, p.source, p.caption, li p { text-indent: 0; }
p.lead, p.sub { font-weight: bold; } p.caption { font-style: italic; }
p.byline, p.source { color: #555; font-size: 0.9em; }
img.cover { max-width: 100%; }
`;

const pageFile = (i: number) => `pages/p${String(i + 1).padStart(3, '0')}.xhtml`;
const articleFile = (i: number) => `articles/a${String(i + 1).padStart(4, '0')}.xhtml`;

function chapter(e: TocEntry, accessed: string): string {
  const a = e.article;
  const out: string[] = [];
  if (a.leadTitle.trim()) out.push(`<p class="lead">${xmlText(flattenParagraph(a.leadTitle))}</p>`);
  out.push(`<h1>${xmlText(flattenParagraph(entryTitle(e)))}</h1>`);
  if (a.subtitle.trim()) out.push(`<p class="sub">${xmlText(flattenParagraph(a.subtitle))}</p>`);
  for (const b of a.bylines) if (b.trim()) out.push(`<p class="byline">${xmlText(flattenParagraph(b))}</p>`);
  for (const p of a.paragraphs) {
    const text = xmlText(flattenParagraph(p.text));
    if (!text) continue;
    if (p.kind === 'crosshead') out.push(`<h2>${text}</h2>`);
    else out.push(`<p${p.kind === 'caption' ? ' class="caption"' : ''}>${text}</p>`);
  }
  if (!a.paragraphs.length) out.push('<p class="source">（网站未提供这篇文章的正文）</p>');
  const where = [a.paper, a.date, pagesLabel(a.pages)].filter(Boolean).join(' ');
  out.push('<hr/>', `<p class="source">来源：${xmlText(where)}</p>`);
  for (const u of a.urls) {
    const href = safeHref(u);
    if (href) out.push(`<p class="source"><a href="${xmlText(href)}">${xmlText(href)}</a></p>`);
  }
  const cite = formatCitation(sourceOf(a), { style: '2015', accessed: accessed || undefined });
  out.push(`<p class="source">${xmlText(cite)}</p>`);
  return xhtmlDocument(entryTitle(e), out.join('\n'));
}

function pageDoc(p: TocPage, fileOf: Map<string, string>): string {
  const out = [`<h1>${xmlText(pagesLabel([p.label]))} ${xmlText(p.name)}</h1>`];
  if (p.failed) out.push(`<p class="source">本版未能载入：${xmlText(p.failed)}</p>`);
  const items = p.entries.map(
    (e) =>
      `<li><p><a href="../${fileOf.get(e.key)}">${xmlText(entryTitle(e))}</a> ${xmlText(pagesLabel(e.pages))}</p></li>`,
  );
  for (const c of p.continued) {
    const f = fileOf.get(c.key);
    if (f)
      items.push(
        `<li><p><a href="../${f}">${xmlText(c.title)}</a>（上接${xmlText(pagesLabel([c.from]))}）</p></li>`,
      );
  }
  for (const m of p.missing)
    items.push(`<li><p>${xmlText(m.title)}（未能载入：${xmlText(m.reason)}）</p></li>`);
  if (items.length) out.push(`<ul>\n${items.join('\n')}\n</ul>`);
  return xhtmlDocument(`${pagesLabel([p.label])} ${p.name}`, out.join('\n'));
}

function navDoc(toc: IssueToc, fileOf: Map<string, string>): string {
  const pages = toc.pages.map((p, i) => {
    const kids = p.entries.map(
      (e) => `<li><a href="${fileOf.get(e.key)}">${xmlText(entryTitle(e))}</a></li>`,
    );
    const head = `<a href="${pageFile(i)}">${xmlText(pagesLabel([p.label]))} ${xmlText(p.name)}</a>`;
    return kids.length ? `<li>${head}<ol>\n${kids.join('\n')}\n</ol></li>` : `<li>${head}</li>`;
  });
  const body = `<nav epub:type="toc" id="toc"><h1>${xmlText(issueTitle(toc))} 目录</h1>
<ol>
${pages.join('\n')}
</ol></nav>`;
  return xhtmlDocument(`${issueTitle(toc)} 目录`, body, true);
}

function opf(toc: IssueToc, items: string[], spine: string[], modified: string): string {
  const id = `epaper-reader:${new URL(safeHref(toc.start) || 'http://unknown/').host}:${toc.date || 'undated'}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="zh-CN">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${xmlText(id)}</dc:identifier>
<dc:title>${xmlText(issueTitle(toc))}</dc:title>
<dc:language>zh-CN</dc:language>
${toc.paper ? `<dc:publisher>${xmlText(toc.paper)}</dc:publisher>\n` : ''}${toc.date ? `<dc:date>${toc.date}</dc:date>\n` : ''}<dc:source>${xmlText(safeHref(toc.start))}</dc:source>
<meta property="dcterms:modified">${modified}</meta>
</metadata>
<manifest>
${items.join('\n')}
</manifest>
<spine>
${spine.join('\n')}
</spine>
</package>
`;
}

/** dcterms:modified wants CCYY-MM-DDThh:mm:ssZ exactly. */
function modifiedOf(iso: string): string {
  const t = Date.parse(iso);
  return (Number.isFinite(t) ? new Date(t) : new Date(0)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The issue as EPUB 3 bytes. Never throws on page content. */
export function issueEpub(toc: IssueToc, opts: EpubOptions): Uint8Array {
  const modified = modifiedOf(opts.modified);
  const mtime = new Date(Date.parse(modified) || 315532800000);
  const files: [string, string | Uint8Array][] = [];
  const fileOf = new Map<string, string>();
  toc.entries.forEach((e, i) => fileOf.set(e.key, articleFile(i)));

  const items = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
  ];
  const spine: string[] = [];
  const ext = opts.cover ? COVER_EXT[opts.cover.mediaType.split(';')[0].trim().toLowerCase()] : undefined;
  if (opts.cover && ext) {
    files.push([`OEBPS/images/cover.${ext}`, opts.cover.bytes]);
    items.push(
      `<item id="cover-image" href="images/cover.${ext}" media-type="${COVER_EXT_TYPE[ext]}" properties="cover-image"/>`,
    );
    items.push('<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>');
    const img = `<img class="cover" src="images/cover.${ext}" alt="${xmlText(issueTitle(toc))} ${xmlText(pagesLabel([toc.pages[0]?.label ?? '1']))}"/>`;
    files.push(['OEBPS/cover.xhtml', xhtmlDocument(issueTitle(toc), img, true)]);
    spine.push('<itemref idref="cover"/>');
  }
  spine.push('<itemref idref="nav"/>');
  const entryAt = new Map(toc.entries.map((e, i) => [e.key, i]));
  toc.pages.forEach((p, i) => {
    items.push(`<item id="p${i + 1}" href="${pageFile(i)}" media-type="application/xhtml+xml"/>`);
    spine.push(`<itemref idref="p${i + 1}"/>`);
    files.push([`OEBPS/${pageFile(i)}`, pageDoc(p, fileOf)]);
    for (const e of p.entries) {
      const n = entryAt.get(e.key)!;
      items.push(`<item id="a${n + 1}" href="${articleFile(n)}" media-type="application/xhtml+xml"/>`);
      spine.push(`<itemref idref="a${n + 1}"/>`);
      files.push([`OEBPS/${articleFile(n)}`, chapter(e, opts.accessed ?? '')]);
    }
  });
  files.push(['OEBPS/nav.xhtml', navDoc(toc, fileOf)], ['OEBPS/style.css', CSS]);
  files.push(['OEBPS/package.opf', opf(toc, items, spine, modified)]);

  const zip: Zippable = Object.create(null);
  // OCF: the first entry is `mimetype`, stored (not compressed), with no extra field.
  zip['mimetype'] = [strToU8('application/epub+zip'), { level: 0, mtime }];
  zip['META-INF/container.xml'] = [strToU8(CONTAINER), { mtime }];
  for (const [name, body] of files) {
    zip[name] = [typeof body === 'string' ? strToU8(body) : body, { level: 6, mtime }];
  }
  return zipSync(zip);
}

const COVER_EXT_TYPE: Record<string, string> = Object.fromEntries(
  Object.entries(COVER_EXT).map(([type, ext]) => [ext, type]),
);

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/package.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;
