import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from './args.js';
import { runWorker } from './worker-command.js';

describe('mediabay worker arguments', () => {
  it('parses the worker command with its services and concurrency', () => {
    const args = parseArgs(
      ['worker', '--database', 'postgres://db/x', '--redis=redis://r:1', '--concurrency', '3'],
      {},
    );
    assert.deepEqual(
      [args.command, args.database, args.redis, args.concurrency],
      ['worker', 'postgres://db/x', 'redis://r:1', 3],
    );
  });

  it('lets serve hand processing to workers, and refuses bad values', () => {
    assert.equal(parseArgs(['serve', '--processing', 'workers'], {}).processing, 'workers');
    assert.throws(() => parseArgs(['serve', '--processing', 'elsewhere'], {}), /here or workers/);
    assert.throws(() => parseArgs(['worker', '--concurrency', '0'], {}), /whole number/);
  });

  it('refuses to run a worker without the shared database', async () => {
    await assert.rejects(runWorker(parseArgs(['worker'], {})), /needs --database/);
  });
});
