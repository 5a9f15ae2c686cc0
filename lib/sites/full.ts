/**
 * readPageFull: readPage with every rule the content script has no room for. A saved page is read
 * under its own address (common/address.ts), its family and kind come from the marks it keeps when
 * the URL does not say (common/kind.ts), and date, page label, 版名 and paper are filled from every
 * place the page carries them, in the stated order of trust (common/facts.ts). The CLI, the bench,
 * the popup's report and the extension pages use it; the content script keeps the lean readPage.
 */
import type { Page } from '../model';
import { pageAddress, isWebUrl } from './common/address';
import { pathOf, withReadScope } from './common/dom';
import {
  DATE_ROWS,
  factContext,
  firstFact,
  LABEL_ROWS,
  NAME_ROWS,
  PAPER_ROWS,
  type FactRow,
} from './common/facts';
import { FAMILY_RULES, pageKind, type PageKind } from './common/kind';
import { readClassicAs } from './founder-classic';
import { readNbsAs } from './founder-nbs';
import { readPcAs } from './founder-pc';
import { generic } from './generic';
import { ADAPTERS, adapterFor, capPage, readPage } from './index';
import { readTrailer } from './common/trailer';
import { onFamilyUrl } from './urls';

/** How a page was read: the rule or place behind each decision ('' when nothing said). */
export interface ReadTrace {
  address: string;
  family: string;
  kind: string;
  label: string;
  name: string;
  date: string;
  paper: string;
}

/** A page and how it was read. */
export interface TracedPage {
  page: Page;
  trace: ReadTrace;
}

const READ_AS: Record<string, (doc: Document, url: string, kind: PageKind) => Page> = {
  'founder-classic': readClassicAs,
  'founder-nbs': readNbsAs,
  'founder-pc': readPcAs,
};

/** The family of a page: its URL, then the marks it keeps (FAMILY_RULES around the adapters' claims). */
function familyOf(doc: Document, url: string, trailer: Map<string, string>): { id: string; rule: string } {
  const path = pathOf(url);
  const byUrl = ADAPTERS.find((a) => a.urls && onFamilyUrl(a.urls, path));
  if (byUrl) return { id: byUrl.id, rule: 'URL' };
  const [nbs, founder] = FAMILY_RULES;
  if (nbs.test(doc, trailer)) return { id: nbs.family, rule: nbs.name };
  const claimed = adapterFor(url, doc);
  if (claimed !== generic) return { id: claimed.id, rule: 'adapter claim' };
  if (founder.test(doc, trailer)) return { id: founder.family, rule: founder.name };
  return { id: generic.id, rule: 'none' };
}

/** Read a page with every rule (see the file header), and say how. Never throws. */
export function readPageTraced(doc: Document, url: string): TracedPage {
  const trace: ReadTrace = { address: '', family: '', kind: '', label: '', name: '', date: '', paper: '' };
  if (!doc || !doc.documentElement) return { page: readPage(doc, url), trace };
  try {
    return withReadScope(doc, () => {
      const own = isWebUrl(url) ? { url, from: 'given' } : pageAddress(doc);
      const at = own.url || url;
      trace.address = own.url ? own.from : 'given';
      const trailer = readTrailer(doc);
      const family = familyOf(doc, at, trailer);
      trace.family = `${family.id} (${family.rule})`;
      const reader = READ_AS[family.id];
      let page: Page;
      if (reader) {
        const adapter = ADAPTERS.find((a) => a.id === family.id);
        const kind = pageKind({ path: pathOf(at), urls: adapter?.urls, trailer, doc });
        trace.kind = `${kind.kind} (${kind.rule})`;
        page = reader(doc, at, kind.kind);
      } else {
        page = generic.read(doc, at);
        trace.kind = page.kind;
      }
      return { page: capPage(fillFacts(doc, at, page, trace)), trace };
    });
  } catch {
    // readPage reports what went wrong in its own words.
    return { page: readPage(doc, url), trace };
  }
}

/** readPageTraced's page alone. */
export function readPageFull(doc: Document, url: string): Page {
  return readPageTraced(doc, url).page;
}

/** Fill date, label, 版名 and paper where the family's reader found none, and the article's too. */
function fillFacts(doc: Document, url: string, page: Page, trace: ReadTrace): Page {
  const ctx = factContext(doc, url, page.pageLinks);
  const pick = (have: string, rows: readonly FactRow[], key: 'label' | 'name' | 'date' | 'paper') => {
    if (have) {
      trace[key] = 'reader';
      return have;
    }
    const f = firstFact(rows, ctx);
    trace[key] = f.from;
    return f.value;
  };
  const label = pick(page.label, LABEL_ROWS, 'label');
  ctx.label = label;
  const name = pick(page.name, NAME_ROWS, 'name');
  const date = pick(page.date, DATE_ROWS, 'date');
  const paper = pick(page.paper, PAPER_ROWS, 'paper');
  const articles = page.articles.map((a) => ({
    ...a,
    paper: a.paper || paper,
    date: a.date || date,
    pages: a.pages.length || !label ? a.pages : [label],
    parts: a.parts.map((p) => (p.page || !label ? p : { ...p, page: label })),
  }));
  return { ...page, label, name, date, paper, articles };
}
