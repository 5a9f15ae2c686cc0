/**
 * Fetch errors on the way to another part of the story: a 404, a redirect to another origin (127.0.0.1 →
 * localhost) and a 20 MB page each give a clear `reader-problem` and the part that was found.
 */
import { describe, expect, it } from 'vitest';
import { openReader, paragraphs, problems, useDemo, waitReady } from './harness.ts';
import { hugePage, notFound, redirectToOtherOrigin } from './routes.ts';
import { DUPLICATE, SPLIT, DUPLICATE_2, type Story } from './stories.ts';

// Each error hits a different chain so that no cached or shared page can hide another.
const demo = useDemo({
  extraRoutes: {
    [DUPLICATE_2.second]: notFound(),
    [SPLIT.second]: redirectToOtherOrigin(),
    [DUPLICATE.first]: hugePage(20 * 1024 * 1024),
  },
});

/** Open the story's first part in the reader and return the reader's paragraphs and problems. */
async function readBroken(
  story: Story,
  from = story.first,
): Promise<{ shown: string[]; notes: string[]; seams: number }> {
  const { page } = await demo.open(from);
  await waitReady(page, 'article');
  await openReader(page);
  const seams = await page.locator('[data-testid="seam"]').count();
  const result = { shown: await paragraphs(page), notes: await problems(page), seams };
  await page.close();
  return result;
}

/** First text paragraph of the story's first part (after the byline 「■ …」). */
function firstText(story: Story): string {
  return story.firstParagraphs.find((p) => !p.startsWith('■')) ?? '';
}

describe('fetch errors', () => {
  it('a 404 continuation page gives a problem naming the 404 and the first part', async () => {
    const { shown, notes } = await readBroken(DUPLICATE_2);
    expect(shown.join('\n')).toContain(firstText(DUPLICATE_2));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toMatch(/404/);
    expect(demo.server.requests.some((r) => r.startsWith(DUPLICATE_2.second))).toBe(true);
  });

  it('a redirect to another origin gives a problem, and nothing from the other origin is stitched in', async () => {
    const { shown, notes, seams } = await readBroken(SPLIT);
    expect(shown.join('\n')).toContain(firstText(SPLIT));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toContain('localhost'); // the note names where the page went
    // The redirected page would have brought part 2 of the split story (a seam and the closing
    // paragraph, which the demo's cut part 1 does not hold): neither may be there.
    expect(seams).toBe(0);
    expect(shown.join('\n')).not.toContain(SPLIT.secondParagraphs.at(-1));
  });

  it('a 20 MB page in the chain gives a problem about its size and the part that was found', async () => {
    // Opened from 006 (「上接A01版」): the 001 part it leads back to is the 20 MB page.
    const { shown, notes } = await readBroken(DUPLICATE, DUPLICATE.second);
    const tail = DUPLICATE.secondParagraphs.filter((p) => !p.includes('上接'));
    for (const p of tail) expect(shown.join('\n')).toContain(p);
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toMatch(/MB|大|large|big|size/i);
  });
});
