// Many small uploads side by side: N files of 100 KiB added at once through `<media-library>` and
// through Uppy (Dashboard + Tus, its defaults), each to a fresh server kit, interleaved run by run
// (the order alternates) so the machine's load weighs on both alike. Files/s from the add until the
// server has acknowledged every byte, and the page's main thread meanwhile (Chromium's counters).
import type { Browser } from 'playwright-core';
import { openBenchPage, settled } from './browser.js';
import type { Widget } from './build.js';
import { mainThreadLoad } from './main-thread.js';
import type { BenchServer } from './server.js';
import { median, ms, printTable } from './table.js';

const PEERS: { label: string; widget: Widget }[] = [
  { label: 'Mediabay <media-library> (tus)', widget: 'mediabay' },
  { label: 'Uppy 6 Dashboard + Tus (defaults)', widget: 'uppy' },
];

interface Run {
  filesPerSecond: number;
  /** main-thread ms per upload: script as sampled by V8's profiler, script as Chromium's
   * ScriptDuration counts it (no promise jobs), and every task (script, style, layout, paint) */
  profiledMs: number;
  scriptMs: number;
  taskMs: number;
  longestTaskMs: number;
  /** the server process's CPU per upload over the same time */
  serverCpuMs: number;
}

/** Runs `measure` against a fresh server kit (its own data directory and process), closes it after. */
export type WithServer = (name: string, measure: (server: BenchServer) => Promise<void>) => Promise<void>;

async function measureOnce(
  browser: Browser,
  server: BenchServer,
  widget: Widget,
  count: number,
  bytes: number,
) {
  const page = await openBenchPage(browser, server.url, widget);
  try {
    await page.evaluate(([count, bytes]) => window.bench.prepareBatch!(count, bytes), [
      count,
      bytes,
    ] as const);
    await settled(page);
    const before = await server.stats();
    const load = await mainThreadLoad(page, { profile: true });
    const took = await page.evaluate(() => window.bench.uploadBatch!());
    const { busySeconds, scriptSeconds, profiledScriptSeconds, longestTaskMs } = await load.stop();
    const after = await server.stats();
    return {
      serverCpuMs: (after.cpuMs - before.cpuMs) / count,
      filesPerSecond: count / (took / 1000),
      profiledMs: (profiledScriptSeconds * 1000) / count,
      scriptMs: (scriptSeconds * 1000) / count,
      taskMs: (busySeconds * 1000) / count,
      longestTaskMs,
    } satisfies Run;
  } finally {
    await page.close();
  }
}

export async function benchSmallUploads(
  browser: Browser,
  withServer: WithServer,
  { count, runs, kib = 100 }: { count: number; runs: number; kib?: number },
): Promise<void> {
  const results = new Map<Widget, Run[]>(PEERS.map(({ widget }) => [widget, []]));
  for (let run = 0; run < runs; run += 1) {
    const order = run % 2 === 0 ? PEERS : [...PEERS].reverse();
    for (const { widget } of order) {
      await withServer(`small-${run}-${widget}`, async (server) => {
        const result = await measureOnce(browser, server, widget, count, kib * 1024);
        results.get(widget)!.push(result);
        console.error(
          `  small uploads run ${run + 1} ${widget}: ${result.filesPerSecond.toFixed(0)} files/s, ` +
            `script ${result.profiledMs.toFixed(2)} (ScriptDuration ${result.scriptMs.toFixed(2)}) ms/upload, tasks ${result.taskMs.toFixed(2)} ms/upload, ` +
            `server CPU ${result.serverCpuMs.toFixed(2)} ms/upload`,
        );
      });
    }
  }
  const rows = PEERS.map(({ label, widget }) => {
    const list = results.get(widget)!;
    const pick = (key: keyof Run) => list.map((result) => result[key]);
    return {
      uploader: label,
      'files/s (median)': median(pick('filesPerSecond')).toFixed(0),
      'runs (files/s)': pick('filesPerSecond')
        .map((value) => value.toFixed(0))
        .join(' / '),
      'script ms/upload (profiled)': median(pick('profiledMs')).toFixed(2),
      'ScriptDuration ms/upload': median(pick('scriptMs')).toFixed(2),
      'main thread ms/upload': median(pick('taskMs')).toFixed(2),
      'longest task (ms)': ms(Math.max(...pick('longestTaskMs'))),
      'server CPU ms/upload': median(pick('serverCpuMs')).toFixed(2),
    };
  });
  printTable(
    `${count.toLocaleString('en')} files of ${kib} KiB added at once, each peer to a fresh server kit in its own process (${runs} runs, interleaved)`,
    rows,
    "files/s: from the add until the server acknowledged every byte. ms/upload over that time: script as V8's sampling profiler sees it, " +
      "Chromium's ScriptDuration (leaves out promise jobs) and TaskDuration (all main-thread work).",
  );
}
