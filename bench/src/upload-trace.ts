// Where the page's main thread goes during one big upload: a Chromium trace of the upload, its
// renderer main thread's top-level tasks summed by what each task ran (a timer and who set it, an
// event and its type, a frame, a message from the socket). Not a table of the bench: a profiling aid.
// Usage: node --import tsx src/upload-trace.ts [--upload-mib=N] [--widget=mediabay|baseline] [--top=N] [--long=ms]
//   [--profile [--depth=N]] [--save=file.json] (the whole trace or V8 profile, for DevTools or Perfetto)
//   [--query=?core] (the page's options)
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, openBenchPage, settled } from './browser.js';
import { NOT_SCRIPT } from './main-thread.js';
import { startBenchServerProcess } from './server-process.js';
import { writeLargeFile } from './throughput.js';
import type { Widget } from './build.js';
import type { Page } from 'playwright-core';
import type { TraceEvent } from './task-cpu.js';

const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'v8.execute',
  // a font size or weight met for the first time: a call to the browser process on Linux
  'fonts',
];

/** What a task is known by: its first event that says what ran, with the detail that tells apart. */
function labelOf(children: TraceEvent[], installers: Map<unknown, string>): string {
  for (const event of children) {
    const data = event.args?.data ?? {};
    switch (event.name) {
      case 'TimerFire': {
        const call = children.find((c) => c.name === 'FunctionCall')?.args?.data;
        const fn = call
          ? `${String(call.functionName || '(anonymous)')}:${String(call.lineNumber)}:${String(call.columnNumber)}`
          : '';
        return `timer ${installers.get(data.timerId) ?? '?'} -> ${fn}`;
      }
      case 'EventDispatch':
        return `event ${String(data.type)}`;
      case 'FireAnimationFrame':
        return 'animation frame';
      case 'XHRReadyStateChange':
        return 'xhr readystatechange';
      case 'FunctionCall':
        return `call ${String(data.functionName || '(anonymous)')} ${String(data.url ?? '')
          .split('/')
          .pop()}:${String(data.lineNumber ?? '')}`;
      case 'UpdateLayoutTree':
      case 'Layout':
      case 'Paint':
      case 'PrePaint':
      case 'Commit':
        return 'rendering (style/layout/paint)';
      default:
    }
  }
  return children[0] ? `other ${children[0].name}` : 'empty';
}

/** tasks at least this long are listed one by one, with when they ran (`--long=ms`, default 20) */
const LONG_US =
  Number(process.argv.find((a) => a.startsWith('--long='))?.slice('--long='.length) ?? 20) * 1000;
let firstTs = 0;
export const longTasks: string[] = [];

/** A task's ms and where they went: its events' own names, longest first (nested ones overlap). */
function describe(task: TraceEvent, children: TraceEvent[]): string {
  const byName = new Map<string, number>();
  for (const child of children) byName.set(child.name, (byName.get(child.name) ?? 0) + (child.dur ?? 0));
  const parts = [...byName]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([name, us]) => `${name} ${(us / 1000).toFixed(1)}`);
  const calls = children
    .filter((child) => child.name === 'FunctionCall' || child.name === 'V8.Execute')
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
    .slice(0, 4)
    .map((call) => {
      const data = call.args?.data ?? {};
      return `${String(data.functionName ?? call.name)}:${String(data.lineNumber ?? '')} ${((call.dur ?? 0) / 1000).toFixed(1)}`;
    });
  const cpu = task.tdur === undefined ? '' : `, ${(task.tdur / 1000).toFixed(1)} ms of CPU`;
  return `${((task.dur ?? 0) / 1000).toFixed(1)} ms${cpu} (${parts.join(', ')}; calls: ${calls.join(', ')})`;
}

/** Per label: task count and total ms, over the main thread of the page's renderer. */
export function tasksBySource(events: TraceEvent[]): Map<string, { count: number; ms: number; max: number }> {
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const thread = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const own = thread.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const installers = new Map<unknown, string>();
  for (const e of thread) {
    if (e.name !== 'TimerInstall') continue;
    const data = e.args?.data ?? {};
    const stack = (data.stackTrace as { functionName: string; lineNumber: number }[] | undefined) ?? [];
    const where = stack
      .slice(0, 3)
      .map((frame) => `${frame.functionName || '?'}:${frame.lineNumber}`)
      .join(' < ');
    installers.set(data.timerId, `${String(data.timeout)}ms ${where}`);
  }
  const totals = new Map<string, { count: number; ms: number; max: number }>();
  const add = (task: TraceEvent, children: TraceEvent[]) => {
    const label = labelOf(children, installers);
    firstTs ||= task.ts;
    if ((task.dur ?? 0) >= LONG_US)
      longTasks.push(`+${((task.ts - firstTs) / 1000).toFixed(0)} ms ${label}: ${describe(task, children)}`);
    const entry = totals.get(label) ?? { count: 0, ms: 0, max: 0 };
    const ms = (task.dur ?? 0) / 1000;
    entry.count += 1;
    entry.ms += ms;
    entry.max = Math.max(entry.max, ms);
    totals.set(label, entry);
  };
  // top-level tasks only (a task's nested RunTask events are its own work), children in time order
  let task: TraceEvent | null = null;
  let children: TraceEvent[] = [];
  for (const e of own) {
    if (task && e.ts >= task.ts + (task.dur ?? 0)) {
      add(task, children);
      task = null;
    }
    if (!task && e.name.includes('RunTask')) {
      task = e;
      children = [];
    } else if (task && !e.name.includes('RunTask')) children.push(e);
  }
  if (task) add(task, children);
  return totals;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** V8's sampling profile of the upload: ms by the task's entry function and by the function itself. */
async function profileUpload(page: Page, top: number, depth: number, saveTo?: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const took = await page.evaluate(() => window.bench.upload());
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  if (saveTo) await writeFile(saveTo, JSON.stringify(profile));
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const name = (node: ProfileNode) =>
    `${node.callFrame.functionName || '(anonymous)'}:${node.callFrame.lineNumber + 1}`;
  const self = new Map<string, number>();
  const entry = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (NOT_SCRIPT.has(node.callFrame.functionName)) return;
    add(self, name(node), us);
    // the entry: the frame just below the root
    let at = id;
    while (parent.has(at) && parent.get(at) !== profile.nodes[0]!.id) at = parent.get(at)!;
    add(entry, name(byId.get(at)!), us);
  });
  const print = (title: string, map: Map<string, number>) => {
    const total = [...map.values()].reduce((a, b) => a + b, 0) / 1000;
    console.log(`${title} (${total.toFixed(1)} ms of script in ${took.toFixed(0)} ms)`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${key}`);
  };
  print('by entry', entry);
  print('by function', self);
  // top-down: inclusive ms per node, printed to --depth (9) where over 2 ms
  const inclusive = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0;
    const node = byId.get(id)!;
    if (NOT_SCRIPT.has(node.callFrame.functionName)) return;
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at))
      inclusive.set(at, (inclusive.get(at) ?? 0) + us);
  });
  const walk = (id: number, at: number) => {
    const us = inclusive.get(id) ?? 0;
    if (us < 2000 || at > depth) return;
    console.log(`${'  '.repeat(at)}${(us / 1000).toFixed(1)} ms ${name(byId.get(id)!)}`);
    for (const child of byId.get(id)!.children ?? []) walk(child, at + 1);
  };
  walk(profile.nodes[0]!.id, 0);
}

async function main(): Promise<void> {
  const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const mib = Number(arg('upload-mib') ?? 1024);
  const widget = (arg('widget') ?? 'mediabay') as Widget;
  const top = Number(arg('top') ?? 25);
  const dir = await mkdtemp(join(tmpdir(), 'mediabay-trace-'));
  const browser = await launchBrowser();
  const server = await startBenchServerProcess(join(dir, 'server'));
  try {
    const file = await writeLargeFile(dir, mib);
    const page = await openBenchPage(browser, server.url, widget, arg('query') ?? '');
    await page.locator('#bench-file').setInputFiles(file);
    await settled(page);
    if (process.argv.includes('--profile'))
      return await profileUpload(page, top, Number(arg('depth') ?? 9), arg('save'));
    await browser.startTracing(page, { categories: CATEGORIES });
    const took = await page.evaluate(() => window.bench.upload());
    const trace = await browser.stopTracing();
    const saveTo = arg('save');
    if (saveTo) await writeFile(saveTo, trace);
    const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
    const totals = [...tasksBySource(events)].sort((a, b) => b[1].ms - a[1].ms);
    const all = totals.reduce((sum, [, t]) => sum + t.ms, 0);
    console.log(`${widget}: ${mib} MiB in ${took.toFixed(0)} ms; main thread ${all.toFixed(1)} ms of tasks`);
    for (const line of longTasks) console.log(`task >= ${LONG_US / 1000} ms: ${line}`);
    for (const [label, t] of totals.slice(0, top))
      console.log(
        `${t.ms.toFixed(1).padStart(8)} ms ${String(t.count).padStart(5)} tasks (max ${t.max.toFixed(1)})  ${label}`,
      );
    await page.close();
  } finally {
    await server.close();
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('upload-trace.ts')) await main();
