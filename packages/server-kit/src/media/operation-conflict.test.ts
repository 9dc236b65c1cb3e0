// Operation ids belong to their uploader: reusing one never loses bytes. Another user's upload, or
// the same user's different file, under an id an upload or a file holds is refused with
// `409 operation-conflict` before a byte is stored, and the holder's upload goes on untouched.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { newOperationId, tusUpload } from '../test-support/clients.test-helper.js';
import { as, authenticate } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

const b64 = (value: string): string => Buffer.from(value).toString('base64');

describe('operation ids belong to their uploader', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  const endpoint = () => `${server.url}/api/media/uploads`;
  const stored = async (dir: 'uploads' | 'media') =>
    (await fs.readdir(path.join(server.dataDir, 'files', dir)).catch(() => [])).sort();

  /** A tus POST; with `body`, creation-with-upload (bytes in the creating request). */
  const create = (user: string, operationId: string, name: string, length: number, body?: Buffer) =>
    fetch(endpoint(), {
      method: 'POST',
      headers: {
        ...as(user),
        'Tus-Resumable': '1.0.0',
        'Upload-Length': String(length),
        'Upload-Metadata': `filename ${b64(name)},operationId ${b64(operationId)}`,
        ...(body ? { 'Content-Type': 'application/offset+octet-stream' } : {}),
      },
      body: body ?? null,
    });

  const patch = (user: string, location: string, offset: number, bytes: Buffer) =>
    fetch(new URL(location, endpoint()), {
      method: 'PATCH',
      headers: {
        ...as(user),
        'Tus-Resumable': '1.0.0',
        'Upload-Offset': String(offset),
        'Content-Type': 'application/offset+octet-stream',
      },
      body: bytes,
    });

  const multipart = (user: string, operationId: string, name: string, bytes: string, fileFirst = false) => {
    const form = new FormData();
    if (!fileFirst) form.append('operationId', operationId);
    form.append('file', new Blob([bytes]), name);
    if (fileFirst) form.append('operationId', operationId);
    return fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form, headers: as(user) });
  };

  const errorCode = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;

  it("refuses another user's upload under an id in flight, and the owner's upload completes", async () => {
    const operationId = newOperationId();
    const owner = await create('erin', operationId, 'mine.txt', 10);
    assert.equal(owner.status, 201);
    const location = owner.headers.get('location') ?? '';
    assert.equal((await patch('erin', location, 0, Buffer.from('12345'))).status, 204);
    const uploadsBefore = await stored('uploads');

    const intruder = await create('alice', operationId, 'tiny.txt', 1, Buffer.from('x'));
    assert.equal(intruder.status, 409);
    assert.equal(await errorCode(intruder), 'operation-conflict');
    assert.equal(intruder.headers.get('tus-resumable'), '1.0.0');
    assert.deepEqual(await stored('uploads'), uploadsBefore, 'nothing of the refused upload stored');

    const rest = await patch('erin', location, 5, Buffer.from('67890'));
    assert.equal(rest.status, 204);
    const fileId = rest.headers.get('mediabay-file-id') ?? '';
    const file = (await (
      await fetch(`${server.url}/api/media/${fileId}`, { headers: as('erin') })
    ).json()) as MediaFile;
    assert.deepEqual(
      [file.name, file.size, file.ownerId, file.operationId],
      ['mine.txt', 10, 'erin', operationId],
    );
    const bytes = await fetch(`${server.url}${file.contentUrl}`, { headers: as('erin') });
    assert.equal(await bytes.text(), '1234567890');
  });

  it("refuses the same user's different file (name or size) under an id in flight", async () => {
    const operationId = newOperationId();
    assert.equal((await create('erin', operationId, 'a.txt', 10)).status, 201);
    for (const [name, length] of [
      ['b.txt', 10],
      ['a.txt', 11],
    ] as const) {
      const other = await create('erin', operationId, name, length);
      assert.equal(other.status, 409, `${name} ${length}`);
      assert.equal(await errorCode(other), 'operation-conflict');
    }
    // a genuine repeat (the answer of the first POST was lost) is let through
    assert.equal((await create('erin', operationId, 'a.txt', 10)).status, 201);
  });

  it("refuses another user's tus and multipart uploads under an id that has its file", async () => {
    const operationId = newOperationId();
    const first = await tusUpload(
      endpoint(),
      Buffer.from('original'),
      { name: 'o.txt', type: 'text/plain', operationId },
      {
        headers: as('erin'),
      },
    );
    const mediaBefore = await stored('media');
    const tus = await create('alice', operationId, 'o.txt', 8, Buffer.from('original'));
    assert.equal(tus.status, 409);
    const form = await multipart('alice', operationId, 'o.txt', 'original');
    assert.equal(form.status, 409);
    assert.deepEqual(await form.json(), {
      success: false,
      error: {
        code: 'operation-conflict',
        message:
          'This operation id already belongs to another upload. Start the upload under a new operation id.',
      },
    });
    assert.deepEqual(await stored('media'), mediaBefore, 'no bytes of the refused multipart kept');
    const file = (await (
      await fetch(`${server.url}/api/media/${first.fileId}`, { headers: as('erin') })
    ).json()) as MediaFile;
    assert.deepEqual([file.ownerId, file.name], ['erin', 'o.txt']);
  });

  it('refuses a multipart of a different size whose operationId comes after the file, keeping no bytes', async () => {
    const operationId = newOperationId();
    assert.equal((await multipart('erin', operationId, 'm.txt', 'four')).status, 201);
    const mediaBefore = await stored('media');
    const again = await multipart('erin', operationId, 'm.txt', 'longer', true);
    assert.equal(again.status, 409);
    assert.deepEqual(await stored('media'), mediaBefore);
    // the same file again is a repeat: answered with the first file
    assert.equal((await multipart('erin', operationId, 'm.txt', 'four', true)).status, 201);
  });

  it('lets exactly one of two users racing for a fresh id through', async () => {
    for (let round = 0; round < 5; round++) {
      const operationId = newOperationId();
      const answers = await Promise.all([
        create('erin', operationId, 'race.txt', 4),
        create('alice', operationId, 'race.txt', 4),
      ]);
      assert.deepEqual(answers.map((r) => r.status).sort(), [201, 409]);
    }
  });

  it('frees an id once its holder canceled the upload', async () => {
    const operationId = newOperationId();
    const owner = await create('erin', operationId, 'c.txt', 10);
    const location = owner.headers.get('location') ?? '';
    const canceled = await fetch(new URL(location, endpoint()), {
      method: 'DELETE',
      headers: { ...as('erin'), 'Tus-Resumable': '1.0.0' },
    });
    assert.equal(canceled.status, 204);
    assert.equal((await create('alice', operationId, 'other.txt', 3)).status, 201);
  });
});
