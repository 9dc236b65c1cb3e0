import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDatabaseUrl, checkRedisUrl, parseStorageUrl, redact } from './service-urls.js';

describe('service URLs', () => {
  it('reads bucket, endpoint, region, path style and part size from an s3:// URL', () => {
    assert.deepEqual(
      parseStorageUrl(
        's3://media-bucket?endpoint=http://127.0.0.1:9000&region=eu-west-1&forcePathStyle=true&partSize=8388608',
      ),
      {
        bucket: 'media-bucket',
        endpoint: 'http://127.0.0.1:9000',
        region: 'eu-west-1',
        forcePathStyle: true,
        partSize: 8388608,
      },
    );
    assert.deepEqual(parseStorageUrl('s3://plain-bucket?region=us-east-1'), {
      bucket: 'plain-bucket',
      region: 'us-east-1',
      forcePathStyle: false,
    });
  });

  for (const [label, raw] of [
    ['another scheme', 'file:///tmp/x'],
    ['not a URL', 'bucket'],
    ['a bad bucket name', 's3://A_B'],
    ['an unknown parameter', 's3://bucket?endpoin=http://x'],
    ['an endpoint that is not http', 's3://bucket?endpoint=ftp://x'],
    ['a tiny part size', 's3://bucket?partSize=1000'],
    ['a non-boolean path style', 's3://bucket?forcePathStyle=yes'],
  ] as const) {
    it(`refuses ${label}`, () => assert.throws(() => parseStorageUrl(raw)));
  }

  it('accepts postgres:// and redis:// URLs and refuses others without echoing passwords', () => {
    assert.equal(checkDatabaseUrl('postgres://u:p@h:5432/db'), 'postgres://u:p@h:5432/db');
    assert.equal(checkRedisUrl('redis://h:6379'), 'redis://h:6379');
    assert.throws(
      () => checkDatabaseUrl('mysql://u:secret@h/db'),
      (e: Error) => !e.message.includes('secret'),
    );
    assert.throws(() => checkRedisUrl('http://h'));
    assert.equal(redact('postgres://user:secret@host:5432/db'), 'postgres://user:***@host:5432/db');
  });
});
