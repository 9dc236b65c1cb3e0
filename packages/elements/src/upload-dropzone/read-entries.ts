// Reads dropped folders to the end. Chromium hands out at most 100 entries per readEntries() call,
// so the reader is called until it answers with none; empty folders are reported, not dropped. Loaded
// with the first drop that holds entries (dropzone-parts.ts); entries-of.ts takes them from the drop.
import type { EntryLike } from './entries-of.js';

export type { EntryLike };

export interface DroppedFiles {
  files: File[];
  /** full paths of folders that held no file at any depth */
  emptyFolders: string[];
}

async function readAll(directory: EntryLike): Promise<EntryLike[]> {
  const reader = directory.createReader!();
  const all: EntryLike[] = [];
  for (;;) {
    const batch = await new Promise<EntryLike[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return all;
    all.push(...batch);
  }
}

async function walk(entry: EntryLike, out: DroppedFiles): Promise<number> {
  if (entry.isFile && entry.file) {
    out.files.push(await new Promise<File>((resolve, reject) => entry.file!(resolve, reject)));
    return 1;
  }
  if (!entry.isDirectory || !entry.createReader) return 0;
  let count = 0;
  for (const child of await readAll(entry)) count += await walk(child, out);
  if (count === 0) out.emptyFolders.push(entry.fullPath || entry.name);
  return count;
}

/** Files from entries (folders walked depth first), in the order the user dropped them. */
export async function readEntries(entries: readonly EntryLike[]): Promise<DroppedFiles> {
  const out: DroppedFiles = { files: [], emptyFolders: [] };
  for (const entry of entries) await walk(entry, out);
  return out;
}
