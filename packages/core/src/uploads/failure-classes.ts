// How a failed request is classed, as a status -> class table: the one answer the transports give
// with their errors and the retry policy (retry-policy.ts) acts on. A leaf: it imports nothing.

export type FailureClass =
  /** no answer, or a gateway that could not reach the server: wait for it, without a try limit */
  | 'unreachable'
  /** 429: come back when the server says, without a try limit */
  | 'rate-limited'
  /** 503: the server is up but cannot take the request now; as 429 */
  | 'server-busy'
  /** worth a few more tries with backoff (408, tus 409 and 423, other 5xx) */
  | 'transient'
  /** the server's final word */
  | 'final';

/** status -> class; statuses not listed: 5xx transient, anything else final */
export const FAILURE_CLASSES: Readonly<Record<number, FailureClass>> = {
  0: 'unreachable',
  408: 'transient',
  // tus: the offset moved (a HEAD on the next try finds where the upload stands)
  409: 'transient',
  // tus: another request still holds the upload
  423: 'transient',
  429: 'rate-limited',
  502: 'unreachable',
  503: 'server-busy',
  504: 'unreachable',
};

/** server error codes that are final whatever their status (a 409 that is not tus' offset conflict) */
export const FINAL_CODES: ReadonlySet<string> = new Set(['operation-conflict', 'file-in-trash']);

export function classify(status: number, code?: string): FailureClass {
  if (code !== undefined && FINAL_CODES.has(code)) return 'final';
  return FAILURE_CLASSES[status] ?? (status >= 500 ? 'transient' : 'final');
}
