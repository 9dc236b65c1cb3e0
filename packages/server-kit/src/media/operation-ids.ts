// Operation ids: a client may choose its own (UUIDs, ULIDs, ours), or send none and get one minted
// in the format our client makes, `media_upload_<ms epoch>_<15 base36 chars>`, from crypto.
import { createHash, randomBytes } from 'node:crypto';
import { CLIENT_OPERATION_ID_PATTERN } from '@mediabay/core/protocol';

export const isClientOperationId = (value: unknown): value is string =>
  typeof value === 'string' && CLIENT_OPERATION_ID_PATTERN.test(value);

export function mintOperationId(now = Date.now()): string {
  // 15 bytes -> 15 base36 digits; `% 36` of a byte is close enough to uniform for an id (not a key)
  const suffix = Array.from(randomBytes(15), (byte) => (byte % 36).toString(36)).join('');
  return `media_upload_${now}_${suffix}`;
}

/**
 * The name of a file uploaded without one: the same for every upload of one operation, so a repeat
 * of a nameless upload is still recognised as one (see operation-claim.ts).
 */
export const generatedName = (operationId: string): string =>
  `upload-${createHash('sha256').update(operationId).digest('hex').slice(0, 12)}`;
