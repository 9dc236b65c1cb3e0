// The main-thread load of a bench page over a stretch of work, from Chromium's own counters.
import type { Page } from 'playwright-core';

/** What V8's sampling profiler puts outside script: idle, native work (layout, IPC), the root. */
export const NOT_SCRIPT: ReadonlySet<string> = new Set(['(idle)', '(program)', '(root)']);

/** The parts of CDP's `Profiler.Profile` read here */
interface Profile {
  nodes: { id: number; callFrame: { functionName: string } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Seconds of the profile's samples that ran script (garbage collection included). */
function profiledScriptSeconds({ nodes, samples = [], timeDeltas = [] }: Profile): number {
  const script = new Set(
    nodes.filter((node) => !NOT_SCRIPT.has(node.callFrame.functionName)).map((node) => node.id),
  );
  let micros = 0;
  samples.forEach((id, i) => {
    if (script.has(id)) micros += timeDeltas[i] ?? 0;
  });
  return micros / 1e6;
}

/**
 * The page's main-thread time while it works (uploads, renders): Chromium's TaskDuration (every
 * task of the renderer's main thread: scripts, style, layout, paint), its ScriptDuration, and the
 * longest task seen (long tasks are >= 50 ms). TaskDuration is wall time: a task the OS preempted
 * counts the time it waited (a big upload keeps both cores of this machine busy), so ThreadTime, the
 * main thread's CPU time, is given beside it: what the page's work cost. ScriptDuration leaves out
 * promise jobs (microtasks): code built on async/await (tus-js-client, Uppy) hardly shows in it. With `profile`, V8's sampling
 * profiler (1 ms) also runs and `profiledScriptSeconds` counts every sample that ran script.
 */
export async function mainThreadLoad(page: Page, { profile = false } = {}) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  if (profile) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  }
  const seconds = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const value = (name: string) => metrics.find((metric) => metric.name === name)?.value ?? 0;
    return { task: value('TaskDuration'), script: value('ScriptDuration'), cpu: value('ThreadTime') };
  };
  await page.evaluate(() => {
    const state = window as unknown as { benchLongest: number };
    state.benchLongest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        state.benchLongest = Math.max(state.benchLongest, entry.duration);
    }).observe({ type: 'longtask' });
  });
  const before = await seconds();
  if (profile) await cdp.send('Profiler.start');
  return {
    async stop() {
      const profiled = profile ? profiledScriptSeconds((await cdp.send('Profiler.stop')).profile) : 0;
      const after = await seconds();
      const busySeconds = after.task - before.task;
      const cpuSeconds = after.cpu - before.cpu;
      const scriptSeconds = after.script - before.script;
      const longestTaskMs = await page.evaluate(
        () => (window as unknown as { benchLongest: number }).benchLongest,
      );
      await cdp.detach();
      return { busySeconds, cpuSeconds, scriptSeconds, profiledScriptSeconds: profiled, longestTaskMs };
    },
  };
}
