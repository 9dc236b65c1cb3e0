// Reads dropped folders to the end. Chromium hands out at most 100 entries per readEntries() call,
// so the reader is called until it answers with none; empty folders are reported, not dropped.

/** The part of the File and Directory Entries API used here (what webkitGetAsEntry returns). */
export interface EntryLike {
  readonly name: string;
  readonly fullPath: string;
  readonly isFile: boolean;
  readonly isDirectory: boolean;
  file?(success: (file: File) => void, failure?: (error: unknown) => void): void;
  createReader?(): {
    readEntries(success: (entries: EntryLike[]) => void, failure?: (error: unknown) => void): void;
  };
}

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

/**
 * Entries of a drop, taken synchronously (the DataTransfer empties once the handler returns);
 * null when the browser offers no entries, so the caller falls back to `dataTransfer.files`.
 */
export function entriesOf(transfer: DataTransfer): EntryLike[] | null {
  const items = [...transfer.items].filter((item) => item.kind === 'file');
  if (items.length === 0 || typeof items[0]!.webkitGetAsEntry !== 'function') return null;
  const entries = items.map((item) => item.webkitGetAsEntry() as EntryLike | null);
  return entries.every((entry) => entry !== null) ? (entries as EntryLike[]) : null;
}
