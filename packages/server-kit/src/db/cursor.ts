// Opaque keyset cursors: the sort value and seq of the last item seen, so paging stays stable when
// rows are inserted or deleted between pages (an offset would skip or repeat items).
import { HttpError } from '../http/errors.js';

export interface Cursor {
  value: string | number;
  seq: number;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.seq])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      Number.isSafeInteger(parsed[1])
    ) {
      return { value: parsed[0], seq: parsed[1] as number };
    }
  } catch {
    // fall through to the error below
  }
  throw new HttpError(400, 'invalid-cursor', 'The cursor is not one this server issued.');
}
