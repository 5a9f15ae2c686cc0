/**
 * Export benchmarks (issue 5): everything to Markdown for 50,000 clips (target < 1 s), and backup →
 * parse → merge of the same library (target < 5 s). Medians over several runs, synthetic data built
 * from real 海南日报 / 株洲日报 sentences. Run alone with `npx tsx bench/cases/export.ts`.
 */
import { makeBackup, parseBackup } from '../../lib/export/backup';
import { libraryFiles } from '../../lib/export/files';
import { libraryMarkdown } from '../../lib/export/selection';
import { mergeLibrary } from '../../lib/export/merge';
import { zipFiles } from '../../lib/export/zip';
import {
  emptyArticle,
  sourceOf,
  type Clip,
  type Highlight,
  type LibraryData,
  type StoredArticle,
} from '../../lib/model';

const SENTENCES = [
  '在近日举办的全国脑机接口科技与产业融合创新大会上，当颁奖嘉宾念出“神芯科技（海南）有限公司”的名字时，台下掌声雷动。',
  '沙土上不能盖房子。乡村振兴，防止规模性返贫是底线，巩固拓展脱贫攻坚成果是基石。',
  '“来电”预警、线下核查，我市创造性地构筑起防返贫预警监测平台，颇有“工业风”。',
  '春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次，同比增长12万人次，增长59%。',
  '科技城送来一剂“强心针”。2024年6月，园区正式发布“先投后股”试点方案，以财政资金支持科技成果转化。',
];

/** A library of `clips` clips over clips/10 articles, with one highlight for every two clips. */
export function syntheticLibrary(clips: number): LibraryData {
  const perArticle = 10;
  const articles: StoredArticle[] = [];
  const outClips: Clip[] = [];
  const highlights: Highlight[] = [];
  for (let a = 0; a * perArticle < clips; a++) {
    const key = `海南日报|2026-07-${String((a % 28) + 1).padStart(2, '0')}|${a}`;
    const paragraphs = Array.from({ length: 24 }, (_, i) => ({
      text: SENTENCES[(a + i) % 5] + SENTENCES[(a + i + 2) % 5],
      kind: 'text' as const,
    }));
    const article = emptyArticle({
      key,
      paper: a % 2 ? '海南日报' : '株洲日报',
      date: `2026-07-${String((a % 28) + 1).padStart(2, '0')}`,
      pages: ['A1', 'A4'],
      title: `第${a}篇 一枚“海南芯”，让“意念控制”照进现实`,
      bylines: ['■ 海南日报全媒体记者 黄媛艳'],
      paragraphs,
      urls: [`http://news.hndaily.cn/html/2026-07/13/content_58464_${19697256 + a}.htm`],
    });
    articles.push({ key, article, urls: [...article.urls], firstSeenAt: a, lastSeenAt: a + 1 });
    const source = sourceOf(article);
    for (let c = 0; c < perArticle && outClips.length < clips; c++) {
      const idx = [c * 2, c * 2 + 1];
      outClips.push({
        id: `clip-${a}-${c}`,
        articleKey: key,
        paragraphs: idx.map((i) => paragraphs[i].text),
        paragraphIndexes: idx,
        note: c % 3 ? '' : '笔记：#话题# 值得对照',
        tags: c % 4 ? [] : ['乡村振兴'],
        source,
        createdAt: a * 100 + c,
        updatedAt: a * 100 + c,
      });
      if (c % 2 === 0) {
        const text = paragraphs[idx[0]].text;
        highlights.push({
          id: `hl-${a}-${c}`,
          articleKey: key,
          color: 'yellow',
          selectors: {
            exact: text.slice(4, 20),
            prefix: text.slice(0, 4),
            suffix: text.slice(20, 52),
            start: 4,
            end: 20,
            paragraph: idx[0],
            articleKey: key,
          },
          note: '',
          tags: [],
          createdAt: a * 100 + c,
          updatedAt: a * 100 + c,
        });
      }
    }
  }
  return { articles, highlights, clips: outClips };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall-clock and CPU milliseconds over `runs`, after one warm-up run (JIT, caches). */
function time(runs: number, f: () => void): { wall: number; cpu: number } {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  const r = (x: number) => Math.round(x * 10) / 10;
  return { wall: r(median(wall)), cpu: r(median(cpu)) };
}

export default async function run(): Promise<Array<{ name: string; ours_ms: number; [k: string]: unknown }>> {
  const N = 50_000;
  const data = syntheticLibrary(N);
  const runs = 5;
  let mdChars = 0;
  const markdownMs = time(runs, () => {
    mdChars = libraryMarkdown(data, { accessed: '2026-11-29' }).length;
  });
  let zipBytes = 0;
  const zipMs = time(2, () => {
    zipBytes = zipFiles(libraryFiles(data, { accessed: '2026-11-29' })).length;
  });
  // Restore into a library that already holds half of it: the realistic second-device case.
  const half: LibraryData = {
    articles: data.articles.slice(0, data.articles.length / 2),
    highlights: data.highlights.slice(0, data.highlights.length / 2),
    clips: data.clips.slice(0, N / 2),
  };
  let backupChars = 0;
  let added = 0;
  const backupMs = time(runs, () => {
    const text = makeBackup(data, new Date('2026-11-29T20:00:00Z'));
    backupChars = text.length;
    const parsed = parseBackup(text);
    if (!parsed.ok) throw new Error(parsed.error);
    added = mergeLibrary(half, parsed.value.data).added.clips;
  });
  return [
    {
      name: 'export: 50,000 clips → one Markdown document',
      ours_ms: markdownMs.wall,
      cpu_ms: markdownMs.cpu,
      target_ms: 1000,
      clips: N,
      chars: mdChars,
      runs,
    },
    {
      name: 'export: 50,000 clips → zip of one note per article',
      ours_ms: zipMs.wall,
      cpu_ms: zipMs.cpu,
      clips: N,
      files: data.articles.length,
      bytes: zipBytes,
      runs: 2,
    },
    {
      name: 'backup: makeBackup + parseBackup + mergeLibrary, 50,000 clips',
      ours_ms: backupMs.wall,
      cpu_ms: backupMs.cpu,
      target_ms: 5000,
      clips: N,
      chars: backupChars,
      added_clips: added,
      runs,
    },
  ];
}

// Run alone: `npx tsx bench/cases/export.ts` prints the rows.
if (process.argv[1] && /bench[\\/]cases[\\/]export\.ts$/.test(process.argv[1])) {
  void run().then((rows) => console.table(rows));
}
