// The page's longest main-thread task by CPU time, from a Chromium trace of the `toplevel` category
// (cheap: one event per task). The Long Tasks API measures wall time, and on this 2-core machine a big
// upload keeps both cores busy, so a task the OS preempted counts its wait: a 77.6 ms "long task" of
// one traced upload held 2.4 ms of CPU, and the client alone without elements (24 ms of CPU over a
// whole upload) showed a 117 ms one. The trace's `tdur` is the thread's CPU time over the task.
import type { Browser, Page } from 'playwright-core';

/** one event of a Chromium trace (the fields read here and in upload-trace.ts) */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** the thread's CPU time over the event (dur counts the time the OS kept the thread waiting too) */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: Record<string, unknown> };
}

export interface TaskTime {
  cpuMs: number;
  wallMs: number;
}

export interface LongestTasks {
  /** the task that held the most CPU */
  byCpu: TaskTime;
  /** the task that took the most wall time (what the Long Tasks API reports), and its CPU */
  byWall: TaskTime;
}

/** Top-level tasks (nested ones are their parent's work) of the busiest renderer main thread. */
export function longestTasks(events: TraceEvent[]): LongestTasks {
  const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const none = { cpuMs: 0, wallMs: 0 };
  let best: LongestTasks = { byCpu: none, byWall: none };
  let busiest = -1;
  for (const main of mains) {
    const tasks = events
      .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.name.includes('RunTask'))
      .sort((a, b) => a.ts - b.ts);
    let end = 0;
    let total = 0;
    const longest: LongestTasks = { byCpu: none, byWall: none };
    for (const task of tasks) {
      if (task.ts < end) continue; // nested in the task before
      end = task.ts + (task.dur ?? 0);
      total += task.dur ?? 0;
      const time = { cpuMs: (task.tdur ?? 0) / 1000, wallMs: (task.dur ?? 0) / 1000 };
      if (time.cpuMs > longest.byCpu.cpuMs) longest.byCpu = time;
      if (time.wallMs > longest.byWall.wallMs) longest.byWall = time;
    }
    if (total > busiest) [busiest, best] = [total, longest];
  }
  return best;
}

/** Starts tracing the browser's top-level tasks; `stop()` answers the page's longest ones. */
export async function traceTasks(browser: Browser, page: Page) {
  await browser.startTracing(page, { categories: ['toplevel'] });
  return {
    async stop(): Promise<LongestTasks> {
      const trace = await browser.stopTracing();
      return longestTasks((JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents);
    },
  };
}
