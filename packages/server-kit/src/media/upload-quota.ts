// Quotas on unfinished uploads, checked when an upload is created (tus POST): how many one user and
// one tenant may have in flight, and how many bytes they may have reserved (declared lengths). A
// file that can never fit is refused for good (413); one that would fit once others finish gets 429
// with Retry-After, so a client paces itself. The defaults let one user's batch of 10,000 files
// through at any usual concurrency. Checked, not locked: racing creations may pass it by a few.
import type { MediaContext } from '../context.js';
import { HttpError } from '../http/errors.js';
import type { AuthContext } from '../access/auth-context.js';

const RETRY_AFTER_S = '60';

const busy = (message: string): HttpError =>
  new HttpError(429, 'quota-exceeded', message, { 'Retry-After': RETRY_AFTER_S });

/** Refuses a new upload of `size` bytes (undefined: deferred length) beyond the quotas. */
export async function checkUploadQuota(
  ctx: Pick<MediaContext, 'options' | 'db'>,
  auth: AuthContext,
  size: number | undefined,
): Promise<void> {
  const { pendingUploads, reservedBytes } = ctx.options.limits;
  const bytes = size ?? 0;
  const bytesCap = Math.min(reservedBytes.perUser, reservedBytes.perTenant);
  if (bytes > bytesCap) {
    throw new HttpError(413, 'quota-exceeded', `One upload may reserve at most ${bytesCap} bytes here.`);
  }
  const totals = await ctx.db.pendingUploadTotals(auth.tenantId, auth.userId);
  if (totals.user.count >= pendingUploads.perUser)
    throw busy(`You have ${totals.user.count} unfinished uploads; finish or cancel some first.`);
  if (totals.tenant.count >= pendingUploads.perTenant)
    throw busy('This library has too many unfinished uploads; try again shortly.');
  if (totals.user.bytes + bytes > reservedBytes.perUser)
    throw busy('Your unfinished uploads reserve too many bytes; finish or cancel some first.');
  if (totals.tenant.bytes + bytes > reservedBytes.perTenant)
    throw busy('Unfinished uploads of this library reserve too many bytes; try again shortly.');
}
