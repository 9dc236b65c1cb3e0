// The parts of the client's engine (engine.ts) that take its options: the query cache and library,
// the resume records with the queue for the side work of adding files, and the uploader with its
// transport and the gate where uploads that lost the server wait.
import { QueryClient } from '@tanstack/query-core';
import type { JsonFetcher } from './http.js';
import { createLibrary } from './library/library.js';
import type { SelectionStore } from './library/selection.js';
import { createConnectivity, type Connectivity } from './live/connectivity.js';
import { formTransport } from './transports/form.js';
import { withTarget, type Transport } from './transports/transport.js';
import { absoluteUrl, tusTransport } from './transports/tus.js';
import type { MediaClientOptions } from './types.js';
import { tusProbe } from './uploads/plain-tus.js';
import { openResumeStore } from './uploads/resume-store.js';
import { createResumeTracker, type ResumeTracker } from './uploads/resume.js';
import { serverOutcome, serverProbe } from './uploads/server-check.js';
import { createSliceQueue, type SliceQueue } from './uploads/slices.js';
import { createUploader, type Uploader, type UploaderOptions } from './uploads/uploader.js';
import type { UploadStore } from './uploads/uploads-store.js';

const transportOf = ({ transport }: MediaClientOptions): Transport =>
  typeof transport === 'function' ? transport : transport === 'form' ? formTransport : tusTransport;

/** the query cache (the app's when given) and the library over it */
export function libraryParts(options: MediaClientOptions, fetcher: JsonFetcher, selection: SelectionStore) {
  const queryClient =
    options.queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } });
  // a selected file that leaves the list (deleted by anyone, gone on a refetch) leaves the selection
  const library = createLibrary({
    queryClient,
    fetcher,
    onListChange: (previous, next) => selection.follow(previous, next),
  });
  return { queryClient, library };
}

/** resume after reload's records, and the one FIFO for the side work of adding files (tab messages,
 * lock requests, resume records): a lock is asked for before the record of its upload can be seen by
 * another tab restoring after a reload */
export function resumeParts(
  options: MediaClientOptions,
  endpoint: string,
): { sideWork: SliceQueue; tracker: ResumeTracker | null } {
  const resumeStore = options.resumeAfterReload === false ? null : openResumeStore();
  const sideWork = createSliceQueue();
  return {
    sideWork,
    tracker: resumeStore && createResumeTracker(resumeStore, absoluteUrl(endpoint), sideWork),
  };
}

/** the uploader with its transport, and the gate where uploads that lost the server wait */
export function createClientUploader(context: {
  options: MediaClientOptions;
  endpoint: string;
  store: UploadStore;
  fetcher: JsonFetcher;
  onChange: UploaderOptions['onChange'];
  onUrl: UploaderOptions['onUrl'];
}): { connectivity: Connectivity; uploader: Uploader } {
  const { options, store, fetcher } = context;
  // uploads that lost the server wait here together: one probe for all of them
  const connectivity = createConnectivity({
    probe:
      options.uploadEndpoint === undefined
        ? serverProbe(fetcher)
        : tusProbe(options.uploadEndpoint, options.fetch, options.credentials),
  });
  const uploader = createUploader({
    store,
    connectivity,
    confirmFailure: serverOutcome(fetcher, store.get),
    transport: withTarget(transportOf(options), {
      uploadEndpoint: options.uploadEndpoint,
      credentials: options.credentials,
    }),
    endpoint: context.endpoint,
    headers: options.headers ?? (() => ({})),
    concurrency: options.concurrency,
    chunkSize: options.chunkSize,
    retries: options.retries,
    onChange: context.onChange,
    onUrl: context.onUrl,
  });
  return { connectivity, uploader };
}
