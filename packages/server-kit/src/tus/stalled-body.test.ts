// A request body that stops arriving is closed after the idle timeout, however long it has run, and
// the tus upload stays resumable from what was written; the row's offset is written at every PATCH
// end (issue 15, items 6 and 7).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { newOperationId } from '../test-support/clients.test-helper.js';
import {
  openTestDatabase,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

/** Starts a PATCH, sends `chunks` one per `everyMs`, then stops sending; resolves when the server hangs up. */
function stallingPatch(url: string, offset: number, chunks: Buffer[], everyMs: number): Promise<string> {
  return new Promise((resolve) => {
    const total = chunks.reduce((n, c) => n + c.length, 0) + 1000;
    const req = http.request(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': String(offset),
        'Content-Length': String(total), // more than is ever sent
      },
    });
    req.on('response', (res) => resolve(`answered ${res.statusCode}`));
    req.on('error', () => resolve('closed'));
    req.on('close', () => resolve('closed'));
    const send = (i: number): void => {
      const chunk = chunks[i];
      if (!chunk) return;
      req.write(chunk);
      setTimeout(() => send(i + 1), everyMs);
    };
    send(0);
  });
}

describe('stalled request bodies', () => {
  let server: TestServer;
  let endpoint: string;
  before(async () => {
    server = await startTestServer({ limits: { bodyIdleTimeoutMs: 400 } });
    endpoint = `${server.url}/api/media/uploads`;
  });
  after(() => server.close());

  it(
    'keeps a slow PATCH that keeps moving, closes it once it stalls, and the upload resumes',
    {
      timeout: 20_000,
    },
    async () => {
      const bytes = randomBytes(3000);
      const created = await fetch(endpoint, {
        method: 'POST',
        headers: {
          ...TUS,
          'Upload-Length': String(bytes.length),
          'Upload-Metadata': `filename ${btoa('slow.bin')},operationId ${btoa(newOperationId())}`,
        },
      });
      assert.equal(created.status, 201);
      const url = new URL(created.headers.get('location') ?? '', endpoint).href;
      // 10 chunks, one every 150 ms: ~1.5 s in all, longer than the idle timeout, never idle that long
      const chunks = Array.from({ length: 10 }, (_, i) => bytes.subarray(i * 100, (i + 1) * 100));
      assert.equal(await stallingPatch(url, 0, chunks, 150), 'closed');

      const head = await fetch(url, { method: 'HEAD', headers: TUS });
      assert.equal(head.headers.get('upload-offset'), '1000', 'every byte sent before the stall was kept');
      const id = url.split('/').pop() as string;
      const db = await openTestDatabase(server.dataDir);
      try {
        // written when the PATCH ended, not only once a second while bytes flow
        const row = await waitFor(async () => {
          const found = await db
            .selectFrom('uploads')
            .select('offset')
            .where('id', '=', id)
            .executeTakeFirst();
          return Number(found?.offset) === 1000 ? found : undefined;
        }, 5000);
        assert.equal(Number(row.offset), 1000);
      } finally {
        await db.destroy();
      }

      const rest = await fetch(url, {
        method: 'PATCH',
        headers: { ...TUS, 'Content-Type': 'application/offset+octet-stream', 'Upload-Offset': '1000' },
        body: bytes.subarray(1000),
      });
      assert.equal(rest.status, 204);
      assert.equal(rest.headers.get('upload-offset'), String(bytes.length));
    },
  );
});
