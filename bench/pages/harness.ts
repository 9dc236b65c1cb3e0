// What every bench page shares: how files are made, what "painted" means, and the long-task record,
// so the three widgets are measured the same way. Runs in the browser.

export interface BenchPage {
  /** Adds `count` files through the widget's own add call; resolves with ms until they are painted. */
  add(count: number): Promise<AddResult>;
  /** Uploads the file chosen in `#bench-file`; resolves with ms from start until the server has every byte. */
  upload(variant?: string): Promise<number>;
  /** Mediabay only: the render bench's in-page halves. */
  paintLibrary?(count: number): Promise<{ painted: number; scrollFrame: number; nodes: number }>;
  /** adds 200 uploading rows to the panel (optionally with its containment undone); ms until painted */
  addPanelRows?(uncontained?: boolean): Promise<number>;
  /** 10 progress rounds over those rows: ms from the write to the task after the frame */
  movePanelRows?(): Promise<{ mean: number; max: number }>;
  /** Mediabay only, memory bench: uploads `count` small files and resolves (in s) once every one is
   * ready and has left `$uploads` */
  uploadMany?(count: number): Promise<number>;
  /** small-uploads bench: makes `count` files of `bytes` each, before the measured stretch */
  prepareBatch?(count: number, bytes: number): void;
  /** adds the prepared files at once through the widget and resolves with ms from the add until the
   * server has acknowledged every byte of every one */
  uploadBatch?(): Promise<number>;
  /** drops the library's cached lists (data on screen, not what uploads leave behind) */
  forgetLibrary?(): void;
  counts?(): Promise<{ uploads: number; files: number }>;
}

export interface AddResult {
  ms: number;
  longestTaskMs: number;
}

declare global {
  interface Window {
    bench: BenchPage;
  }
}

/** Small text files with distinct names (no thumbnails to generate, no duplicates to refuse). */
export function makeFiles(count: number): File[] {
  const body = new Blob(['x'.repeat(1024)], { type: 'text/plain' });
  return Array.from({ length: count }, (_, i) => new File([body], `file-${i}.txt`, { type: 'text/plain' }));
}

/** `count` files of `bytes` each, named apart by `prefix` (the library's duplicate check finds none);
 * their bytes are references to one Blob, so making them costs the page next to nothing. */
export function makeSizedFiles(count: number, bytes: number, prefix: string): File[] {
  const bytesOf = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65_536) crypto.getRandomValues(bytesOf.subarray(i, i + 65_536));
  const body = new Blob([bytesOf], { type: 'application/octet-stream' });
  return Array.from(
    { length: count },
    (_, i) => new File([body], `${prefix}-${i}.bin`, { type: 'application/octet-stream' }),
  );
}

let batch: File[] = [];

/** The small-uploads bench's files, made ahead of the measured stretch (see takeBatch). */
export function prepareBatch(count: number, bytes: number): void {
  batch = makeSizedFiles(count, bytes, `batch-${Date.now()}`);
}

export function takeBatch(): File[] {
  const files = batch;
  batch = [];
  return files;
}

/** The next frame has been produced (rAF runs before paint; the timeout runs after it). */
export const frame = () =>
  new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** Waits, frame by frame, until `done()` is true; gives up after `timeoutMs`. */
export async function untilPainted(done: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`not painted within ${timeoutMs} ms`);
    await frame();
  }
  await frame();
}

/** Times `run` and records the longest main-thread task while it runs (what a user feels as a freeze). */
export async function measure(run: () => Promise<void>): Promise<AddResult> {
  await frame(); // the task that made the test files is not the widget's
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  await frame();
  observer.takeRecords().forEach((entry) => (longest = Math.max(longest, entry.duration)));
  observer.disconnect();
  return { ms, longestTaskMs: longest };
}

export function pickedFile(): File {
  const file = document.querySelector<HTMLInputElement>('#bench-file')?.files?.[0];
  if (!file) throw new Error('choose a file in #bench-file first');
  return file;
}

export function operationId(): string {
  const random = Array.from(crypto.getRandomValues(new Uint8Array(15)), (b) => (b % 36).toString(36));
  return `media_upload_${Date.now()}_${random.join('')}`;
}
