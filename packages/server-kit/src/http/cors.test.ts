// Embedding from another origin: CORS on REST and tus (the headers tus clients read and send), with
// credentials for allowed origins only; Cross-Origin-Resource-Policy lets allowed pages embed
// content and thumbnails and nobody else; the CSRF rule refuses state changes from other origins,
// cookie-authenticated requests included.
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { makeMedia, newOperationId } from '../test-support/clients.test-helper.js';
import { authenticate as byBearer, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import fs from 'node:fs/promises';
import type { MediaFile } from '@mediabay/core/protocol';

const PAGE = 'https://lms.example';
const EVIL = 'https://evil.example';

/** Bearer tokens, or the `session=<user>` cookie a host app would set. */
function authenticate(req: IncomingMessage) {
  const session = /(?:^|;\s*)session=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
  return byBearer(session ? ({ headers: { authorization: `Bearer ${session}` } } as IncomingMessage) : req);
}

const list = (value: string | null): string[] => (value ?? '').split(',').map((v) => v.trim().toLowerCase());

describe('cross-origin embedding', () => {
  let server: TestServer;
  let file: MediaFile;
  before(async () => {
    server = await startTestServer({ authenticate, allowedOrigins: [PAGE] });
    file = await createFile(server, 'erin');
  });
  after(() => server.close());

  const api = (path: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
    fetch(`${server.url}/api/media${path}`, init);

  it('answers a tus preflight from an allowed origin with the headers tus clients send', async () => {
    const res = await api('/uploads', {
      method: 'OPTIONS',
      headers: {
        Origin: PAGE,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers':
          'authorization, tus-resumable, upload-length, upload-metadata, upload-checksum, x-request-id',
      },
    });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), PAGE);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    const allowed = list(res.headers.get('access-control-allow-headers'));
    for (const name of [
      'authorization',
      'content-type',
      'tus-resumable',
      'upload-checksum',
      'upload-length',
      'upload-metadata',
      'upload-offset',
      'upload-defer-length',
      'upload-concat',
      'x-http-method-override',
      'x-request-id',
    ])
      assert.ok(allowed.includes(name), name);
    assert.ok(list(res.headers.get('access-control-allow-methods')).includes('patch'));
  });

  it('gives other origins no CORS headers and no credentials', async () => {
    for (const method of ['OPTIONS', 'GET']) {
      const res = await api('', {
        method,
        headers: { Origin: EVIL, 'Access-Control-Request-Method': 'GET', Authorization: 'Bearer vic' },
      });
      assert.equal(res.headers.get('access-control-allow-origin'), null, method);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, method);
    }
  });

  it('exposes Location, offsets, expiry and our ids on tus answers', async () => {
    const res = await api('/uploads', {
      method: 'POST',
      headers: { Origin: PAGE, Authorization: 'Bearer erin', 'Tus-Resumable': '1.0.0', 'Upload-Length': '3' },
    });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('access-control-allow-origin'), PAGE);
    const exposed = list(res.headers.get('access-control-expose-headers'));
    for (const name of [
      'location',
      'upload-offset',
      'upload-length',
      'upload-expires',
      'tus-resumable',
      'tus-version',
      'mediabay-file-id',
      'mediabay-operation-id',
    ])
      assert.ok(exposed.includes(name), name);
  });

  it('lets allowed pages embed content and thumbnails (CORP cross-origin), nobody else', async () => {
    const bytes = await fs.readFile(await makeMedia('still.png'));
    const form = new FormData();
    form.set('operationId', newOperationId());
    form.set('file', new Blob([bytes], { type: 'image/png' }), 'still.png');
    const posted = await api('/upload', {
      method: 'POST',
      body: form,
      headers: { Authorization: 'Bearer erin' },
    });
    const { fileId } = (await posted.json()) as { fileId: string };
    const image = await waitFor(async () => {
      const f = (await (
        await api(`/${fileId}`, { headers: { Authorization: 'Bearer erin' } })
      ).json()) as MediaFile;
      return f.thumbnailUrl ? f : undefined;
    });
    for (const url of [file.contentUrl, image.thumbnailUrl as string]) {
      const corp = async (headers: Record<string, string>) =>
        (
          await fetch(`${server.url}${url}`, { headers: { Authorization: 'Bearer erin', ...headers } })
        ).headers.get('cross-origin-resource-policy');
      assert.equal(await corp({ Origin: PAGE }), 'cross-origin', url);
      assert.equal(
        await corp({ Referer: `${PAGE}/course/1` }),
        'cross-origin',
        `${url} (an <img>: Referer only)`,
      );
      assert.equal(await corp({ Referer: `${EVIL}/x` }), 'same-origin', url);
      assert.equal(await corp({}), 'same-origin', url);
    }
  });

  it('authenticates cookies from an allowed origin, and refuses state changes from others (CSRF)', async () => {
    const cookie = { Cookie: 'session=erin' };
    const read = await api('', { headers: { Origin: PAGE, ...cookie } });
    assert.equal(read.status, 200);
    assert.equal(read.headers.get('access-control-allow-credentials'), 'true');
    const changed = await api(`/${file.id}`, {
      method: 'PATCH',
      headers: { Origin: PAGE, 'Content-Type': 'application/json', ...cookie },
      body: JSON.stringify({ name: 'renamed.txt' }),
    });
    assert.equal(changed.status, 200);
    const crossSite: Record<string, string>[] = [
      { Origin: EVIL },
      { 'Sec-Fetch-Site': 'cross-site' },
      { Origin: 'null' },
    ];
    for (const headers of crossSite) {
      const refused = await api(`/${file.id}`, {
        method: 'PATCH',
        headers: { ...headers, 'Content-Type': 'application/json', ...cookie },
        body: JSON.stringify({ name: 'stolen.txt' }),
      });
      assert.equal(refused.status, 403, JSON.stringify(headers));
      const tus = await api('/uploads', {
        method: 'POST',
        headers: { ...headers, ...cookie, 'Tus-Resumable': '1.0.0', 'Upload-Length': '1' },
      });
      assert.equal(tus.status, 403);
      assert.equal(tus.headers.get('tus-resumable'), '1.0.0');
    }
    const after = (await (await api(`/${file.id}`, { headers: cookie })).json()) as MediaFile;
    assert.equal(after.name, 'renamed.txt');
  });
});
