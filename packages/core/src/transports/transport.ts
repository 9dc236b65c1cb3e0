// The one interface every upload transport implements, and how their failures are described.
import { classify } from '../uploads/failure-classes.js';
import { codeForStatus, messageFor } from '../uploads/upload-errors.js';

export interface TransportError {
  /** the server's `{error:{code}}`, else one of UPLOAD_ERROR_CODES for the status */
  code: string;
  /** the server's message when it sent one (`fromServer`), else core's sentence for `code` */
  message: string;
  /** whether another try may succeed (retry-policy.ts decides how and when from `status`) */
  retryable: boolean;
  /** HTTP status; 0 or absent when no answer arrived */
  status?: number;
  /** the answer's Retry-After header (seconds or an HTTP date) */
  retryAfter?: string | null;
  /** `message` is the server's own words */
  fromServer?: boolean;
}

/** Files up to this size travel in one request (tus: in the POST that creates the upload): a
 * short request, so the queue runs several of them in one slot (uploader.ts). */
export const ONE_REQUEST_MAX_BYTES = 1024 * 1024;

export interface TransportCallbacks {
  onProgress(bytesSent: number, bytesTotal: number): void;
  onSuccess(result: { fileId?: string }): void;
  onError(error: TransportError): void;
  /** the resumable URL is known (tus): worth persisting for a resume after reload */
  onUrl?(url: string): void;
}

export interface TransportStartOptions {
  file: Blob & { name?: string };
  operationId: string;
  /** REST base, e.g. `/api/media` */
  endpoint: string;
  /** the tus creation URL when it is not `${endpoint}/uploads` (any tus server) */
  uploadEndpoint?: string;
  /** 'include': cookies go along to an endpoint on another origin (XHR withCredentials) */
  credentials?: 'same-origin' | 'include';
  headers: () => Record<string, string>;
  /** an upload URL from an earlier session: continue from the server's offset */
  uploadUrl?: string | null;
  chunkSize?: number;
  /** the library file whose bytes this upload replaces */
  replaceFileId?: string;
}

export interface TransportUpload {
  start(): void;
  /** stops sending; the server keeps what it has (tus) so `start()` continues */
  pause(): Promise<void>;
  /** stops and asks the server to forget the upload */
  abort(): Promise<void>;
  readonly url: string | null;
}

export type Transport = (options: TransportStartOptions, callbacks: TransportCallbacks) => TransportUpload;

/** Turns an HTTP status and body (`{error:{code,message}}` by contract) into a TransportError. Only
 * the contract's JSON message is taken as the server's words; other bodies (an HTML error page, a
 * proxy's text) give core's sentence for the status. */
export function httpError(status: number, body: string, retryAfter: string | null = null): TransportError {
  let code: string = codeForStatus(status);
  let message: string | null = null;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string' && parsed.error.code) code = parsed.error.code;
    if (typeof parsed.error?.message === 'string' && parsed.error.message.trim())
      message = parsed.error.message.trim();
  } catch {
    // not the contract's body
  }
  const retryable = classify(status, message ? code : undefined) !== 'final';
  return {
    code,
    message: message ?? messageFor(code),
    retryable,
    status,
    retryAfter,
    ...(message ? { fromServer: true } : {}),
  };
}

/** A request that got no answer (connection refused, reset, offline, CORS). */
export const networkError = (): TransportError => ({
  code: 'network',
  message: messageFor('network'),
  retryable: true,
  status: 0,
});

/** `transport` with the client's upload endpoint and credentials in every upload's options. */
export function withTarget(
  transport: Transport,
  target: Pick<TransportStartOptions, 'uploadEndpoint' | 'credentials'>,
): Transport {
  const defined = Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined));
  if (Object.keys(defined).length === 0) return transport;
  return (options, callbacks) => transport({ ...defined, ...options }, callbacks);
}
