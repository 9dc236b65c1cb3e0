// Behind several instances the upload rate limit is one: counted in Redis (issue 13).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';
import { missingServices, testServices, uniqueName } from '../test-support/services.test-helper.js';

describe('upload rate limit across instances', { skip: missingServices('redis') }, () => {
  const servers: TestServer[] = [];
  before(async () => {
    for (let i = 0; i < 2; i++) {
      servers.push(
        await startTestServer({
          redis: testServices.redis as string,
          trustProxy: 1,
          limits: { uploadRateLimit: { max: 3, windowMs: 60_000 } },
        }),
      );
    }
  });
  after(async () => {
    for (const server of servers) await server.close();
  });

  it('counts the creations of one caller on every instance into one window', async () => {
    const [a, b] = servers as [TestServer, TestServer];
    const address = uniqueName('caller'); // its own window, whatever earlier runs left in Redis
    const from = (server: TestServer): Promise<Response> =>
      fetch(`${server.url}/api/media/uploads`, {
        method: 'POST',
        headers: {
          'Tus-Resumable': '1.0.0',
          'Upload-Length': '10',
          'Upload-Metadata': `filename ${btoa('a.bin')},operationId ${btoa(newOperationId())}`,
          'X-Forwarded-For': address,
        },
      });
    assert.equal((await from(a)).status, 201);
    assert.equal((await from(b)).status, 201);
    assert.equal((await from(a)).status, 201);
    const refused = await from(b);
    assert.equal(refused.status, 429, 'the fourth creation, on the other instance, is over the shared limit');
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
  });
});
