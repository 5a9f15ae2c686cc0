import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../../lib/db/types.ts';
import { makeWriter, type Post } from '../../../lib/extension/pages/library/writer.ts';
import { makeClip, makeHighlight } from '../../db/factories.ts';

const clip = (id: string): SearchHit => ({
  kind: 'clip',
  item: { ...makeClip(), id, note: '', tags: [], createdAt: 1, updatedAt: 2 },
});
const highlight = (id: string): SearchHit => ({
  kind: 'highlight',
  item: { ...makeHighlight(), id, note: '', tags: [], createdAt: 1, updatedAt: 2 },
});

/** A Post that records every request and answers each with `answer`. */
function fakePost(answer: (req: { type: string }) => unknown) {
  const sent: Array<Record<string, unknown>> = [];
  const post = ((req: Record<string, unknown> & { type: string }) => {
    sent.push(req);
    return Promise.resolve(answer(req));
  }) as unknown as Post;
  return { post, sent };
}

describe('Writer.putBack (undo)', () => {
  const hits = [clip('c1'), highlight('h1'), clip('c2')];

  it('sends the whole undo as one restoreDeleted message', async () => {
    const { post, sent } = fakePost(() => ({ ok: true, value: { clips: 2, highlights: 1 } }));
    expect(await makeWriter(post).putBack(hits)).toEqual({ ok: true, value: 3 });
    expect(sent).toEqual([
      { type: 'restoreDeleted', clips: [hits[0].item, hits[2].item], highlights: [hits[1].item] },
    ]);
  });

  it('reports a failure as it came, after that one message (nothing put back one by one)', async () => {
    const error = 'Storage is full: the browser refused to save (QuotaExceededError). Nothing was saved.';
    const { post, sent } = fakePost(() => ({ ok: false, error }));
    expect(await makeWriter(post).putBack(hits)).toEqual({ ok: false, error });
    expect(sent.map((r) => r.type)).toEqual(['restoreDeleted']);
  });
});
