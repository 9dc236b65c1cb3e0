import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ListResponse, MediaFile } from '@mediabay/core/protocol';
import { makeMedia, newOperationId, sha256, tusUpload } from './test-support/clients.test-helper.js';
import { openTestDatabase, startTestServer, waitFor } from './test-support/server.test-helper.js';

/** Removes library rows behind the server's back, keeping the bytes and the upload records. */
async function forgetFiles(dataDir: string): Promise<void> {
  const db = await openTestDatabase(dataDir);
  await db.updateTable('uploads').set({ media_id: null }).execute();
  await db.deleteFrom('media_tags').execute();
  await db.deleteFrom('media_usages').execute();
  await db.deleteFrom('media').execute();
  await db.destroy();
}

/** A PATCH whose body trickles in over about a second. */
function slowPatch(url: string, bytes: Buffer): Promise<Response> {
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= bytes.length) return controller.close();
      await new Promise((r) => setTimeout(r, 20));
      controller.enqueue(bytes.subarray(sent, sent + 32 * 1024));
      sent += 32 * 1024;
    },
  });
  return fetch(url, {
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
    },
    body,
    duplex: 'half',
  } as RequestInit);
}

describe('createMediaServer', () => {
  it('requires a data directory', async () => {
    const { createMediaServer } = await import('./media-server.js');
    assert.throws(() => createMediaServer({} as never), /dataDir/);
  });

  it("lifts Node's request timeout on attach and passes foreign paths to next()", async () => {
    const server = await startTestServer();
    try {
      assert.equal(server.http.requestTimeout, 0);
      // mounted the Express/Connect way: paths outside the API go to next()
      const outer = http.createServer((req, res) =>
        server.media.handler(req, res, () => res.end('host app')),
      );
      await new Promise<void>((resolve) => outer.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(outer.address() as AddressInfo).port}`;
      assert.equal(await (await fetch(`${base}/elsewhere`)).text(), 'host app');
      assert.equal((await fetch(`${base}/api/media`)).status, 200);
      assert.equal(await (await fetch(`${base}/api/mediafoo`)).text(), 'host app');
      outer.closeAllConnections();
      await new Promise((resolve) => outer.close(resolve));
    } finally {
      await server.close();
    }
  });

  it('lets an upload in progress finish on close, refuses new requests, and keeps what it acknowledged', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-close-'));
    try {
      const server = await startTestServer({ dataDir });
      const bytes = randomBytes(1024 * 1024);
      const created = await fetch(`${server.url}/api/media/uploads`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': String(bytes.length),
          'Upload-Metadata': `filename ${btoa('late.bin')},operationId ${btoa(newOperationId())}`,
        },
      });
      const patch = slowPatch(new URL(created.headers.get('location') ?? '', server.url).href, bytes);
      await new Promise((r) => setTimeout(r, 200));
      const closing = server.media.close();
      const refused = await fetch(`${server.url}/api/media`);
      assert.equal(refused.status, 503);
      const finished = await patch;
      assert.equal(finished.status, 204, 'the running PATCH was allowed to finish');
      const fileId = finished.headers.get('mediabay-file-id');
      await closing;
      await server.close();

      const again = await startTestServer({ dataDir });
      try {
        const list = (await (await fetch(`${again.url}/api/media`)).json()) as ListResponse;
        assert.deepEqual(
          list.items.map((f) => f.id),
          [fileId],
        );
        const stored = Buffer.from(
          await (await fetch(`${again.url}/api/media/${fileId}/content`)).arrayBuffer(),
        );
        assert.equal(sha256(stored), sha256(bytes));
      } finally {
        await again.close();
      }
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('makes the file of an upload whose bytes completed just before the process died', async () => {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-crash-'));
    try {
      let server = await startTestServer({ dataDir });
      const bytes = randomBytes(50_000);
      const operationId = newOperationId();
      const { url } = await tusUpload(`${server.url}/api/media/uploads`, bytes, {
        name: 'c.bin',
        type: '',
        operationId,
      });
      await server.close();
      await forgetFiles(dataDir); // as if the process died between the last byte and the library row

      server = await startTestServer({ dataDir });
      const list = (await (await fetch(`${server.url}/api/media`)).json()) as ListResponse;
      assert.deepEqual(
        list.items.map((f) => f.operationId),
        [operationId],
      );
      const stored = Buffer.from(
        await (await fetch(`${server.url}${list.items[0]?.contentUrl}`)).arrayBuffer(),
      );
      assert.equal(sha256(stored), sha256(bytes));

      // the same gap while running: the client's retrying HEAD closes it
      await forgetFiles(dataDir);
      const head = await fetch(new URL(new URL(url).pathname, server.url), {
        method: 'HEAD',
        headers: { 'Tus-Resumable': '1.0.0' },
      });
      assert.equal(head.headers.get('upload-offset'), String(bytes.length));
      const again = (await (await fetch(`${server.url}/api/media`)).json()) as ListResponse;
      assert.equal(again.total, 1);

      // several requests (or instances) closing the same gap at once make one file, not several
      await forgetFiles(dataDir);
      const heads = await Promise.all(
        Array.from({ length: 4 }, () =>
          fetch(new URL(new URL(url).pathname, server.url), {
            method: 'HEAD',
            headers: { 'Tus-Resumable': '1.0.0' },
          }),
        ),
      );
      assert.deepEqual(
        heads.map((h) => h.status),
        [200, 200, 200, 200],
      );
      const once = (await (await fetch(`${server.url}/api/media`)).json()) as ListResponse;
      assert.equal(once.total, 1);
      await server.close();
    } finally {
      await fs.rm(dataDir, { recursive: true, force: true });
    }
  });

  it('fails a processing job that runs past its timeout, with a reason', async () => {
    const server = await startTestServer({ limits: { processingTimeoutMs: 1 } });
    try {
      const { fileId } = await tusUpload(
        `${server.url}/api/media/uploads`,
        await fs.readFile(await makeMedia('clip.mp4')),
        {
          name: 'slow.mp4',
          type: 'video/mp4',
          operationId: newOperationId(),
        },
      );
      const file = await waitFor(async () => {
        const f = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
        return f.status === 'processing' ? undefined : f;
      });
      assert.equal(file.status, 'error');
      assert.match(file.error ?? '', /timed out/);
    } finally {
      await server.close();
    }
  });

  it('stores hostile names as given, keeps them off the disk, and sends them safely', async () => {
    const server = await startTestServer();
    try {
      for (const name of [
        '../../etc/passwd',
        '<img src=x onerror=alert(1)>.txt',
        'quote" and \\ back.txt',
        'Ünï 文件.txt',
      ]) {
        const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, Buffer.from('hello'), {
          name,
          type: 'text/plain',
          operationId: newOperationId(),
        });
        const file = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
        assert.equal(file.name, name);
        const res = await fetch(`${server.url}${file.contentUrl}`);
        const disposition = res.headers.get('content-disposition') ?? '';
        assert.match(disposition, /^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''/);
        assert.equal(decodeURIComponent(disposition.split("UTF-8''")[1] ?? ''), name);
      }
      const onDisk = await fs.readdir(path.join(server.dataDir, 'files', 'uploads'));
      assert.ok(
        onDisk.every((f) => /^[a-f0-9]{32}(\.json)?$/.test(f)),
        onDisk.join(),
      );
    } finally {
      await server.close();
    }
  });
});
