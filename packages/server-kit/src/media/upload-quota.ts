// Quotas on unfinished uploads, checked when an upload is created (tus POST): how many one user and
// one tenant may have in flight, and how many bytes they may have reserved (declared lengths). A
// file that can never fit is refused for good (413, before anything is read); one that would fit once
// others finish gets 429 with Retry-After, so a client paces itself. The totals are read in the
// transaction that inserts the upload (tus/upload-create.ts), so they count it already. The defaults
// let one user's batch of 10,000 files through at any usual concurrency. Checked, not locked:
// racing creations may pass it by a few.
import type { PendingTotals } from '../db/database.js';
import { HttpError } from '../http/errors.js';
import type { UploadQuotaLimits } from './upload-quota-limits.js';

const RETRY_AFTER_S = '60';

const busy = (message: string): HttpError =>
  new HttpError(429, 'quota-exceeded', message, { 'Retry-After': RETRY_AFTER_S });

/** Refuses for good an upload of `size` bytes (undefined: deferred length) no quota can hold. */
export function checkReservable(limits: UploadQuotaLimits, size: number | undefined): void {
  const cap = Math.min(limits.reservedBytes.perUser, limits.reservedBytes.perTenant);
  if ((size ?? 0) > cap)
    throw new HttpError(413, 'quota-exceeded', `One upload may reserve at most ${cap} bytes here.`);
}

/** Refuses (429) a new upload when `totals`, which include it, go beyond the quotas. */
export function checkPending(limits: UploadQuotaLimits, totals: PendingTotals): void {
  const { pendingUploads, reservedBytes } = limits;
  if (totals.user.count > pendingUploads.perUser)
    throw busy(`You have ${totals.user.count - 1} unfinished uploads; finish or cancel some first.`);
  if (totals.tenant.count > pendingUploads.perTenant)
    throw busy('This library has too many unfinished uploads; try again shortly.');
  if (totals.user.bytes > reservedBytes.perUser)
    throw busy('Your unfinished uploads reserve too many bytes; finish or cancel some first.');
  if (totals.tenant.bytes > reservedBytes.perTenant)
    throw busy('Unfinished uploads of this library reserve too many bytes; try again shortly.');
}
