// The states a tab sends the other tabs of the uploads it drives (tabs.ts): the latest one per
// upload, progress coalesced to the pace it is shown at, and an upload held back until it may be
// told of (its lock is held): a lock that comes sends what waited for it in the next slice.
import type { UploadItem } from '../types.js';
import { PROGRESS_WRITE_MS } from '../uploads/progress-pace.js';
import { pushChunks, type SliceQueue } from '../uploads/slices.js';

export interface TabOutbox {
  /** keeps the item's latest state to send */
  set(item: UploadItem): void;
  has(id: string): boolean;
  /** sends at the progress pace (PROGRESS_WRITE_MS) */
  later(): void;
  /** sends now what may be sent */
  flush(): void;
  /** sends in the next slice (a lock came), together with every other lock come by then */
  soon(): void;
  close(): void;
}

export function createTabOutbox(context: {
  /** the tab's FIFO of messages and lock requests */
  queue: SliceQueue;
  /** whether the other tabs may hear of this state now */
  mayAnnounce(item: UploadItem): boolean;
  /** one message of these items, now */
  send(items: UploadItem[]): void;
  /** a longer list goes out as several messages, each in a slice of `queue` */
  maxPerMessage: number;
  /** after each flush, once what it sent has gone out (behind its messages in `queue`) */
  sent?(): void;
}): TabOutbox {
  const states = new Map<string, UploadItem>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let coming = false;
  let closed = false;

  function flush(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const items: UploadItem[] = [];
    for (const [id, item] of states)
      if (context.mayAnnounce(item)) {
        items.push(item);
        states.delete(id);
      }
    // with nothing queued, one message goes now (still in order) instead of in a slice task of its own
    if (items.length > 0 && context.queue.size === 0 && items.length <= context.maxPerMessage)
      context.send(items);
    else if (items.length > 0) pushChunks(context.queue, items, context.maxPerMessage, context.send);
    if (!context.sent) return;
    if (context.queue.size === 0) context.sent();
    else context.queue.push(context.sent);
  }

  return {
    set: (item) => void states.set(item.operationId, item),
    has: (id) => states.has(id),
    later() {
      if (!closed) timer ??= setTimeout(flush, PROGRESS_WRITE_MS);
    },
    flush,
    soon() {
      if (coming || closed) return;
      coming = true;
      context.queue.push(() => {
        coming = false;
        flush();
      });
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      states.clear();
    },
  };
}
