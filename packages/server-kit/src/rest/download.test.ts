// `GET /:id/content?download=1`: an attachment under the file's own name (RFC 6266/5987 `filename*`
// with an ASCII fallback), the same bytes and Range support; bad values are a 400.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { contentDisposition } from './content.js';
import { api, authenticate, createFile } from '../test-support/roles.test-helper.js';
import { startTestServer, type TestServer } from '../test-support/server.test-helper.js';

/** What a browser does with `filename*`: the UTF-8 name, percent-decoded. */
const extName = (header: string): string | undefined => {
  const value = /filename\*=UTF-8''([^;\s]+)/.exec(header)?.[1];
  return value === undefined ? undefined : decodeURIComponent(value);
};

describe('downloads', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ authenticate });
  });
  after(() => server.close());

  it('answers an attachment with the original name, the same bytes and ranges', async () => {
    const name = "Leçon 1 (final) — 50% d'été *.txt";
    const file = await createFile(server, 'alice', name);
    const res = await api(server, 'vic', 'GET', `/${file.id}/content?download=1`);
    assert.equal(res.status, 200);
    assert.equal(res.body, 'hello from alice');
    const disposition = res.headers.get('content-disposition') ?? '';
    assert.match(disposition, /^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    assert.equal(extName(disposition), name);
    assert.doesNotMatch(disposition.split("filename*=UTF-8''")[1] ?? '', /['()* ]/);
    const part = await api(server, 'vic', 'GET', `/${file.id}/content?download=1`, undefined, {
      Range: 'bytes=0-4',
    });
    assert.equal(part.status, 206);
    assert.equal(part.body, 'hello');
  });

  it('keeps images inline without download=1 and makes them attachments with it', async () => {
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const form = new FormData();
    form.set('file', new Blob([png], { type: 'image/png' }), 'dot.png');
    const up = await fetch(`${server.url}/api/media/upload`, {
      method: 'POST',
      headers: { Authorization: 'Bearer alice' },
      body: form,
    });
    const { fileId } = (await up.json()) as { fileId: string };
    let inline = '';
    for (let i = 0; i < 200 && !inline.startsWith('inline'); i++) {
      const res = await api(server, 'alice', 'GET', `/${fileId}/content`);
      inline = res.headers.get('content-disposition') ?? '';
      if (!inline.startsWith('inline')) await new Promise((r) => setTimeout(r, 50));
    }
    assert.match(inline, /^inline; /);
    for (const value of ['1', 'true']) {
      const res = await api(server, 'alice', 'GET', `/${fileId}/content?download=${value}`);
      assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="dot.png"/);
      assert.equal(res.headers.get('content-type'), 'image/png');
    }
    const off = await api(server, 'alice', 'GET', `/${fileId}/content?download=0`);
    assert.match(off.headers.get('content-disposition') ?? '', /^inline; /);
  });

  it('refuses a bad download value with a 400 and no bytes', async () => {
    const file = await createFile(server, 'alice', 'x.txt');
    const res = await api(server, 'alice', 'GET', `/${file.id}/content?download=yes`);
    assert.equal(res.status, 400);
    assert.equal((res.body as { error: { code: string } }).error.code, 'invalid-parameter');
  });

  const names: [string, string][] = [
    ['plain.txt', `attachment; filename="plain.txt"; filename*=UTF-8''plain.txt`],
    [
      'a "quoted" \\ name.txt',
      `attachment; filename="a _quoted_ _ name.txt"; filename*=UTF-8''a%20%22quoted%22%20%5C%20name.txt`,
    ],
    ["it's (1)*.txt", `attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`],
    ['日本.mp4', `attachment; filename="__.mp4"; filename*=UTF-8''%E6%97%A5%E6%9C%AC.mp4`],
    ['100%.txt', `attachment; filename="100_.txt"; filename*=UTF-8''100%25.txt`],
  ];
  for (const [name, header] of names) {
    it(`writes Content-Disposition for ${JSON.stringify(name)}`, () => {
      assert.equal(contentDisposition('attachment', name), header);
      assert.equal(extName(header), name);
    });
  }
});
