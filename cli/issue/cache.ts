/**
 * The cache folder: every page fetched with 200, kept as its bytes plus a small JSON of where it
 * came from, under the SHA-256 of its URL. Written to a temporary name and renamed, so an
 * interrupted run leaves whole files only; a rerun reads them instead of asking the site again.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Fetched } from './http';

/** $XDG_CACHE_HOME/epaper-reader, else ~/.cache/epaper-reader. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'epaper-reader');
}

/** A page cache over one folder. */
export class PageCache {
  constructor(readonly dir: string) {}

  private file(url: string): string {
    const h = createHash('sha256').update(url).digest('hex');
    return join(this.dir, h.slice(0, 2), h);
  }

  /** Is the page there (both files written)? */
  has(url: string): boolean {
    return existsSync(this.file(url) + '.json');
  }

  /** The cached page, or null. */
  async get(url: string): Promise<Fetched | null> {
    const f = this.file(url);
    try {
      const meta = JSON.parse(await readFile(f + '.json', 'utf8'));
      return {
        url: meta.finalUrl ?? url,
        status: 200,
        contentType: meta.contentType ?? '',
        bytes: await readFile(f),
      };
    } catch {
      return null;
    }
  }

  /** Keep a page; the metadata file is written last, so `has` is true only for a whole entry. */
  async put(url: string, page: Fetched, fetchedAt: string): Promise<void> {
    const f = this.file(url);
    await mkdir(join(f, '..'), { recursive: true });
    const tmp = `${f}.${process.pid}.tmp`;
    await writeFile(tmp, page.bytes);
    await rename(tmp, f);
    const meta = JSON.stringify({ url, finalUrl: page.url, contentType: page.contentType, fetchedAt });
    await writeFile(tmp, meta);
    await rename(tmp, f + '.json');
  }
}
