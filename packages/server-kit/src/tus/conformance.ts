// tus 1.0 on every answer of the upload endpoint, whoever wrote it (@tus/server or us):
// `Tus-Resumable` on all of them, error bodies as `application/json` `{error:{code,message}}` without
// internals, CORS left to http/cors.ts, and `X-HTTP-Method-Override` for clients behind proxies
// that only pass GET and POST.
import { STATUS_CODES, type IncomingMessage } from 'node:http';
import { HttpError } from '../http/errors.js';

export const TUS_VERSION = '1.0.0';

const OVERRIDABLE = new Set(['PATCH', 'DELETE', 'HEAD']);

/** A POST carrying `X-HTTP-Method-Override: PATCH|DELETE|HEAD` is handled as that method. */
export function applyMethodOverride(req: IncomingMessage): void {
  const override = req.headers['x-http-method-override'];
  if (override === undefined) return;
  const method = String(override).trim().toUpperCase();
  if (req.method !== 'POST' || !OVERRIDABLE.has(method)) {
    throw new HttpError(
      400,
      'invalid-method-override',
      'X-HTTP-Method-Override may turn a POST into PATCH, DELETE or HEAD only.',
    );
  }
  req.method = method;
}

const CODES: Record<number, string> = {
  400: 'invalid-request',
  403: 'forbidden',
  404: 'not-found',
  409: 'offset-mismatch',
  410: 'upload-expired',
  412: 'unsupported-tus-version',
  413: 'file-too-large',
  415: 'invalid-content-type',
  460: 'checksum-mismatch',
};

/** A sentence for the wire: tus' own texts, never a stack, a path or an internal error's message. */
function messageOf(status: number, text: string): string {
  if (status >= 500 || !text.trim()) return 'The server could not handle this upload request.';
  const line = text.trim().split('\n', 1)[0] as string;
  const sentence = line.charAt(0).toUpperCase() + line.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

/** The wire error body for a tus error that was not one of ours. */
export function tusErrorBody(status: number, text: string): string {
  const code = CODES[status] ?? (status >= 500 ? 'upload-failed' : 'invalid-request');
  return JSON.stringify({ error: { code, message: messageOf(status, text) } });
}

function isErrorBody(text: string): boolean {
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof parsed.error?.code === 'string' && typeof parsed.error.message === 'string';
  } catch {
    return false;
  }
}

/**
 * The answer to send for @tus/server's `response`: `extra` headers added, its CORS headers dropped
 * (ours were set on the Node response already), every error turned into the JSON error body.
 */
export async function conformResponse(response: Response, extra: Record<string, string>): Promise<Response> {
  const headers = new Headers(response.headers);
  for (const name of [...headers.keys()]) if (name.startsWith('access-control-')) headers.delete(name);
  for (const [name, value] of Object.entries(extra)) headers.set(name, value);
  headers.set('Tus-Resumable', TUS_VERSION);
  const { status } = response;
  const statusText = STATUS_CODES[status] ?? (status === 460 ? 'Checksum Mismatch' : '');
  if (status < 400) return new Response(response.body, { status, statusText, headers });
  const text = await response.text();
  const body = isErrorBody(text) ? text : tusErrorBody(status, text);
  headers.set('Content-Type', 'application/json; charset=utf-8');
  headers.set('Content-Length', String(Buffer.byteLength(body)));
  headers.set('Cache-Control', 'no-store');
  return new Response(body, { status, statusText, headers });
}
