// Processing (issue 16/21): time until `ready` for phone-style HEVC clips that need a web rendition,
// with 1 and 2 parallel jobs, and what transcoding costs the uploads beside it: the server's event
// loop delay and the speed of a 256 MiB upload during a burst, against the same upload idle.
// The server kit runs in this process (ffmpeg runs in its children), on loopback.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createMediaServer } from '@mediabay/server-kit';
import { median, printTable } from './table.js';

const MIB = 1024 * 1024;

/** An iPhone-style clip: HEVC (hvc1) 1080p30 + AAC in a .mov. */
function makeClip(dir: string, name: string, seconds: number): string {
  const out = join(dir, name);
  const args = [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=1920x1080:rate=30:duration=${seconds}`,
  ];
  args.push('-f', 'lavfi', '-i', `sine=frequency=440:duration=${seconds}`);
  args.push('-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p');
  args.push('-x265-params', 'log-level=error', '-c:a', 'aac', '-shortest', out);
  execFileSync('ffmpeg', args);
  return out;
}

interface Server {
  url: string;
  close(): Promise<void>;
}

async function startServer(dataDir: string, concurrency: number): Promise<Server> {
  const media = createMediaServer({
    dataDir,
    concurrency,
    limits: { rateLimit: { max: 0, windowMs: 60_000 }, uploadRateLimit: { max: 0, windowMs: 60_000 } },
  });
  const server = http.createServer(media.handler);
  server.requestTimeout = 0;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await media.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** One tus POST with the whole file (creation-with-upload); resolves with the file id. */
async function upload(url: string, name: string, body: Uint8Array<ArrayBuffer>): Promise<string> {
  const op = `media_upload_${Date.now()}_${randomBytes(8).toString('hex').slice(0, 15)}`;
  const res = await fetch(`${url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(body.length),
      'Upload-Metadata': `filename ${btoa(name)},operationId ${btoa(op)}`,
      'Content-Type': 'application/offset+octet-stream',
    },
    body,
  });
  const id = res.headers.get('mediabay-file-id');
  if (res.status !== 201 || !id) throw new Error(`${name}: ${res.status} ${await res.text()}`);
  return id;
}

async function untilSettled(url: string, ids: string[]): Promise<void> {
  for (const id of ids) {
    for (;;) {
      const file = (await (await fetch(`${url}/api/media/${id}`)).json()) as {
        status: string;
        error?: string;
      };
      if (file.status === 'error') throw new Error(`${id}: ${file.error}`);
      if (file.status === 'ready') break;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function timeToReady(
  dir: string,
  files: { name: string; bytes: Uint8Array<ArrayBuffer> }[],
  jobs: number,
) {
  const server = await startServer(join(dir, `ready-${jobs}-${files.length}`), jobs);
  try {
    const started = performance.now();
    const ids = await Promise.all(files.map((f) => upload(server.url, f.name, f.bytes)));
    await untilSettled(server.url, ids);
    return (performance.now() - started) / 1000;
  } finally {
    await server.close();
  }
}

/** MiB/s of one 256 MiB upload, and the event loop's p99 delay meanwhile. */
async function uploadBeside(
  url: string,
  big: Uint8Array<ArrayBuffer>,
): Promise<{ speed: number; lagP99: number }> {
  const lag = monitorEventLoopDelay({ resolution: 10 });
  lag.enable();
  const started = performance.now();
  await upload(url, `big-${Date.now()}.bin`, big);
  const seconds = (performance.now() - started) / 1000;
  lag.disable();
  return { speed: big.length / MIB / seconds, lagP99: lag.percentile(99) / 1e6 };
}

const share = (row: Record<string, string>): number => Number.parseInt(row['share of idle speed'] ?? '0', 10);

/** One round: the upload on an idle server, then beside a burst; closing the server kills its ffmpeg. */
async function besideRound(
  dataDir: string,
  big: Uint8Array<ArrayBuffer>,
  clips: { name: string; bytes: Uint8Array<ArrayBuffer> }[],
  jobs: number,
): Promise<Record<string, string>> {
  const server = await startServer(dataDir, jobs);
  try {
    // warm-up: a fresh server's first upload compiles what the measured ones reuse
    await upload(server.url, 'warm-up.bin', big.subarray(0, 32 * MIB));
    const idle = await uploadBeside(server.url, big);
    const ids = await Promise.all(clips.map((c, i) => upload(server.url, `burst-${i}.mov`, c.bytes)));
    const busy = await uploadBeside(server.url, big);
    const statuses = await Promise.all(
      ids.map(
        async (id) =>
          ((await (await fetch(`${server.url}/api/media/${id}`)).json()) as { status: string }).status,
      ),
    );
    return {
      round: String(dataDir.split('-').pop()),
      'idle MiB/s': idle.speed.toFixed(0),
      'busy MiB/s': busy.speed.toFixed(0),
      'share of idle speed': `${Math.round((busy.speed / idle.speed) * 100)} %`,
      'event loop p99 idle/busy': `${idle.lagP99.toFixed(1)} / ${busy.lagP99.toFixed(1)} ms`,
      'clips still processing after': `${statuses.filter((s) => s === 'processing').length} of ${ids.length}`,
    };
  } finally {
    await server.close();
  }
}

export async function benchProcessing(quick: boolean): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mediabay-processing-'));
  try {
    const long = new Uint8Array(await readFile(makeClip(dir, 'lecture.mov', quick ? 10 : 60)));
    const phone = new Uint8Array(await readFile(makeClip(dir, 'phone.mov', 5)));
    const clips = Array.from({ length: quick ? 4 : 20 }, (_, i) => ({
      name: `phone-${i}.mov`,
      bytes: phone,
    }));
    const rows: Record<string, string>[] = [];
    // `--beside-only`: skip the time-to-ready table (a shorter run)
    for (const jobs of process.argv.includes('--beside-only') ? [] : [1, 2]) {
      const one = await timeToReady(dir, [{ name: 'lecture.mov', bytes: long }], jobs);
      const many = await timeToReady(dir, clips, jobs);
      rows.push({
        'parallel jobs': String(jobs),
        [`one ${quick ? 10 : 60} s 1080p HEVC clip`]: `${one.toFixed(1)} s`,
        [`${clips.length} phone clips (5 s each) at once`]: `${many.toFixed(1)} s`,
      });
    }
    if (rows.length > 0) {
      printTable('Time from upload start until ready (web rendition made), HEVC .mov sources', rows);
    }

    const big = new Uint8Array(256 * MIB).fill(7);
    const rounds: Record<string, string>[] = [];
    for (let round = 1; round <= (quick ? 2 : 5); round++) {
      rounds.push(await besideRound(join(dir, `beside-${round}`), big, clips, 2));
    }
    printTable(
      'A 256 MiB upload beside processing (2 parallel jobs), idle and busy interleaved, a fresh server each round',
      [...rounds, { round: 'median', 'share of idle speed': `${median(rounds.map(share))} %` }],
      'busy: the same upload right after a burst of clips was uploaded, while they transcode.',
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
