import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, labelFromContentType, NOT_TEXT } from '../../lib/text/decode';

const ascii = (s: string) => new TextEncoder().encode(s);
const utf8 = (s: string) => new TextEncoder().encode(s);
const hex = (h: string) => Uint8Array.from(h.split(/\s+/).map((b) => parseInt(b, 16)));
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};
/** UTF-16 code units written out by hand, so the test does not depend on the decoder under test. */
const utf16 = (s: string, le: boolean) => {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    out[2 * i + (le ? 0 : 1)] = u & 0xff;
    out[2 * i + (le ? 1 : 0)] = u >> 8;
  }
  return out;
};

// Bytes from the GBK / GB18030 code tables (人 C8CB, 民 C3F1, 日 C8D5, 报 B1A8; 𠮷 needs 4 bytes).
const GBK = {
  人民日报: hex('c8 cb c3 f1 c8 d5 b1 a8'),
  海南日报: hex('ba a3 c4 cf c8 d5 b1 a8'),
  下转A4版: hex('cf c2 d7 aa 41 34 b0 e6'),
  '𠮷': hex('95 34 b2 35'),
};

describe('decodeBytes', () => {
  it('reads plain UTF-8 as UTF-8 with no problems', () => {
    const r = decodeBytes(utf8('<p>　　乡村振兴“开卷” 株洲这样作答</p>'));
    expect(r).toEqual({ text: '<p>　　乡村振兴“开卷” 株洲这样作答</p>', charset: 'utf-8', problems: [] });
  });

  it('strips a UTF-8 BOM and turns CRLF into LF (zqb-cyol pages are BOM-less CRLF, others BOM + CRLF)', () => {
    const r = decodeBytes(concat(hex('ef bb bf'), utf8('第05版：冰点周刊\r\n谁的房子谁的家\r\n')));
    expect(r.text).toBe('第05版：冰点周刊\n谁的房子谁的家\n');
    expect(r.charset).toBe('utf-8');
    expect(r.problems).toEqual([]);
  });

  it('reads a real fixture page byte for byte', () => {
    const bytes = readFileSync('tests/fixtures/real/zqb-cyol/node_06.html');
    const r = decodeBytes(bytes);
    expect(r.charset).toBe('utf-8');
    expect(r.text).toContain('谁的房子谁的家');
    expect(r.text).not.toContain('\r');
  });

  it.each([
    ['人民日报', GBK.人民日报],
    ['海南日报', GBK.海南日报],
    ['下转A4版', GBK.下转A4版],
    ['𠮷', GBK['𠮷']],
  ])('falls back to GB18030 for GBK bytes of 「%s」', (expected, bytes) => {
    const r = decodeBytes(bytes);
    expect(r.text).toBe(expected);
    expect(r.charset).toBe('gb18030');
    expect(r.problems).toEqual(['the bytes are not UTF-8; read as GB18030']);
  });

  it('uses the charset of <meta charset="gbk"> without a problem', () => {
    const r = decodeBytes(concat(ascii('<meta charset="gbk"><title>'), GBK.人民日报, ascii('</title>')));
    expect(r.text).toBe('<meta charset="gbk"><title>人民日报</title>');
    expect(r.charset).toBe('gbk');
    expect(r.problems).toEqual([]);
  });

  it('uses the charset of a http-equiv Content-Type meta (gb2312 is read as GBK)', () => {
    const head = '<META http-equiv="Content-Type" content="text/html; charset=gb2312">';
    const r = decodeBytes(concat(ascii(head), GBK.海南日报));
    expect(r.text).toBe(head + '海南日报');
    expect(r.charset).toBe('gbk');
  });

  it('prefers the Content-Type header over the page', () => {
    const r = decodeBytes(concat(ascii('<meta charset="utf-8">'), GBK.人民日报), 'text/html; charset=GBK');
    expect(r.text).toBe('<meta charset="utf-8">人民日报');
    expect(r.charset).toBe('gbk');
  });

  it('reads UTF-8 bytes as UTF-8 when a saved page still says gb2312', () => {
    const r = decodeBytes(utf8('<meta charset="gb2312"><p>人民日报</p>'));
    expect(r.text).toBe('<meta charset="gb2312"><p>人民日报</p>');
    expect(r.charset).toBe('utf-8');
    expect(r.problems).toEqual(['the page declares gb2312 but its bytes are UTF-8; read as UTF-8']);
  });

  it('falls back to GB18030 when the page says UTF-8 but the bytes are GBK', () => {
    const r = decodeBytes(concat(ascii('<meta charset="utf-8">'), GBK.人民日报));
    expect(r.text).toBe('<meta charset="utf-8">人民日报');
    expect(r.charset).toBe('gb18030');
    expect(r.problems).toEqual(['the page declares utf-8 but its bytes are not UTF-8; read as GB18030']);
  });

  it('keeps UTF-8 when a file is cut inside its last character', () => {
    const whole = utf8('下转A4版');
    const r = decodeBytes(whole.subarray(0, whole.length - 1)); // 版 is 3 bytes; drop one
    expect(r.text).toBe('下转A4');
    expect(r.charset).toBe('utf-8');
    expect(r.problems).toEqual(['the file ends in the middle of a character (cut short?)']);
  });

  it('keeps UTF-8 with a problem when a long UTF-8 text has one bad byte', () => {
    const r = decodeBytes(concat(utf8('株洲日报'.repeat(10)), hex('ff'), utf8('下转A4版')));
    expect(r.charset).toBe('utf-8');
    expect(r.text).toBe('株洲日报'.repeat(10) + '\ufffd下转A4版');
    expect(r.problems).toEqual(['1 invalid UTF-8 byte sequence(s) replaced with U+FFFD']);
  });

  it.each([
    ['UTF-16LE with BOM', concat(hex('ff fe'), utf16('<p>人民日报</p>\r\n', true)), 'utf-16le'],
    ['UTF-16BE with BOM', concat(hex('fe ff'), utf16('<p>人民日报</p>\r\n', false)), 'utf-16be'],
    ['UTF-16LE without BOM', utf16('<p>人民日报</p>\r\n', true), 'utf-16le'],
    ['UTF-16BE without BOM', utf16('<p>人民日报</p>\r\n', false), 'utf-16be'],
  ])('reads %s', (_name, bytes, charset) => {
    const r = decodeBytes(bytes);
    expect(r).toEqual({ text: '<p>人民日报</p>\n', charset, problems: [] });
  });

  it.each([
    ['a PNG header', hex('89 50 4e 47 0d 0a 1a 0a 00 00 00 0d 49 48 44 52')],
    ['a zip header', concat(hex('50 4b 03 04 14 00 00 00 08 00'), utf8('content.htm'))],
    ['control bytes without NUL', Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x01 : 0x41))],
  ])('says %s is not a text or HTML file', (_name, bytes) => {
    expect(decodeBytes(bytes)).toEqual({ text: '', charset: '', problems: [NOT_TEXT] });
  });

  it('returns empty text for an empty file', () => {
    expect(decodeBytes(new Uint8Array(0))).toEqual({ text: '', charset: 'utf-8', problems: [] });
  });

  it('reports a charset the platform does not know, then guesses', () => {
    const r = decodeBytes(utf8('<meta charset="x-klingon"><p>人民日报</p>'));
    expect(r.charset).toBe('utf-8');
    expect(r.problems).toEqual(['unknown charset "x-klingon", guessed from the bytes instead']);
  });

  it.each([
    ['text/html; charset=GBK', 'GBK'],
    ['text/html;charset="utf-8"', 'utf-8'],
    ['text/html', ''],
  ])('labelFromContentType(%s) = %s', (header, label) => {
    expect(labelFromContentType(header)).toBe(label);
  });
});
