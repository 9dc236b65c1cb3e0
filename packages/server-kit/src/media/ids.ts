// Identifiers the server makes: 32 lowercase hex characters from crypto, checked on every way in.
// The random bytes come from a pool filled 256 ids at a time (one call into the CSPRNG instead of one
// per id; what crypto.randomUUID does too); each id takes bytes no other id took.
import { randomFillSync } from 'node:crypto';

export const ID_PATTERN = /^[a-f0-9]{32}$/;

const ID_BYTES = 16;
const pool = Buffer.alloc(ID_BYTES * 256);
let next = pool.length;

export function newId(): string {
  if (next === pool.length) {
    randomFillSync(pool);
    next = 0;
  }
  const id = pool.toString('hex', next, next + ID_BYTES);
  next += ID_BYTES;
  return id;
}

export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);
