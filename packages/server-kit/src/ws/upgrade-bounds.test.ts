// Every upgrade gets an answer or is closed: unknown paths are refused, and one caller holds a bounded
// number of sockets (issue 15, item 1).
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createMediaServer } from '../media-server.js';
import { openEvents } from '../test-support/clients.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

/** Sends a raw upgrade request; resolves with what came back once the server closed the socket. */
function rawUpgrade(base: string, path: string): Promise<string> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), hostname);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(answer));
    socket.write(
      `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
        'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
  });
}

describe('socket upgrades', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ socket: { maxPerCaller: 2 } });
  });
  after(() => server.close());

  it(
    'answers an upgrade to an unknown path with 404 and closes the socket',
    { timeout: 10_000 },
    async () => {
      for (const path of ['/elsewhere', '/api/media/nope', '/api/media/events/x']) {
        const answer = await rawUpgrade(server.url, path);
        assert.match(answer, /^HTTP\/1\.1 404 /, path);
      }
    },
  );

  it('refuses a caller more sockets than its cap with 429, and lets it in again once one closes', async () => {
    const first = await openEvents(server.wsUrl);
    const second = await openEvents(server.wsUrl);
    await assert.rejects(openEvents(server.wsUrl), /upgrade refused: 429/);
    const closed = new Promise((resolve) => first.ws.once('close', resolve));
    first.ws.close();
    await closed;
    let third: Awaited<ReturnType<typeof openEvents>> | undefined;
    // the server sees the close a moment after the client does
    for (let i = 0; i < 100 && !third; i++) {
      third = await openEvents(server.wsUrl).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return undefined;
      });
    }
    assert.ok(third, 'a freed slot is given back');
    second.ws.close();
    third.ws.close();
  });
});

describe('silent connections', () => {
  it(
    'closes a connection that never sends a byte once the headers timeout has passed',
    { timeout: 10_000 },
    async () => {
      const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-silent-'));
      const media = createMediaServer({ dataDir });
      const server = http.createServer({ headersTimeout: 300 }, (req, res) => media.handler(req, res));
      media.attach(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const socket = net.connect((server.address() as AddressInfo).port, '127.0.0.1');
        await new Promise((resolve) => socket.once('close', resolve));
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
        await media.close();
        await fs.rm(dataDir, { recursive: true, force: true });
      }
    },
  );
});
