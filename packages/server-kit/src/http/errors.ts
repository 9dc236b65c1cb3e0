// The one error type of the kit: an HTTP status plus the wire error body `{error: {code, message}}`.
import type { ErrorBody } from '@mediabay/core/protocol';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields of the error body: the refused ids, the usages that block a delete. */
    readonly details: Omit<ErrorBody['error'], 'code' | 'message'> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...this.details } };
  }
}

export const notFound = (what = 'file'): HttpError => new HttpError(404, 'not-found', `No such ${what}.`);

/** a query parameter the request cannot take: 400 `invalid-parameter`, naming it */
export const invalidParameter = (name: string, message: string): HttpError =>
  new HttpError(400, 'invalid-parameter', `${name}: ${message}`);
