// Server ingest of a big file (issue 21): a Node tus-js-client sends a 1 GiB file from disk (one
// PATCH, the client's default) to a bare @tus/server (the floor), to the server kit made with
// createMediaServer and to `mediabay serve`, each in a process of its own. Every server gets: one
// upload, 4 in parallel, one more (so the last runs after other uploads, where a heavy process used
// to fall into a GC regime), and one after an idle spell longer than V8's memory reducer waits (8 s:
// its GC leaves the old generation's limit at the minimum step, where a big upload used to start the
// regime). The three servers run side by side and take each step in turn, so the uploads a ratio
// compares are seconds apart, not minutes (this machine's speed drifts by 2x over minutes); rounds
// rotate the servers' order. The kit's CPU counts until the file is listed ready. Before each
// measured upload (not timed) the disk is synced, and after it its files are deleted for good: the
// kernel's writeback of earlier GiBs otherwise lands on whichever server runs next (CPU per GiB
// 1.3 -> 3.5 s for bare and kit alike), which made the ratios depend on the run order.
import { createReadStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FILE_ID_HEADER } from '@mediabay/core/protocol';
import * as tus from 'tus-js-client';
import { syncDisk } from './data-root.js';
import { LARGE_KINDS, startLargeServer, type LargeKind, type LargeServer } from './ingest-large-servers.js';
import { median, printTable } from './table.js';

const MIB = 1024 * 1024;
const STEPS = [
  { name: 'single', parallel: 1, idleMs: 0 },
  { name: '4 parallel', parallel: 4, idleMs: 0 },
  { name: 'single after', parallel: 1, idleMs: 0 },
  { name: 'after 10 s idle', parallel: 1, idleMs: 10_000 },
] as const;
type Step = (typeof STEPS)[number]['name'];

interface Measured {
  kind: LargeKind;
  step: Step;
  mibPerSecond: number;
  cpuPerGiB: number;
  markCompactsPerGiB: number;
  /** the server process's peak resident memory by the end of the step */
  peakRssMiB: number;
}

/** A file of `mib` MiB (one random MiB repeated), written once for every upload. */
async function writeSource(dir: string, mib: number): Promise<string> {
  const path = join(dir, `source-${mib}.bin`);
  const block = Buffer.alloc(MIB);
  for (let i = 0; i < MIB; i += 4) block.writeUInt32LE((Math.random() * 2 ** 32) >>> 0, i);
  const handle = await open(path, 'w');
  try {
    for (let i = 0; i < mib; i++) await handle.write(block);
  } finally {
    await handle.close();
  }
  return path;
}

interface Uploaded {
  /** the kit's file id ('' from the bare server) */
  fileId: string;
  uploadUrl: string;
}

/** One stock tus-js-client upload of the file (a path-backed stream: read from disk as it goes). */
function tusUpload(endpoint: string, path: string, name: string): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const upload = new tus.Upload(createReadStream(path), {
      endpoint,
      retryDelays: [],
      storeFingerprintForResuming: false,
      metadata: { filename: name, filetype: 'application/octet-stream' },
      onError: reject,
      onSuccess: ({ lastResponse }) =>
        resolve({ fileId: lastResponse.getHeader(FILE_ID_HEADER) ?? '', uploadUrl: upload.url ?? '' }),
    });
    upload.start();
  });
}

async function untilReady(server: LargeServer, ids: string[]): Promise<void> {
  for (const id of ids) {
    const url = server.fileUrl(id);
    if (!url) continue;
    for (;;) {
      const file = (await (await fetch(url)).json()) as { status?: string; error?: unknown };
      if (file.status === 'ready') break;
      if (file.status !== 'processing') throw new Error(`${id}: ${JSON.stringify(file)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

interface Sources {
  big: string;
  mib: number;
  /** 1 MiB: the warm-up upload that loads and compiles what the rest reuse */
  small: string;
}

/** A server of one kind, started and warmed up (its first upload loads and compiles what the rest reuse). */
interface Running {
  kind: LargeKind;
  server: LargeServer;
  endpoint: string;
  dataDir: string;
}

async function startWarm(kind: LargeKind, small: string, dir: string): Promise<Running> {
  const dataDir = await mkdtemp(join(dir, `${kind}-`));
  const server = await startLargeServer(kind, dataDir);
  const running = { kind, server, endpoint: `${server.url}/api/media/uploads`, dataDir };
  const warmUp = await tusUpload(running.endpoint, small, 'warm-up.bin');
  await untilReady(server, [warmUp.fileId]);
  await server.discard([warmUp]);
  return running;
}

async function measureStep(
  { kind, server, endpoint }: Running,
  step: (typeof STEPS)[number],
  { big, mib }: Sources,
): Promise<Measured> {
  await syncDisk();
  const before = await server.sample();
  const started = performance.now();
  const names = Array.from({ length: step.parallel }, (_, i) => `${step.name}-${i}.bin`);
  const uploads = await Promise.all(names.map((name) => tusUpload(endpoint, big, name)));
  const seconds = (performance.now() - started) / 1000;
  await untilReady(
    server,
    uploads.map((upload) => upload.fileId),
  );
  const after = await server.sample();
  await server.discard(uploads);
  const gib = (mib * step.parallel) / 1024;
  return {
    kind,
    step: step.name,
    mibPerSecond: (mib * step.parallel) / seconds,
    cpuPerGiB: (after.cpuSeconds - before.cpuSeconds) / gib,
    markCompactsPerGiB: (after.markCompacts - before.markCompacts) / gib,
    peakRssMiB: after.peakRssMiB,
  };
}

/** One round: every server started, then each step run on each server in turn (in `order`). */
async function measureRound(order: LargeKind[], sources: Sources, dir: string): Promise<Measured[]> {
  const running: Running[] = [];
  try {
    for (const kind of order) running.push(await startWarm(kind, sources.small, dir));
    const results: Measured[] = [];
    for (const step of STEPS) {
      if (step.idleMs) await new Promise((resolve) => setTimeout(resolve, step.idleMs));
      for (const each of running) results.push(await measureStep(each, step, sources));
    }
    return results;
  } finally {
    for (const { server, dataDir } of running) {
      await server.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  }
}

const ORDERS: LargeKind[][] = [
  ['bare', 'kit', 'cli'],
  ['cli', 'kit', 'bare'],
  ['kit', 'bare', 'cli'],
];

function tableRows(all: Measured[][]): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const kind of ['bare', 'kit', 'cli'] as const) {
    for (const { name } of STEPS) {
      const pick = (round: Measured[], k: LargeKind) => round.find((m) => m.kind === k && m.step === name)!;
      const mine = all.map((round) => pick(round, kind));
      const speedRatios = all.map(
        (round) => pick(round, kind).mibPerSecond / pick(round, 'bare').mibPerSecond,
      );
      const cpuRatios = all.map((round) => pick(round, kind).cpuPerGiB / pick(round, 'bare').cpuPerGiB);
      rows.push({
        server: LARGE_KINDS[kind],
        uploads: name,
        'MiB/s (each round)': mine.map((m) => m.mibPerSecond.toFixed(0)).join(' / '),
        'x bare (each round)': speedRatios.map((r) => r.toFixed(2)).join(' / '),
        'x bare (median)': median(speedRatios).toFixed(2),
        'CPU s/GiB (median)': median(mine.map((m) => m.cpuPerGiB)).toFixed(2),
        'CPU x bare (each round)': cpuRatios.map((r) => r.toFixed(2)).join(' / '),
        'mark-compacts/GiB (each round)': mine.map((m) => m.markCompactsPerGiB.toFixed(1)).join(' / '),
        'peak RSS MiB (max)': Math.max(...mine.map((m) => m.peakRssMiB)).toFixed(0),
      });
    }
  }
  return rows;
}

/** `root`: where the source and the servers' data go (run.ts: memory when it has room, data-root.ts) */
export async function benchIngestLarge(mib: number, rounds: number, root: string): Promise<void> {
  const dir = await mkdtemp(join(root, 'mediabay-ingest-large-'));
  try {
    const sources = { big: await writeSource(dir, mib), mib, small: await writeSource(dir, 1) };
    const all: Measured[][] = [];
    for (let round = 0; round < rounds; round++)
      all.push(await measureRound(ORDERS[round % ORDERS.length]!, sources, dir));
    printTable(
      `Server ingest of a ${mib} MiB file from a Node tus-js-client (one PATCH), ${rounds} rounds, server order rotated`,
      tableRows(all),
      `Each server in its own process: single, 4 parallel, single again, one more after 10 s idle. CPU of the server process (the kit until ready). Data in ${root}.`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
