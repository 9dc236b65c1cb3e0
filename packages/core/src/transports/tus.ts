// tus transport (tus-js-client 4.3.1): one PATCH for the rest of the file by default, pause keeps the
// upload URL, resume asks the server for its offset. Retries are the manager's job, not tus's.
// tus-js-client (~18 KiB gzip) is imported when the first upload starts, not with the page; call
// `preloadTus()` when idle so that first upload does not wait for it.
import type { DetailedError, HttpRequest, HttpResponse, Upload } from 'tus-js-client';
import { FILE_ID_HEADER } from '../protocol.js';
import { browserBody, createWholeFileReader, nodeBody } from './file-source.js';
import { sendWithCreation, tusMetadata, type CreationAnswer } from './tus-one-request.js';
import { classify } from '../uploads/failure-classes.js';
import { messageFor } from '../uploads/upload-errors.js';
import { preloadTus } from './tus-loader.js';
import {
  httpError,
  networkError,
  ONE_REQUEST_MAX_BYTES,
  type Transport,
  type TransportError,
} from './transport.js';

export { preloadTus };

/** Resolves a relative endpoint against the page: tus resolves Location headers with `new URL`. */
export function absoluteUrl(path: string): string {
  const base = globalThis.location?.href;
  return base ? new URL(path, base).href : new URL(path).href;
}

/** tus-js-client's error as ours: its own text ("tus: failed to resume upload, caused by [object
 * ProgressEvent]") never reaches the UI; the answer's status, body and Retry-After decide (retry-policy.ts
 * retries tus's 409 and 423 too). */
export function toTransportError(error: Error | DetailedError): TransportError {
  const response = (error as Partial<DetailedError>).originalResponse;
  const status = response?.getStatus() ?? 0;
  if (!response || status === 0) return networkError();
  return httpError(status, response.getBody() ?? '', response.getHeader('Retry-After') ?? null);
}

/** files up to this size are sent in the POST that creates their upload */
export const SEND_WITH_CREATION_MAX = ONE_REQUEST_MAX_BYTES;

/** sends already made in this task: the first goes at once, the rest of a burst (a drop that
 * starts a dozen small uploads) each wait for a task of their own */
let sendsThisTask = 0;
function sendTurn(): Promise<void> | undefined {
  if (sendsThisTask++ === 0) {
    setTimeout(() => (sendsThisTask = 0), 0);
    return undefined;
  }
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

const unexpected = (): TransportError => ({
  code: 'unknown',
  message: messageFor('unknown'),
  retryable: false,
});

/** where an upload's creating POST goes */
const creationUrl = (options: Parameters<Transport>[0]) =>
  absoluteUrl(options.uploadEndpoint ?? `${options.endpoint}/uploads`);

export const tusTransport: Transport = (options, callbacks) => {
  let upload: Upload | undefined;
  // Calls run in order, each after the one before: a pause or cancel made while tus-js-client
  // loads applies to the upload that start made. Only start loads it; a failed load (offline, say)
  // is a network error, retried like any other, and the next start tries to load again.
  let queue: Promise<unknown> = Promise.resolve();
  const next = (run: () => unknown): Promise<unknown> => {
    const step = queue.then(run);
    queue = step.catch(() => undefined);
    return step;
  };
  /** bumps on every call: a start that a pause or cancel overtook before it sent sends nothing */
  let calls = 0;
  // In a browser a small new upload is one request of our own (tus-one-request.ts); tus-js-client
  // takes over only if the server kept part of it. Node (tests, scripts) always uses tus-js-client.
  let oneRequest =
    typeof XMLHttpRequest !== 'undefined' &&
    !options.uploadUrl &&
    options.file.size <= SEND_WITH_CREATION_MAX;
  let stopRequest: (() => void) | null = null;
  /** the upload the one request created */
  let createdUrl: string | null = null;
  const size = options.file.size;
  const onAnswer = (answer: CreationAnswer) => {
    stopRequest = null;
    createdUrl = answer.url;
    if (answer.stored) {
      callbacks.onProgress(size, size);
      return callbacks.onSuccess(answer.fileId ? { fileId: answer.fileId } : {});
    }
    // the rest goes from the server's offset: the URL is worth keeping now
    oneRequest = false;
    callbacks.onUrl?.(answer.url);
    start();
  };
  /** one request in place of tus-js-client's, after the task's turn to send */
  const sendWhole = async (call: number) => {
    await sendTurn();
    if (call !== calls) return;
    stopRequest = sendWithCreation(options, creationUrl(options), {
      onProgress: (sent) => callbacks.onProgress(sent, size),
      onAnswer,
      onError: (error) => {
        stopRequest = null;
        callbacks.onError(error);
      },
    });
  };
  const stop = () => {
    calls++;
    stopRequest?.();
    stopRequest = null;
  };
  function start(): void {
    const call = ++calls;
    next(async () => {
      if (oneRequest) return sendWhole(call);
      const tus = await preloadTus().catch(() => undefined);
      if (!tus) return callbacks.onError(networkError()); // not loaded (offline): retried
      upload ??= createUpload(
        tus.Upload,
        { ...options, uploadUrl: createdUrl ?? options.uploadUrl },
        callbacks,
      );
      // a drop that starts a dozen small uploads does not add their requests (~1-5 ms each in
      // Chromium) to the task that added the files; a lone start (the next in the queue) sends at once
      await sendTurn();
      if (call === calls) upload.start();
    }).catch(() => callbacks.onError(unexpected())); // tus refused the options: trying again won't help
  }

  return {
    start,
    pause: async () => {
      stop();
      await next(() => upload?.abort(false)).catch(() => undefined);
    },
    async abort() {
      stop();
      // the server may already have dropped the upload; cancel must still succeed locally
      await next(() => upload?.abort(true)).catch(() => undefined);
    },
    get url() {
      return upload?.url ?? createdUrl;
    },
  };
};

/** a creating POST that the server answered with every byte of the file stored */
function isWholeCreation(req: HttpRequest, res: HttpResponse, size: number): boolean {
  return (
    req.getMethod() === 'POST' &&
    res.getStatus() >= 200 &&
    res.getStatus() < 300 &&
    res.getHeader('Upload-Offset') === String(size)
  );
}

function createUpload(
  UploadClass: typeof Upload,
  options: Parameters<Transport>[0],
  callbacks: Parameters<Transport>[1],
): Upload {
  const isBrowser = typeof XMLHttpRequest !== 'undefined';
  const file = options.file;
  /** a resume's HEAD the server could not answer now (see onAfterResponse) */
  let headRefused: HttpResponse | null = null;
  /** the creating POST stored every byte: its URL has nothing left to resume */
  let doneInCreation = false;
  const upload: Upload = new UploadClass(file, {
    endpoint: creationUrl(options),
    uploadUrl: options.uploadUrl ?? null,
    chunkSize: options.chunkSize ?? Number.POSITIVE_INFINITY,
    retryDelays: null,
    // A small file travels in the creating POST (tus creation-with-upload): one request, not two.
    // A large one is created first, so its URL is known before any byte is sent and a connection
    // lost mid-file resumes from the server's offset instead of starting again.
    uploadDataDuringCreation: file.size <= SEND_WITH_CREATION_MAX,
    storeFingerprintForResuming: false,
    removeFingerprintOnSuccess: false,
    // never consulted (nothing is stored), but tus's own Node fingerprint cannot read a Blob
    fingerprint: () => Promise.resolve(`mediabay-${options.operationId}`),
    fileReader: createWholeFileReader(isBrowser ? browserBody : nodeBody),
    metadata: tusMetadata(options),
    // headers() is asked per request so a refreshed token is used by a long upload's next request
    onBeforeRequest(req: HttpRequest) {
      for (const [name, value] of Object.entries(options.headers())) req.setHeader(name, value);
      // tus-js-client 4 has no option for it: its browser requests are XHRs
      if (isBrowser && options.credentials === 'include')
        (req.getUnderlyingObject() as XMLHttpRequest).withCredentials = true;
    },
    // tus-js-client answers any HEAD it cannot use (5xx and 429 too) by creating a new upload and
    // sending the file again from byte 0. A server that is only busy or down for a moment still has
    // the bytes it acknowledged: that answer becomes an error our retries handle (with its status and
    // Retry-After), and the next try asks again. Gone (404, 410) still starts anew.
    onAfterResponse(req: HttpRequest, res: HttpResponse) {
      const status = res.getStatus();
      doneInCreation = isWholeCreation(req, res, file.size);
      if (req.getMethod() !== 'HEAD' || status < 300 || status === 423 || classify(status) === 'final')
        return;
      headRefused = res;
      throw new Error(`HEAD answered ${status}`);
    },
    // a small file's URL comes with the answer that completes it: no resume record or tab message
    onUploadUrlAvailable() {
      if (upload.url && !doneInCreation) callbacks.onUrl?.(upload.url);
    },
    onProgress: (sent, total) => callbacks.onProgress(sent, total),
    // the server names the file it made (also when an earlier upload of the operation made it), so
    // the upload knows its file without waiting for the socket
    onSuccess: ({ lastResponse }) => {
      const fileId = lastResponse.getHeader(FILE_ID_HEADER);
      callbacks.onSuccess(fileId ? { fileId } : {});
    },
    onError: (error) => {
      const head = headRefused;
      headRefused = null;
      callbacks.onError(
        head
          ? httpError(head.getStatus(), head.getBody() ?? '', head.getHeader('Retry-After') ?? null)
          : toTransportError(error),
      );
    },
  });
  return upload;
}
