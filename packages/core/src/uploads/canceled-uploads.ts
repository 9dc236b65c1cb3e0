// Uploads canceled while their bytes may still reach the server: a file the server makes of one anyway
// is deleted, whether a socket event tells of it or (without a socket) a later check finds it.
import type { JsonFetcher } from '../http.js';
import type { ServerEvent } from '../protocol.js';
import { createCancelCheck } from './server-check.js';

/** only the most recent cancellations can still race with their upload */
const REMEMBERED = 1000;

export interface CanceledUploads {
  /** an upload canceled while its bytes were on their way, before its file was known */
  remember(operationId: string): void;
  /** true (and the file deleted) when the event tells of a file made for a canceled upload */
  claim(event: ServerEvent): boolean;
  close(): void;
}

export function createCanceledUploads(
  fetcher: JsonFetcher,
  removeFile: (fileId: string) => Promise<unknown>,
): CanceledUploads {
  const canceled = new Set<string>();
  const check = createCancelCheck(fetcher, removeFile);
  return {
    remember(operationId) {
      canceled.add(operationId);
      if (canceled.size > REMEMBERED) canceled.delete(canceled.values().next().value as string);
      // without a socket no media-created tells us: ask the server whether bytes in flight made a file
      check.check(operationId);
    },
    claim(event) {
      if (event.type !== 'media-created' && event.type !== 'media-updated') return false;
      if (!canceled.delete(event.file.operationId)) return false;
      void removeFile(event.file.id);
      return true;
    },
    close() {
      check.close();
      canceled.clear();
    },
  };
}
