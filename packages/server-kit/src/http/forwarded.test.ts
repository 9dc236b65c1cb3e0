// `trustProxy`: the caller's address and the API's own host read through trusted reverse proxies,
// as a table over headers, then on a real server (origin check and the refused-socket audit).
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { refusedWith, unknownCallerEntries } from '../test-support/roles.test-helper.js';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { forwardedThrough } from './forwarded.js';

const request = (headers: Record<string, string | string[]>): IncomingMessage =>
  ({ headers: { host: 'internal:3000', ...headers }, socket: { remoteAddress: '10.0.0.2' } }) as never;

describe('forwardedThrough', () => {
  const cases: [string, number, Record<string, string | string[]>, string, string][] = [
    [
      'no proxy: headers ignored',
      0,
      { 'x-forwarded-for': '1.1.1.1', 'x-forwarded-host': 'a.example' },
      '10.0.0.2',
      'internal:3000',
    ],
    ['one proxy, no headers', 1, {}, '10.0.0.2', 'internal:3000'],
    [
      'one proxy',
      1,
      { 'x-forwarded-for': '1.1.1.1', 'x-forwarded-host': 'media.example' },
      '1.1.1.1',
      'media.example',
    ],
    [
      'one proxy, the caller wrote its own entry first',
      1,
      { 'x-forwarded-for': '6.6.6.6, 1.1.1.1' },
      '1.1.1.1',
      'internal:3000',
    ],
    ['two proxies', 2, { 'x-forwarded-for': '6.6.6.6, 1.1.1.1, 172.16.0.1' }, '1.1.1.1', 'internal:3000'],
    ['more proxies than entries', 3, { 'x-forwarded-for': '1.1.1.1' }, '1.1.1.1', 'internal:3000'],
    ['repeated headers', 1, { 'x-forwarded-for': ['6.6.6.6', '1.1.1.1'] }, '1.1.1.1', 'internal:3000'],
  ];
  for (const [name, hops, headers, address, host] of cases) {
    it(name, () => {
      const forwarded = forwardedThrough(hops);
      assert.equal(forwarded.address(request(headers)), address);
      assert.equal(forwarded.host(request(headers)), host);
    });
  }
});

describe('a server behind one trusted proxy', () => {
  let proxied: TestServer;
  let direct: TestServer;
  before(async () => {
    proxied = await startTestServer({ trustProxy: true, authenticate: () => null });
    direct = await startTestServer({ authenticate: () => null });
  });
  after(() => Promise.all([proxied.close(), direct.close()]));

  const fromPage = { Origin: 'https://media.example', 'X-Forwarded-Host': 'media.example' };

  it("takes the proxy's X-Forwarded-Host as its own origin, and ignores it when not trusted", async () => {
    const post = (server: TestServer) =>
      fetch(`${server.url}/api/media/bulk-delete`, { method: 'POST', headers: fromPage, body: '{}' });
    const behind = await post(proxied);
    assert.equal(behind.status, 401, 'past the origin check, on to sign-in');
    const spoofed = await post(direct);
    assert.equal(spoofed.status, 403);
    assert.equal(((await spoofed.json()) as { error: { code: string } }).error.code, 'cross-site-refused');
  });

  it("audits a refused socket under the proxy's X-Forwarded-For, and the socket's address otherwise", async () => {
    const headers = { ...fromPage, 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' };
    assert.equal(await refusedWith(proxied, headers), 401);
    assert.equal(await refusedWith(direct, headers), 403, 'cross-site without a trusted proxy');
    const addressOf = async (server: TestServer) =>
      waitFor(async () => {
        const [row] = await unknownCallerEntries(server);
        return row && (JSON.parse(row.detail ?? '{}') as { remoteAddress: string }).remoteAddress;
      });
    assert.equal(await addressOf(proxied), '203.0.113.7');
    assert.equal(await addressOf(direct), '127.0.0.1');
  });

  it('refuses a trustProxy that is not a number of proxies', async () => {
    await assert.rejects(startTestServer({ trustProxy: -1 }), /trustProxy must be/);
  });
});
