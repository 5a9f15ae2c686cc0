/**
 * A tiny PDF writer for the bad-input tests: real, valid PDF files made in memory (objects, xref
 * table, trailer, exact offsets), with Helvetica text, an image-only page, an /Encrypt dictionary
 * (a password-protected file as a reader without the password sees it), or many pages.
 */

/** One page: lines of Latin text at (x, y), or a grey image covering it (a scan). */
export interface WrittenPage {
  /** `gb`: set in STSong-Light through the predefined CMap UniGB-UCS2-H (no embedded font, no
   * ToUnicode): pdf.js finds the text only with its GB CMaps. */
  text?: Array<{ x: number; y: number; size: number; s: string; gb?: boolean }>;
  image?: boolean;
}

export interface WriteOptions {
  /** Add a standard-security-handler /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean;
  width?: number;
  height?: number;
}

const esc = (s: string) => s.replace(/[\\()]/g, (c) => '\\' + c);

/** The bytes of a PDF with these pages. */
export function writePdf(pages: WrittenPage[], opts: WriteOptions = {}): Uint8Array {
  const w = opts.width ?? 595;
  const h = opts.height ?? 842;
  const objs: string[] = [];
  const add = (body: string) => objs.push(body) - 0;
  // 1: catalog, 2: pages, 3: Helvetica, 4–6: a Chinese font; pages follow.
  add('<< /Type /Catalog /Pages 2 0 R >>');
  add('');
  add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
  // 4: a Chinese font as older Founder and Word PDFs have it: predefined CMap, not embedded.
  add(
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [5 0 R] >>',
  );
  add(
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R >>',
  );
  add(
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>',
  );
  const kids: number[] = [];
  for (const p of pages) {
    let content = '';
    let resources = '/Font << /F1 3 0 R /F2 4 0 R >>';
    if (p.image) {
      const img = add(
        `<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\x80\x90\xa0\xb0\nendstream`,
      );
      resources += ` /XObject << /Im1 ${img} 0 R >>`;
      content += `q ${w} 0 0 ${h} 0 0 cm /Im1 Do Q\n`;
    }
    for (const t of p.text ?? []) {
      const shown = t.gb
        ? `<${[...t.s].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`
        : `(${esc(t.s)})`;
      content += `BT /${t.gb ? 'F2' : 'F1'} ${t.size} Tf ${t.x} ${t.y} Td ${shown} Tj ET\n`;
    }
    const c = add(`<< /Length ${content.length} >>\nstream\n${content}endstream`);
    kids.push(
      add(
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}] /Resources << ${resources} >> /Contents ${c} 0 R >>`,
      ),
    );
  }
  objs[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let encrypt = '';
  if (opts.encrypted) {
    const hex32 = 'A1B2C3D4E5F60718293A4B5C6D7E8F90A1B2C3D4E5F60718293A4B5C6D7E8F90';
    const e = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${hex32}> /P -44 >>`);
    encrypt = ` /Encrypt ${e} 0 R /ID [<00112233445566778899AABBCCDDEEFF> <00112233445566778899AABBCCDDEEFF>]`;
  }
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  // Latin-1: every character is one byte, so the offsets above are byte offsets.
  return Uint8Array.from(out, (c) => c.charCodeAt(0) & 0xff);
}
