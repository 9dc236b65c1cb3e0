// Who hears what: an upload's progress at full rate reaches its uploader's sockets (but for a socket
// that muted it: its own request reports it); other users of the tenant see it about once a second,
// and every lifecycle event.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { ServerEvent } from '@mediabay/core/protocol';
import { newOperationId, openEvents } from '../test-support/clients.test-helper.js';
import { as, authenticate } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';

/** A tus upload whose PATCH trickles in: 64 KiB every 20 ms (~1.3 s for 4 MiB). */
async function slowUpload(
  server: TestServer,
  user: string,
  operationId: string,
  bytes: Buffer,
): Promise<void> {
  const create = await fetch(`${server.url}/api/media/uploads`, {
    method: 'POST',
    headers: {
      ...as(user),
      'Tus-Resumable': '1.0.0',
      'Upload-Length': String(bytes.length),
      'Upload-Metadata': `filename ${btoa('slow.bin')},operationId ${btoa(operationId)}`,
    },
  });
  assert.equal(create.status, 201);
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= bytes.length) return controller.close();
      await new Promise((r) => setTimeout(r, 20));
      controller.enqueue(bytes.subarray(sent, sent + 64 * 1024));
      sent += 64 * 1024;
    },
  });
  const res = await fetch(new URL(create.headers.get('location') ?? '', server.url), {
    method: 'PATCH',
    headers: {
      ...as(user),
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
    },
    body,
    duplex: 'half',
  } as RequestInit);
  assert.equal(res.status, 204);
}

describe('fan-out of upload progress', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  it('sends progress at full rate to the uploader and about once a second to others', async () => {
    const alice = await openEvents(server.wsUrl, as('alice'));
    const erin = await openEvents(server.wsUrl, as('erin'));
    const operationId = newOperationId();
    const started = Date.now();
    await slowUpload(server, 'alice', operationId, randomBytes(4 * 1024 * 1024));
    const seconds = (Date.now() - started) / 1000;
    const of = (events: ServerEvent[], type: ServerEvent['type']): ServerEvent[] =>
      events.filter((e) => e.type === type && 'operationId' in e && e.operationId === operationId);
    await waitFor(() => (of(erin.events, 'media-upload-complete').length > 0 ? true : undefined));
    const mine = of(alice.events, 'media-upload-progress').length;
    const theirs = of(erin.events, 'media-upload-progress').length;
    assert.ok(mine >= 5, `the uploader saw ${mine} progress events in ${seconds} s`);
    assert.ok(theirs >= 1 && theirs <= Math.ceil(seconds) + 1, `another user saw ${theirs} in ${seconds} s`);
    assert.ok(theirs < mine);
    assert.equal(of(alice.events, 'media-upload-complete').length, 1);
    alice.ws.close();
    erin.ws.close();
  });

  it("a socket that mutes an upload hears none of its progress, the uploader's other sockets all of it", async () => {
    const reporting = await openEvents(server.wsUrl, as('alice')); // the tab whose XHR reports it
    const other = await openEvents(server.wsUrl, as('alice')); // another tab or device of hers
    const operationId = newOperationId();
    reporting.ws.send(JSON.stringify({ type: 'mute-progress', operationId }));
    // garbage on the channel changes nothing and closes nothing
    reporting.ws.send('not json');
    reporting.ws.send(Buffer.from([1, 2, 3]));
    // frames are read in order: once the pong is back, the mute has been taken
    const pong = new Promise((resolve) => reporting.ws.once('pong', resolve));
    reporting.ws.ping();
    await pong;
    await slowUpload(server, 'alice', operationId, randomBytes(2 * 1024 * 1024));
    const of = (events: ServerEvent[], type: ServerEvent['type']): ServerEvent[] =>
      events.filter((e) => e.type === type && 'operationId' in e && e.operationId === operationId);
    await waitFor(() =>
      of(reporting.events, 'media-upload-complete').length > 0 &&
      of(other.events, 'media-upload-complete').length > 0
        ? true
        : undefined,
    );
    assert.equal(of(reporting.events, 'media-upload-progress').length, 0);
    assert.ok(of(other.events, 'media-upload-progress').length >= 3);
    assert.equal(reporting.ws.readyState, reporting.ws.OPEN);
    reporting.ws.close();
    other.ws.close();
  });
});
