// Whether the disk of the local tus store has room left, so that a creation on a full disk is answered
// 507 (storage/failures.ts) as when its info file could not be written (the store wrote one per
// upload before), not 201 for an upload no byte of which can be stored. (A declared length bigger
// than the room is not refused: room may be made before its bytes come.) The disk is asked (statfs)
// at most once a second, and again right after a write ran out of room; in between, what this
// process wrote is taken off the last answer.
import { statfs } from 'node:fs/promises';

const ASK_EVERY_MS = 1000;
const ROOM_CODES = new Set(['ENOSPC', 'EDQUOT']);

export interface DiskRoom {
  /** Throws an ENOSPC error when the disk is full. */
  assertRoom(): Promise<void>;
  /** A write of `bytes` happened; `error` if it failed (a full disk makes the next check ask). */
  wrote(bytes: number, error?: unknown): void;
}

export function diskRoom(directory: string): DiskRoom {
  let known: { free: number; at: number } | undefined;
  return {
    async assertRoom() {
      const now = Date.now();
      if (!known || now - known.at >= ASK_EVERY_MS) {
        const disk = await statfs(directory).catch(() => undefined);
        if (!disk) return; // not answerable here: the write itself will tell
        known = { free: disk.bavail * disk.bsize, at: now };
      }
      if (known.free <= 0) throw Object.assign(new Error(`no room in ${directory}`), { code: 'ENOSPC' });
    },
    wrote(bytes, error) {
      const code = (error as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && ROOM_CODES.has(code)) known = undefined;
      else if (known) known.free -= bytes;
    },
  };
}
