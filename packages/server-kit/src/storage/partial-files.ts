// Partial files of the local storage: a write goes to `<key>.part` until complete, so whatever a crash
// (or a full disk that took the process down) left behind is found by its name and removed at start.
import fs from 'node:fs/promises';
import path from 'node:path';

export const PART_SUFFIX = '.part';

/** Removes every `.part` file under `root` (not following links); returns how many. */
export async function removePartFiles(root: string): Promise<number> {
  let removed = 0;
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(PART_SUFFIX)) continue;
    await fs.rm(path.join(entry.parentPath, entry.name), { force: true });
    removed += 1;
  }
  return removed;
}
