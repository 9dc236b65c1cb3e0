// No acknowledged byte is lost when `mediabay serve` (local disk, SQLite) is killed with SIGKILL in
// the middle of a PATCH: after a restart on the same data directory, HEAD answers at least the offset
// it answered before the kill (the store reads it from the bytes on disk; the upload's info is its
// row), and the upload finishes from there with the right bytes.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { MediaFile } from '@mediabay/core/protocol';
import { newOperationId, sha256 } from '../test-support/clients.test-helper.js';
import { waitFor } from '../test-support/server.test-helper.js';

// the shipped command (bin -> dist): `tsc -b` must have built the package first
const bin = fileURLToPath(new URL('../../bin/mediabay.js', import.meta.url));
const TUS = { 'Tus-Resumable': '1.0.0' };

interface Serving {
  base: string;
  child: ChildProcess;
}

async function serve(dataDir: string): Promise<Serving> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const match = /(http:\/\/127\.0\.0\.1:(\d+))\//.exec(output);
      if (match && match[2] !== '0') {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  return { base, child };
}

async function kill(serving: Serving): Promise<void> {
  if (serving.child.exitCode !== null || serving.child.signalCode !== null) return; // exited already
  const exited = new Promise((resolve) => serving.child.once('exit', resolve));
  serving.child.kill('SIGKILL');
  await exited;
}

const offsetAt = async (url: string): Promise<number> =>
  Number((await fetch(url, { method: 'HEAD', headers: TUS })).headers.get('upload-offset'));

describe('mediabay serve killed with SIGKILL mid-PATCH', () => {
  const running: Serving[] = [];
  let dataRoot = '';
  after(async () => {
    for (const serving of running) await kill(serving);
    if (dataRoot) await fs.rm(dataRoot, { recursive: true, force: true });
  });

  it('answers at least the offset it acknowledged, and finishes with the right bytes', async () => {
    dataRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-crash-'));
    const dataDir = path.join(dataRoot, 'data');
    const bytes = randomBytes(6 * 1024 * 1024);
    const first = await serve(dataDir);
    running.push(first);
    const created = await fetch(`${first.base}/api/media/uploads`, {
      method: 'POST',
      headers: {
        ...TUS,
        'Upload-Length': String(bytes.length),
        'Upload-Metadata': `filename ${btoa('crash.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
    assert.equal(created.status, 201);
    const pathname = new URL(created.headers.get('location') ?? '', first.base).pathname;

    // a PATCH announcing the whole file that sends 2 MiB and then waits: the server is killed
    const { hostname, port } = new URL(first.base);
    const patch = http.request({
      hostname,
      port,
      method: 'PATCH',
      path: pathname,
      headers: {
        ...TUS,
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
        'Content-Length': String(bytes.length),
      },
    });
    patch.on('error', () => undefined);
    patch.write(bytes.subarray(0, 2 * 1024 * 1024));
    const acknowledged = await waitFor(async () => {
      const offset = await offsetAt(`${first.base}${pathname}`);
      return offset >= 1024 * 1024 ? offset : undefined;
    }, 30_000);
    await kill(first);
    patch.destroy();

    const second = await serve(dataDir);
    running.push(second);
    const url = `${second.base}${pathname}`;
    const offset = await offsetAt(url);
    assert.ok(offset >= acknowledged, `offset ${offset} after the restart, ${acknowledged} before`);
    const done = await fetch(url, {
      method: 'PATCH',
      headers: { ...TUS, 'Upload-Offset': String(offset), 'Content-Type': 'application/offset+octet-stream' },
      body: new Uint8Array(bytes.subarray(offset)),
    });
    assert.equal(done.status, 204);
    const fileId = done.headers.get('mediabay-file-id') as string;
    const file = (await (await fetch(`${second.base}/api/media/${fileId}`)).json()) as MediaFile;
    const stored = Buffer.from(await (await fetch(`${second.base}${file.contentUrl}`)).arrayBuffer());
    assert.equal(sha256(stored), sha256(bytes));
  });
});
