import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { acceptedEncodings, resolveStatic, serveStatic } from './static.js';

describe('resolveStatic', () => {
  const root = path.resolve('/srv/demo');
  const cases: [string, string | undefined][] = [
    ['', root],
    ['index.html', path.join(root, 'index.html')],
    ['a/b.js', path.join(root, 'a', 'b.js')],
    ['../etc/passwd', undefined],
    ['a/../../x', undefined],
    ['%2e%2e/x', undefined],
    ['..%2fx', undefined],
    ['a%5c..%5cx', undefined],
    ['a%00.html', undefined],
    ['.env', undefined],
    ['%E0%A4%A', undefined],
  ];
  for (const [urlPath, expected] of cases) {
    it(`maps ${JSON.stringify(urlPath)} to ${expected ?? 'nothing'}`, () => {
      assert.equal(resolveStatic(root, urlPath), expected);
    });
  }
});

describe('acceptedEncodings', () => {
  const cases: [string | undefined, string[]][] = [
    [undefined, []],
    ['gzip, deflate, br', ['gzip', 'deflate', 'br']],
    ['br;q=0, gzip;q=0.5', ['gzip']],
    ['GZIP;Q=1', ['gzip']],
    ['identity', ['identity']],
  ];
  for (const [header, expected] of cases) {
    it(`reads ${JSON.stringify(header)}`, () => {
      assert.deepEqual([...acceptedEncodings(header)].sort(), expected.sort());
    });
  }
});

describe('serveStatic over HTTP', () => {
  let dir: string;
  let server: http.Server;
  let base: string;
  const script = 'console.log("mediabay");\n'.repeat(200);

  before(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'mb-static-'));
    await fs.writeFile(path.join(dir, 'app.js'), script);
    await fs.writeFile(path.join(dir, 'app.js.gz'), gzipSync(script));
    await fs.writeFile(path.join(dir, 'app.js.br'), brotliCompressSync(script));
    await fs.writeFile(path.join(dir, 'plain.css'), 'a{}');
    await fs.mkdir(path.join(dir, 'chunks'));
    await fs.writeFile(path.join(dir, 'chunks', 'preview-ABCD1234.js'), 'export {}');
    server = http.createServer((req, res) => {
      void serveStatic(req, res, dir, (req.url ?? '/').slice(1)).then((served) => {
        if (!served) res.writeHead(404).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  after(async () => {
    await new Promise((resolve) => server.close(resolve));
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** A raw GET (fetch would decode the body and hide Content-Encoding's effect on the length). */
  function get(
    file: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    return new Promise((resolve, reject) => {
      http
        .get(base + file, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
          );
        })
        .on('error', reject);
    });
  }

  it('sends brotli when accepted, else gzip, else the file itself, with Vary', async () => {
    const br = await get('app.js', { 'accept-encoding': 'gzip, br' });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.body).toString(), script);
    assert.equal(br.headers.vary, 'Accept-Encoding');
    const gz = await get('app.js', { 'accept-encoding': 'gzip' });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.body).toString(), script);
    const plain = await get('app.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.equal(plain.body.toString(), script);
    assert.equal(Number(plain.headers['content-length']), Buffer.byteLength(script));
  });

  it('never serves the compressed copies by their own names', async () => {
    assert.equal((await get('app.js.br')).status, 404);
    assert.equal((await get('app.js.gz')).status, 404);
  });

  it('answers 304 to a matching ETag, per encoding', async () => {
    const first = await get('app.js', { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const again = await get('app.js', { 'accept-encoding': 'gzip', 'if-none-match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    const other = await get('app.js', { 'accept-encoding': 'br', 'if-none-match': etag });
    assert.equal(other.status, 200);
  });

  it('caches content-hashed names for good and revalidates the rest', async () => {
    const hashed = await get('chunks/preview-ABCD1234.js');
    assert.equal(hashed.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal((await get('app.js')).headers['cache-control'], 'no-cache');
    assert.equal(
      (await get('plain.css', { 'accept-encoding': 'br' })).headers['content-encoding'],
      undefined,
    );
  });
});
