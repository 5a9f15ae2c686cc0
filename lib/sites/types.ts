/** The contract every site adapter meets (one adapter per platform family, see docs/architecture.md). */
import type { Page } from '../model';
import type { FamilyUrls } from './urls';

/** A reader for one platform family: which pages it claims, and how it reads them. Pure: no globals. */
export interface SiteAdapter {
  /** Adapter name, also written to `Page.adapter`: founder-classic, founder-nbs, founder-pc, generic. */
  id: string;
  /** The family's URL shapes (lib/sites/urls.ts); none for the fallback, which claims every page. */
  urls?: FamilyUrls;
  /** Does this adapter read this page? Its `urls` paths first, DOM evidence second. */
  claims(url: URL, doc: Document): boolean;
  /** Read the page. Adapters may throw on broken input; `readPage` turns that into a problem. */
  read(doc: Document, url: string): Page;
}
