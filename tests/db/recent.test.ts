import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '../../lib/db/index.ts';
import type { Clip } from '../../lib/model/index.ts';
import { makeClip, ok, testLibrary } from './factories.ts';

const open: Library[] = [];
afterEach(() => {
  for (const l of open.splice(0)) l.close();
});

/** The newest `n` clips by updatedAt (ties: the higher id), over every clip: what one index gave. */
function newest(clips: readonly Clip[], n: number): string[] {
  return [...clips]
    .sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, n)
    .map((c) => c.id);
}

describe('recentClips (schema v7: edited clips from `edited`, the others from `createdAt`)', () => {
  it.each([1, 3, 8, 20, 50])(
    'gives the newest %i by updatedAt over saved, edited and restored clips',
    async (n) => {
      const l = testLibrary();
      open.push(l);
      // One article per clip, so the groups' order is the clips' order.
      const saved: Clip[] = [];
      for (let i = 0; i < 12; i++)
        saved.push(
          ok(
            await l.saveClip(
              makeClip(`第${i}条：巩固拓展脱贫攻坚成果。`, { articleKey: `株洲日报|2022-02-07|A1|${i}` }),
            ),
          ),
        );
      // Edits of older clips move them up; restored copies carry times of another device, one of
      // them changed before it was made, two changed at the same moment.
      for (const i of [2, 7, 4]) ok(await l.updateClip(saved[i].id, { note: `改过 ${i}` }));
      const t = saved[11].createdAt;
      const restored = [
        [t + 500, t + 900],
        [t + 600, t + 900],
        [t + 700, t - 100],
        [t + 800, t + 800],
      ].map(([made, changed], i) => ({
        ...makeClip(`恢复的第${i}条`, { articleKey: `海南日报|2026-07-09|001|${i}` }),
        id: `r-${i}`,
        note: '',
        tags: [],
        createdAt: made,
        updatedAt: changed,
      })) as Clip[];
      ok(await l.restore({ articles: [], highlights: [], clips: restored }));
      const all = ok(await l.dumpAll()).clips;
      const got = ok(await l.recentClips(n)).flatMap((g) => g.clips.map((c) => c.id));
      expect(got).toEqual(newest(all, n));
    },
  );

  it('finds the unedited clips when most of the newest made were edited (the filtered read)', async () => {
    const l = testLibrary();
    open.push(l);
    const old = ok(
      await l.saveClip(makeClip('沙土上不能盖房子。', { articleKey: '株洲日报|2022-02-07|A1|0' })),
    );
    // Six clips made after it, every one changed later than made but earlier than it was made.
    const later = Array.from({ length: 6 }, (_, i) => ({
      ...makeClip(`恢复的第${i}条`, { articleKey: `海南日报|2026-07-09|001|${i}` }),
      id: `r-${i}`,
      note: '',
      tags: [],
      createdAt: old.createdAt + 100 + i,
      updatedAt: old.createdAt - 100 + i,
    })) as Clip[];
    ok(await l.restore({ articles: [], highlights: [], clips: later }));
    const all = ok(await l.dumpAll()).clips;
    for (const n of [1, 2, 3, 7]) {
      const got = ok(await l.recentClips(n)).flatMap((g) => g.clips.map((c) => c.id));
      expect(got).toEqual(newest(all, n));
    }
    expect(newest(all, 1)).toEqual([old.id]);
  });
});
