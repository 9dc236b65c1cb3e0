// What one small tus upload costs the database (issues 13 and 21): the SQL statements from the
// creating POST until the file is ready, BEGIN/COMMIT included, counted where the driver runs them
// (better-sqlite3 on SQLite; pg's client.query on PostgreSQL, what its statement log would show),
// and on SQLite the statements prepared meanwhile (none once the first upload warmed the cache).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import nodeFs from 'node:fs';
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { after, before, describe, it } from 'node:test';
import { FileStore } from '@tus/file-store';
import type { ServerEvent } from '@mediabay/core/protocol';
import { makeMedia, newOperationId, openEvents } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { recordStatements, type Methods } from '../test-support/statements.test-helper.js';

const onPostgres = process.env.MEDIABAY_TEST_DATABASE === 'postgres';

const TRANSACTION_CONTROL = /^(begin|commit|rollback)\b/i;

async function post(
  server: TestServer,
  bytes: Buffer,
  name: string,
  operationId = newOperationId(),
): Promise<string> {
  const metadata = `filename ${btoa(name)},operationId ${btoa(operationId)}`;
  const res = await fetch(`${server.url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': metadata,
      'Content-Type': 'application/offset+octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  assert.equal(res.status, 201, await res.text());
  assert.equal(res.headers.get('upload-offset'), String(bytes.length));
  return res.headers.get('mediabay-file-id') ?? '';
}

describe('the database cost of one small tus upload', () => {
  let server: TestServer;
  let recorder: ReturnType<typeof recordStatements>;
  let events: ServerEvent[];
  let close: () => void;
  before(async () => {
    recorder = recordStatements();
    // PostgreSQL: leases long enough that the processing sweep (every 2 leases) stays out of the
    // measured windows (the test server's default of 1 s swept every 2 s)
    server = await startTestServer({ leases: { processingMs: 60_000 } });
    const socket = await openEvents(server.wsUrl);
    events = socket.events;
    close = () => socket.ws.close();
  });
  after(async () => {
    close();
    recorder.restore();
    await server.close();
  });

  /** Uploads `bytes` twice (the first warms up) and returns the statements of the second until ready. */
  async function measure(bytes: Buffer, name: string) {
    const readyEvent = (fileId: string) => () =>
      events.some((e) => e.type === 'media-updated' && e.file.id === fileId && e.file.status !== 'processing')
        ? true
        : undefined;
    await waitFor(readyEvent(await post(server, bytes, `warm-${name}`)), 20_000);
    recorder.reset();
    recorder.on = true;
    const fileId = await post(server, bytes, name);
    await waitFor(readyEvent(fileId), 20_000);
    recorder.on = false;
    const file = events.find((e) => e.type === 'media-updated' && e.file.id === fileId);
    assert.ok(file?.type === 'media-updated' && file.file.status === 'ready', JSON.stringify(file));
    const data = recorder.run.filter((sql) => !TRANSACTION_CONTROL.test(sql));
    return { all: recorder.run, data, prepared: recorder.prepared, fileId };
  }

  it('runs 8 statements for a download-type file, BEGIN/COMMIT counted, none prepared anew', async () => {
    const bytes = randomBytes(100 * 1024);
    // the type is sniffed from the bytes as they went to the store: the file is not read back
    const createReadStream = nodeFs.createReadStream;
    const opened: string[] = [];
    nodeFs.createReadStream = ((...args: Parameters<typeof createReadStream>) => {
      opened.push(String(args[0]));
      return createReadStream(...args);
    }) as typeof createReadStream;
    syncBuiltinESMExports();
    const { all, prepared, fileId } = await measure(bytes, 'small.bin').finally(() => {
      nodeFs.createReadStream = createReadStream;
      syncBuiltinESMExports();
    });
    assert.deepEqual(
      opened.filter((file) => file.startsWith(server.dataDir)),
      [],
      'no read of the stored file',
    );
    // nothing to probe in it: created ready, no processing job; only the events a job ends with
    const created = events.find((e) => e.type === 'media-created' && e.file.id === fileId);
    assert.ok(created?.type === 'media-created' && created.file.status === 'ready');
    const stages = events.flatMap((e) =>
      e.type === 'media-processing-progress' && e.fileId === fileId ? [e.data.stage] : [],
    );
    assert.deepEqual(stages, ['done']);
    assert.ok(all.length <= 8, `${all.length} statements:\n${all.join('\n')}`);
    assert.deepEqual(prepared, [], 'every statement was prepared by the first upload');
    // two transactions: the upload row (its audit entry with it) and the file (its claim and entry)
    assert.equal(all.filter((sql) => /^begin\b/i.test(sql)).length, 2);
    for (const write of [/^(with .*)?insert into "uploads"/, /^insert into "media"/, /^update "uploads" set/])
      assert.ok(
        all.some((sql) => write.test(sql)),
        `no ${String(write)}`,
      );
    // the operation is claimed: a repeat of the creating POST (its answer lost) gets the same file
    assert.equal(await post(server, bytes, 'small.bin', created.file.operationId), fileId);
  });

  it('runs 11 statements for a picture processing reads (7 besides begin/commit)', async () => {
    const bytes = await fs.readFile(await makeMedia('still.png'));
    const { all, data, prepared } = await measure(bytes, 'still.png');
    // on PostgreSQL the shared job queue also counts the tenant's backlog (its fair share)
    const extra = onPostgres ? 1 : 0;
    assert.ok(data.length <= 7 + extra, `${data.length} statements:\n${data.join('\n')}`);
    assert.ok(all.length <= 11 + extra, `${all.length} statements:\n${all.join('\n')}`);
    assert.deepEqual(prepared, []);
    assert.ok(
      all.some((sql) => sql.startsWith('update "media" set')),
      'the file was made ready',
    );
  });

  it('reads the upload row once for a long PATCH, not per progress event', async () => {
    const size = 5 * 64 * 1024;
    const create = await fetch(`${server.url}/api/media/uploads`, {
      method: 'POST',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(size),
        'Upload-Metadata': `filename ${btoa('slow.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
    assert.equal(create.status, 201);
    const location = new URL(create.headers.get('location') ?? '', `${server.url}/api/media/uploads/`);
    const operationId = create.headers.get('mediabay-operation-id');
    const chunks = Array.from({ length: 5 }, () => randomBytes(64 * 1024));
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const chunk = chunks.shift();
        if (!chunk) return controller.close();
        await new Promise((resolve) => setTimeout(resolve, 150)); // past the 100 ms progress throttle
        controller.enqueue(new Uint8Array(chunk));
      },
    });
    recorder.reset();
    recorder.on = true;
    const patch = await fetch(location, {
      method: 'PATCH',
      headers: {
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
      },
      body,
      duplex: 'half',
    } as RequestInit);
    recorder.on = false;
    assert.equal(patch.status, 204, await patch.text());
    const progress = events.filter(
      (e) => e.type === 'media-upload-progress' && e.operationId === operationId,
    );
    assert.ok(progress.length >= 2, `${progress.length} progress events`);
    const reads = recorder.run.filter((sql) => /^select \* from "uploads" where "id" = (\?|\$1)$/.test(sql));
    assert.equal(reads.length, 1, 'the ownership check');
  });

  it('does not read a just-completed upload back from the disk (tus asks only for Upload-Expires)', async () => {
    const proto = FileStore.prototype as unknown as Methods;
    const original = proto.getUpload as (...args: unknown[]) => unknown;
    let reads = 0;
    proto.getUpload = function (this: unknown, ...args: unknown[]) {
      reads += 1;
      return original.apply(this, args);
    };
    try {
      const bytes = randomBytes(50 * 1024);
      const fileId = await post(server, bytes, 'once.bin');
      assert.equal(reads, 0, 'no getUpload on the file store for a creating POST with all its bytes');
      const list = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as { size: number };
      assert.equal(list.size, bytes.length);
    } finally {
      proto.getUpload = original;
    }
  });
});
