// Two tenants against every route, every tus method and the socket: nothing of A is visible,
// resumable, changeable or deletable by B, and nothing works without credentials.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { ListResponse, MediaFile } from '@mediabay/core/protocol';
import { makeMedia, newOperationId, openEvents, tusUpload } from './test-support/clients.test-helper.js';
import { rawRequest, startTestServer, waitFor, type TestServer } from './test-support/server.test-helper.js';
import fs from 'node:fs/promises';

const USERS: Record<string, { userId: string; tenantId: string }> = {
  'token-a': { userId: 'alice', tenantId: 'tenant-a' },
  'token-b': { userId: 'bob', tenantId: 'tenant-b' },
};

function authenticate(req: IncomingMessage) {
  const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
  const user = USERS[token];
  return user ? { ...user, roles: ['admin'] } : null;
}

const A = { Authorization: 'Bearer token-a' };
const B = { Authorization: 'Bearer token-b' };
const TUS = { 'Tus-Resumable': '1.0.0' };

describe('tenant isolation', () => {
  let server: TestServer;
  let file: MediaFile;
  let uploadUrl: string;
  let operationId: string;

  before(async () => {
    server = await startTestServer({ authenticate });
    operationId = newOperationId();
    const video = await fs.readFile(await makeMedia('still.png'));
    const { fileId } = await tusUpload(
      `${server.url}/api/media/uploads`,
      video,
      { name: 'a.png', type: 'image/png', operationId },
      { headers: A },
    );
    file = await waitFor(async () => {
      const f = (await (
        await fetch(`${server.url}/api/media/${fileId}`, { headers: A })
      ).json()) as MediaFile;
      return f.status === 'ready' ? f : undefined;
    });
    await fetch(`${server.url}/api/media/${file.id}`, {
      method: 'PATCH',
      headers: { ...A, 'Content-Type': 'application/json' },
      body: JSON.stringify({ tags: ['secret-tag'] }),
    });
    // an unfinished upload of A
    const created = await fetch(`${server.url}/api/media/uploads`, {
      method: 'POST',
      headers: {
        ...A,
        ...TUS,
        'Upload-Length': '100',
        'Upload-Metadata': `filename ${btoa('half.bin')},operationId ${btoa(newOperationId())}`,
      },
    });
    uploadUrl = new URL(created.headers.get('location') ?? '', server.url).href;
  });
  after(() => server.close());

  const routes = (): [string, string, Record<string, string>, string?][] => [
    ['GET', `/api/media/${file.id}`, {}],
    ['GET', `/api/media/${file.id}/content`, {}],
    ['GET', `/api/media/${file.id}/thumbnail`, {}],
    ['GET', `/api/media/${file.id}/usages`, {}],
    [
      'PATCH',
      `/api/media/${file.id}`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ name: 'pwned' }),
    ],
    [
      'PUT',
      `/api/media/${file.id}/usages`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ courseId: 'c' }),
    ],
    [
      'DELETE',
      `/api/media/${file.id}/usages`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ courseId: 'c' }),
    ],
    ['DELETE', `/api/media/${file.id}`, {}],
    ['GET', `/api/media/operations/${operationId}`, {}],
  ];

  it("answers every route of another tenant's file with 404, changing nothing", async () => {
    for (const [method, path, headers, body] of routes()) {
      const res = await fetch(`${server.url}${path}`, { method, headers: { ...B, ...headers }, body });
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    const still = (await (
      await fetch(`${server.url}/api/media/${file.id}`, { headers: A })
    ).json()) as MediaFile;
    assert.equal(still.name, 'a.png');
    assert.deepEqual(still.usages, []);
  });

  it("hides another tenant's files from lists, searches and tag counts, and from bulk delete", async () => {
    const list = (await (await fetch(`${server.url}/api/media?q=a`, { headers: B })).json()) as ListResponse;
    assert.deepEqual([list.total, list.items.length], [0, 0]);
    const tags = (await (await fetch(`${server.url}/api/media/tags`, { headers: B })).json()) as {
      tags: unknown[];
    };
    assert.deepEqual(tags.tags, []);
    const bulk = await fetch(`${server.url}/api/media/bulk-delete`, {
      method: 'POST',
      headers: { ...B, 'Content-Type': 'application/json' },
      body: JSON.stringify({ fileIds: [file.id] }),
    });
    assert.deepEqual(await bulk.json(), { success: true, deletedCount: 0 });
    assert.equal((await fetch(`${server.url}/api/media/${file.id}`, { headers: A })).status, 200);
  });

  it("refuses every tus method on another tenant's upload with 404", async () => {
    const head = await fetch(uploadUrl, { method: 'HEAD', headers: { ...B, ...TUS } });
    assert.equal(head.status, 404);
    const patch = await fetch(uploadUrl, {
      method: 'PATCH',
      headers: { ...B, ...TUS, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      body: randomBytes(10),
    });
    assert.equal(patch.status, 404);
    const del = await fetch(uploadUrl, { method: 'DELETE', headers: { ...B, ...TUS } });
    assert.equal(del.status, 404);
    const own = await fetch(uploadUrl, { method: 'HEAD', headers: { ...A, ...TUS } });
    assert.deepEqual([own.status, own.headers.get('upload-offset')], [200, '0']);
  });

  it("sends a socket only its own tenant's events", async () => {
    const a = await openEvents(server.wsUrl, A);
    const b = await openEvents(server.wsUrl, B);
    const op = newOperationId();
    await tusUpload(
      `${server.url}/api/media/uploads`,
      Buffer.from('hello'),
      { name: 'n.txt', type: 'text/plain', operationId: op },
      { headers: A },
    );
    await waitFor(() => (a.events.some((e) => e.type === 'media-updated') ? true : undefined));
    await new Promise((r) => setTimeout(r, 100));
    a.ws.close();
    b.ws.close();
    assert.ok(a.events.some((e) => e.type === 'media-created'));
    assert.deepEqual(b.events, []);
  });

  it('answers every route, every tus method and the socket with 401 without credentials', async () => {
    for (const [method, path, headers, body] of [
      ...routes(),
      ['GET', '/api/media', {}],
      ['GET', '/api/media/tags', {}],
      [
        'POST',
        '/api/media/bulk-delete',
        { 'Content-Type': 'application/json' },
        JSON.stringify({ fileIds: [file.id] }),
      ],
      ['POST', '/api/media/upload', {}],
    ] as [string, string, Record<string, string>, string?][]) {
      const res = await fetch(`${server.url}${path}`, { method, headers, body });
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'unauthenticated');
    }
    for (const method of ['HEAD', 'PATCH', 'DELETE']) {
      const res = await rawRequest(server.url, method, new URL(uploadUrl).pathname, {
        ...TUS,
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
      });
      assert.equal(res.status, 401, method);
    }
    const create = await fetch(`${server.url}/api/media/uploads`, {
      method: 'POST',
      headers: {
        ...TUS,
        'Upload-Length': '1',
        'Upload-Metadata': `filename ${btoa('x')},operationId ${btoa(newOperationId())}`,
      },
    });
    assert.equal(create.status, 401);
    await assert.rejects(openEvents(server.wsUrl), /401/);
    await assert.rejects(openEvents(server.wsUrl, { Authorization: 'Bearer wrong' }), /401/);
  });
});
