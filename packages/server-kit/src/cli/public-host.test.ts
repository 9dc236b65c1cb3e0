// DNS rebinding (issue 15, item 7): the demo answers only the Host names it is reached by, the
// loopback ones by default and those given with --public-host; any other gets 421, socket included.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { parseArgs } from './args.js';
import { createDemoServer } from './demo-server.js';
import { allowedHostsFor } from './hosts.js';

/** A GET with the Host header set by hand (fetch would not let us). */
function getWithHost(port: number, urlPath: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
  });
}

function upgradeWithHost(port: number, host: string): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/media/events`, { headers: { Host: host } });
    ws.once('open', () => {
      ws.close();
      resolve(101);
    });
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(0));
  });
}

describe('allowed Host names', () => {
  it('are the loopback names on loopback, plus --public-host, and any elsewhere without it', () => {
    assert.deepEqual(allowedHostsFor('127.0.0.1'), ['localhost', '127.0.0.1', '::1']);
    assert.deepEqual(allowedHostsFor('0.0.0.0', ['media.example.com']), [
      'localhost',
      '127.0.0.1',
      '::1',
      'media.example.com',
    ]);
    assert.equal(allowedHostsFor('0.0.0.0'), undefined);
    const args = parseArgs(['serve', '--public-host', 'a.example,b.example:8443', '--public-host=c.example']);
    assert.deepEqual(args.publicHosts, ['a.example', 'b.example:8443', 'c.example']);
    assert.throws(() => parseArgs(['serve', '--public-host', 'https://a.example/x']), /not a host name/);
  });
});

describe('the demo server behind a Host check', () => {
  let dataDir: string;
  let server: http.Server;
  let close: () => Promise<void>;
  let port: number;
  before(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-host-'));
    const demoDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mediabay-host-demo-'));
    await fs.writeFile(path.join(demoDir, 'index.html'), '<!doctype html><title>demo</title>');
    const demo = createDemoServer({
      dataDir,
      demoDir,
      allowedHosts: allowedHostsFor('127.0.0.1', ['media.example.com']),
    });
    server = demo.server;
    await demo.media.ready();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    close = async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await demo.media.close();
      await fs.rm(dataDir, { recursive: true, force: true });
      await fs.rm(demoDir, { recursive: true, force: true });
    };
  });
  after(() => close());

  it('answers the loopback names and the public host', async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`, 'MEDIA.example.com']) {
      assert.equal(await getWithHost(port, '/', host), 200, host);
      assert.equal(await getWithHost(port, '/api/media', host), 200, host);
    }
    assert.equal(await upgradeWithHost(port, `localhost:${port}`), 101);
  });

  it('refuses any other Host with 421: page, API and socket', async () => {
    for (const host of ['rebind.attacker.example', `evil.example:${port}`]) {
      assert.equal(await getWithHost(port, '/', host), 421, host);
      assert.equal(await getWithHost(port, '/api/media', host), 421, host);
      assert.equal(await upgradeWithHost(port, host), 421, host);
    }
  });
});
