/**
 * Headline blocks: the lines above a story split into 引题, 主题 and 副题 by count and by the dash a
 * 副题 is printed after. A rule of printed newspaper text, shared by the page-text reader
 * (lib/sites/page-text/article.ts) and the page-PDF reader (lib/pdf/article.ts).
 */

// A 副题 is often printed after a dash: 「——株洲重点项目建设春节不停工」.
export const SUBTITLE_DASH = /^[—–-]{1,3}\s?/;

/**
 * 1 line: 主题. 2 lines: 引题 + 主题 (「陈恢清检查疫情防控和春运安全工作时强调」 /
 * 「抓细抓实疫情防控 全力保障春运安全」), unless the second starts with a dash (then 主题 + 副题).
 * 3 lines: 引题 + 主题 + 副题.
 */
export function headlineParts(lines: string[]): { leadTitle: string; title: string; subtitle: string } {
  const [a = '', b = '', c = ''] = lines;
  if (lines.length >= 3) return { leadTitle: a, title: b, subtitle: c.replace(SUBTITLE_DASH, '') };
  if (lines.length === 2) {
    return SUBTITLE_DASH.test(b)
      ? { leadTitle: '', title: a, subtitle: b.replace(SUBTITLE_DASH, '') }
      : { leadTitle: a, title: b, subtitle: '' };
  }
  return { leadTitle: '', title: a, subtitle: '' };
}
