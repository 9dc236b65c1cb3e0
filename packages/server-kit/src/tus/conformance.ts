// tus 1.0 on every answer of the upload endpoint, whoever wrote it (@tus/server or us):
// `Tus-Resumable` on all of them, error bodies as `application/json` `{error:{code,message}}` without
// internals, CORS left to http/cors.ts, and `X-HTTP-Method-Override` for clients behind proxies
// that only pass GET and POST.
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
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
 * Sends @tus/server's `response` on `res`: `extra` headers added, its CORS headers dropped (ours
 * were set on the Node response already), every error turned into the JSON error body. Written with
 * one writeHead and end (tus' bodies are short texts): no second Response, no stream read through
 * srvx, no chunked encoding of an empty body.
 */
export async function sendTusAnswer(
  res: ServerResponse,
  response: Response,
  extra: Record<string, string>,
): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!name.startsWith('access-control-')) headers[name] = value;
  });
  for (const [name, value] of Object.entries(extra)) headers[name.toLowerCase()] = value;
  headers['tus-resumable'] = TUS_VERSION;
  const { status } = response;
  const statusText = STATUS_CODES[status] ?? (status === 460 ? 'Checksum Mismatch' : '');
  let body = response.body ? await response.text() : '';
  if (status >= 400) {
    body = isErrorBody(body) ? body : tusErrorBody(status, body);
    headers['content-type'] = 'application/json; charset=utf-8';
    headers['cache-control'] = 'no-store';
  } else if (!body) delete headers['content-type']; // the text/plain of an empty string
  // known before the head is written, so an empty body is not sent chunked
  if (status !== 204 && status !== 304 && res.req.method !== 'HEAD')
    headers['content-length'] = String(Buffer.byteLength(body));
  res.writeHead(status, statusText, headers);
  res.end(body);
}
