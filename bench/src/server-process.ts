// The bench server (server.ts) in a process of its own, as `mediabay serve` runs: its CPU time and
// garbage collection are its own, not shared with Playwright's client in the bench process (a heavy
// process falls into a GC regime that halves upload speed, issue 21).
// Child usage: node --import tsx src/server-process.ts <dataDir>   (prints the URL on stdout)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { buildPage, WIDGETS, type BuiltWidget, type Widget } from './build.js';
import { fetchStats, startBenchServer, type BenchServer } from './server.js';

const self = fileURLToPath(import.meta.url);

export async function startBenchServerProcess(dataDir: string): Promise<BenchServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', self, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const url = await Promise.race([
    once(lines, 'line').then(([line]) => String(line).trim()),
    exited.then(([code]) => Promise.reject(new Error(`bench server exited (${String(code)})`))),
  ]);
  return {
    url,
    stats: () => fetchStats(url),
    async close() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function main(dataDir: string): Promise<void> {
  const pages = new Map<Widget, BuiltWidget>();
  for (const widget of WIDGETS) pages.set(widget, await buildPage(widget));
  const server = await startBenchServer(dataDir, pages);
  process.once('SIGTERM', () => void server.close().then(() => process.exit(0)));
  console.log(server.url);
}

if (process.argv[1] === self) await main(process.argv[2]!);
