// Two questions the uploader asks the REST API when a transfer failed: is the server there again
// (the connectivity gate's probe), and does the server already have this upload's file (before a
// failure is shown: the answer to the last byte may be what got lost)?
import type { JsonFetcher } from '../http.js';
import type { OperationStatus } from '../protocol.js';
import { fromOperationStatus } from '../live/server-events.js';
import type { UploadItem } from '../types.js';
import type { UploadEvent } from './upload-machine.js';

/** answers that do not come from the server itself (a gateway without it, a server going down) */
const NOT_THERE: ReadonlySet<number> = new Set([0, 502, 503, 504]);

/** true when the server answered `GET /me` in any way but "not there" (a 401 or 404 is an answer) */
export function serverProbe(fetcher: JsonFetcher): () => Promise<boolean> {
  return () =>
    fetcher('/me', { cache: 'no-store' }).then(
      () => true,
      (error: { status?: number }) => !NOT_THERE.has(error.status ?? 0),
    );
}

/** the machine event for a file the server has (processing or ready), or null */
export function serverOutcome(
  fetcher: JsonFetcher,
  get: (id: string) => UploadItem | undefined,
): (id: string) => Promise<UploadEvent | null> {
  return async (id) => {
    const status = await fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`);
    const item = get(id);
    if (!item || !status || (status.status !== 'processing' && status.status !== 'ready')) return null;
    return fromOperationStatus(status, item);
  };
}

/** after a cancel of an upload that had begun: the server may still have made its file (the last
 * bytes were on their way); the file is deleted so nothing canceled stays in the library. Asked
 * twice, as a request the server was still finishing can land a moment after the first answer. */
export function createCancelCheck(
  fetcher: JsonFetcher,
  remove: (fileId: string) => Promise<unknown>,
  delays: readonly number[] = [1000, 5000],
): { check(id: string): void; close(): void } {
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const ask = (id: string) =>
    fetcher<OperationStatus>(`/operations/${encodeURIComponent(id)}`).then(
      (status) => (status?.fileId ? remove(status.fileId) : null),
      () => {}, // unknown to the server (404) or unreachable: nothing was made, or nothing to do now
    );
  return {
    check(id) {
      for (const ms of delays) {
        const timer = setTimeout(() => {
          timers.delete(timer);
          void ask(id);
        }, ms);
        timers.add(timer);
      }
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
