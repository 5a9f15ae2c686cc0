/**
 * Page-PDF benchmark (issue 13), on the real 人民日报 page PDFs in ../shared/fixtures/pdf (read in
 * place; the case gives no rows when ../shared is absent): pdf.js's parse (getDocument + text
 * content, legacy build in Node) and our grouping (readPdfPage; target < 20 ms) timed apart, the
 * two together against the 1 s target, and the measure against the article-json truth per page
 * (tests/helpers/pdf-truth.ts). Run alone with `npx tsx bench/cases/pdf.ts`.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { nodePdfJs, nodePdfOptions } from '../../cli/pdfjs';
import { readPdfPage } from '../../lib/pdf';
import { readPdfText, type PdfText } from '../../lib/pdf/load';
import {
  HAVE_PDF_FIXTURES,
  NO_PDF_FIXTURES,
  PDF_FIXTURES,
  PDF_PAGES,
  scorePage,
  truthFor,
} from '../../tests/helpers/pdf-truth';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

const round = (x: number) => Math.round(x * 100) / 100;

async function parse(bytes: Uint8Array): Promise<PdfText> {
  const r = await readPdfText(await nodePdfJs(), bytes, nodePdfOptions());
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The bench hook: per page, a timing row and a truth row. */
export default async function (): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
  if (!HAVE_PDF_FIXTURES) {
    process.stderr.write(`bench pdf: ${NO_PDF_FIXTURES}\n`);
    return [];
  }
  const rows = [];
  for (const name of PDF_PAGES) {
    const bytes = new Uint8Array(readFileSync(join(PDF_FIXTURES, `${name}.pdf`)));
    await parse(bytes); // warm-up: module load, fonts code
    const parseTimes: number[] = [];
    let text: PdfText | null = null;
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      text = await parse(bytes);
      parseTimes.push(performance.now() - t0);
    }
    const pageText = text!.pages[0];
    const url = `file:///${name}.pdf`;
    for (let i = 0; i < 20; i++) readPdfPage(pageText, url, { title: text!.title });
    const groupTimes: number[] = [];
    for (let i = 0; i < 100; i++) {
      const t0 = performance.now();
      readPdfPage(pageText, url, { title: text!.title });
      groupTimes.push(performance.now() - t0);
    }
    const page = readPdfPage(pageText, url, { title: text!.title });
    const s = scorePage(page, truthFor(name));
    const sum = (k: 'sentences' | 'found' | 'repeated' | 'outOfOrder') =>
      s.scores.reduce((n, a) => n + a[k], 0);
    const parseMs = median(parseTimes);
    const groupMs = median(groupTimes);
    rows.push(
      {
        name: `pdf: ${name}.pdf grouping (readPdfPage)`,
        ours_ms: round(groupMs),
        target_ms: 20,
        articles: page.articles.length,
        min_ms: round(Math.min(...groupTimes)),
        // Medians on a shared machine (2 cores, many processes) move with its load; the minimum less.
        load_1min: round(loadavg()[0]),
        items: pageText.items.length,
        chars: page.articles.reduce((n, a) => n + a.paragraphs.reduce((m, p) => m + p.text.length, 0), 0),
      },
      {
        name: `pdf: ${name}.pdf pdf.js parse + grouping`,
        ours_ms: round(parseMs + groupMs),
        target_ms: 1000,
        pdfjs_parse_ms: round(parseMs),
        pdfjs_min_ms: round(Math.min(...parseTimes)),
        bytes: bytes.length,
      },
      {
        name: `pdf: ${name}.pdf against article-json`,
        ours_ms: 0,
        articles: page.articles.length,
        target: 'every sentence once, in order; titles; count; no headline in a body',
        pass:
          s.articles === s.truth &&
          s.scores.every(
            (a) =>
              a.titleRight && a.found === a.sentences && !a.repeated && !a.outOfOrder && !a.headlineInBody,
          ),
        truth_articles: s.truth,
        titles_right: s.scores.filter((a) => a.titleRight).length,
        sentences: sum('sentences'),
        found: sum('found'),
        repeated: sum('repeated'),
        out_of_order: sum('outOfOrder'),
        headline_in_body: s.scores.filter((a) => a.headlineInBody).length,
        authors_found: s.scores.filter((a) => a.authorsFound).length,
      },
    );
  }
  return rows;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop() as string)) {
  void (async () => console.log(JSON.stringify(await (await import('./pdf')).default(), null, 2)))();
}
