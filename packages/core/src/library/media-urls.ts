// Every URL the server puts in a MediaFile (contentUrl, thumbnailUrl, and later fields such as
// playbackUrl, renditions[].url or captions[].url) is resolved against the endpoint's absolute URL
// where the data enters the client, so a page on another origin loads them from the server.

/** a key that holds a URL: `url` itself or any `…Url` */
const URL_KEY = /^url$|Url$/;

/**
 * `endpoint` made absolute (against the page when it is a path), with a trailing slash; null for a
 * path where there is no page to resolve it against (Node), whose URLs then stay as they are.
 */
export function endpointBase(
  endpoint: string,
  page: string | undefined = globalThis.location?.href,
): string | null {
  const withSlash = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  try {
    return (page ? new URL(withSlash, page) : new URL(withSlash)).href;
  } catch {
    return null;
  }
}

function resolveOne(value: string, base: string): string {
  if (value === '') return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

/**
 * Resolves, in place and at any depth of arrays and plain objects, every string under a URL key.
 * Returns `value` for chaining. Absolute URLs (https:, data:, blob:) stay as they are.
 */
export function resolveMediaUrls<T>(value: T, base: string | null): T {
  if (base === null) return value;
  if (Array.isArray(value)) {
    for (const entry of value) resolveMediaUrls(entry, base);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const field = record[key];
      if (typeof field === 'string') {
        if (URL_KEY.test(key)) record[key] = resolveOne(field, base);
      } else if (field !== null && typeof field === 'object') {
        resolveMediaUrls(field, base);
      }
    }
  }
  return value;
}
