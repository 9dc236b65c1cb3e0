// The test page's side of wtr-commands.mjs: real second tabs, disk files, a server restart and
// network faults, each one server command away.
import { executeServerCommand } from '@web/test-runner-commands';
import type { UploadItem } from '../types.js';
import { waitFor } from './wait.js';

const run = <R>(command: string, payload?: unknown): Promise<R> =>
  executeServerCommand<R, unknown>(command, payload);

/** a tus request as the server saw it (the `network` middleware in front of the server kit) */
export interface TusRequest {
  method: string;
  path: string;
  /** the Upload-Offset header of a PATCH */
  offset: number | null;
  at: number;
  end?: number;
  status: number | 'aborted' | 'destroyed' | null;
  fault: 'destroy' | number | null;
}

export interface NetworkOptions {
  /** ms each PATCH waits before the server kit sees it: paces a chunked upload */
  patchDelayMs?: number;
  /** ms the answer of each creating POST is held after the server kit wrote it (the server is done) */
  postAnswerDelayMs?: number;
  /** what the next PATCH requests meet, in order */
  failures?: ({ mode: 'destroy' } | { mode: number; code?: string; message: string; retryAfter?: string })[];
}

/** sets the network for the next requests and clears its log (call with nothing to reset) */
export const network = (options: NetworkOptions = {}) => run<true>('network', options);
export const networkLog = () => run<TusRequest[]>('network-log');
export const restartServer = () => run<true>('media-restart');

export interface DiskFile {
  path: string;
  sha256: string;
}
export const diskFile = (name: string, size: number) => run<DiskFile>('disk-file', { name, size });
export const removeDiskFile = (file: DiskFile) => run<true>('disk-file-remove', { path: file.path });
export const restoreDiskFile = (file: DiskFile) => run<true>('disk-file-restore', { path: file.path });

/** picks files in an <input type=file> of a tab (or of the test page when `tab` is null) */
export const chooseFiles = (tab: Tab | null, selector: string, files: DiskFile[]) =>
  run<true>('choose-files', { tab: tab?.id ?? null, selector, paths: files.map((file) => file.path) });

export interface Tab {
  id: string;
  addMade(size: number, name: string): Promise<string[]>;
  addPicked(): Promise<string[]>;
  /** the next page load adds this made file as soon as its client is made, before its engine */
  addMadeAtNextLoad(size: number, name: string): Promise<void>;
  /** what this page load added as it loaded, and whether the client's engine was there yet */
  addedAtLoad(): Promise<{ ids: string[]; beforeEngine: boolean } | null>;
  /** the ids in $uploads */
  ids(): Promise<string[]>;
  item(id: string): Promise<UploadItem | null>;
  pause(id: string): Promise<void>;
  resume(id: string): Promise<void>;
  cancel(id: string): Promise<void>;
  addMany(count: number, prefix: string): Promise<number>;
  cancelAll(): Promise<void>;
  counts(): Promise<Record<UploadItem['status'], number>>;
  /** resolves when the tab's client has restored what the page load before left */
  restored(): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** opens test-support/tab.html in a new real tab of this browser profile */
export async function openTab(options: { chunkSize?: number } = {}): Promise<Tab> {
  const query = options.chunkSize ? `?chunkSize=${options.chunkSize}` : '';
  const path = new URL('./tab.html', import.meta.url).pathname + query;
  const id = await run<string>('tab-open', { path });
  const call = async <R>(method: string, ...args: unknown[]) =>
    (await run<{ value: R }>('tab-call', { tab: id, method, args })).value;
  return {
    id,
    addMade: (size, name) => call('addMade', size, name),
    addPicked: () => call('addPicked'),
    addMadeAtNextLoad: (size, name) => call('addMadeAtNextLoad', size, name),
    addedAtLoad: () => call('addedAtLoad'),
    ids: () => call('ids'),
    item: (upload) => call('item', upload),
    pause: (upload) => call('pause', upload),
    resume: (upload) => call('resume', upload),
    cancel: (upload) => call('cancel', upload),
    addMany: (count, prefix) => call('addMany', count, prefix),
    cancelAll: () => call('cancelAll'),
    counts: () => call('counts'),
    restored: () => call('restored'),
    reload: () => run('tab-reload', { tab: id }),
    close: () => run('tab-close', { tab: id }),
  };
}

export const closeTabs = () => run<true>('tab-close-all');

/** polls an async check (a tab's state is one command away) until it gives a value */
export const eventually = <T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs: number,
  what: string,
): Promise<T> => waitFor(async () => (await check()) ?? undefined, timeoutMs, what, 50);
