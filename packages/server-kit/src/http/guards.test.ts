import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newOperationId, openEvents, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

describe('request guards', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      allowedOrigins: ['https://lms.example'],
      limits: { rateLimit: { max: 20, windowMs: 60_000 } },
    });
  });
  after(() => server.close());

  const bulk = (headers: Record<string, string>) =>
    fetch(`${server.url}/api/media/bulk-delete`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ fileIds: ['0'.repeat(32)] }),
    });

  it('refuses state-changing requests from another site', async () => {
    const crossSite: Record<string, string>[] = [
      { Origin: 'https://evil.example' },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
    ];
    for (const headers of crossSite) {
      const res = await bulk(headers);
      assert.equal(res.status, 403, JSON.stringify(headers));
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'cross-site-refused');
    }
  });

  it('accepts its own origin, allowed origins (with CORS) and non-browser clients', async () => {
    assert.equal((await bulk({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' })).status, 200);
    assert.equal((await bulk({})).status, 200);
    const allowed = await bulk({ Origin: 'https://lms.example', 'Sec-Fetch-Site': 'cross-site' });
    assert.equal(allowed.status, 200);
    assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://lms.example');
    const read = await fetch(`${server.url}/api/media`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(read.status, 200, 'reads are not state changes');
    assert.equal(read.headers.get('access-control-allow-origin'), null, 'but another site cannot read them');
  });

  it('answers a CORS preflight for an allowed origin', async () => {
    const res = await fetch(`${server.url}/api/media/uploads`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://lms.example', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(res.status, 204);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /Upload-Metadata/);
  });

  it('answers 429 with Retry-After beyond the request rate', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 30 && !limited; i++) {
      const res = await fetch(`${server.url}/api/media`);
      if (res.status === 429) limited = res;
      else await res.arrayBuffer();
    }
    assert.ok(limited, 'the limit was reached');
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal(((await limited.json()) as { error: { code: string } }).error.code, 'rate-limited');
    await assert.rejects(openEvents(server.wsUrl), /429/, 'socket upgrades count too');
  });
});

describe('files per tenant', () => {
  it('refuses new uploads (tus and multipart) once a tenant holds its quota, with 403', async () => {
    const server = await startTestServer({ limits: { maxFilesPerTenant: 2 } });
    try {
      const made: { operationId: string; fileId: string | null }[] = [];
      for (const name of ['a.txt', 'b.txt']) {
        const operationId = newOperationId();
        const meta = { name, type: 'text/plain', operationId };
        made.push({
          operationId,
          ...(await tusUpload(`${server.url}/api/media/uploads`, Buffer.from(name), meta)),
        });
      }
      // an upload of an operation that has its file makes no new one: answered with that file
      const again = await tusUpload(`${server.url}/api/media/uploads`, Buffer.from('b.txt'), {
        name: 'b.txt',
        type: 'text/plain',
        operationId: made[1]!.operationId,
      });
      assert.equal(again.fileId, made[1]!.fileId);
      const tus = await fetch(`${server.url}/api/media/uploads`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '1',
          'Upload-Metadata': `filename ${btoa('c.txt')},operationId ${btoa(newOperationId())}`,
        },
      });
      assert.equal(tus.status, 403);
      assert.equal(((await tus.json()) as { error: { code: string } }).error.code, 'quota-exceeded');
      const form = new FormData();
      form.append('operationId', newOperationId());
      form.append('file', new Blob(['c']), 'c.txt');
      const multipart = await fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
      assert.equal(multipart.status, 403);
      const list = (await (await fetch(`${server.url}/api/media`)).json()) as { total: number };
      assert.equal(list.total, 2);
    } finally {
      await server.close();
    }
  });
});
