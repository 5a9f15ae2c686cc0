/** RIS export: a golden file for the real 海南日报 story with its clips, and table tests. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { libraryRis, risRecord } from '../../lib/export/ris';
import { sourceOf } from '../../lib/model';
import { makeArticle, makeClip } from './factories';
import { hainanLibrary } from './hainan';

const GOLDEN = join(__dirname, '../golden/export/hainan.ris');

describe('RIS', () => {
  it('golden: the 海南日报 story with clips and highlights', () => {
    const ris = libraryRis(hainanLibrary(), { accessed: '2026-12-04' });
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(GOLDEN, ris);
    expect(existsSync(GOLDEN), 'missing golden: run with UPDATE_GOLDEN=1').toBe(true);
    expect(ris).toBe(readFileSync(GOLDEN, 'utf8'));
    // Every line is a tag line and ends in CRLF; one record.
    const lines = ris.split('\r\n').filter((l) => l !== '');
    for (const l of lines) expect(l).toMatch(/^[A-Z][A-Z0-9]  - /);
    expect(lines.filter((l) => l.startsWith('TY  - '))).toHaveLength(1);
    expect(ris.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it.each([
    [{ pages: ['A1'] }, ['SP  - A1'], ['EP']],
    [{ pages: ['A1', 'A4'] }, ['SP  - A1', 'EP  - A4'], []],
    [{ subtitle: '副题' }, ['TI  - 春运迎来返程高峰：副题'], []],
    [{ urls: ['file:///x.txt'] }, [], ['UR', 'Y2']],
    [{ date: '' }, [], ['PY', 'DA']],
  ])('%j', (init, has, hasNot) => {
    const lines = risRecord(sourceOf(makeArticle(init)), [], [], { accessed: '2026-12-04' });
    for (const h of has) expect(lines).toContain(h);
    for (const t of hasNot) expect(lines.some((l) => l.startsWith(t + ' '))).toBe(false);
  });

  it('keeps a multi-line note on one N1 line', () => {
    const a = makeArticle();
    const lines = risRecord(sourceOf(a), [makeClip(a, [0], { note: '第一行\n第二行' })]);
    expect(lines.filter((l) => l.startsWith('N1'))).toEqual([
      'N1  - 「春运迎来返程高峰。株洲西站预计今年春运发送旅客32万人次。」 第一行 第二行',
    ]);
  });
});
