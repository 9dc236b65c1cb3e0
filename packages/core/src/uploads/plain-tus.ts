// Our client on any tus server: with `uploadEndpoint` the bytes may go to a plain tus server that has
// no Mediabay REST or socket side. The first upload that finishes asks the REST side about its
// operation; when nothing answers there (connection refused, or a 4xx that is not one of our
// `{error:{code}}` bodies, or a 2xx that is not an operation's status, such as a page every path
// answers) the client says so once (a console warning and a `server-missing` event),
// stops its socket and polling, and from then on marks each finished upload `ready` without a
// processing stage. An answer in our format (even a 404 `not-found`) proves the REST side is there.
import { MediaApiError, type JsonFetcher } from '../http.js';
import type { OperationStatus } from '../protocol.js';
import { absoluteUrl } from '../transports/tus.js';

/** the error of a REST call shows that no Mediabay server answers at the endpoint */
export function isMissingRest(error: unknown): boolean {
  if (!(error instanceof MediaApiError)) return false;
  if (error.status === 0) return true;
  // our server names its errors; a bare server's 404 (or 401, 405...) page has no code of ours. A 5xx
  // may be a gateway in front of our server while it restarts: that proves nothing either way.
  return error.status >= 400 && error.status < 500 && error.code.startsWith('http-');
}

export const SERVER_MISSING_MESSAGE =
  'No Mediabay server answers at the endpoint: uploads are marked ready when their bytes are stored, without processing, and the library and live updates are off.';

export interface PlainTusOptions {
  /** only a client with its own `uploadEndpoint` can have a tus server without our REST side */
  enabled: boolean;
  endpoint: string;
  fetcher: JsonFetcher;
  /** the operation's status from a server that answered */
  onStatus(status: OperationStatus): void;
  /** marks one finished upload ready */
  finish(operationId: string): void;
  /** the REST side is missing: stop the socket and the poller, tell the host app */
  onMissing(message: string): void;
  warn?: (message: string) => void;
}

export interface PlainTus {
  /** an upload of this client reached `processing` (its bytes are all on the tus server) */
  uploaded(operationId: string): void;
  readonly missing: boolean;
}

export function createPlainTus(options: PlainTusOptions): PlainTus {
  let state: 'unknown' | 'present' | 'missing' = options.enabled ? 'unknown' : 'present';
  const warn = options.warn ?? ((message: string) => console.warn(`[mediabay] ${message}`));
  /** uploads that finished while nobody knew yet whether the REST side is there */
  const unsure = new Set<string>();

  function declareMissing(): void {
    if (state === 'missing') return;
    state = 'missing';
    warn(`${SERVER_MISSING_MESSAGE} (${options.endpoint})`);
    options.onMissing(SERVER_MISSING_MESSAGE);
    for (const id of unsure) options.finish(id);
    unsure.clear();
  }

  function present(): void {
    if (state !== 'unknown') return;
    // their socket events and the poller take over
    state = 'present';
    unsure.clear();
  }

  async function probe(id: string): Promise<void> {
    try {
      const status = await options.fetcher<OperationStatus | undefined>(
        `/operations/${encodeURIComponent(id)}`,
      );
      if (typeof status?.operationId !== 'string' || typeof status.status !== 'string')
        return declareMissing();
      present();
      options.onStatus(status);
    } catch (error) {
      if (isMissingRest(error)) declareMissing();
      else if (error instanceof MediaApiError && error.status < 500) present();
    }
  }

  return {
    uploaded(id) {
      // after the transition that reported it, so listeners see processing before ready
      if (state === 'missing') queueMicrotask(() => options.finish(id));
      else if (state === 'unknown') {
        unsure.add(id);
        void probe(id);
      }
    },
    get missing() {
      return state === 'missing';
    },
  };
}

/**
 * The connectivity gate's probe for a client with its own `uploadEndpoint`: the bytes go there, and
 * the REST side may not exist at all, so ask the tus server (OPTIONS, its discovery request). Any
 * answer but a gateway's or a busy one means it is back.
 */
export function tusProbe(
  uploadEndpoint: string,
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  credentials: 'same-origin' | 'include' = 'same-origin',
): () => Promise<boolean> {
  return () =>
    fetchImpl(absoluteUrl(uploadEndpoint), {
      method: 'OPTIONS',
      headers: { 'Tus-Resumable': '1.0.0' },
      cache: 'no-store',
      credentials,
    }).then(
      (response) => ![502, 503, 504].includes(response.status),
      () => false,
    );
}
