// Partial files of the local storage: a write goes to `<key>.part` until complete, so whatever a crash
// (or a full disk that took the process down) left behind is found by its name and removed at start.
// Also bytes nothing refers to: form uploads whose row was never written, and tus bytes (or an older
// version's info file) whose upload neither has a row in flight nor became a file (a cancel whose
// byte removal failed or was cut off after its row went).
import fs from 'node:fs/promises';
import path from 'node:path';

export const PART_SUFFIX = '.part';

/** Where form uploads live: bytes there that no file's `storageKey` names are orphans. */
const FORM_UPLOADS = 'media';
/** Where tus uploads live (`uploads/<id>`, and `<id>.json` from before migration 0014). */
const TUS_UPLOADS = 'uploads';
const INFO_SUFFIX = '.json';

export interface PartialSweep {
  /** the keys the database knows: files' storage keys and unfinished uploads' `uploads/<id>` */
  inUse: ReadonlySet<string>;
  /** tus bytes are orphans only once unchanged since then (ms): a creation may be on its way */
  uploadsBefore: number;
}

async function isOrphan(key: string, file: string, sweep: PartialSweep): Promise<boolean> {
  if (key.startsWith(`${FORM_UPLOADS}/`)) return !sweep.inUse.has(key);
  if (!key.startsWith(`${TUS_UPLOADS}/`)) return false;
  const bytesKey = key.endsWith(INFO_SUFFIX) ? key.slice(0, -INFO_SUFFIX.length) : key;
  if (sweep.inUse.has(bytesKey)) return false;
  const stats = await fs.stat(file).catch(() => undefined);
  return stats !== undefined && stats.mtimeMs < sweep.uploadsBefore;
}

/**
 * Removes every `.part` file under `root` (not following links), and every orphan (above) under
 * `media/` and `uploads/`; returns how many.
 */
export async function removePartFiles(root: string, sweep: PartialSweep): Promise<number> {
  let removed = 0;
  const entries = await fs.readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const key = path.relative(root, file).split(path.sep).join('/');
    if (!entry.name.endsWith(PART_SUFFIX) && !(await isOrphan(key, file, sweep))) continue;
    await fs.rm(file, { force: true });
    removed += 1;
  }
  return removed;
}
