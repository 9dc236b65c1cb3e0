// Roles x routes on a real server: every REST route, bulk operation and tus method answers each role
// as the rules say; every refusal is a 403 `forbidden` that changes nothing and leaves exactly one
// `access.denied` audit entry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ErrorBody, MediaFile } from '@mediabay/core/protocol';
import { newOperationId, openEvents } from '../test-support/clients.test-helper.js';
import {
  api,
  as,
  auditLog,
  authenticate,
  createFile,
  createUpload,
  TUS,
  type Answer,
} from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

interface Fixtures {
  a: MediaFile; // alice's (an editor)
  e: MediaFile; // erin's (another editor)
  used: MediaFile; // alice's, used in course c1 lesson l1
  upload: { path: string; operationId: string }; // alice's unfinished tus upload
}

interface Req {
  method: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  form?: boolean;
  raw?: Buffer;
}

const USERS = ['vic', 'erin', 'alice', 'ada', 'nobody'] as const;
const READ = [200, 200, 200, 200, 403];
const OWNER_OR_ADMIN = [403, 403, 200, 200, 403];
const ADMIN = [403, 403, 403, 200, 403];
const UPLOADER = [403, 201, 201, 201, 403];
const UPLOAD_OWNER = [403, 403, 204, 403, 403];

const ROWS: [string, (f: Fixtures) => Req, number[]][] = [
  ['list', () => ({ method: 'GET', path: '/' }), READ],
  ['get one', (f) => ({ method: 'GET', path: `/${f.a.id}` }), READ],
  ['content', (f) => ({ method: 'GET', path: `/${f.a.id}/content` }), READ],
  [
    'thumbnail (a text file has none)',
    (f) => ({ method: 'GET', path: `/${f.a.id}/thumbnail` }),
    [404, 404, 404, 404, 403],
  ],
  ['list usages', (f) => ({ method: 'GET', path: `/${f.a.id}/usages` }), READ],
  ['tags', () => ({ method: 'GET', path: '/tags' }), READ],
  ['operation status', (f) => ({ method: 'GET', path: `/operations/${f.a.operationId}` }), READ],
  ['me', () => ({ method: 'GET', path: '/me' }), [200, 200, 200, 200, 200]],
  ['audit log', () => ({ method: 'GET', path: '/audit' }), ADMIN],
  ['rename', (f) => ({ method: 'PATCH', path: `/${f.a.id}`, body: { name: 'renamed.txt' } }), OWNER_OR_ADMIN],
  ['tag', (f) => ({ method: 'PATCH', path: `/${f.a.id}`, body: { tags: ['t'] } }), OWNER_OR_ADMIN],
  [
    'add usage',
    (f) => ({ method: 'PUT', path: `/${f.a.id}/usages`, body: { courseId: 'c9' } }),
    [403, 200, 200, 200, 403],
  ],
  [
    'remove usage',
    (f) => ({ method: 'DELETE', path: `/${f.used.id}/usages`, body: { courseId: 'c1', lessonId: 'l1' } }),
    [403, 200, 200, 200, 403],
  ],
  ['delete', (f) => ({ method: 'DELETE', path: `/${f.a.id}` }), [403, 403, 204, 204, 403]],
  [
    'delete in use, forced',
    (f) => ({ method: 'DELETE', path: `/${f.used.id}?force=true` }),
    [403, 403, 403, 204, 403],
  ],
  [
    'bulk delete',
    (f) => ({ method: 'POST', path: '/bulk-delete', body: { fileIds: [f.a.id] } }),
    OWNER_OR_ADMIN,
  ],
  [
    "bulk delete with another's file",
    (f) => ({ method: 'POST', path: '/bulk-delete', body: { fileIds: [f.a.id, f.e.id] } }),
    ADMIN,
  ],
  [
    'bulk tag',
    (f) => ({ method: 'POST', path: '/bulk-tag', body: { fileIds: [f.a.id], add: ['x'] } }),
    OWNER_OR_ADMIN,
  ],
  [
    "bulk tag with another's file",
    (f) => ({ method: 'POST', path: '/bulk-tag', body: { fileIds: [f.a.id, f.e.id], add: ['x'] } }),
    ADMIN,
  ],
  ['multipart upload', () => ({ method: 'POST', path: '/upload', form: true }), UPLOADER],
  [
    'tus POST',
    () => ({
      method: 'POST',
      path: '/uploads',
      headers: {
        ...TUS,
        'Upload-Length': '5',
        'Upload-Metadata': `filename ${btoa('n.txt')},operationId ${btoa(newOperationId())}`,
      },
    }),
    UPLOADER,
  ],
  ['tus HEAD', (f) => ({ method: 'HEAD', path: f.upload.path, headers: TUS }), [403, 403, 200, 403, 403]],
  [
    'tus PATCH',
    (f) => ({
      method: 'PATCH',
      path: f.upload.path,
      headers: { ...TUS, 'Upload-Offset': '0', 'Content-Type': 'application/offset+octet-stream' },
      raw: Buffer.alloc(10, 1),
    }),
    UPLOAD_OWNER,
  ],
  ['tus DELETE', (f) => ({ method: 'DELETE', path: f.upload.path, headers: TUS }), UPLOAD_OWNER],
];

describe('roles x routes', () => {
  let server: TestServer;
  let shared: Fixtures;

  async function fixtures(): Promise<Fixtures> {
    const [a, e, used, upload] = await Promise.all([
      createFile(server, 'alice', 'a.txt'),
      createFile(server, 'erin', 'e.txt'),
      createFile(server, 'alice', 'used.txt'),
      createUpload(server, 'alice'),
    ]);
    const usage = await api(server, 'alice', 'PUT', `/${used.id}/usages`, { courseId: 'c1', lessonId: 'l1' });
    assert.equal(usage.status, 200);
    return { a, e, used, upload };
  }

  async function send(user: string, req: Req): Promise<Answer> {
    if (req.form) {
      const form = new FormData();
      form.set('operationId', newOperationId());
      form.set('file', new Blob(['new'], { type: 'text/plain' }), 'new.txt');
      const res = await fetch(`${server.url}/api/media${req.path}`, {
        method: 'POST',
        headers: as(user),
        body: form,
      });
      return { status: res.status, body: await res.json(), headers: res.headers };
    }
    if (req.raw) {
      const res = await fetch(`${server.url}/api/media${req.path}`, {
        method: req.method,
        headers: { ...as(user), ...req.headers },
        body: req.raw,
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
    }
    return api(server, user, req.method, req.path, req.body, req.headers);
  }

  function fixtureIds(): Set<string> {
    return new Set([shared.a.id, shared.e.id, shared.used.id]);
  }

  /** Everything a refused request could have touched, read as the admin. */
  async function state(): Promise<string> {
    const list = (await api(server, 'ada', 'GET', '/?limit=200')).body as { items: MediaFile[] };
    const offset = await fetch(`${server.url}/api/media${shared.upload.path}`, {
      method: 'HEAD',
      headers: { ...as('alice'), ...TUS },
    });
    const content = await api(server, 'ada', 'GET', `/${shared.a.id}/content`);
    const audit = (await auditLog(server)).filter((e) => e.action !== 'access.denied');
    return JSON.stringify({
      // files made by allowed requests of earlier rows may still be finishing their processing, so
      // status and updatedAt are compared for the shared fixtures only (the ones refusals target)
      files: list.items.map((f) =>
        fixtureIds().has(f.id)
          ? [f.id, f.name, f.tags, f.usages, f.updatedAt, f.status]
          : [f.id, f.name, f.tags, f.usages],
      ),
      offset: [offset.status, offset.headers.get('upload-offset')],
      content: content.body,
      audit: audit.map((e) => e.id),
    });
  }

  before(async () => {
    server = await startTestServer({ authenticate, limits: { rateLimit: { max: 0, windowMs: 60_000 } } });
    shared = await fixtures();
  });
  after(() => server.close());

  for (const [name, build, expected] of ROWS) {
    it(`${name}: ${USERS.map((u, i) => `${u} ${expected[i]}`).join(', ')}`, async () => {
      for (const [i, user] of USERS.entries()) {
        const want = expected[i] as number;
        if (want !== 403) {
          // allowed: on fixtures of its own, so destructive rows do not disturb the others
          const res = await send(user, build(await fixtures()));
          assert.equal(res.status, want, `${name} as ${user}`);
          continue;
        }
        const before = await state();
        const denied = (await auditLog(server)).filter((e) => e.action === 'access.denied').length;
        const res = await send(user, build(shared));
        assert.equal(res.status, 403, `${name} as ${user}`);
        if (req(build).method !== 'HEAD') {
          assert.equal((res.body as ErrorBody).error.code, 'forbidden', `${name} as ${user}: body`);
        }
        assert.equal(await state(), before, `${name} as ${user} changed something`);
        const deniedNow = (await auditLog(server)).filter((e) => e.action === 'access.denied');
        assert.equal(deniedNow.length, denied + 1, `${name} as ${user}: one access.denied entry`);
        assert.equal(deniedNow[deniedNow.length - 1]?.userId, user);
      }
    });
  }

  function req(build: (f: Fixtures) => Req): Req {
    return build(shared);
  }

  it('lists the refused ids of a bulk operation', async () => {
    const res = await api(server, 'erin', 'POST', '/bulk-tag', {
      fileIds: [shared.a.id, shared.e.id],
      add: ['y'],
    });
    assert.equal(res.status, 403);
    assert.deepEqual((res.body as ErrorBody).error.fileIds, [shared.a.id]);
  });
});

describe('roles on the socket', () => {
  it('lets a viewer hear the library, and refuses a user without a role', async () => {
    const server = await startTestServer({ authenticate });
    try {
      const { ws } = await openEvents(server.wsUrl, as('vic'));
      ws.close();
      await assert.rejects(openEvents(server.wsUrl, as('nobody')), /upgrade refused: 403/);
    } finally {
      await server.close();
    }
  });
});
