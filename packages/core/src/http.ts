// fetch with the client's headers, turning the contract's `{error:{code,message}}` bodies into errors.
import { endpointBase, resolveMediaUrls } from './library/media-urls.js';
import type { ErrorBody } from './protocol.js';

/** The error body's extra fields: refused ids (`forbidden`), usages blocking a delete (`file-in-use`). */
export type ErrorDetails = Omit<ErrorBody['error'], 'code' | 'message'>;

export class MediaApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: ErrorDetails;
  constructor(status: number, code: string, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'MediaApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

export type JsonFetcher = <T>(path: string, init?: RequestInit) => Promise<T>;

/** `same-origin` (default) or `include`: cookies also go to an endpoint on another origin */
export type ClientCredentials = 'same-origin' | 'include';

export function createFetcher(
  endpoint: string,
  headers: () => Record<string, string>,
  fetchImpl: typeof fetch = (...args) => globalThis.fetch(...args),
  credentials: ClientCredentials = 'same-origin',
): JsonFetcher {
  const base = endpoint.replace(/\/+$/, '');
  // URLs in answers (a MediaFile's contentUrl...) are paths on the server, not on the page
  const urlBase = endpointBase(base);
  return async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    let response: Response;
    try {
      response = await fetchImpl(`${base}${path}`, {
        credentials,
        ...init,
        headers: {
          accept: 'application/json',
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...headers(),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    } catch (error) {
      throw new MediaApiError(
        0,
        'network-error',
        (error as Error).message || 'The server could not be reached.',
      );
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    let body: unknown = undefined;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // fall through: a non-JSON error page still gets a readable message below
    }
    if (!response.ok) {
      const error = (body as { error?: Partial<ErrorBody['error']> } | undefined)?.error;
      const { code, message, ...details } = error ?? {};
      throw new MediaApiError(
        response.status,
        code ?? `http-${response.status}`,
        message ?? `Request failed with status ${response.status}.`,
        details,
      );
    }
    return resolveMediaUrls(body, urlBase) as T;
  };
}
