// What one small tus upload costs the database (issues 13 and 21): the SQL statements SQLite runs from
// the creating POST until the file is ready, counted where better-sqlite3 runs them, and the
// statements prepared meanwhile (none once the first upload warmed the statement cache).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import Sqlite from 'better-sqlite3';
import { FileStore } from '@tus/file-store';
import type { ServerEvent } from '@mediabay/core/protocol';
import { makeMedia, newOperationId, openEvents } from '../test-support/clients.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

type Methods = Record<string, (...args: unknown[]) => unknown>;

/** Records the SQL of every statement run and every prepare, while `on`. */
function recordSqlite() {
  const probe = new Sqlite(':memory:');
  const statement = Object.getPrototypeOf(probe.prepare('select 1')) as Methods;
  const database = Object.getPrototypeOf(probe) as Methods;
  probe.close();
  const originals = new Map<[Methods, string], (...args: unknown[]) => unknown>();
  const log = { on: false, run: [] as string[], prepared: [] as string[] };
  const wrap = (
    proto: Methods,
    method: string,
    into: 'run' | 'prepared',
    sql: (self: unknown, args: unknown[]) => string,
  ) => {
    const original = proto[method] as (...args: unknown[]) => unknown;
    originals.set([proto, method], original);
    proto[method] = function (this: unknown, ...args: unknown[]) {
      if (log.on) log[into].push(sql(this, args).replace(/\s+/g, ' ').trim());
      return original.apply(this, args);
    };
  };
  for (const method of ['run', 'get', 'all', 'iterate'])
    wrap(statement, method, 'run', (self) => (self as { source: string }).source);
  wrap(database, 'prepare', 'prepared', (_self, args) => String(args[0]));
  return {
    log,
    reset() {
      log.run = [];
      log.prepared = [];
    },
    restore() {
      for (const [[proto, method], original] of originals) proto[method] = original;
    },
  };
}

const onPostgres = process.env.MEDIABAY_TEST_DATABASE === 'postgres';
const TRANSACTION_CONTROL = /^(begin|commit|rollback)\b/i;

async function post(server: TestServer, bytes: Buffer, name: string): Promise<string> {
  const metadata = `filename ${btoa(name)},operationId ${btoa(newOperationId())}`;
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

describe('the database cost of one small tus upload', { skip: onPostgres && 'counted on SQLite' }, () => {
  let server: TestServer;
  let sqlite: ReturnType<typeof recordSqlite>;
  let events: ServerEvent[];
  let close: () => void;
  before(async () => {
    sqlite = recordSqlite();
    server = await startTestServer();
    const socket = await openEvents(server.wsUrl);
    events = socket.events;
    close = () => socket.ws.close();
  });
  after(async () => {
    close();
    sqlite.restore();
    await server.close();
  });

  /** Uploads `bytes` twice (the first warms up) and returns the statements of the second until ready. */
  async function measure(bytes: Buffer, name: string) {
    const readyEvent = (fileId: string) => () =>
      events.some((e) => e.type === 'media-updated' && e.file.id === fileId && e.file.status !== 'processing')
        ? true
        : undefined;
    await waitFor(readyEvent(await post(server, bytes, `warm-${name}`)), 20_000);
    sqlite.reset();
    sqlite.log.on = true;
    const fileId = await post(server, bytes, name);
    await waitFor(readyEvent(fileId), 20_000);
    sqlite.log.on = false;
    const file = events.find((e) => e.type === 'media-updated' && e.file.id === fileId);
    assert.ok(file?.type === 'media-updated' && file.file.status === 'ready', JSON.stringify(file));
    const data = sqlite.log.run.filter((sql) => !TRANSACTION_CONTROL.test(sql));
    return { all: sqlite.log.run, data, prepared: sqlite.log.prepared, fileId };
  }

  it('runs 12 statements for a download-type file (8 besides begin/commit), none prepared anew', async () => {
    const { all, data, prepared, fileId } = await measure(randomBytes(100 * 1024), 'small.bin');
    // nothing to probe in it: created ready, no processing job; only the events a job ends with
    const created = events.find((e) => e.type === 'media-created' && e.file.id === fileId);
    assert.ok(created?.type === 'media-created' && created.file.status === 'ready');
    const stages = events.flatMap((e) =>
      e.type === 'media-processing-progress' && e.fileId === fileId ? [e.data.stage] : [],
    );
    assert.deepEqual(stages, ['done']);
    assert.ok(data.length <= 8, `${data.length} statements:\n${data.join('\n')}`);
    assert.ok(all.length <= 12, `${all.length} statements:\n${all.join('\n')}`);
    assert.deepEqual(prepared, [], 'every statement was prepared by the first upload');
    // what must still be written: the upload row, its two audit entries, the file and its claim
    for (const table of ['uploads', 'media', 'media_operations'])
      assert.ok(
        all.some((sql) => sql.startsWith(`insert into "${table}"`)),
        `no insert into ${table}`,
      );
    assert.equal(all.filter((sql) => sql.startsWith('insert into "audit_log"')).length, 2);
  });

  it('runs 15 statements for a picture processing reads (11 besides begin/commit)', async () => {
    const bytes = await fs.readFile(await makeMedia('still.png'));
    const { all, data, prepared } = await measure(bytes, 'still.png');
    assert.ok(data.length <= 11, `${data.length} statements:\n${data.join('\n')}`);
    assert.ok(all.length <= 15, `${all.length} statements:\n${all.join('\n')}`);
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
    sqlite.reset();
    sqlite.log.on = true;
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
    sqlite.log.on = false;
    assert.equal(patch.status, 204, await patch.text());
    const progress = events.filter(
      (e) => e.type === 'media-upload-progress' && e.operationId === operationId,
    );
    assert.ok(progress.length >= 2, `${progress.length} progress events`);
    const reads = sqlite.log.run.filter((sql) => sql.startsWith('select * from "uploads" where "id" = ?'));
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
