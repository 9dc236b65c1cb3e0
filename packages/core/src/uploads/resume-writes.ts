// The resume records' way to IndexedDB: changes wait in the slice queue behind the work queued before
// them (a record is never seen before its upload's lock is asked for), then the changes staged within
// COALESCE_MS are merged and written in one transaction instead of one transaction per change.
import type { ResumeRecord, ResumeStore } from './resume-store.js';
import { pushChunks, type SliceQueue } from './slices.js';

/** puts in one transaction (~0.07 ms each in Chromium here): about a slice's budget */
const BATCH_LIMIT = 100;
/** how long a staged change waits for others before its transaction goes out: a batch of small
 * files changes state a few ms apart (processing, then gone), and a transaction per change cost the
 * page and the browser process ~0.5 ms per upload. A closing page writes at once (flush). */
export const COALESCE_MS = 200;

export interface ResumeWrites {
  /** queues puts (in order after everything queued so far), a batch's worth per job */
  put(records: readonly ResumeRecord[]): void;
  /** queues deletes; one after a put of the same id ends deleted */
  remove(ids: readonly string[]): void;
  /** runs the queue and writes what it staged now (closing) */
  flush(): void;
  close(): void;
}

export function createResumeWrites(store: ResumeStore, queue: SliceQueue): ResumeWrites {
  /** by operationId, null to delete: a later change of an id replaces an earlier one */
  const batch = new Map<string, ResumeRecord | null>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** puts queued and not staged yet, per id; a remove queued after them cancels them */
  const queuedPuts = new Map<string, number>();
  /** ids whose queued puts were canceled by a remove behind them (until that remove stages) */
  const canceled = new Set<string>();
  /** closing: everything queued goes out in one transaction, puts and removes of an id netted out */
  let closing = false;

  function write(): void {
    clearTimeout(timer);
    timer = undefined;
    if (batch.size === 0) return;
    const puts: ResumeRecord[] = [];
    const removed: string[] = [];
    for (const [id, record] of batch) {
      if (record) puts.push(record);
      else removed.push(id);
    }
    batch.clear();
    void store.write(puts, removed);
  }

  /** runs as a job of the queue: joins the batch of the slice it runs in */
  function stage(changes: readonly (readonly [string, ResumeRecord | null])[]): void {
    for (const [id, record] of changes) batch.set(id, record);
    // a put's cost is paid when it is made: a full batch is written inside this job, in the slice's budget
    if (batch.size >= BATCH_LIMIT && !closing) write();
    // the changes of the next COALESCE_MS (a slice's jobs, the uploads beside) join this one
    else timer ??= setTimeout(write, COALESCE_MS);
  }

  function flush(): void {
    closing = true;
    try {
      queue.drain();
    } finally {
      closing = false;
    }
    write();
  }

  /** stages the puts of a chunk that no remove queued after them has canceled */
  function stagePuts(chunk: readonly ResumeRecord[]): void {
    const live = chunk.filter((record) => {
      const id = record.operationId;
      const left = (queuedPuts.get(id) ?? 1) - 1;
      if (left > 0) queuedPuts.set(id, left);
      else queuedPuts.delete(id);
      return !canceled.has(id);
    });
    stage(live.map((record) => [record.operationId, record] as const));
  }
  // a closing page writes what is still queued: a tab that takes its uploads over reads these records
  globalThis.addEventListener?.('pagehide', flush);

  return {
    put(records) {
      for (const { operationId } of records)
        queuedPuts.set(operationId, (queuedPuts.get(operationId) ?? 0) + 1);
      pushChunks(queue, records, BATCH_LIMIT, stagePuts);
    },
    remove(ids) {
      // the puts still queued for these ids need not be written at all (Cancel all of a big drop
      // right before a reload: a record written and its delete lost with the page came back)
      for (const id of ids) if (queuedPuts.has(id)) canceled.add(id);
      const changes = ids.map((id) => [id, null] as const);
      queue.push(() => {
        for (const id of ids) canceled.delete(id);
        stage(changes);
      });
    },
    flush,
    close() {
      globalThis.removeEventListener?.('pagehide', flush);
      flush();
    },
  };
}
