// Small response writers shared by every route: JSON, errors, and the security headers on each.
import { consoleLogger, type Logger } from '../logger.js';
import type { ServerResponse } from 'node:http';
import { storageFailure } from '../storage/failures.js';
import { HttpError } from './errors.js';

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

/**
 * Answers with the error's status and body; a full or failing storage gets 507/503 (storage/failures),
 * other unknown errors a 500 without internals.
 */
export function sendError(res: ServerResponse, error: unknown, logger: Logger = consoleLogger): void {
  const httpError =
    error instanceof HttpError
      ? error
      : (storageFailure(error) ??
        new HttpError(500, 'internal-error', 'The server failed to handle the request.'));
  if (!(error instanceof HttpError)) logger.error('unexpected error', error);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, httpError.status, httpError.toBody(), httpError.headers);
}
