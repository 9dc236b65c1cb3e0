import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { ListResponse, OperationStatus } from '@mediabay/core/protocol';
import { newOperationId, sha256, tusUpload } from '../test-support/clients.test-helper.js';
import {
  openTestDatabase,
  rawRequest,
  startTestServer,
  waitFor,
  type TestServer,
} from '../test-support/server.test-helper.js';
import { recordStatements, type StatementRecorder } from '../test-support/statements.test-helper.js';

describe('media REST routes', () => {
  let server: TestServer;
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(256 * 1024)]);
  let fileId: string;
  let operationId: string;
  before(async () => {
    server = await startTestServer();
    operationId = newOperationId();
    const endpoint = `${server.url}/api/media/uploads`;
    ({ fileId } = (await tusUpload(endpoint, bytes, {
      name: 'Report.pdf',
      type: 'application/pdf',
      operationId,
    })) as {
      fileId: string;
    });
    await tusUpload(endpoint, Buffer.from('0123456789'), {
      name: 'alpha.txt',
      type: 'text/plain',
      operationId: newOperationId(),
    });
    await tusUpload(endpoint, Buffer.from('x'.repeat(30)), {
      name: 'Beta 100%.txt',
      type: 'text/plain',
      operationId: newOperationId(),
    });
    await tusUpload(endpoint, Buffer.from('89504e470d0a1a0a000000000000000000000000', 'hex'), {
      name: 'photo.png',
      type: 'image/png',
      operationId: newOperationId(),
    });
  });
  after(() => server.close());

  const list = async (query: string): Promise<ListResponse> => {
    const res = await fetch(`${server.url}/api/media${query}`);
    assert.equal(res.status, 200, query);
    return (await res.json()) as ListResponse;
  };
  const names = (page: ListResponse): string[] => page.items.map((f) => f.name);

  it('lists newest first by default with a total', async () => {
    const page = await list('');
    assert.equal(page.total, 4);
    assert.deepEqual(names(page), ['photo.png', 'Beta 100%.txt', 'alpha.txt', 'Report.pdf']);
    assert.equal(page.nextCursor, null);
  });

  it('searches names case-insensitively and treats % literally', async () => {
    assert.deepEqual(names(await list('?q=REPORT')), ['Report.pdf']);
    assert.deepEqual(names(await list('?q=100%25')), ['Beta 100%.txt']);
    assert.deepEqual(names(await list('?q=%25')), ['Beta 100%.txt']);
  });

  it('filters by type and sorts by name, size and type in both orders', async () => {
    assert.deepEqual(names(await list('?type=document&sort=name')), [
      'alpha.txt',
      'Beta 100%.txt',
      'Report.pdf',
    ]);
    assert.deepEqual(names(await list('?sort=size&order=desc')), [
      'Report.pdf',
      'Beta 100%.txt',
      'photo.png',
      'alpha.txt',
    ]);
    assert.equal((await list('?sort=type&order=asc')).items[0]?.type, 'document');
  });

  it('pages with a cursor without repeats or gaps, even when files arrive between pages', async () => {
    const first = await list('?sort=name&limit=2');
    assert.deepEqual(names(first), ['alpha.txt', 'Beta 100%.txt']);
    assert.ok(first.nextCursor);
    await tusUpload(`${server.url}/api/media/uploads`, randomBytes(5), {
      name: 'aaa-first.txt',
      type: 'text/plain',
      operationId: newOperationId(),
    });
    const second = await list(`?sort=name&limit=2&cursor=${first.nextCursor}`);
    assert.deepEqual(names(second), ['photo.png', 'Report.pdf']);
    assert.equal(second.nextCursor, null);
  });

  it('answers bad list parameters with 400', async () => {
    for (const query of [
      '?sort=evil',
      '?order=up',
      '?limit=0',
      '?limit=abc',
      '?type=exe',
      '?cursor=garbage',
      '?bogus=1',
    ]) {
      const res = await fetch(`${server.url}/api/media${query}`);
      assert.equal(res.status, 400, query);
      assert.ok(((await res.json()) as { error: { code: string } }).error.code);
    }
  });

  it('gets one file, and answers malformed or traversal ids with 400 and unknown ones with 404', async () => {
    const res = await fetch(`${server.url}/api/media/${fileId}`);
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { operationId: string }).operationId, operationId);
    for (const id of ['..%2F..%2Fetc%2Fpasswd', 'abc', '..', '%2e%2e', `${fileId}%00`]) {
      const raw = await rawRequest(server.url, 'GET', `/api/media/${id}/content`);
      assert.equal(raw.status, 400, id);
    }
    assert.equal((await fetch(`${server.url}/api/media/${'0'.repeat(32)}`)).status, 404);
  });

  it('reports an operation through the polling fallback', async () => {
    const res = await fetch(`${server.url}/api/media/operations/${operationId}`);
    const status = (await res.json()) as OperationStatus;
    assert.equal(status.fileId, fileId);
    assert.equal(status.progress, 100);
    assert.ok(['processing', 'ready'].includes(status.status));
    assert.equal((await fetch(`${server.url}/api/media/operations/${newOperationId()}`)).status, 404);
    assert.equal((await fetch(`${server.url}/api/media/operations/${'x'.repeat(129)}`)).status, 400);
    assert.equal((await fetch(`${server.url}/api/media/operations/not%20an%20id`)).status, 400);
    assert.equal((await fetch(`${server.url}/api/media/operations/unknown-id`)).status, 404);
  });

  it('reports many operations at once, leaving out the unknown ones, and refuses a bad list', async () => {
    const unknown = newOperationId();
    const res = await fetch(
      `${server.url}/api/media/operations?ids=${operationId},${unknown},${operationId}`,
    );
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as { items: OperationStatus[] };
    assert.deepEqual(
      items.map((item) => [item.operationId, item.fileId]),
      [[operationId, fileId]],
    );
    const repeated = await fetch(`${server.url}/api/media/operations?ids=${unknown}&ids=${operationId}`);
    assert.deepEqual(
      ((await repeated.json()) as { items: OperationStatus[] }).items.map((item) => item.operationId),
      [operationId],
      'a repeated ids parameter adds to the list',
    );
    const many = Array.from({ length: 101 }, () => newOperationId()).join(',');
    for (const query of ['', '?ids=', `?ids=${many}`, '?ids=not%20an%20id', `?ids=${operationId}&x=1`]) {
      const bad = await fetch(`${server.url}/api/media/operations${query}`);
      assert.equal(bad.status, 400, query);
      assert.ok(((await bad.json()) as { error: { code: string } }).error.code, query);
    }
  });

  it('serves a byte range and refuses an unsatisfiable one', async () => {
    const res = await fetch(`${server.url}/api/media/${fileId}/content`, {
      headers: { Range: 'bytes=100-1099' },
    });
    assert.equal(res.status, 206);
    assert.equal(res.headers.get('content-range'), `bytes 100-1099/${bytes.length}`);
    assert.equal(sha256(Buffer.from(await res.arrayBuffer())), sha256(bytes.subarray(100, 1100)));
    const suffix = await fetch(`${server.url}/api/media/${fileId}/content`, {
      headers: { Range: 'bytes=-10' },
    });
    assert.deepEqual(Buffer.from(await suffix.arrayBuffer()), bytes.subarray(bytes.length - 10));
    const bad = await fetch(`${server.url}/api/media/${fileId}/content`, {
      headers: { Range: `bytes=${bytes.length}-` },
    });
    assert.equal(bad.status, 416);
  });

  it('sends documents as attachments with nosniff and a sandbox CSP', async () => {
    const res = await fetch(`${server.url}/api/media/${fileId}/content`);
    await res.arrayBuffer();
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="Report.pdf"/);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.match(res.headers.get('content-security-policy') ?? '', /sandbox/);
  });

  it('answers HEAD with the length only, and a matching ETag with 304', async () => {
    const head = await fetch(`${server.url}/api/media/${fileId}/content`, { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get('content-length'), String(bytes.length));
    const etag = head.headers.get('etag') ?? '';
    assert.ok(etag);
    const cached = await fetch(`${server.url}/api/media/${fileId}/content`, {
      headers: { 'If-None-Match': etag },
    });
    assert.equal(cached.status, 304);
  });

  it('asks plain HTTP requests to the socket path to upgrade, and refuses unknown routes and methods', async () => {
    const events = await fetch(`${server.url}/api/media/events`);
    assert.equal(events.status, 426);
    assert.equal((await fetch(`${server.url}/api/media/${fileId}/nothing`)).status, 404);
    const wrong = await fetch(`${server.url}/api/media/${fileId}/content`, { method: 'POST' });
    assert.equal(wrong.status, 405);
    assert.match(wrong.headers.get('allow') ?? '', /GET/);
  });

  it('survives a client that aborts a download half-way', async () => {
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((resolve) => {
        const req = http.get(`${server.url}/api/media/${fileId}/content`, (res) => {
          res.once('data', () => {
            req.destroy();
            resolve();
          });
        });
        req.on('error', () => resolve());
      });
    }
    const after = await waitFor(async () => {
      const res = await fetch(`${server.url}/api/media/${fileId}/content`);
      return res.status === 200 ? Buffer.from(await res.arrayBuffer()) : undefined;
    });
    assert.equal(sha256(after), sha256(bytes));
  });
});

describe('GET /api/media/operations over many ids', () => {
  const USERS: Record<string, { userId: string; tenantId: string }> = {
    alice: { userId: 'alice', tenantId: 'tenant-a' },
    carol: { userId: 'carol', tenantId: 'tenant-a' },
    bob: { userId: 'bob', tenantId: 'tenant-b' },
  };
  const authenticate = (req: IncomingMessage) => {
    const user = USERS[/^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''];
    return user ? { ...user, roles: ['editor'] } : null;
  };
  const as = (user: string) => ({ Authorization: `Bearer ${user}` });
  let server: TestServer;
  let recorder: StatementRecorder;
  /** the operations asked about, and what the answer says of each (undefined: left out) */
  const asked: [string, OperationStatus | undefined][] = [];

  const upload = async (user: string, status?: 'processing' | 'error') => {
    const operationId = newOperationId();
    const { fileId } = await tusUpload(
      `${server.url}/api/media/uploads`,
      Buffer.from(`plain text of ${operationId}`), // no media type: created ready
      { name: `${user}.bin`, type: 'application/octet-stream', operationId },
      { headers: as(user) },
    );
    assert.ok(fileId);
    return { operationId, fileId, status };
  };
  /** an upload in flight: `sent` of `size` bytes (no size: a deferred length) */
  const unfinished = async (user: string, sent: number, size?: number) => {
    const operationId = newOperationId();
    const res = await fetch(`${server.url}/api/media/uploads`, {
      method: 'POST',
      headers: {
        ...as(user),
        'Tus-Resumable': '1.0.0',
        ...(size === undefined ? { 'Upload-Defer-Length': '1' } : { 'Upload-Length': String(size) }),
        'Upload-Metadata': `filename ${btoa('part.bin')},operationId ${btoa(operationId)}`,
        'Content-Type': 'application/offset+octet-stream',
      },
      body: new Uint8Array(sent),
    });
    assert.equal(res.status, 201, await res.text());
    return operationId;
  };

  before(async () => {
    recorder = recordStatements();
    // no processing sweep within the test (the PostgreSQL run's sweeps every 2 leases)
    server = await startTestServer({ authenticate, leases: { processingMs: 60_000 } });
    const files = [
      await upload('alice'),
      await upload('alice', 'processing'),
      await upload('alice', 'error'),
      await upload('carol'),
      await upload('bob'),
    ];
    // a file still processing, and one whose processing failed (on another instance's lease)
    const db = await openTestDatabase(server.dataDir);
    try {
      for (const { fileId, status } of files.filter((f) => f.status)) {
        await db
          .updateTable('media')
          .set({
            status,
            error: status === 'error' ? 'ffprobe failed on /tmp/mediabay-x/copy.mp4' : null,
            claim_owner: 'another instance',
            claim_until: Date.now() + 3_600_000,
          })
          .where('id', '=', fileId)
          .execute();
      }
    } finally {
      await db.destroy();
    }
    const [ready, processing, failed, carols, bobs] = files.map((f) => ({
      operationId: f.operationId,
      progress: 100,
      fileId: f.fileId,
      status: f.status ?? 'ready',
    })) as OperationStatus[];
    const inFlight = await unfinished('alice', 250, 1000);
    const deferred = await unfinished('alice', 10);
    const bobsUpload = await unfinished('bob', 500, 1000);
    const unknown = newOperationId();
    asked.push(
      [unknown, undefined],
      [failed!.operationId, { ...failed!, status: 'error', error: 'ffprobe failed on' }],
      [bobs!.operationId, undefined],
      [ready!.operationId, ready],
      [inFlight, { operationId: inFlight, status: 'uploading', progress: 25 }],
      [processing!.operationId, processing],
      [bobsUpload, undefined],
      [carols!.operationId, carols], // the same tenant's: `read` is the library's, not per file
      [deferred, { operationId: deferred, status: 'uploading', progress: 0 }],
    );
  });
  after(async () => {
    recorder.restore();
    await server.close();
  });

  const read = async (ids: string[]): Promise<OperationStatus[]> => {
    const res = await fetch(`${server.url}/api/media/operations?ids=${ids.join(',')}`, {
      headers: as('alice'),
    });
    assert.equal(res.status, 200);
    return ((await res.json()) as { items: OperationStatus[] }).items;
  };
  const expected = () => asked.flatMap(([, status]) => (status ? [status] : []));

  it('answers a mixed list in the order asked, once each, without other tenants or unknown ids', async () => {
    const ids = asked.map(([id]) => id);
    assert.deepEqual(await read([...ids, ids[3]!, ids[1]!]), expected());
    // each as the one-operation route answers it
    for (const [id, status] of asked) {
      const res = await fetch(`${server.url}/api/media/operations/${id}`, { headers: as('alice') });
      assert.equal(res.status, status ? 200 : 404, id);
      if (status) assert.deepEqual(await res.json(), status);
    }
    const bobs = await fetch(`${server.url}/api/media/operations?ids=${ids.join(',')}`, {
      headers: as('bob'),
    });
    assert.deepEqual(
      ((await bobs.json()) as { items: OperationStatus[] }).items.map((item) => item.operationId),
      [ids[2], ids[6]],
      "bob's own file and upload only",
    );
  });

  it('reads 100 operations with at most one statement per table read, on SQLite and PostgreSQL', async () => {
    const ids = asked.map(([id]) => id);
    while (ids.length < 100) ids.push(newOperationId());
    await read(ids); // warms up (on SQLite, prepares)
    recorder.reset();
    recorder.on = true;
    const items = await read(ids);
    recorder.on = false;
    assert.deepEqual(items, expected());
    // the files (through their claims), then the uploads of the rest: not two per id
    assert.ok(recorder.run.length <= 2, `${recorder.run.length} statements:\n${recorder.run.join('\n')}`);
    assert.deepEqual(recorder.prepared, [], 'the same statements as the warm-up');
  });
});
