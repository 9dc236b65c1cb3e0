// Which errors are storage failures, and how they are answered (507 full, 503 unavailable).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HttpError } from '../http/errors.js';
import { storageFailure } from './failures.js';

const errno = (code: string): Error => Object.assign(new Error(`${code}: failed`), { code });

describe('storage failures', () => {
  it('answers a full disk or quota with 507 insufficient-storage', () => {
    for (const code of ['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']) {
      const failure = storageFailure(errno(code));
      assert.equal(failure?.status, 507, code);
      assert.equal(failure?.code, 'insufficient-storage');
    }
    const wrapped = new Error('write failed', { cause: errno('ENOSPC') });
    assert.equal(storageFailure(wrapped)?.status, 507, 'a cause counts too');
  });

  it('answers I/O errors, S3 errors and SQLite auto-rollbacks with 503 and Retry-After', () => {
    const s3 = Object.assign(new Error('SlowDown'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } });
    const rollback = Object.assign(new Error('cannot rollback - no transaction is active'), {
      name: 'SqliteError',
    });
    for (const error of [errno('EIO'), errno('EROFS'), s3, rollback]) {
      const failure = storageFailure(error);
      assert.equal(failure?.status, 503, error.message);
      assert.equal(failure?.code, 'storage-unavailable');
      assert.ok(Number(failure?.headers['Retry-After']) > 0);
    }
  });

  it('leaves other errors alone', () => {
    for (const error of [new Error('boom'), errno('ENOENT'), new HttpError(400, 'x', 'y'), undefined, 'text'])
      assert.equal(storageFailure(error), undefined);
  });
});
