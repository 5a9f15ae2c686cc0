/**
 * Fetch errors on the way to a continuation: a 404, a redirect to another origin (127.0.0.1 →
 * localhost) and a 20 MB page each give a clear `reader-problem` and the part that was found.
 */
import { describe, expect, it } from 'vitest';
import { openReader, paragraphs, problems, useDemo, waitReady } from './harness.ts';
import { hugePage, notFound, redirectToOtherOrigin } from './routes.ts';
import { DUPLICATE, SPLIT, SPLIT_2, type Story } from './stories.ts';

// Each error hits a different chain so that no cached or shared page can hide another.
const demo = useDemo({
  extraRoutes: {
    [SPLIT.second]: notFound(),
    [SPLIT_2.second]: redirectToOtherOrigin(),
    [DUPLICATE.second]: hugePage(20 * 1024 * 1024),
  },
});

/** Open the story's first part in the reader and return the reader's paragraphs and problems. */
async function readBroken(story: Story): Promise<{ shown: string[]; notes: string[]; seams: number }> {
  const { page } = await demo.open(story.first);
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
    const { shown, notes } = await readBroken(SPLIT);
    expect(shown.join('\n')).toContain(firstText(SPLIT));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toMatch(/404/);
    expect(demo.server.requests.some((r) => r.startsWith(SPLIT.second))).toBe(true);
  });

  it('a redirect to another origin gives a problem, and nothing from the other origin is stitched in', async () => {
    const { shown, notes, seams } = await readBroken(SPLIT_2);
    expect(shown.join('\n')).toContain(firstText(SPLIT_2));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    // The redirected page would have brought part 2 (a seam and the story's closing paragraph, which
    // the demo's part 1 does not hold): neither may be there.
    expect(seams).toBe(0);
    expect(shown.join('\n')).not.toContain(SPLIT_2.secondParagraphs.at(-1));
  });

  it('a 20 MB continuation page gives a problem about its size and the first part', async () => {
    const { shown, notes } = await readBroken(DUPLICATE);
    expect(shown.join('\n')).toContain(firstText(DUPLICATE));
    expect(notes.length).toBeGreaterThanOrEqual(1);
    expect(notes.join(' ')).toMatch(/MB|大|large|size/i);
  });
});
