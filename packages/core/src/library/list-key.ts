// How a list of the library is named: its query key (['media-files', params]), a stable hash of its
// params and its query string. Small and free of query-core, so the client's first load can name a
// list (and fetch its first page) before the library cache has loaded.
import type { ListParams } from '../protocol.js';

export const MEDIA_FILES_KEY = 'media-files';

export const keyOf = (params: ListParams = {}): readonly unknown[] => [MEDIA_FILES_KEY, params];

export const paramsOf = (key: readonly unknown[]): ListParams => (key[1] ?? {}) as ListParams;

export const hashOf = (params: ListParams): string => JSON.stringify(params, Object.keys(params).sort());

export function toQueryString(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}
