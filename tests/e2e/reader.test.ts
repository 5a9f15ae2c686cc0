/**
 * Article page journeys: 「阅读全文」 opens the whole story in the reader, in the three shapes the demo
 * paper holds: split (下转/上接), duplicate (the site repeats the tail on the continuation page) and a
 * continuation whose page is missing.
 */
import { describe, expect, it } from 'vitest';
import { openReader, paragraphs, problems, useDemo, waitReady } from './harness.ts';
import { DUPLICATE, MARKER_WORDS, MISSING, SPLIT, occurrences } from './stories.ts';
import { stripZeroWidth } from '../../lib/text/chars.ts';

const demo = useDemo();

/** The story's text paragraphs without the marker line and the byline 「■ 海南日报全媒体记者 …」. */
function body(paragraphs: string[]): string[] {
  return paragraphs.filter((p) => !MARKER_WORDS.test(p) && !p.startsWith('■'));
}

describe('reader on an article page', () => {
  it('opens a split story (001 下转 → 002 上接) as one article with one seam and no marker text', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    const reader = await openReader(page);
    expect(await reader.locator('[data-testid="reader-title"]').textContent()).toContain(SPLIT.title);
    const shown = await paragraphs(page);
    for (const p of shown) expect(p).not.toMatch(MARKER_WORDS);
    const joined = shown.join('\n');
    // Both parts are there, once each, part 1 before part 2.
    const part1 = body(SPLIT.firstParagraphs)[0];
    const part2 = body(SPLIT.secondParagraphs);
    expect(occurrences(joined, part1)).toBe(1);
    for (const p of part2) expect(occurrences(joined, p), p).toBe(1);
    expect(joined.indexOf(part1)).toBeLessThan(joined.indexOf(part2[0]));
    // One seam between the two parts, linking to the original continuation page.
    const seams = reader.locator('[data-testid="seam"]');
    expect(await seams.count()).toBe(1);
    // 「— 接第2版 —」 in Chinese, "— continued on page 2 —" in English (the browser's locale decides).
    expect(await seams.textContent()).toMatch(/接第?\s*A?0*2\s*版|page\s+A?0*2\b/);
    const seamHref = await seams.locator('a').first().getAttribute('href');
    expect(new URL(seamHref ?? '', demo.server.url).pathname).toMatch(
      /\/html\/2026-07\/13\/(node|content)_58465/,
    );
    expect(await problems(page)).toEqual([]);
    await page.close();
  });

  it("keeps the split story's published paragraphs whole (a crosshead like 「一位专家，一支团队」 stays its own paragraph)", async () => {
    // The break between 001 and 002 fell at a paragraph boundary, so nothing needs joining: every
    // published paragraph must come out as one reader paragraph, crossheads included.
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    await openReader(page);
    const shown = await paragraphs(page);
    // As printed, less the zero-width characters every reader drops (lib/text/chars.ts: the ZWNJ in
    // 「管理局‌）」 is one).
    const published = [...body(SPLIT.firstParagraphs), ...body(SPLIT.secondParagraphs)].map(stripZeroWidth);
    const missing = [...new Set(published)].filter((p) => !shown.includes(p));
    expect(missing).toEqual([]);
    await page.close();
  });

  it('shows a duplicate-regime story (001 whole, 006 = 上接 + a copy of the tail) with every paragraph once', async () => {
    // Opened from 006: its 「上接A01版」 leads back to 001, so both parts are read and must be merged.
    // (From 001 there is nothing to follow: the site gives part 1 no marker and 006 is not adjacent.)
    const { page } = await demo.open(DUPLICATE.second);
    await waitReady(page, 'article');
    const mark = demo.server.requests.length;
    const reader = await openReader(page);
    expect(demo.server.requests.slice(mark)).toContain(DUPLICATE.first);
    expect(await reader.locator('[data-testid="reader-title"]').textContent()).toContain(DUPLICATE.title);
    const shown = await paragraphs(page);
    expect(new Set(shown).size).toBe(shown.length);
    for (const p of shown) expect(p).not.toMatch(MARKER_WORDS);
    const joined = shown.join('\n');
    // Every paragraph of part 1, and every paragraph of the repeated tail (the first of which starts
    // inside a part-1 paragraph, after 「。」), appears exactly once, part 1's opening first.
    for (const p of body(DUPLICATE.firstParagraphs)) expect(occurrences(joined, p), p).toBe(1);
    for (const p of body(DUPLICATE.secondParagraphs)) expect(occurrences(joined, p), p).toBe(1);
    expect(joined.startsWith(body(DUPLICATE.firstParagraphs)[0].slice(0, 20))).toBe(true);
    expect(await problems(page)).toEqual([]);
    await page.close();
  });

  it('shows the part it found and a note with a link when the continuation page is missing', async () => {
    const { page } = await demo.open(MISSING.first);
    await waitReady(page, 'article');
    const reader = await openReader(page);
    const shown = await paragraphs(page);
    expect(shown.join('\n')).toContain(body(MISSING.firstParagraphs)[0]);
    const notes = await problems(page);
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toMatch(/4/);
    const link = reader.locator('[data-testid="reader-problem"] a').first();
    expect(await link.getAttribute('href')).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await page.close();
  });

  it('keeps reader settings (font size, dark theme) across a reload, and closes', async () => {
    const { page } = await demo.open(SPLIT.first);
    await waitReady(page, 'article');
    let reader = await openReader(page);
    const size = () => reader.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const before = await size();
    await page.locator('[data-testid="font-larger"]').click();
    await expect.poll(size).toBeGreaterThan(before);
    const larger = await size();
    await page.locator('[data-testid="theme"]').click();
    await expect.poll(() => reader.getAttribute('class')).toContain('dark');
    await page.reload();
    await waitReady(page, 'article');
    reader = await openReader(page);
    await expect.poll(size).toBe(larger);
    expect(await reader.getAttribute('class')).toContain('dark');
    await page.locator('[data-testid="reader-close"]').click();
    await reader.waitFor({ state: 'detached' });
    // Put the defaults back for the other tests of this file's profile.
    reader = await openReader(page);
    await page.locator('[data-testid="theme"]').click();
    await page.locator('[data-testid="font-smaller"]').click();
    await expect.poll(size).toBe(before);
    await page.close();
  });
});
