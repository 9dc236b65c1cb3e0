// Names with bidirectional controls are stored without them (issue 15, item 7): a right-to-left
// override cannot make "evil\u202Egnp.exe" show as "evilexe.png", on tus, multipart or rename.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { newOperationId, tusUpload } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

const TRICK = 'evil\u202egnp.exe';
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

describe('names with bidi controls', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  const nameOf = async (fileId: string): Promise<string> => {
    const res = await fetch(`${server.url}/api/media/${fileId}`);
    assert.equal(res.status, 200);
    return ((await res.json()) as { name: string }).name;
  };

  it('strips them from a tus upload name', async () => {
    const { fileId } = await tusUpload(`${server.url}/api/media/uploads`, Buffer.from('hello'), {
      name: TRICK,
      type: 'text/plain',
      operationId: newOperationId(),
    });
    assert.equal(await nameOf(fileId as string), 'evilgnp.exe');
  });

  it('strips them from a multipart upload name and from a rename', async () => {
    const form = new FormData();
    form.set('operationId', newOperationId());
    form.set('file', new Blob(['hello'], { type: 'text/plain' }), TRICK);
    const res = await fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
    assert.equal(res.status, 201);
    const { fileId } = (await res.json()) as { fileId: string };
    assert.equal(await nameOf(fileId), 'evilgnp.exe');
    const renamed = await fetch(`${server.url}/api/media/${fileId}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: '\u2067report\u2069\u200f.pdf' }),
    });
    assert.equal(renamed.status, 200);
    const name = await nameOf(fileId);
    assert.equal(name, 'report.pdf');
    assert.doesNotMatch(name, BIDI);
  });
});
