// Reads a small JSON request body: JSON content type only (which also keeps cross-site HTML forms
// out), a size cap, and a clear 4xx for anything malformed.
import type { IncomingMessage } from 'node:http';
import { HttpError } from './errors.js';

export const MAX_JSON_BYTES = 64 * 1024;

export async function readJson(req: IncomingMessage, maxBytes = MAX_JSON_BYTES): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';', 1)[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new HttpError(415, 'unsupported-media-type', 'Send the body as application/json.');
  }
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > maxBytes)
    throw new HttpError(413, 'body-too-large', `The body may be at most ${maxBytes} bytes.`);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes)
      throw new HttpError(413, 'body-too-large', `The body may be at most ${maxBytes} bytes.`);
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new HttpError(400, 'invalid-json', 'The body is not valid JSON.');
  }
}

/** The body as a plain object with only `allowed` keys: unknown fields are refused, not ignored. */
export function objectWith(body: unknown, allowed: readonly string[]): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'invalid-body', 'The body must be a JSON object.');
  }
  const unknown = Object.keys(body).filter((key) => !allowed.includes(key));
  if (unknown.length > 0) throw new HttpError(400, 'unknown-field', `Unknown field: ${unknown.join(', ')}.`);
  return body as Record<string, unknown>;
}
