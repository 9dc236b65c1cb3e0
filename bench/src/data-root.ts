// Where the bench writes its files and its servers their uploads: memory (/dev/shm) when it has room,
// so the upload tables show the software's own cost and not this machine's disk (a shared VM's disk
// writing back earlier GiBs moved one server's CPU per GiB from 1.3 to 3.5 s and its speed 2x between
// minutes, whichever uploader ran next); `--data-dir=path` measures on that disk instead.
import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';

const MIB = 1024 * 1024;

/** `chosen` (from `--data-dir=`), else /dev/shm with `needMiB` free, else the temp directory. */
export async function dataRoot(needMiB: number, chosen: string | undefined): Promise<string> {
  if (chosen) return chosen;
  const memory = await statfs('/dev/shm').catch(() => undefined);
  const room = memory ? memory.bavail * memory.bsize : 0;
  return room > needMiB * MIB ? '/dev/shm' : tmpdir();
}

/**
 * Waits until the kernel has written back what is dirty. Run before a measured upload (after the
 * earlier uploads' files were deleted: their dirty pages are dropped unwritten), so no upload runs
 * while the kernel writes back another's GiB.
 */
export const syncDisk = (): Promise<void> => promisify(execFile)('sync').then(() => undefined);
