// The one interface every upload transport implements, and how their failures are described.

export interface TransportError {
  code: string;
  message: string;
  /** network failures and 5xx can be retried; 4xx are final (but tus's 409 and 423: see tus.ts) */
  retryable: boolean;
  status?: number;
}

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
  headers: () => Record<string, string>;
  /** an upload URL from an earlier session: continue from the server's offset */
  uploadUrl?: string | null;
  chunkSize?: number;
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

/** Turns an HTTP status and body (`{error:{code,message}}` by contract) into a TransportError. */
export function httpError(status: number, body: string, fallback: string): TransportError {
  let code = status === 0 ? 'network-error' : `http-${status}`;
  let message = fallback;
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    if (typeof parsed.error?.code === 'string') code = parsed.error.code;
    if (typeof parsed.error?.message === 'string') message = parsed.error.message;
  } catch {
    if (body && body.length < 300 && !body.trimStart().startsWith('<')) message = body.trim();
  }
  // DESIGN.md: retry network failures and 5xx only; a 4xx is the server's final word
  return { code, message, retryable: status === 0 || status >= 500, status };
}
