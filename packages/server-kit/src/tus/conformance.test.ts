// tus 1.0 on every answer we write: Tus-Resumable on all of them (errors and refusals before tus
// too), JSON error bodies typed application/json, 412 for a wrong version, X-HTTP-Method-Override,
// OPTIONS discovery without credentials under an authenticate hook, Upload-Expires on HEAD, and
// the checksum extension (a wrong digest: 460, nothing of that PATCH stored).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { as, authenticate } from '../test-support/roles.test-helper.js';
import { newOperationId } from '../test-support/clients.test-helper.js';
import { rawRequest, startTestServer, type TestServer } from '../test-support/server.test-helper.js';

const b64 = (value: string): string => Buffer.from(value).toString('base64');
const sha1 = (bytes: Buffer | string): string => createHash('sha1').update(bytes).digest('base64');

describe('tus 1.0 conformance', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate, limits: { maxFileSize: 1000 } });
  });
  after(() => server.close());

  const endpoint = () => `${server.url}/api/media/uploads`;
  const tusHeaders = (extra: Record<string, string> = {}) => ({
    ...as('erin'),
    'Tus-Resumable': '1.0.0',
    ...extra,
  });
  const create = async (length: number) => {
    const res = await fetch(endpoint(), {
      method: 'POST',
      headers: tusHeaders({
        'Upload-Length': String(length),
        'Upload-Metadata': `filename ${b64('c.txt')},operationId ${b64(newOperationId())}`,
      }),
    });
    assert.equal(res.status, 201);
    return new URL(res.headers.get('location') ?? '', endpoint()).href;
  };
  const offsetOf = async (url: string) =>
    Number((await fetch(url, { method: 'HEAD', headers: tusHeaders() })).headers.get('upload-offset'));

  it('puts Tus-Resumable and a JSON error body on every error', async () => {
    const url = await create(10);
    const answers: [string, Promise<Response>, number][] = [
      ['no credentials', fetch(endpoint(), { method: 'POST', headers: { 'Tus-Resumable': '1.0.0' } }), 401],
      [
        'a wrong version',
        fetch(endpoint(), { method: 'POST', headers: tusHeaders({ 'Tus-Resumable': '0.2.2' }) }),
        412,
      ],
      [
        'too large',
        fetch(endpoint(), { method: 'POST', headers: tusHeaders({ 'Upload-Length': '5000' }) }),
        413,
      ],
      [
        'an unknown upload',
        fetch(`${endpoint()}/${'0'.repeat(32)}`, { method: 'HEAD', headers: tusHeaders() }),
        404,
      ],
      [
        'a wrong offset',
        fetch(url, {
          method: 'PATCH',
          headers: tusHeaders({ 'Upload-Offset': '3', 'Content-Type': 'application/offset+octet-stream' }),
          body: 'abc',
        }),
        409,
      ],
      [
        'a bad content type (tus writes this one)',
        fetch(url, {
          method: 'PATCH',
          headers: tusHeaders({ 'Upload-Offset': '0', 'Content-Type': 'text/plain' }),
          body: 'abc',
        }),
        400,
      ],
      [
        'a malformed Upload-Offset (tus writes this one)',
        fetch(url, {
          method: 'PATCH',
          headers: tusHeaders({ 'Upload-Offset': 'x', 'Content-Type': 'application/offset+octet-stream' }),
          body: 'abc',
        }),
        400,
      ],
    ];
    for (const [label, pending, status] of answers) {
      const res = await pending;
      assert.equal(res.status, status, label);
      assert.equal(res.headers.get('tus-resumable'), '1.0.0', label);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json/, label);
      if (status === 412) assert.equal(res.headers.get('tus-version'), '1.0.0');
      if (label.includes('unknown')) continue; // HEAD: no body
      const body = (await res.json()) as { error: { code: string; message: string } };
      assert.ok(body.error.code && body.error.message, label);
      assert.doesNotMatch(body.error.message, /\/tmp|\/srv|files\//, label);
    }
  });

  it('answers OPTIONS without credentials: version, extensions, checksum algorithms, max size', async () => {
    const res = await fetch(endpoint(), { method: 'OPTIONS' });
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('tus-version'), '1.0.0');
    assert.equal(res.headers.get('tus-resumable'), '1.0.0');
    assert.equal(res.headers.get('tus-max-size'), '1000');
    const extensions = (res.headers.get('tus-extension') ?? '').split(',');
    for (const extension of ['creation', 'creation-with-upload', 'termination', 'expiration', 'checksum'])
      assert.ok(extensions.includes(extension), extension);
    assert.ok((res.headers.get('tus-checksum-algorithm') ?? '').split(',').includes('sha1'));
  });

  it('turns a POST with X-HTTP-Method-Override into PATCH, HEAD and DELETE', async () => {
    const url = await create(6);
    const patched = await fetch(url, {
      method: 'POST',
      headers: tusHeaders({
        'X-HTTP-Method-Override': 'PATCH',
        'Upload-Offset': '0',
        'Content-Type': 'application/offset+octet-stream',
      }),
      body: 'abc',
    });
    assert.equal(patched.status, 204);
    assert.equal(patched.headers.get('upload-offset'), '3');
    const head = await fetch(url, {
      method: 'POST',
      headers: tusHeaders({ 'X-HTTP-Method-Override': 'HEAD' }),
    });
    assert.equal(head.headers.get('upload-offset'), '3');
    const deleted = await fetch(url, {
      method: 'POST',
      headers: tusHeaders({ 'X-HTTP-Method-Override': 'DELETE' }),
    });
    assert.equal(deleted.status, 204);
    const odd = await fetch(url, {
      method: 'POST',
      headers: tusHeaders({ 'X-HTTP-Method-Override': 'GET' }),
    });
    assert.equal(odd.status, 400);
  });

  it('sends Upload-Expires on HEAD of an unfinished upload', async () => {
    const url = await create(10);
    const head = await fetch(url, { method: 'HEAD', headers: tusHeaders() });
    const expires = Date.parse(head.headers.get('upload-expires') ?? '');
    assert.ok(Number.isFinite(expires) && expires > Date.now(), head.headers.get('upload-expires') ?? 'none');
  });

  it('stores a PATCH whose sha1 matches, and nothing of one that does not (460)', async () => {
    const url = await create(6);
    const send = (offset: number, body: string, checksum: string) =>
      fetch(url, {
        method: 'PATCH',
        headers: tusHeaders({
          'Upload-Offset': String(offset),
          'Content-Type': 'application/offset+octet-stream',
          'Upload-Checksum': checksum,
        }),
        body,
      });
    const good = await send(0, 'abc', `sha1 ${sha1('abc')}`);
    assert.equal(good.status, 204);
    assert.equal(good.headers.get('upload-offset'), '3');
    const bad = await send(3, 'def', `sha1 ${sha1('xyz')}`);
    assert.equal(bad.status, 460);
    assert.equal(bad.headers.get('tus-resumable'), '1.0.0');
    assert.equal(((await bad.json()) as { error: { code: string } }).error.code, 'checksum-mismatch');
    assert.equal(await offsetOf(url), 3, 'nothing of the refused PATCH stored');
    const unknown = await send(3, 'def', `crc32 ${b64('1234')}`);
    assert.equal(unknown.status, 400);
    const done = await send(3, 'def', `sha256 ${createHash('sha256').update('def').digest('base64')}`);
    assert.equal(done.status, 204);
    const fileId = done.headers.get('mediabay-file-id') ?? '';
    const content = await fetch(`${server.url}/api/media/${fileId}/content`, { headers: as('erin') });
    assert.equal(await content.text(), 'abcdef');
  });

  it('answers a raw request without Tus-Resumable with 412 and Tus-Version', async () => {
    const res = await rawRequest(server.url, 'POST', '/api/media/uploads', {
      ...as('erin'),
      'Upload-Length': '3',
    });
    assert.equal(res.status, 412);
  });
});
