// Quotas on unfinished uploads per user and per tenant (issue 15): clear 4xx answers, and room again
// once an upload finishes or is canceled.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

const TUS = { 'Tus-Resumable': '1.0.0' };

const authenticate = (req: IncomingMessage) => {
  const user = req.headers['x-user'];
  const tenantId = typeof req.headers['x-tenant'] === 'string' ? req.headers['x-tenant'] : 't1';
  return typeof user === 'string' ? { userId: user, tenantId, roles: ['admin'] } : null;
};

describe('upload quotas', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({
      authenticate,
      limits: {
        pendingUploads: { perUser: 2, perTenant: 3 },
        reservedBytes: { perUser: 1000, perTenant: 1500 },
      },
    });
  });
  after(() => server.close());

  const create = (user: string, length: number, tenant = 't1'): Promise<Response> =>
    fetch(`${server.url}/api/media/uploads`, {
      method: 'POST',
      headers: {
        ...TUS,
        'X-User': user,
        'X-Tenant': tenant,
        'Upload-Length': String(length),
        'Upload-Metadata': `filename ${btoa('a.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
  const urlOf = (res: Response): string => new URL(res.headers.get('location') ?? '', server.url).href;
  const assertQuota = async (res: Response, status: number): Promise<void> => {
    assert.equal(res.status, status);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'quota-exceeded');
    if (status === 429) assert.ok(Number(res.headers.get('retry-after')) > 0);
  };

  it('caps unfinished uploads per user and per tenant, and frees a place when one ends', async () => {
    const first = await create('alice', 10);
    assert.equal(first.status, 201);
    assert.equal((await create('alice', 10)).status, 201);
    await assertQuota(await create('alice', 10), 429);
    const bobs = await create('bob', 10);
    assert.equal(bobs.status, 201, 'another user has his own count');
    await assertQuota(await create('bob', 10), 429); // the tenant holds 3
    const done = await fetch(urlOf(first), {
      method: 'PATCH',
      headers: {
        ...TUS,
        'X-User': 'alice',
        'Content-Type': 'application/offset+octet-stream',
        'Upload-Offset': '0',
      },
      body: Buffer.alloc(10),
    });
    assert.equal(done.status, 204);
    const canceled = await fetch(urlOf(bobs), { method: 'DELETE', headers: { ...TUS, 'X-User': 'bob' } });
    assert.equal(canceled.status, 204);
    assert.equal((await create('alice', 10)).status, 201, 'a finished upload no longer counts');
    assert.equal((await create('bob', 10)).status, 201, 'nor a canceled one');
  });

  it('caps the bytes unfinished uploads reserve, and refuses for good one that can never fit', async () => {
    await assertQuota(await create('carol', 1001, 't2'), 413);
    assert.equal((await create('carol', 600, 't2')).status, 201);
    await assertQuota(await create('carol', 500, 't2'), 429);
    assert.equal((await create('carol', 300, 't2')).status, 201);
    assert.equal((await create('dave', 600, 't2')).status, 201);
    await assertQuota(await create('dave', 10, 't2'), 429); // the tenant's 1500 bytes are taken
  });
});
