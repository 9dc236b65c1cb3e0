import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import type { MediaFile } from '@mediabay/core/protocol';
import { newOperationId, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { createChildGroup, type ChildBudget } from './child.js';
import { declaredSize } from './header-size.js';

const MiB = 1024 * 1024;
const BUDGET: ChildBudget = { memoryBytes: 512 * MiB, cpuSeconds: 60, timeoutMs: 60_000 };
// an ffmpeg that runs until killed: a real-time test pattern into the null muxer
const FOREVER = ['-v', 'error', '-nostdin', '-re', '-f', 'lavfi', '-i', 'testsrc=size=64x64:rate=5'];
const FOREVER_OUT = ['-f', 'null', '-'];

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(8 + body.length + 4);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}

/** Small files whose headers declare 16000x16000 (256 MP): a decoder would allocate ~1 GiB a frame. */
const BOMBS: Record<string, Buffer> = {
  'bomb.gif': Buffer.from(
    'GIF89a\x80\x3e\x80\x3e\x00\x00\x00,\x00\x00\x00\x00\x80\x3e\x80\x3e\x00\x02\x02D\x01\x00;',
    'latin1',
  ),
  'bomb.png': (() => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(16000, 0);
    ihdr.writeUInt32BE(16000, 4);
    ihdr.set([8, 2, 0, 0, 0], 8);
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const idat = pngChunk('IDAT', deflateSync(Buffer.alloc(200_000)));
    return Buffer.concat([signature, pngChunk('IHDR', ihdr), idat, pngChunk('IEND', Buffer.alloc(0))]);
  })(),
  'bomb.jpg': (() => {
    const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from('JFIF\0'), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
    const exifPadding = Buffer.concat([Buffer.from([0xff, 0xe1, 0x40, 0x00]), Buffer.alloc(0x4000 - 2)]);
    const sof = Buffer.from([
      0xff, 0xc0, 0x00, 0x11, 8, 0x3e, 0x80, 0x3e, 0x80, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
    ]);
    return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, exifPadding, sof, Buffer.from([0xff, 0xd9])]);
  })(),
};

/** A process is gone once it has no /proc entry or is a zombie waiting to be reaped. */
async function alive(pid: number): Promise<boolean> {
  try {
    const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const limitOf = (limits: string, name: string): number =>
  Number(
    limits
      .split('\n')
      .find((line) => line.startsWith(name))
      ?.slice(26)
      .trim()
      .split(/\s+/)[0],
  );

describe('processing budgets: header sizes', () => {
  it('reads the declared size of each bomb from its header bytes', () => {
    const types = { 'bomb.gif': 'image/gif', 'bomb.png': 'image/png', 'bomb.jpg': 'image/jpeg' };
    for (const [name, type] of Object.entries(types)) {
      assert.deepEqual(declaredSize(BOMBS[name] as Buffer, type), { width: 16000, height: 16000 }, name);
    }
  });
});

describe('processing budgets: a real server', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const name of Object.keys(BOMBS)) {
    it(`refuses ${name} (16000x16000) with a reason and no thumbnail, without decoding it`, async () => {
      const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, BOMBS[name] as Buffer, {
        name,
        type: 'application/octet-stream',
        operationId: newOperationId(),
      });
      const file = await waitFor(async () => {
        const f = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
        return f.status === 'processing' ? undefined : f;
      }, 20_000);
      assert.equal(file.status, 'error');
      assert.match(file.error ?? '', /16000x16000 pixels \(256 MP\).*up to 50 MP/);
      assert.equal(file.thumbnailUrl, undefined);
    });
  }
});

describe('processing budgets: children', () => {
  it('runs ffmpeg in its own process group below the server (nice 19, idle I/O, session weight), with data and CPU limits read from /proc', async () => {
    const group = createChildGroup();
    const done = group.run('ffmpeg', [...FOREVER, ...FOREVER_OUT], BUDGET);
    const pid = await waitFor(() => group.pids[0]);
    // the wrapper execs into ffmpeg: wait until the pid is ffmpeg itself
    await waitFor(async () =>
      (await fs.readFile(`/proc/${pid}/comm`, 'utf8')).trim() === 'ffmpeg' ? true : undefined,
    );
    const limits = await fs.readFile(`/proc/${pid}/limits`, 'utf8');
    assert.ok(limitOf(limits, 'Max data size') <= 512 * MiB, limits);
    assert.equal(limitOf(limits, 'Max cpu time'), 60);
    const stat = (await fs.readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.split(' ') ?? [];
    assert.equal(Number(stat[2]), pid, 'process group of its own');
    assert.equal(Number(stat[16]), 19, 'nice 19');
    // its own session is its own autogroup: that group's weight is lowered too, where the kernel has them
    const autogroup = await fs.readFile(`/proc/${pid}/autogroup`, 'utf8').catch(() => undefined);
    if (autogroup !== undefined) assert.match(autogroup, / nice 19\n?$/);
    const io = await promisify(execFile)('ionice', ['-p', String(pid)]).catch(() => undefined);
    if (io !== undefined) assert.match(io.stdout, /^idle/);
    const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
    const peakKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
    assert.ok(peakKiB > 0 && peakKiB * 1024 <= 512 * MiB, `peak ${peakKiB} KiB`);
    group.close();
    await assert.rejects(done, /shutting down/);
    await waitFor(async () => ((await alive(pid)) ? undefined : true));
    await assert.rejects(group.run('ffprobe', ['-version'], BUDGET), /shutting down/);
  });

  it('stops a decoder that wants more memory than the budget, with a reason', async () => {
    const dir = await fs.mkdtemp(path.join(process.env['TMPDIR'] ?? '/tmp', 'mediabay-bomb-'));
    const file = path.join(dir, 'bomb.gif');
    await fs.writeFile(file, BOMBS['bomb.gif'] as Buffer);
    const group = createChildGroup();
    try {
      const args = ['-v', 'error', '-nostdin', '-f', 'gif', '-i', file, '-frames:v', '1', '-f', 'null', '-'];
      await assert.rejects(group.run('ffmpeg', args, BUDGET), /more than the 512 MiB of memory/);
    } finally {
      group.close();
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('kills a child that runs past its wall clock', async () => {
    const group = createChildGroup();
    const budget = { ...BUDGET, timeoutMs: 300 };
    await assert.rejects(group.run('ffmpeg', [...FOREVER, ...FOREVER_OUT], budget), /timed out after 300 ms/);
    assert.deepEqual(group.pids, []);
    group.close();
  });

  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`leaves no ffmpeg behind when its server process dies by ${signal}`, async () => {
      const here = path.dirname(fileURLToPath(import.meta.url));
      const script = [
        `import { createChildGroup } from ${JSON.stringify(path.join(here, 'child.ts'))};`,
        'const group = createChildGroup();',
        `group.run('ffmpeg', ${JSON.stringify([...FOREVER, ...FOREVER_OUT])}, ${JSON.stringify(BUDGET)}).catch(() => {});`,
        'const timer = setInterval(() => { if (group.pids[0]) { console.log(group.pids[0]); clearInterval(timer); } }, 10);',
        'setInterval(() => {}, 1000);',
      ].join('\n');
      const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      parent.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const pid = await waitFor(() => (/^\d+\n/.test(out) ? Number(out) : undefined), 20_000);
      await waitFor(async () =>
        (await fs.readFile(`/proc/${pid}/comm`, 'utf8')).trim() === 'ffmpeg' ? true : undefined,
      );
      parent.kill(signal);
      await waitFor(async () => ((await alive(pid)) ? undefined : true));
      assert.equal(await alive(pid), false);
    });
  }
});
