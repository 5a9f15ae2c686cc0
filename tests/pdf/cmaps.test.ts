/**
 * The GB CMaps matter: a Chinese PDF whose font uses the predefined CMap UniGB-UCS2-H (STSong-Light,
 * not embedded, no ToUnicode; older Founder and office PDFs) gives its text only when pdf.js finds
 * its CMaps (cMapUrl + cMapPacked), and none at all without them, silently (domain.md §8).
 */
import { describe, expect, it } from 'vitest';
import { nodePdfJs, nodePdfOptions } from '../../cli/pdfjs';
import { readPdfPage } from '../../lib/pdf';
import { readPdfText } from '../../lib/pdf/load';
import { writePdf } from './pdf-writer';

const TEXT = '乡村公路通到每个村，群众出行更方便了。';
const bytes = writePdf([{ text: [{ x: 72, y: 700, size: 12, s: TEXT, gb: true }] }]);

describe('GB CMaps', () => {
  it('with them: the text of a UniGB-UCS2-H font, read into its article', async () => {
    const r = await readPdfText(await nodePdfJs(), bytes, nodePdfOptions());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const page = readPdfPage(r.value.pages[0], 'file:///gb.pdf');
    expect(page.articles.map((a) => a.paragraphs.map((p) => p.text))).toEqual([[TEXT]]);
  });

  it('without them: no text at all (what shipping only the GB CMaps prevents)', async () => {
    const r = await readPdfText(await nodePdfJs(), bytes, {
      ...nodePdfOptions(),
      cMapUrl: '/no/cmaps/here/',
    });
    expect(r.ok && r.value.pages[0].items.map((i) => ('str' in i ? i.str : '')).join('')).toBe('');
  });
});
