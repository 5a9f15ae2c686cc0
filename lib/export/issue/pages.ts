/** Shared by the issue exports: 版次 as printed (「第1、4版」), names and the order of files. */
import type { IssueToc, TocEntry } from '../../issue/types';

/** 「第1版」, 「第1、4版」 for a story on pages 1 and 4; '' when no page is known. */
export function pagesLabel(pages: readonly string[]): string {
  return pages.length ? `第${pages.join('、')}版` : '';
}

/** 版名 of each page of the issue by its label. */
export function pageNames(toc: IssueToc): Map<string, string> {
  return new Map(toc.pages.map((p) => [p.label, p.name]));
}

/** The title an entry is listed under: 主题, else 引题 or 副题, else 无题. */
export function entryTitle(e: TocEntry): string {
  return e.title.trim() || '无题';
}

/** The issue's name: 「海南日报 2026-07-09」. */
export function issueTitle(toc: IssueToc): string {
  return [toc.paper, toc.date].filter(Boolean).join(' ') || '数字报';
}
