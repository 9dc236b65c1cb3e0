// The servers of the `ingest-large` group, each in a process of its own on loopback, so its CPU time
// (from /proc) and its garbage collections (`--trace-gc`, line-buffered through stdbuf) are its own:
// a bare @tus/server with its file store (the floor) and the server kit made with createMediaServer
// (both through ingest-server.ts), and the kit's CLI, `mediabay serve`.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type LargeKind = 'bare' | 'kit' | 'cli';

export const LARGE_KINDS: Record<LargeKind, string> = {
  bare: 'bare @tus/server + file store',
  kit: 'server kit (createMediaServer)',
  cli: 'server kit (mediabay serve)',
};

export interface ServerSample {
  /** CPU seconds the server process used so far (user + system) */
  cpuSeconds: number;
  markCompacts: number;
  scavenges: number;
  /** the most resident memory the process has had so far (MiB, VmHWM) */
  peakRssMiB: number;
}

export interface LargeServer {
  url: string;
  /** the URL of a file's record (the kit), or undefined for the bare server */
  fileUrl(fileId: string): string | undefined;
  sample(): Promise<ServerSample>;
  /** deletes finished uploads' bytes for good (the kit: a permanent bulk delete; bare: tus termination) */
  discard(uploads: { fileId: string; uploadUrl: string }[]): Promise<void>;
  stop(): Promise<void>;
}

async function discardFiles(kind: LargeKind, url: string, uploads: { fileId: string; uploadUrl: string }[]) {
  const answers =
    kind === 'bare'
      ? await Promise.all(
          uploads.map(({ uploadUrl }) =>
            fetch(uploadUrl, { method: 'DELETE', headers: { 'tus-resumable': '1.0.0' } }),
          ),
        )
      : [
          await fetch(`${url}/api/media/bulk-delete`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ fileIds: uploads.map(({ fileId }) => fileId), permanent: true }),
          }),
        ];
  for (const answer of answers)
    if (!answer.ok) throw new Error(`${kind}: delete answered ${answer.status} ${await answer.text()}`);
}

const TICKS_PER_SECOND = 100; // Linux USER_HZ

async function cpuSeconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND; // utime, stime
}

async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024;
}

function commandOf(kind: LargeKind, dataDir: string): string[] {
  const node = [process.execPath, '--trace-gc'];
  if (kind === 'cli') {
    const kit = dirname(fileURLToPath(import.meta.resolve('@mediabay/server-kit/package.json')));
    return [...node, join(kit, 'bin', 'mediabay.js'), 'serve', '--port', '0', '--data', dataDir];
  }
  const script = fileURLToPath(new URL('./ingest-server.ts', import.meta.url));
  return [...node, '--import', 'tsx', script, kind, dataDir];
}

export async function startLargeServer(kind: LargeKind, dataDir: string): Promise<LargeServer> {
  const command = commandOf(kind, dataDir);
  // V8 prints its GC trace with C stdio, which a pipe buffers by 4 KiB: line-buffer it to count as it runs
  const [bin, ...args] = (
    existsSync('/usr/bin/stdbuf') ? ['/usr/bin/stdbuf', '-oL', ...command] : command
  ) as [string, ...string[]];
  const child: ChildProcess = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  const counts = { markCompacts: 0, scavenges: 0 };
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    lines.on('line', (line) => {
      if (line.includes('Mark-Compact')) counts.markCompacts += 1;
      else if (line.includes('Scavenge')) counts.scavenges += 1;
      const found = /http:\/\/127\.0\.0\.1:\d+/.exec(line);
      if (found) resolve(found[0]);
    });
  });
  const pid = child.pid as number;
  return {
    url,
    fileUrl: (fileId) => (kind === 'bare' ? undefined : `${url}/api/media/${fileId}`),
    sample: async () => ({ cpuSeconds: await cpuSeconds(pid), peakRssMiB: await peakRssMiB(pid), ...counts }),
    discard: (uploads) => discardFiles(kind, url, uploads),
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
