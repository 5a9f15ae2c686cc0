/**
 * A library on fake-indexeddb seeded with real 株洲日报 / 海南日报 text (tests/db factories), the
 * Writer wired straight to the background's handlers, and a hostile title, for the page tests.
 */
import { type Library } from '../../../lib/db/index.ts';
import { libraryHandlers } from '../../../lib/extension/background/library-handlers.ts';
import type { Post } from '../../../lib/extension/pages/library/writer.ts';
import { emptyArticle, sourceOf, type Article } from '../../../lib/model/index.ts';
import { makeArticle, makeClip, makeHighlight, ok, testLibrary } from '../../db/factories.ts';

export const HAINAN: Article = emptyArticle({
  key: '海南日报|2026-07-13|1|3',
  paper: '海南日报',
  date: '2026-07-13',
  pages: ['1', '2'],
  title: '一枚“海南芯”，让“意念控制”照进现实',
  bylines: ['本报海口7月13日讯（记者陈蔚林）'],
  paragraphs: [{ text: '“电力大数据+防返贫”模式在全省推广。', kind: 'text' }],
  urls: ['http://127.0.0.1/html/2026-07/13/content_58464_1.htm'],
});

/** An article whose title is markup: it must show as text everywhere. */
export const HOSTILE: Article = emptyArticle({
  key: '测试报|2024-01-02|3|0',
  paper: '测试报',
  date: '2024-01-02',
  pages: ['3'],
  title: '<script>alert(1)</script><img src=x onerror=alert(2)>',
  urls: ['http://127.0.0.1/html/2024-01/02/content_1.htm'],
});

/** The seeded library: 5 clips and 3 highlights over three articles. */
export async function seededLibrary(): Promise<Library> {
  const l = testLibrary();
  const zz = makeArticle();
  ok(
    await l.saveClip(
      makeClip('沙土上不能盖房子。乡村振兴，防止规模性返贫是底线。', { tags: ['乡村振兴'] }),
      zz,
    ),
  );
  ok(await l.saveClip(makeClip('人民日报记者 刘成友 报道', { tags: ['人物通讯'] }), zz));
  ok(await l.saveClip(makeClip('刘成在会上说，成友们要团结。'), zz));
  ok(
    await l.saveClip(
      makeClip('“电力大数据+防返贫”模式在全省推广。', {
        articleKey: HAINAN.key,
        source: sourceOf(HAINAN),
        tags: ['乡村振兴'],
      }),
      HAINAN,
    ),
  );
  ok(
    await l.saveClip(
      makeClip('一段普通的文字。', { articleKey: HOSTILE.key, source: sourceOf(HOSTILE) }),
      HOSTILE,
    ),
  );
  ok(await l.saveHighlight(makeHighlight('防止规模性返贫是底线', { color: 'pink', note: '底线思维' }), zz));
  ok(await l.saveHighlight(makeHighlight('强富美', { color: 'green', tags: ['乡村振兴'] }), zz));
  ok(await l.saveHighlight(makeHighlight('意念控制', { articleKey: HAINAN.key, color: 'blue' }), HAINAN));
  return l;
}

/** A Post that calls the background's handlers directly (what the message round trip does). */
export function directPost(library: Library): Post {
  const handlers = libraryHandlers(library) as Record<string, (req: unknown, sender: unknown) => unknown>;
  return ((req: { type: string }) => Promise.resolve(handlers[req.type](req, null))) as unknown as Post;
}

/** Let Preact and IndexedDB settle: a few macrotasks. */
export async function settle(rounds = 8): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setTimeout(r, 5));
}

/** Wait until `check` passes (or fail after `ms`). */
export async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
