// Storage failures answered, never thrown at the process: a full disk (or quota) is 507
// `insufficient-storage`; an I/O error, a read-only disk or an object store that failed is 503
// `storage-unavailable`, to be tried again later. Anything else is not a storage failure.
import { HttpError } from '../http/errors.js';

const FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'SQLITE_FULL']);
const UNAVAILABLE = new Set(['EIO', 'EROFS', 'EMFILE', 'ENFILE', 'EAGAIN', 'SQLITE_IOERR']);

const codeOf = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;

/**
 * SQLite rolls a transaction back by itself on a full disk or an I/O error; the rollback the driver
 * then asks for fails with this, hiding the first error.
 */
const isSqliteAutoRollback = (error: unknown): boolean =>
  error instanceof Error &&
  error.name === 'SqliteError' &&
  error.message.startsWith('cannot rollback - no transaction is active');

/** An error of the AWS SDK (it carries `$metadata`) or of the network under it. */
const isObjectStoreError = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && '$metadata' in error;

/** The HTTP answer for a storage failure, or undefined when `error` is not one. */
export function storageFailure(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return undefined;
  const code = codeOf(error);
  const causeCode = codeOf((error as { cause?: unknown } | null)?.cause);
  if (FULL.has(code as string) || FULL.has(causeCode as string)) {
    return new HttpError(507, 'insufficient-storage', 'The server has no room for this file right now.');
  }
  if (
    UNAVAILABLE.has(code as string) ||
    UNAVAILABLE.has(causeCode as string) ||
    isObjectStoreError(error) ||
    isSqliteAutoRollback(error)
  ) {
    return new HttpError(503, 'storage-unavailable', 'File storage is unavailable; try again shortly.', {
      'Retry-After': '30',
    });
  }
  return undefined;
}

/** Rethrows a storage failure as its HTTP answer; anything else as it was. */
export function asStorageFailure(error: unknown): never {
  throw storageFailure(error) ?? error;
}
