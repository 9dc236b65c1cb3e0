// The local tus store keeps no info file per upload (the upload row holds size, metadata and creation
// date), resumes from the bytes on disk after a restart, never sweeps a finished file's bytes, and
// still serves uploads begun before (an info file beside the bytes, a row without metadata).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { MemoryKvStore, Upload } from '@tus/utils';
import { newOperationId, sha256 } from '../test-support/clients.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';
import { LocalTusStore } from './local-tus-store.js';

const TUS = { 'Tus-Resumable': '1.0.0' };
const BYTES = { ...TUS, 'Content-Type': 'application/offset+octet-stream' };

const metadataHeader = (pairs: Record<string, string>): string =>
  Object.entries(pairs)
    .map(([key, value]) => `${key} ${btoa(value)}`)
    .join(',');

/** Creates an upload (with `first` as its creation's body); returns its URL. */
async function create(server: TestServer, headers: Record<string, string>, first?: Buffer): Promise<string> {
  const res = await fetch(`${server.url}/api/media/uploads`, {
    method: 'POST',
    headers: first ? { ...BYTES, ...headers } : { ...TUS, ...headers },
    ...(first ? { body: new Uint8Array(first) } : {}),
  });
  assert.equal(res.status, 201, await res.text());
  return new URL(res.headers.get('location') ?? '', server.url).href;
}

const head = async (url: string): Promise<Response> => fetch(url, { method: 'HEAD', headers: TUS });

async function patch(url: string, offset: number, body: Buffer, extra = {}): Promise<Response> {
  return fetch(url, {
    method: 'PATCH',
    headers: { ...BYTES, 'Upload-Offset': String(offset), ...extra },
    body: new Uint8Array(body),
  });
}

async function content(server: TestServer, fileId: string): Promise<Buffer | number> {
  const file = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
  const res = await fetch(`${server.url}${file.contentUrl}`);
  return res.ok ? Buffer.from(await res.arrayBuffer()) : res.status;
}

/** PATCHes the rest of `bytes` from `offset`: the upload ends as a file of exactly `bytes`; its id. */
async function finish(server: TestServer, url: string, offset: number, bytes: Buffer): Promise<string> {
  const done = await patch(url, offset, bytes.subarray(offset));
  assert.equal(done.status, 204);
  const fileId = done.headers.get('mediabay-file-id') as string;
  assert.equal(sha256((await content(server, fileId)) as Buffer), sha256(bytes));
  return fileId;
}

const uploadsDir = (dataDir: string): string => path.join(dataDir, 'files', 'uploads');
const idOf = (url: string): string => new URL(url).pathname.split('/').pop() as string;
/** The upload at `url` on another server (a restart listens on a new port). */
const on = (server: TestServer, url: string): string => new URL(new URL(url).pathname, server.url).href;

async function withDataDir(run: (dataDir: string) => Promise<void>): Promise<void> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-local-tus-'));
  try {
    await run(dataDir);
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

describe('the local tus store', () => {
  it('writes only the bytes per upload, and HEAD answers length, offset and metadata after a restart', async () => {
    await withDataDir(async (dataDir) => {
      const bytes = randomBytes(3000);
      const operationId = newOperationId();
      const meta = metadataHeader({
        filename: 'notes.txt',
        filetype: 'text/plain',
        operationId,
        extra: 'kept',
      });
      const first = await startTestServer({ dataDir });
      const created = await create(
        first,
        { 'Upload-Length': '3000', 'Upload-Metadata': meta },
        bytes.subarray(0, 1000),
      );
      assert.deepEqual(
        await fs.readdir(uploadsDir(dataDir)),
        [idOf(created)],
        'no info file beside the bytes',
      );
      await first.close();

      const second = await startTestServer({ dataDir });
      const url = on(second, created);
      try {
        const res = await head(url);
        assert.equal(res.status, 200);
        assert.equal(res.headers.get('upload-offset'), '1000');
        assert.equal(res.headers.get('upload-length'), '3000');
        assert.equal(res.headers.get('upload-metadata'), meta, 'the metadata as created');
        await finish(second, url, 1000, bytes);
      } finally {
        await second.close();
      }
    });
  });

  it('learns a deferred length from a PATCH and keeps it across a restart', async () => {
    await withDataDir(async (dataDir) => {
      const bytes = randomBytes(2000);
      const first = await startTestServer({ dataDir });
      const meta = metadataHeader({ filename: 'later.bin', operationId: newOperationId() });
      const created = await create(first, { 'Upload-Defer-Length': '1', 'Upload-Metadata': meta });
      assert.equal((await head(created)).headers.get('upload-defer-length'), '1');
      const part = await patch(created, 0, bytes.subarray(0, 500), { 'Upload-Length': '2000' });
      assert.equal(part.status, 204);
      await first.close();

      const second = await startTestServer({ dataDir });
      const url = on(second, created);
      try {
        const res = await head(url);
        assert.equal(res.headers.get('upload-length'), '2000');
        assert.equal(res.headers.get('upload-offset'), '500');
        await finish(second, url, 500, bytes);
      } finally {
        await second.close();
      }
    });
  });

  it("keeps a finished upload's bytes when the expiry sweep removes an unfinished one", async () => {
    const server = await startTestServer({ limits: { uploadExpiryMs: 300 } }); // swept every 75 ms
    try {
      const bytes = randomBytes(1200);
      const meta = (name: string): string =>
        metadataHeader({ filename: name, operationId: newOperationId() });
      const finished = await fetch(`${server.url}/api/media/uploads`, {
        method: 'POST',
        headers: { ...BYTES, 'Upload-Length': '1200', 'Upload-Metadata': meta('kept.bin') },
        body: new Uint8Array(bytes),
      });
      const fileId = finished.headers.get('mediabay-file-id') as string;
      const unfinished = await create(
        server,
        { 'Upload-Length': '1200', 'Upload-Metadata': meta('cut.bin') },
        bytes.subarray(0, 10),
      );
      await waitFor(async () => ((await head(unfinished)).status === 404 ? true : undefined), 10_000);
      // two sweeps later at least (the sweep that took the unfinished one may have started first)
      await new Promise((resolve) => setTimeout(resolve, 400));
      assert.equal(sha256((await content(server, fileId)) as Buffer), sha256(bytes));
    } finally {
      await server.close();
    }
  });
});

describe('an upload begun before the info moved to its row', () => {
  /** Makes `url`'s upload look as an older version left it: an info file, a row without metadata. */
  async function makeLegacy(dataDir: string, url: string, info: object): Promise<void> {
    const id = idOf(url);
    await fs.writeFile(path.join(uploadsDir(dataDir), `${id}.json`), JSON.stringify({ id, ...info }));
    const db = await openTestDatabase(dataDir);
    try {
      await db.updateTable('uploads').set({ metadata: null }).where('id', '=', id).execute();
    } finally {
      await db.destroy();
    }
  }

  it('answers its info file metadata, finishes, and leaves no info file once removed', async () => {
    await withDataDir(async (dataDir) => {
      const bytes = randomBytes(1500);
      const operationId = newOperationId();
      const sent = metadataHeader({ filename: 'old.bin', operationId });
      const first = await startTestServer({ dataDir });
      const created = await create(
        first,
        { 'Upload-Length': '1500', 'Upload-Metadata': sent },
        bytes.subarray(0, 700),
      );
      await first.close();
      const legacy = { filename: 'old.bin', operationId, origin: 'info-file' };
      await makeLegacy(dataDir, created, {
        size: 1500,
        offset: 0,
        metadata: legacy,
        creation_date: new Date().toISOString(),
      });

      const second = await startTestServer({ dataDir });
      const url = on(second, created);
      try {
        const res = await head(url);
        assert.equal(res.headers.get('upload-offset'), '700');
        assert.equal(res.headers.get('upload-metadata'), metadataHeader(legacy));
        const fileId = await finish(second, url, 700, bytes);
        assert.equal(
          (await fetch(`${second.url}/api/media/${fileId}?permanent=true`, { method: 'DELETE' })).status,
          204,
        );
        await waitFor(
          async () => ((await fs.readdir(uploadsDir(dataDir))).length === 0 ? true : undefined),
          10_000,
        );
      } finally {
        await second.close();
      }
    });
  });

  it("sweeps an expired unfinished upload's info file and bytes, never complete bytes or a known upload", async () => {
    await withDataDir(async (dir) => {
      const old = new Date(Date.now() - 60_000).toISOString();
      const write = async (id: string, size: number, held: number): Promise<void> => {
        await fs.writeFile(path.join(dir, id), randomBytes(held));
        await fs.writeFile(
          path.join(dir, `${id}.json`),
          JSON.stringify({ id, size, offset: 0, creation_date: old }),
        );
      };
      const [unfinished, complete, known] = ['a', 'b', 'c'].map((c) => c.repeat(32)) as [
        string,
        string,
        string,
      ];
      await write(unfinished, 100, 40); // no row: an upload of an older version, past the expiry
      await write(complete, 100, 100); // may be a library file: its bytes stay
      await write(known, 100, 40); // a row holds it: the rows' own sweep decides (tus/expiry.ts)
      const store = new LocalTusStore({ directory: dir, expirationPeriodInMilliseconds: 1000 });
      const rows = new MemoryKvStore<Upload>();
      await rows.set(known, new Upload({ id: known, size: 100, offset: 0, creation_date: old }));
      store.bindInfos(rows);
      assert.equal(await store.deleteExpired(), 1);
      assert.deepEqual((await fs.readdir(dir)).sort(), [
        complete,
        `${complete}.json`,
        known,
        `${known}.json`,
      ]);
    });
  });
});

describe('tus bytes nothing refers to', () => {
  it('are removed at start once older than the expiry; a file and an upload in flight are kept', async () => {
    await withDataDir(async (dataDir) => {
      const dir = uploadsDir(dataDir);
      const meta = (name: string): string =>
        metadataHeader({ filename: name, operationId: newOperationId() });
      const first = await startTestServer({ dataDir });
      const whole = randomBytes(800);
      const finished = await fetch(`${first.url}/api/media/uploads`, {
        method: 'POST',
        headers: { ...BYTES, 'Upload-Length': '800', 'Upload-Metadata': meta('file.bin') },
        body: new Uint8Array(whole),
      });
      const fileId = finished.headers.get('mediabay-file-id') as string;
      const inFlight = await create(
        first,
        { 'Upload-Length': '800', 'Upload-Metadata': meta('half.bin') },
        whole.subarray(0, 400),
      );
      await first.close();
      const orphan = 'c'.repeat(32); // a cancel's bytes whose removal failed after its row went
      await fs.writeFile(path.join(dir, orphan), randomBytes(300));
      await fs.writeFile(path.join(dir, `${orphan}.json`), '{}');
      const recent = 'd'.repeat(32);
      await fs.writeFile(path.join(dir, recent), randomBytes(300));
      const old = new Date(Date.now() - 2 * 60_000);
      for (const name of await fs.readdir(dir))
        if (name !== recent) await fs.utimes(path.join(dir, name), old, old);

      const second = await startTestServer({ dataDir, limits: { uploadExpiryMs: 60_000 } });
      try {
        const finishedId = idOf(new URL(finished.headers.get('location') ?? '', first.url).href);
        assert.deepEqual((await fs.readdir(dir)).sort(), [finishedId, idOf(inFlight), recent].sort());
        assert.equal((await head(on(second, inFlight))).headers.get('upload-offset'), '400');
        assert.equal(sha256((await content(second, fileId)) as Buffer), sha256(whole));
      } finally {
        await second.close();
      }
    });
  });
});
