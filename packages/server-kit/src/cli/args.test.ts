import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from './args.js';

describe('mediabay arguments', () => {
  it('defaults to port 3000 on 127.0.0.1 with ./mediabay-data', () => {
    assert.deepEqual(parseArgs(['serve']), {
      command: 'serve',
      port: 3000,
      host: '127.0.0.1',
      data: './mediabay-data',
    });
  });

  it('reads flags in both --flag value and --flag=value forms', () => {
    assert.deepEqual(
      parseArgs([
        'serve',
        '--port=0',
        '--host',
        '0.0.0.0',
        '--data',
        '/tmp/x',
        '--demo=/d',
        '--trust-proxy=1',
      ]),
      { command: 'serve', port: 0, host: '0.0.0.0', data: '/tmp/x', demo: '/d', trustProxy: 1 },
    );
  });

  it('takes the scale-out services from flags, or else from MEDIABAY_* variables', () => {
    const env = { MEDIABAY_DATABASE: 'postgres://env/db', MEDIABAY_REDIS: 'redis://env:6379' };
    assert.deepEqual(
      parseArgs(['serve', '--database', 'postgres://flag/db', '--storage=s3://b?region=x'], env),
      {
        command: 'serve',
        port: 3000,
        host: '127.0.0.1',
        data: './mediabay-data',
        database: 'postgres://flag/db',
        storage: 's3://b?region=x',
        redis: 'redis://env:6379',
      },
    );
    assert.equal(parseArgs(['serve'], {}).database, undefined);
  });

  it('shows help without a command', () => {
    assert.equal(parseArgs([]).command, 'help');
  });

  for (const argv of [
    ['start'],
    ['serve', '--port', '70000'],
    ['serve', '--port'],
    ['serve', '--nope', '1'],
    ['serve', '--trust-proxy', 'yes'],
    ['serve', '--trust-proxy', '-1'],
    ['serve', '--allowed-origins', 'lms.example'],
    ['serve', '--allowed-origins', 'https://lms.example/path'],
    ['serve', '--allowed-origins', 'ftp://lms.example'],
    ['serve', '--allowed-origins'],
    ['serve', '--port='],
    ['serve', 'stray'],
    ['serve', '--concurrency', '0'],
  ]) {
    it(`refuses ${argv.join(' ')}`, () => {
      assert.throws(() => parseArgs(argv));
    });
  }

  it('reads allowed origins from repeated flags and comma lists, normalised', () => {
    const args = parseArgs(
      [
        'serve',
        '--allowed-origins',
        'https://LMS.example/, https://b.example:8443',
        '--allowed-origins=http://c.test',
      ],
      {},
    );
    assert.deepEqual(args.allowedOrigins, ['https://lms.example', 'https://b.example:8443', 'http://c.test']);
  });

  it('reads MEDIABAY_ALLOWED_ORIGINS when no flag is given; flags replace it', () => {
    const env = { MEDIABAY_ALLOWED_ORIGINS: 'https://env.example,https://two.example' };
    assert.deepEqual(parseArgs(['serve'], env).allowedOrigins, [
      'https://env.example',
      'https://two.example',
    ]);
    assert.deepEqual(parseArgs(['serve', '--allowed-origins', 'https://flag.example'], env).allowedOrigins, [
      'https://flag.example',
    ]);
    assert.throws(
      () => parseArgs(['serve'], { MEDIABAY_ALLOWED_ORIGINS: 'nope' }),
      /MEDIABAY_ALLOWED_ORIGINS/,
    );
  });

  it('takes the URL signing key from MEDIABAY_URL_SIGNING_SECRET only, refusing a short one unseen', () => {
    const secret = 'k'.repeat(32);
    assert.equal(parseArgs(['serve'], { MEDIABAY_URL_SIGNING_SECRET: secret }).urlSigningSecret, secret);
    assert.equal(parseArgs(['worker'], { MEDIABAY_URL_SIGNING_SECRET: secret }).urlSigningSecret, secret);
    assert.equal(parseArgs(['serve'], {}).urlSigningSecret, undefined);
    assert.throws(() => parseArgs(['serve', '--url-signing-secret', secret], {}), /url-signing-secret/);
    assert.throws(
      () => parseArgs(['serve'], { MEDIABAY_URL_SIGNING_SECRET: 'short-secret' }),
      (error: Error) => /32 bytes/.test(error.message) && !error.message.includes('short-secret'),
    );
  });
});
