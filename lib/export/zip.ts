/**
 * A .zip of exported notes (one file per article), built in memory with fflate. Names are stored
 * as UTF-8 with the language-encoding flag set (fflate sets bit 11 for any non-ASCII name), so
 * 「乡村振兴“开卷” 株洲这样作答.md」 opens with its name on Windows, macOS and Linux.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { safeFileName } from './filenames';

/** One file for the archive. */
export interface TextFile {
  name: string;
  text: string;
}

/** DOS time starts in 1980; a fixed default keeps the archive a pure function of its input. */
const DEFAULT_MTIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Zip text files. Names are made safe and unique (case-insensitively), since two entries of the same
 * name would silently overwrite each other. `mtime` is the clock, passed in. Never throws: an
 * impossible date falls back to the default.
 */
export function zipFiles(files: readonly TextFile[], opts: { mtime?: Date } = {}): Uint8Array {
  const m = opts.mtime;
  const year = m ? m.getFullYear() : NaN;
  const mtime = m && year >= 1980 && year < 2100 ? m : DEFAULT_MTIME;
  // fflate collects entries in a plain object, where a key 「__proto__」 would set the prototype
  // and the file would vanish: that one name is taken from the start, so it becomes 「__proto__ (2)」.
  const taken = new Set<string>(['__proto__']);
  const entries: Zippable = Object.create(null);
  for (const f of files) {
    const dot = f.name.lastIndexOf('.');
    const name =
      dot > 0
        ? safeFileName(f.name.slice(0, dot), f.name.slice(dot + 1), taken)
        : safeFileName(f.name, '', taken);
    entries[name] = [strToU8(f.text), { mtime, level: 6 }];
  }
  return zipSync(entries);
}
