// Operation IDs (DESIGN.md "Operation IDs"): one per file, made on the client, carried end to end.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 15;
// Largest multiple of 36 below 256: bytes at or above it are redrawn so every digit is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

/** `length` base36 characters from `crypto.getRandomValues`, without modulo bias. */
export function randomBase36(length: number): string {
  let out = '';
  // ~14% of bytes are redrawn; getRandomValues takes at most 65,536 bytes per call
  const bytes = new Uint8Array(Math.min(65_536, Math.ceil(length * 1.25) + 8));
  while (out.length < length) {
    crypto.getRandomValues(bytes);
    for (const byte of bytes) {
      if (byte >= UNBIASED_LIMIT) continue;
      out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** `media_upload_${Date.now()}_${15 random base36 chars}` */
export function createOperationId(now: number = Date.now()): string {
  return `media_upload_${now}_${randomBase36(RANDOM_LENGTH)}`;
}
