// Server cost of many small uploads (issue 13/21): N files of 100 KiB sent by a Node client over tus
// (creation-with-upload: one POST each, 6 at a time) to the server kit and, in the same run, to a
// bare @tus/server (the floor). Each server runs in its own process; its CPU time is read before and
// after (the kit's after every file is processed and listed ready). Also SQL statements per upload.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { ms, printTable } from './table.js';

type Kind = 'kit' | 'bare';
interface Stats {
  cpuMs: number;
  statements: number;
  /** of which BEGIN/COMMIT/ROLLBACK */
  control: number;
}

async function startServer(kind: Kind, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const script = fileURLToPath(new URL('./ingest-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, kind, dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  return { url: line.trim(), child };
}

const stats = async (url: string): Promise<Stats> =>
  (await fetch(`${url}/__bench/stats`)).json() as Promise<Stats>;

async function upload(url: string, body: Buffer, index: number): Promise<void> {
  const operationId = `media_upload_${Date.now()}_${randomBytes(10).toString('hex').slice(0, 15)}`;
  const res = await fetch(`${url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(body.length),
      'Upload-Metadata': `filename ${btoa(`small-${index}.bin`)},operationId ${btoa(operationId)}`,
      'Content-Type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(body),
  });
  if (res.status !== 201 || res.headers.get('upload-offset') !== String(body.length))
    throw new Error(`upload ${index}: ${res.status} ${await res.text()}`);
}

async function allReady(url: string, count: number): Promise<void> {
  for (;;) {
    const list = (await (await fetch(`${url}/api/media?limit=1&sort=createdAt`)).json()) as { total: number };
    const processing = (await (await fetch(`${url}/api/media?limit=200`)).json()) as {
      items: { status: string }[];
    };
    if (list.total >= count && processing.items.every((f) => f.status !== 'processing')) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function measure(kind: Kind, count: number, dir: string): Promise<Record<string, string | number>> {
  const { url, child } = await startServer(kind, dir);
  try {
    const body = randomBytes(100 * 1024);
    await upload(url, body, -1); // warm-up: the first request loads and compiles what the rest reuse
    if (kind === 'kit') await allReady(url, 1);
    const before = await stats(url);
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < count) await upload(url, body, next++);
      }),
    );
    const uploaded = performance.now() - started;
    if (kind === 'kit') await allReady(url, count + 1);
    const after = await stats(url);
    return {
      server: kind === 'kit' ? 'Mediabay server kit' : 'bare @tus/server + file store',
      'files/s': ((count / uploaded) * 1000).toFixed(0),
      'CPU ms per upload': ms((after.cpuMs - before.cpuMs) / count),
      'SQL statements per upload':
        kind === 'kit' ? ((after.statements - before.statements) / count).toFixed(1) : '-',
      'of which BEGIN/COMMIT': kind === 'kit' ? ((after.control - before.control) / count).toFixed(1) : '-',
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export async function benchIngest(count: number): Promise<void> {
  const rows = [];
  const dirs: string[] = [];
  try {
    // interleaved, so both servers see the same machine load
    for (const kind of ['bare', 'kit', 'bare', 'kit'] as const) {
      dirs.push(await mkdtemp(join(tmpdir(), `mediabay-ingest-${kind}-`)));
      rows.push(await measure(kind, count, dirs.at(-1) as string));
    }
  } finally {
    // only once every run is done: on ext4 without a journal (this machine's disk), creating a file
    // skips every inode freed in the last 30 s, so a run's removed files made the next run's file
    // creations cost more (the kit's run after bare's 2,000 freed inodes, bare's after 1,000)
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
  printTable(
    `Server cost of ${count} small uploads (100 KiB, tus creation-with-upload, 6 at a time, Node client)`,
    rows,
    "The kit's CPU includes processing each file (sniffing, the library row, events) until it is listed ready.",
  );
}
