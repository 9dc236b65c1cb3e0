// The upload manager: feeds the queue, drives one transport per file, hands failures to
// upload-retries.ts (waiting for the connection through the shared gate, or as long as the server
// asked), and routes every state change through the store's reducer.
import type { Connectivity } from '../live/connectivity.js';
import { createQueue, type UploadQueue } from './queue.js';
import { ONE_REQUEST_MAX_BYTES, type Transport, type TransportUpload } from '../transports/transport.js';
import type { UploadError, UploadItem } from '../types.js';
import { FINAL_STATES, type UploadEvent } from './upload-machine.js';
import type { DispatchResult, UploadStore } from './uploads-store.js';
import { createUploadRetries } from './upload-retries.js';

export interface UploaderOptions {
  store: UploadStore;
  transport: Transport;
  endpoint: string;
  headers: () => Record<string, string>;
  concurrency?: number;
  chunkSize?: number;
  /** tries again after a 408, tus 409/423 or a 5xx other than 502-504 (backoff 1 s, 2 s, 4 s, ...);
   * no limit for a lost connection, 429 or 503 */
  retries?: number;
  /** where uploads that lost the server wait together (one probe for all) */
  connectivity?: Connectivity;
  /** before an upload is shown failed for good: the server's view, which may be that it has the file */
  confirmFailure?: (id: string) => Promise<UploadEvent | null>;
  /** every accepted state change, after the store has it */
  onChange?: (change: DispatchResult) => void;
  /** a resumable upload URL is known for this operation */
  onUrl?: (operationId: string, url: string) => void;
}

export interface Uploader {
  /** registers files for their items (already in the store) and queues them */
  add(entries: readonly { item: UploadItem; file: File }[]): void;
  /** queues items whose async validation passed later, or whose file came back */
  enqueue(id: string, file?: File): void;
  /** applies an event from outside (socket, poller) with the same side effects as our own */
  apply(id: string, event: UploadEvent): DispatchResult | null;
  pause(id: string): void;
  resume(id: string): void;
  cancel(id: string): void;
  retry(id: string): void;
  hasFile(id: string): boolean;
  /** whether this uploader's own request is sending the file now (it reports its own progress) */
  sending(id: string): boolean;
  /** gives an item its file without queueing it (a paused upload this tab now drives) */
  provide(id: string, file: File): void;
  /** an upload URL from an earlier session, to resume from the server's offset */
  setUploadUrl(id: string, url: string): void;
  readonly queue: UploadQueue;
  destroy(): void;
}

/** the part of a queue slot a file of up to ONE_REQUEST_MAX_BYTES takes: 24 at the default
 * concurrency of 3. Chromium sends 6 at a time per host and holds the rest ready, so a freed
 * connection sends at once (1,000 x 100 KiB, quiet machine: 216 files/s against 192 with 12) */
export const SMALL_FILE_SHARE = 1 / 8;

interface Active {
  upload: TransportUpload;
  /** bumps on every cancel so callbacks of a dropped transport are ignored */
  token: number;
}

export function createUploader(options: UploaderOptions): Uploader {
  const { store } = options;
  const files = new Map<string, File>();
  const uploadUrls = new Map<string, string>();
  const active = new Map<string, Active>();
  const retries = createUploadRetries({
    store,
    connectivity: options.connectivity,
    retries: options.retries ?? 3,
    apply,
    restart: (id) => active.get(id)?.upload.start(),
    giveUp: (id, error) => void failFinally(id, error),
  });
  let tokens = 0;

  // a small file is one short request: eight of them share a slot, so a batch of them is not held
  // to three round trips at a time (large files keep a whole slot each)
  const queue = createQueue({
    concurrency: options.concurrency,
    start,
    share: (id) => ((files.get(id)?.size ?? Infinity) <= ONE_REQUEST_MAX_BYTES ? SMALL_FILE_SHARE : 1),
  });

  function apply(id: string, event: UploadEvent): DispatchResult | null {
    const change = store.dispatch(id, event);
    if (!change) return null;
    const { previous, item } = change;
    if (previous.status === 'uploading' && item.status !== 'uploading') {
      queue.release(id);
      retries.clear(id);
    }
    if (FINAL_STATES.has(item.status)) forget(id, item.status === 'canceled');
    options.onChange?.(change);
    return change;
  }

  /** releases everything held for a finished item; cancel also asks the server to drop the upload */
  function forget(id: string, terminate: boolean): void {
    retries.clear(id);
    queue.release(id);
    const current = active.get(id);
    active.delete(id);
    if (current && terminate) void current.upload.abort();
    files.delete(id);
    uploadUrls.delete(id);
    retries.reset(id);
  }

  function start(id: string): void {
    const file = files.get(id);
    if (!file) {
      // restored after a reload (or driven by another tab) without its bytes
      queue.release(id);
      apply(id, { type: 'FILE.MISSING' });
      return;
    }
    if (!apply(id, { type: 'UPLOAD.START' })) {
      queue.release(id);
      return;
    }
    (active.get(id) ?? createTransport(id, file)).upload.start();
  }

  function createTransport(id: string, file: File): Active {
    const token = ++tokens;
    const isCurrent = () => active.get(id)?.token === token;
    const entry: Active = {
      token,
      upload: options.transport(
        {
          file,
          operationId: id,
          endpoint: options.endpoint,
          headers: options.headers,
          uploadUrl: uploadUrls.get(id) ?? null,
          chunkSize: options.chunkSize,
          ...(store.get(id)?.replaceFileId ? { replaceFileId: store.get(id)!.replaceFileId! } : {}),
        },
        {
          onProgress: (sent) => {
            // late progress (the server already said "complete") is ignored by the machine
            if (isCurrent()) apply(id, { type: 'UPLOAD.PROGRESS', bytesUploaded: sent });
          },
          onSuccess: (result) => {
            if (!isCurrent()) return;
            retries.reset(id);
            apply(id, { type: 'UPLOAD.SUCCESS', ...(result.fileId ? { fileId: result.fileId } : {}) });
          },
          onError: (error) => {
            if (isCurrent()) retries.failed(id, error);
          },
          onUrl: (url) => {
            if (!isCurrent()) return;
            uploadUrls.set(id, url);
            options.onUrl?.(id, url);
          },
        },
      ),
    };
    active.set(id, entry);
    return entry;
  }

  /** a final failure is shown only if the server does not have the file after all (its answer may
   * have been lost after it stored the last byte) */
  async function failFinally(id: string, error: UploadError): Promise<void> {
    const token = active.get(id)?.token;
    const instead = options.confirmFailure ? await options.confirmFailure(id).catch(() => null) : null;
    const item = store.get(id);
    if (!item || item.status !== 'uploading' || active.get(id)?.token !== token) return;
    if (instead && instead.type !== 'UPLOAD.ERROR' && apply(id, instead)) return;
    apply(id, { type: 'UPLOAD.ERROR', error });
  }

  return {
    queue,
    add(entries) {
      for (const { item, file } of entries) files.set(item.operationId, file);
      for (const { item } of entries) queue.enqueue(item.operationId);
    },
    enqueue(id, file) {
      if (file) files.set(id, file);
      queue.enqueue(id);
    },
    apply,
    pause(id) {
      const change = apply(id, { type: 'UPLOAD.PAUSE' });
      if (!change) return;
      queue.release(id);
      if (change.previous.status === 'uploading') void active.get(id)?.upload.pause();
    },
    resume(id) {
      if (apply(id, { type: 'UPLOAD.RESUME' })) queue.enqueue(id, { front: true });
    },
    cancel(id) {
      apply(id, { type: 'UPLOAD.CANCEL' });
    },
    retry(id) {
      if (!apply(id, { type: 'UPLOAD.RETRY' })) return;
      retries.reset(id);
      queue.enqueue(id, { front: true });
    },
    hasFile: (id) => files.has(id),
    sending: (id) => active.has(id) && store.get(id)?.status === 'uploading',
    provide(id, file) {
      files.set(id, file);
    },
    setUploadUrl(id, url) {
      uploadUrls.set(id, url);
    },
    destroy() {
      retries.destroy();
      // leave server-side uploads in place: they can be resumed after a reload
      for (const { upload } of active.values()) void upload.pause();
      active.clear();
      files.clear();
      uploadUrls.clear();
    },
  };
}
