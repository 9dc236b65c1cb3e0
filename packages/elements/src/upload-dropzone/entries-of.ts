// The entries of a drop, taken while its event runs: the one part of reading a dropped folder that
// cannot wait for read-entries.ts to load.

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
