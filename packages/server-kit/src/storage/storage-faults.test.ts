// Storage faults are answered, never thrown (issue 15, items 2 and 3): a full disk gives 507 and keeps
// no partial bytes, a tus upload that filled it can be canceled, an aborted multipart upload closes and
// removes its file at once, and a start finds no partial file left by an earlier crash.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { newOperationId } from '../test-support/clients.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

/** Files under `dir` (recursively), relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => path.relative(dir, path.join(e.parentPath, e.name)));
}

/** Descriptors this process holds open on files under `dir`. */
async function openFilesUnder(dir: string): Promise<string[]> {
  const fds = await fs.readdir('/proc/self/fd');
  const targets = await Promise.all(fds.map((fd) => fs.readlink(`/proc/self/fd/${fd}`).catch(() => '')));
  return targets.filter((target) => target.startsWith(dir));
}

const multipart = (url: string, size: number): Promise<Response> => {
  const form = new FormData();
  form.set('operationId', newOperationId());
  form.set('file', new Blob([randomBytes(size)], { type: 'application/octet-stream' }), 'big.bin');
  return fetch(url, { method: 'POST', body: form });
};

describe('an aborted multipart upload', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('closes its file and removes the partial bytes at once', { timeout: 20_000 }, async () => {
    const { hostname, port } = new URL(server.url);
    const boundary = 'xxBOUNDARYxx';
    const req = http.request({
      hostname,
      port,
      method: 'POST',
      path: '/api/media/upload',
      headers: {
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        'Content-Length': String(10 * 1024 * 1024),
      },
    });
    req.on('error', () => undefined);
    req.write(
      `--${boundary}\r\nContent-Disposition: form-data; name="operationId"\r\n\r\n${newOperationId()}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.bin"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    );
    req.write(randomBytes(256 * 1024));
    const media = path.join(server.dataDir, 'files', 'media');
    await waitFor(async () => ((await filesUnder(media)).length > 0 ? true : undefined));
    req.destroy();
    await waitFor(async () => {
      const left = [...(await filesUnder(media)), ...(await openFilesUnder(media))];
      return left.length === 0 ? true : undefined;
    });
  });
});

describe('a partial file left by a crash', () => {
  it('is removed when the server starts, as are form-upload bytes no file uses', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-sweep-'));
    const first = await startTestServer({ dataDir });
    const kept = await multipart(`${first.url}/api/media/upload`, 1000);
    assert.equal(kept.status, 201);
    await first.close();
    const media = path.join(dataDir, 'files', 'media');
    const before = await filesUnder(media);
    assert.equal(before.length, 1);
    await fs.writeFile(path.join(media, 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.part'), randomBytes(1000));
    await fs.writeFile(path.join(media, 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'), randomBytes(1000));
    const second = await startTestServer({ dataDir });
    try {
      assert.deepEqual(await filesUnder(media), before, 'only the file the library uses is left');
    } finally {
      await second.close();
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });
});

/** A 2 MiB tmpfs as the data directory, or undefined where this process may not mount one. */
function mountSmallDisk(): string | undefined {
  const dir = execFileSync('mktemp', ['-d', path.join(os.tmpdir(), 'mediabay-full-XXXXXX')])
    .toString()
    .trim();
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    execFileSync('rmdir', [dir]);
    return undefined;
  }
}

const disk = mountSmallDisk();

describe('a full disk', { skip: disk ? false : 'needs root to mount a 2 MiB tmpfs (mount -t tmpfs)' }, () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ dataDir: disk as string });
  });
  after(async () => {
    await server?.close();
    execFileSync('umount', [disk as string]);
    execFileSync('rmdir', [disk as string]);
  });

  const listOk = async (): Promise<void> =>
    assert.equal((await fetch(`${server.url}/api/media`)).status, 200, 'the server keeps serving');

  it('answers a multipart upload bigger than the room with 507 and keeps none of its bytes', async () => {
    const res = await multipart(`${server.url}/api/media/upload`, 3 * 1024 * 1024);
    assert.equal(res.status, 507);
    const body = (await res.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'insufficient-storage');
    assert.deepEqual(await filesUnder(path.join(disk as string, 'files', 'media')), []);
    await listOk();
    assert.equal((await multipart(`${server.url}/api/media/upload`, 1000)).status, 201);
  });

  it('answers a tus PATCH that fills the disk with 507, and cancels that upload', async () => {
    const endpoint = `${server.url}/api/media/uploads`;
    const size = 3 * 1024 * 1024;
    const created = await fetch(endpoint, {
      method: 'POST',
      headers: {
        ...TUS,
        'Upload-Length': String(size),
        'Upload-Metadata': `filename ${btoa('big.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
    assert.equal(created.status, 201);
    const url = new URL(created.headers.get('location') ?? '', endpoint).href;
    const patch = await fetch(url, {
      method: 'PATCH',
      headers: { ...TUS, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '0' },
      body: randomBytes(size),
    });
    assert.equal(patch.status, 507);
    await listOk();
    const another = await fetch(endpoint, {
      method: 'POST',
      headers: {
        ...TUS,
        'Upload-Length': '10',
        'Upload-Metadata': `filename ${btoa('small.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
    // 507, or 503 when the database (on the same disk) is what failed first: SQLite then rolls back by
    // itself and the driver's error no longer says why (storage/failures.ts)
    assert.ok([507, 503].includes(another.status), `no room for a new upload either: ${another.status}`);
    const removed = await fetch(url, { method: 'DELETE', headers: TUS });
    assert.equal(removed.status, 204);
    assert.equal((await fetch(url, { method: 'HEAD', headers: TUS })).status, 404);
    const db = await openTestDatabase(disk as string);
    try {
      const rows = await db.selectFrom('uploads').select('id').where('media_id', 'is', null).execute();
      assert.deepEqual(rows, [], 'neither the canceled upload nor the refused one left a row');
    } finally {
      await db.destroy();
    }
    assert.equal((await multipart(`${server.url}/api/media/upload`, 1000)).status, 201);
  });
});
