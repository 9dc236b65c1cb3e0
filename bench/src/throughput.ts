// Upload throughput of one large file picked with setInputFiles (a real file-backed File, in memory
// when /dev/shm has room: data-root.ts), through each widget to the server kit (in its own process,
// server-process.ts) on loopback; the median of a few interleaved runs, with the server process's CPU
// and garbage collection during each.
import { randomBytes } from 'node:crypto';
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { openBenchPage, settled } from './browser.js';
import { syncDisk } from './data-root.js';
import { mainThreadLoad } from './main-thread.js';
import { browserCpuSeconds } from './process-cpu.js';
import { traceTasks, type LongestTasks, type TaskTime } from './task-cpu.js';
import type { Widget } from './build.js';
import { startLargeServer } from './ingest-large-servers.js';
import type { BenchServer, ServerStats } from './server.js';
import { median, ms, printTable } from './table.js';

const MIB = 1024 * 1024;

/** One random MiB written over and over (each MiB stamped), fast and not compressible by accident. */
export async function writeLargeFile(dir: string, mebibytes: number): Promise<string> {
  const path = join(dir, `large-${mebibytes}MiB.bin`);
  const block = randomBytes(MIB);
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < mebibytes; i += 1) {
      block.writeUInt32BE(i, 0);
      await handle.write(block);
    }
  } finally {
    await handle.close();
  }
  return path;
}

/** `query`: the page's own options (pages/mediabay.ts); `bare`: uploads to a bare @tus/server */
const VARIANTS: { label: string; widget: Widget; variant?: string; query?: string; bare?: true }[] = [
  { label: 'raw XHR, File as body (ceiling)', widget: 'baseline' },
  { label: 'raw XHR to a bare @tus/server', widget: 'baseline', variant: 'bare', bare: true },
  { label: 'raw XHR, created, then a PATCH', widget: 'baseline', variant: 'two', query: '?two' },
  { label: 'raw XHR, with a progress listener', widget: 'baseline', variant: 'progress', query: '?progress' },
  { label: 'Mediabay (tus, default)', widget: 'mediabay' },
  { label: 'Mediabay core alone (no elements)', widget: 'mediabay', variant: 'core', query: '?core' },
  { label: 'Mediabay (transport: form)', widget: 'mediabay', variant: 'form' },
  { label: 'Uppy 6 + @uppy/tus', widget: 'uppy' },
  { label: 'FilePond (multipart)', widget: 'filepond' },
];

/**
 * Deletes the uploaded files for good (bytes and all) and waits for the disk (data-root.ts): the
 * kernel writing back an earlier upload's GiB moved the server's CPU for the same GiB from 1.5 to
 * 3.5 s, whichever uploader came next.
 */
async function clearLibrary(baseUrl: string): Promise<void> {
  const list = (await (await fetch(`${baseUrl}/api/media?limit=200`)).json()) as { items: { id: string }[] };
  if (list.items.length === 0) return syncDisk();
  const random = Array.from(randomBytes(15), (b) => (b % 36).toString(36)).join('');
  await fetch(`${baseUrl}/api/media/bulk-delete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      fileIds: list.items.map((item) => item.id),
      operationId: `media_upload_${Date.now()}_${random}`,
      permanent: true,
    }),
  });
  await syncDisk();
}

/** `wall (CPU)`, or `CPU (wall)` with `cpuFirst` */
const taskTime = ({ cpuMs, wallMs }: TaskTime, cpuFirst = false) =>
  cpuFirst ? `${cpuMs.toFixed(1)} (${wallMs.toFixed(1)})` : `${wallMs.toFixed(1)} (${cpuMs.toFixed(1)})`;

/** of the runs' tasks that `pick` chooses, the one with the most `key` */
const largest = (list: UploadRun[], pick: (run: UploadRun) => TaskTime, key: keyof TaskTime): TaskTime =>
  list.map(pick).reduce((a, b) => (b[key] > a[key] ? b : a));

/** Where a variant's upload goes: how the page is pointed at it, its spending read, its files removed. */
interface Target {
  query: string;
  stats(): Promise<Pick<ServerStats, 'cpuMs' | 'gcMs' | 'majorGcs'>>;
  clear(): Promise<void>;
}

const kitTarget = (server: BenchServer): Target => ({
  query: '',
  stats: () => server.stats(),
  clear: () => clearLibrary(server.url),
});

/** A bare @tus/server in its own process (ingest-large-servers.ts; its GC pauses are not timed). */
async function bareTarget(dir: string): Promise<Target & { stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(dir, 'bare-'));
  const bare = await startLargeServer('bare', dataDir);
  return {
    query: `?endpoint=${encodeURIComponent(`${bare.url}/api/media/uploads`)}`,
    stats: async () => {
      const { cpuSeconds, markCompacts } = await bare.sample();
      return { cpuMs: cpuSeconds * 1000, gcMs: Number.NaN, majorGcs: markCompacts };
    },
    async clear() {
      for (const name of await readdir(dataDir)) await rm(join(dataDir, name), { force: true });
      await syncDisk();
    },
    stop: () => bare.stop(),
  };
}

/** the server's GC pauses in ms (`-`: not timed, the bare server) and its major GCs */
const gc = ({ gcMs, majorGcs }: UploadRun) => `${Number.isNaN(gcMs) ? '-' : gcMs.toFixed(0)} (${majorGcs})`;

interface UploadRun {
  rate: number;
  busy: number;
  /** the main thread's busy time over the upload, ms (what the page spent, whatever the speed) */
  busyMs: number;
  /** the main thread's CPU time over the upload, ms (busyMs less the time its tasks were preempted) */
  cpuMs: number;
  /** that over the upload's time */
  cpu: number;
  longest: number;
  /** the longest tasks by CPU and by wall time in a trace of the upload (task-cpu.ts) */
  tasks: LongestTasks;
  majorGcs: number;
  gcMs: number;
  /** the server process's CPU over the upload */
  serverCpuSeconds: number;
  /** every Chromium process's CPU over the upload (process-cpu.ts) */
  browserCpuSeconds: number;
}

async function uploadOnce(
  browser: Browser,
  server: BenchServer,
  target: Target,
  file: string,
  size: number,
  { widget, variant, query }: (typeof VARIANTS)[number],
): Promise<UploadRun> {
  await target.clear();
  const page = await openBenchPage(browser, server.url, widget, query ?? target.query);
  try {
    await page.locator('#bench-file').setInputFiles(file);
    await settled(page);
    const load = await mainThreadLoad(page);
    const tasks = await traceTasks(browser, page);
    const before = await target.stats();
    const browserBefore = await browserCpuSeconds();
    const took = await page.evaluate((variant) => window.bench.upload(variant), variant);
    const browserAfter = await browserCpuSeconds();
    const after = await target.stats();
    const { busySeconds, cpuSeconds, longestTaskMs } = await load.stop();
    const traced = await tasks.stop();
    const seconds = took / 1000;
    return {
      rate: size / MIB / seconds,
      busy: busySeconds / seconds,
      busyMs: busySeconds * 1000,
      cpuMs: cpuSeconds * 1000,
      cpu: cpuSeconds / seconds,
      longest: longestTaskMs,
      tasks: traced,
      majorGcs: after.majorGcs - before.majorGcs,
      gcMs: after.gcMs - before.gcMs,
      serverCpuSeconds: (after.cpuMs - before.cpuMs) / 1000,
      browserCpuSeconds: browserAfter - browserBefore,
    };
  } finally {
    await page.close();
  }
}

/**
 * Each run uploads the file once through every uploader, in turn, the order reversed every other
 * run: a change in the machine's load (or the server process's heap) weighs on all of them alike,
 * and no uploader always comes after the others. `only`: labels' widgets/variants to keep
 * (`baseline`, `mediabay`, `mediabay:core`, `mediabay:form`, `uppy`, `filepond`).
 */
export async function benchThroughput(
  browser: Browser,
  server: BenchServer,
  file: string,
  runs: number,
  only?: string[],
): Promise<void> {
  const { size } = await stat(file);
  const chosen = VARIANTS.filter(
    ({ widget, variant }) => !only || only.includes(variant ? `${widget}:${variant}` : widget),
  );
  const kit = kitTarget(server);
  const bare = chosen.some((choice) => choice.bare) ? await bareTarget(dirname(file)) : undefined;
  try {
    await uploadEach(browser, server, { kit, bare }, file, size, runs, chosen);
  } finally {
    await bare?.stop();
  }
}

async function uploadEach(
  browser: Browser,
  server: BenchServer,
  targets: { kit: Target; bare?: Target },
  file: string,
  size: number,
  runs: number,
  chosen: typeof VARIANTS,
): Promise<void> {
  const results = new Map<string, UploadRun[]>(chosen.map(({ label }) => [label, []]));
  for (let run = 0; run < runs; run += 1) {
    for (const choice of run % 2 === 0 ? chosen : [...chosen].reverse()) {
      const target = choice.bare ? targets.bare! : targets.kit;
      const result = await uploadOnce(browser, server, target, file, size, choice);
      results.get(choice.label)!.push(result);
      console.error(
        `  upload run ${run + 1} ${choice.label}: ${result.rate.toFixed(0)} MiB/s, busy ${(result.busy * 100).toFixed(1)} % (${result.busyMs.toFixed(0)} ms; CPU ${result.cpuMs.toFixed(0)} ms), ` +
          `longest task ${result.longest.toFixed(0)} ms, traced ${taskTime(result.tasks.byWall)} ms, most CPU ${taskTime(result.tasks.byCpu, true)} ms, ` +
          `browser CPU ${result.browserCpuSeconds.toFixed(2)} s, server CPU ${result.serverCpuSeconds.toFixed(2)} s, GC ${gc(result)} major`,
      );
    }
  }
  const rows = chosen.map(({ label }) => {
    const list = results.get(label)!;
    const longest = Math.max(...list.map((result) => result.longest));
    return {
      uploader: label,
      'median (MiB/s)': median(list.map((result) => result.rate)).toFixed(0),
      'runs (MiB/s)': list.map((result) => result.rate.toFixed(0)).join(' / '),
      'main thread busy': `${(median(list.map((result) => result.busy)) * 100).toFixed(1)} %`,
      'busy ms': median(list.map((result) => result.busyMs)).toFixed(0),
      'main thread CPU': `${(median(list.map((result) => result.cpu)) * 100).toFixed(1)} % (${median(list.map((result) => result.cpuMs)).toFixed(0)} ms)`,
      'longest task (ms)': longest > 0 ? ms(longest) : 'none >= 50',
      'longest task in the trace: wall (CPU) ms': taskTime(
        largest(list, (run) => run.tasks.byWall, 'wallMs'),
      ),
      'most CPU in a task: CPU (wall) ms': taskTime(
        largest(list, (run) => run.tasks.byCpu, 'cpuMs'),
        true,
      ),
      'browser CPU s': median(list.map((result) => result.browserCpuSeconds)).toFixed(2),
      'server CPU s': median(list.map((result) => result.serverCpuSeconds)).toFixed(2),
      'server GC ms (major)': list.map(gc).join(' / '),
    };
  });
  const label =
    size >= 1024 * MIB ? `${(size / MIB / 1024).toFixed(0)} GiB` : `${(size / MIB).toFixed(0)} MiB`;
  printTable(
    `Upload of a picked ${label} file to the server kit in its own process on loopback (${runs} runs each, interleaved)`,
    rows,
  );
}
