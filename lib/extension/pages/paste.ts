/**
 * Page-text mode: text of printed pages (like the seed, copied from a PDF) → pages → articles,
 * stitched among the pasted pages only. Pages are separated by a line of `---`; a dropped file keeps
 * its name in the URL (`file:///zhuzhou-daily-2022-02-07-A1.txt`) so the page label and date read
 * from the file name, as the CLI does.
 */
import type { Article, Page } from '../../model';

/** One pasted or dropped text: a name (for a dropped file) and its text. */
export interface Sheet {
  name: string;
  text: string;
}

/** What reading the sheets gives. */
export interface PasteResult {
  articles: Article[];
  problems: string[];
}

/** Split pasted text on lines holding only `---` (three or more dashes), dropping empty pieces. */
export function splitPasted(text: string): string[] {
  return ('\n' + text)
    .split(/\r?\n[ \t]*-{3,}[ \t]*(?=\r?\n|$)/)
    .map((s) => s.replace(/^\r?\n/, ''))
    .filter((s) => s.trim() !== '');
}

/** The URL a sheet is read under: its file name when dropped, else `paste:N`. */
export function sheetUrl(sheet: Sheet, index: number): string {
  return sheet.name ? `file:///${encodeURIComponent(sheet.name)}` : `paste:${index + 1}`;
}

/** Read every sheet with `readText` and stitch the articles among them; never throws. */
export async function readSheets(
  sheets: Sheet[],
  readText: (text: string, url: string) => Page,
  stitchPages: (pages: Page[]) => Promise<PasteResult>,
): Promise<PasteResult> {
  try {
    const pages = sheets.map((s, i) => readText(s.text, sheetUrl(s, i)));
    const out = await stitchPages(pages);
    return { articles: out.articles, problems: [...pages.flatMap((p) => p.problems), ...out.problems] };
  } catch (e) {
    return { articles: [], problems: [e instanceof Error ? e.message : String(e)] };
  }
}
