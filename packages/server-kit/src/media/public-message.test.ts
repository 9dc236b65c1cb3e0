import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MediaFile } from '@mediabay/core/protocol';
import { startTestServer, waitFor, type TestServer } from '../test-support/server.test-helper.js';
import { publicMessage } from './public-message.js';

describe('publicMessage', () => {
  it('cuts storage and temp paths out of tool errors', () => {
    const cases: [string, string][] = [
      [
        'The video could not be read: /srv/mediabay/files/media/3f2a: Invalid data found when processing input',
        'The video could not be read: Invalid data found when processing input',
      ],
      ['ffprobe failed on /tmp/mediabay-x1/copy.mp4', 'ffprobe failed on'],
      ["cannot open '/var/lib/data/a b.mov'", "cannot open ' b.mov'"],
      ['C:\\data\\files\\media\\x: broken', 'broken'],
      ['see file:///srv/data/x for details', 'see for details'],
      ['/only/a/path', 'The file could not be processed.'],
      [
        'The video could not be read: file:/tmp/mediabay-x/files/media/2da6: Invalid data found',
        'The video could not be read: Invalid data found',
      ],
      ['open cache:file:/srv/x/y failed', 'open failed'],
    ];
    for (const [input, expected] of cases) {
      const output = publicMessage(input);
      assert.equal(output, expected);
      assert.doesNotMatch(output, /\/srv|\/tmp|\/var|C:\\|file:/);
    }
  });

  it('leaves messages without paths alone', () => {
    for (const message of [
      'The image is too large (16000x16000).',
      'Processing took longer than 60 s.',
      'a/b ratio 3:2',
    ]) {
      assert.equal(publicMessage(message), message);
    }
  });
});

describe('processing errors on the wire', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('show no storage path when ffprobe cannot read a file', async () => {
    // an MP4 header (sniffed as video/mp4) over bytes no demuxer reads
    const header = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom\0\0\0\0isomiso2')]);
    const form = new FormData();
    form.set('file', new Blob([header, Buffer.alloc(4096, 0x5a)], { type: 'video/mp4' }), 'broken.mp4');
    const posted = await fetch(`${server.url}/api/media/upload`, { method: 'POST', body: form });
    assert.equal(posted.status, 201);
    const { fileId } = (await posted.json()) as { fileId: string };
    const file = await waitFor(async () => {
      const f = (await (await fetch(`${server.url}/api/media/${fileId}`)).json()) as MediaFile;
      return f.status === 'error' ? f : undefined;
    }, 30_000);
    assert.ok(file.error);
    assert.ok(!file.error.includes(server.dataDir), file.error);
    assert.doesNotMatch(file.error, /\/(tmp|files|media)\//);
    const status = (await (await fetch(`${server.url}/api/media/operations/${file.operationId}`)).json()) as {
      error?: string;
    };
    assert.equal(status.error, file.error);
  });
});
