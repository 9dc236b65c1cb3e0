// Where the page's script goes while it uploads a batch of small files: V8's sampling profile of
// one small-uploads measurement, summed by function (self) and by function with its callees
// (inclusive, each function counted once per sample). Not a table of the bench: a profiling aid.
// Usage: BENCH_MINIFY=0 node --import tsx src/small-uploads-profile.ts [--count=500] [--kib=100]
//   [--widget=mediabay|uppy] [--query=?concurrency=6] [--top=30] [--out=file.cpuprofile]
//   [--trace] (instead: a Chromium trace, the main thread's tasks by source and the long ones)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openBenchPage, settled } from './browser.js';
import type { Widget } from './build.js';
import { NOT_SCRIPT } from './main-thread.js';
import { startBenchServerProcess } from './server-process.js';
import { longTasks, tasksBySource } from './upload-trace.js';

const TRACE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
];

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** ms per function: its own samples, and the samples it is anywhere on the stack of */
export function summarise(profile: Profile): { self: Map<string, number>; inclusive: Map<string, number> } {
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = ({ callFrame }: ProfileNode) =>
    `${callFrame.functionName || '(anonymous)'} ${callFrame.url.split('/').pop() ?? ''}:${callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (NOT_SCRIPT.has(node.callFrame.functionName)) return;
    add(self, name(node), us / 1000);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (!seen.has(key)) add(inclusive, key, us / 1000);
      seen.add(key);
    }
  });
  return { self, inclusive };
}

async function main(): Promise<void> {
  const arg = (key: string) => process.argv.find((a) => a.startsWith(`--${key}=`))?.split('=')[1];
  const count = Number(arg('count') ?? 500);
  const kib = Number(arg('kib') ?? 100);
  const top = Number(arg('top') ?? 30);
  const widget = (arg('widget') ?? 'mediabay') as Widget;
  const dir = await mkdtemp(join(tmpdir(), 'mediabay-small-profile-'));
  const browser = await launchBrowser();
  const server = await startBenchServerProcess(join(dir, 'server'));
  try {
    const page = await openBenchPage(browser, server.url, widget, arg('query') ?? '');
    await page.evaluate(([n, bytes]) => window.bench.prepareBatch!(n, bytes), [count, kib * 1024] as const);
    await settled(page);
    if (process.argv.includes('--trace')) {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      const took = await page.evaluate(() => window.bench.uploadBatch!());
      const trace = JSON.parse((await browser.stopTracing()).toString()) as Parameters<
        typeof tasksBySource
      >[0] extends infer E
        ? { traceEvents: E }
        : never;
      const totals = [...tasksBySource(trace.traceEvents)].sort((a, b) => b[1].ms - a[1].ms);
      console.log(`${widget}: ${count} x ${kib} KiB in ${took.toFixed(0)} ms`);
      for (const line of longTasks) console.log(`long task: ${line}`);
      for (const [label, t] of totals.slice(0, top))
        console.log(
          `${(t.ms / count).toFixed(3).padStart(8)} ms/upload ${String(t.count).padStart(6)} tasks (max ${t.max.toFixed(1)})  ${label}`,
        );
      return;
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const took = await page.evaluate(() => window.bench.uploadBatch!());
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
    if (arg('out')) await writeFile(arg('out')!, JSON.stringify(profile));
    const { self, inclusive } = summarise(profile);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.log(
      `${widget}: ${count} x ${kib} KiB in ${took.toFixed(0)} ms (${((count * 1000) / took).toFixed(0)} files/s), ` +
        `${total.toFixed(0)} ms of script (${(total / count).toFixed(2)} ms/upload)`,
    );
    for (const [title, map] of [
      ['self', self],
      ['inclusive', inclusive],
    ] as const) {
      console.log(`by function, ${title} (ms/upload):`);
      for (const [key, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
        console.log(`${(ms / count).toFixed(3).padStart(8)}  ${key}`);
    }
  } finally {
    await server.close();
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('small-uploads-profile.ts')) await main();
