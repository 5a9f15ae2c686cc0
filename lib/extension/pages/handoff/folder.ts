/**
 * Chrome: notes written straight into a chosen vault folder with the File System Access API (also
 * for many articles at once). The folder handle is the caller's (showDirectoryPicker, which only
 * Chromium has; Firefox falls back to the zip). An existing note is appended to or replaced.
 */
import type { ObsidianSettings } from '../../../handoff/obsidian.ts';
import type { Result } from '../../../model/index.ts';

/** The part of a FileSystemDirectoryHandle used here (a fake in unit tests, the real one in Chromium). */
export interface DirHandle {
  getDirectoryHandle(name: string, opts?: { create?: boolean }): Promise<DirHandle>;
  getFileHandle(name: string, opts?: { create?: boolean }): Promise<FileHandle>;
}
export interface FileHandle {
  getFile(): Promise<{ text(): Promise<string> }>;
  createWritable(): Promise<{ write(data: string): Promise<void>; close(): Promise<void> }>;
}

/** One note to write: folder path inside the chosen folder, file name, full text, text to append. */
export interface FolderNote {
  folder: string;
  fileName: string;
  whole: string;
  tail: string;
}

async function exists(dir: DirHandle, name: string): Promise<FileHandle | null> {
  try {
    return await dir.getFileHandle(name);
  } catch {
    return null;
  }
}

/** Write the notes; answers how many were written or the first error (earlier files stay written). */
export async function writeNotes(
  root: DirHandle,
  notes: readonly FolderNote[],
  mode: ObsidianSettings['mode'],
): Promise<Result<number>> {
  let done = 0;
  try {
    for (const n of notes) {
      let dir = root;
      for (const part of n.folder.split('/').filter((p) => p !== ''))
        dir = await dir.getDirectoryHandle(part, { create: true });
      const old = await exists(dir, n.fileName);
      const before = old && mode === 'append' ? await (await old.getFile()).text() : '';
      const text = before ? before.replace(/\n*$/, '\n\n') + n.tail : n.whole;
      const file = old ?? (await dir.getFileHandle(n.fileName, { create: true }));
      const w = await file.createWritable();
      await w.write(text);
      await w.close();
      done++;
    }
    return { ok: true, value: done };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
