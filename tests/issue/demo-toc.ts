/** Test helper: a demo issue's 目录, walked over the rendered demo site (no HTTP), made once per file. */
import { buildToc, walkIssue, type IssueToc } from '../../lib/issue';
import { BASE, demoSite } from '../demo/demo-site';
import { demoFetcher } from './demo-fetcher';

const made = new Map<string, Promise<IssueToc>>();

/** The 目录 of the issue `path` is a page of. */
export function demoToc(path: string): Promise<IssueToc> {
  let hit = made.get(path);
  if (!hit) {
    hit = (async () => {
      const walk = await walkIssue(BASE + path, demoFetcher(demoSite()), { delayMs: 0 });
      if (!walk.ok) throw new Error(walk.error);
      return buildToc(walk.value);
    })();
    made.set(path, hit);
  }
  return hit;
}

/** The page image of a demo page as bytes (the EPUB cover). */
export function demoImage(url: string): { bytes: Uint8Array; mediaType: string } {
  const file = demoSite().get(new URL(url).pathname);
  if (!file) throw new Error(`no ${url} in the demo`);
  return { bytes: new TextEncoder().encode(file.body), mediaType: file.contentType };
}
