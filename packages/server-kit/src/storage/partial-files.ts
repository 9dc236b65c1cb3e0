// Partial files of the local storage: a write goes to `<key>.part` until complete, so whatever a crash
// (or a full disk that took the process down) left behind is found by its name and removed at start.
import fs from 'node:fs/promises';
import path from 'node:path';

export const PART_SUFFIX = '.part';

/** Where form uploads live: bytes there that no file's `storageKey` names are orphans. */
const FORM_UPLOADS = 'media';

/**
 * Removes every `.part` file under `root` (not following links), and every file under `media/` whose
 * key is not in `inUse` (written whole before a crash, but its row never was); returns how many.
 */
export async function removePartFiles(root: string, inUse: ReadonlySet<string>): Promise<number> {
  let removed = 0;
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, file).split(path.sep).join('/');
    const orphan = key.startsWith(`${FORM_UPLOADS}/`) && !inUse.has(key);
    if (!entry.name.endsWith(PART_SUFFIX) && !orphan) continue;
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
