// Whose budget a request spends (rate limits, socket caps): the signed-in user, or for the demo's
// anonymous open tenant (everyone is the same user there) the caller's address.
import type { AuthContext } from '../options.js';
import { OPEN_TENANT } from '../options.js';

export function isAnonymous(auth: AuthContext): boolean {
  return auth.userId === OPEN_TENANT.userId && auth.tenantId === OPEN_TENANT.tenantId;
}

export function callerKey(auth: AuthContext, address: string): string {
  return isAnonymous(auth) ? `addr\u0000${address}` : `user\u0000${auth.tenantId}\u0000${auth.userId}`;
}
