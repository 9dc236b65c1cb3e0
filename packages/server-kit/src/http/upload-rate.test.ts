// Rate limits without a wall (issue 13): uploads count when created (tus POST, multipart), not per tus
// request; the bucket is the user's (the address's for the anonymous demo); beyond it, 429 with
// Retry-After; the defaults let one user's batch of 10,000 files through.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';
import { resolveOptions } from '../options.js';
import { createRateLimiter } from './rate-limit.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

const createUpload = (server: TestServer, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${server.url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      ...TUS,
      'Upload-Length': '10',
      'Upload-Metadata': `filename ${btoa('a.bin')},operationId ${btoa(newOperationId())}`,
      ...headers,
    },
  });

const multipart = (server: TestServer, headers: Record<string, string> = {}): Promise<Response> => {
  const form = new FormData();
  form.set('operationId', newOperationId());
  form.set('file', new Blob(['hello']), 'a.txt');
  return fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form, headers });
};

const authenticate = (req: IncomingMessage) => {
  const user = req.headers['x-user'];
  return typeof user === 'string' ? { userId: user, tenantId: 't1', roles: ['admin'] } : null;
};

describe('upload rate limit', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      authenticate,
      limits: { rateLimit: { max: 10, windowMs: 60_000 }, uploadRateLimit: { max: 3, windowMs: 60_000 } },
    });
  });
  after(() => server.close());

  it('does not count the PATCH and HEAD requests of an upload against the request rate', async () => {
    const created = await createUpload(server, { 'X-User': 'carol' });
    assert.equal(created.status, 201);
    const url = new URL(created.headers.get('location') ?? '', server.url).href;
    for (let i = 0; i < 25; i++) {
      const head = await fetch(url, { method: 'HEAD', headers: { ...TUS, 'X-User': 'carol' } });
      assert.equal(head.status, 200, `HEAD ${i + 1}`);
    }
    const patch = await fetch(url, {
      method: 'PATCH',
      headers: {
        ...TUS,
        'X-User': 'carol',
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': '0',
      },
      body: Buffer.alloc(10),
    });
    assert.equal(patch.status, 204);
  });

  it('counts upload creations, tus and multipart, per user, with 429 and Retry-After beyond', async () => {
    const alice = { 'X-User': 'alice' };
    assert.equal((await createUpload(server, alice)).status, 201);
    assert.equal((await multipart(server, alice)).status, 201);
    assert.equal((await createUpload(server, alice)).status, 201);
    for (const refused of [await createUpload(server, alice), await multipart(server, alice)]) {
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) > 0);
      const body = (await refused.json()) as { error: { code: string } };
      assert.equal(body.error.code, 'rate-limited');
    }
    assert.equal((await createUpload(server, { 'X-User': 'bob' })).status, 201, 'another user has his own');
  });
});

describe('upload rate limit of the anonymous demo', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      trustProxy: 1,
      limits: { uploadRateLimit: { max: 2, windowMs: 60_000 } },
    });
  });
  after(() => server.close());

  it('keys anonymous callers by their address', async () => {
    const first = { 'X-Forwarded-For': '203.0.113.1' };
    assert.equal((await createUpload(server, first)).status, 201);
    assert.equal((await createUpload(server, first)).status, 201);
    assert.equal((await createUpload(server, first)).status, 429);
    assert.equal((await createUpload(server, { 'X-Forwarded-For': '203.0.113.2' })).status, 201);
  });
});

describe('upload rate limit defaults', () => {
  it('let one user start a batch of 10,000 uploads', async () => {
    const { uploadRateLimit } = resolveOptions({ dataDir: '/tmp/unused' }).limits;
    const limiter = createRateLimiter('defaults', uploadRateLimit);
    for (let i = 0; i < 10_000; i++) await limiter.hit('one-user');
  });
});
