// Pure edits of one cached list page (`ListResponse` for given ListParams): where a file belongs,
// whether it matches the page's filters, and immutable insert/replace/remove.
import type { ListParams, ListResponse, MediaFile } from '../protocol.js';
import { compareFiles, matchesParams } from './list-match.js';

/**
 * Where each id sits in a list's items: built once per items array, and handed on to the array that
 * replaces one item in place (positions do not move), so the stream of socket events of a batch of
 * uploads finds its entries without scanning a list of thousands each time. A handed-on map may
 * still name an item that was replaced: every hit is checked against the item found.
 */
const positions = new WeakMap<readonly MediaFile[], Map<string, number>>();

function positionsOf(items: readonly MediaFile[]): Map<string, number> {
  let map = positions.get(items);
  if (!map) {
    map = new Map();
    for (let i = 0; i < items.length; i++) map.set(items[i]!.id, i);
    positions.set(items, map);
  }
  return map;
}

/** The index of the item with this id, -1 when none is listed (the map holds every id of `items`). */
function indexOfId(items: readonly MediaFile[], id: string): number {
  const at = positionsOf(items).get(id);
  if (at === undefined) return -1;
  if (items[at]?.id === id) return at;
  return items.findIndex((item) => item.id === id); // a stale entry: look the slow way
}

/** The index of `file`, or else of its upload's optimistic entry (id = operationId). */
function indexOfFile(items: readonly MediaFile[], file: MediaFile): number {
  const index = indexOfId(items, file.id);
  return index >= 0 || !file.operationId ? index : indexOfId(items, file.operationId);
}

/** `items` with the one at `index` replaced; the new array keeps the positions map. */
function replaceAt(items: readonly MediaFile[], index: number, file: MediaFile): MediaFile[] {
  const next = items.slice();
  next[index] = file;
  const map = positions.get(items);
  if (map) {
    map.set(file.id, index);
    positions.set(next, map);
  }
  return next;
}

/**
 * Puts `file` into the page: replaces the same file (or the optimistic entry of its upload), drops it
 * when it no longer matches the filters, or inserts it at its sorted place. A file that sorts past the
 * end of a page with a next page belongs to a later page and is left out.
 */
export function upsertFile(page: ListResponse, file: MediaFile, params: ListParams): ListResponse {
  const index = indexOfFile(page.items, file);
  const matches = matchesParams(file, params);
  if (index >= 0) {
    if (matches) return { ...page, items: replaceAt(page.items, index, file) };
    const items = page.items.slice();
    items.splice(index, 1);
    return { ...page, items, total: Math.max(0, page.total - 1) };
  }
  if (!matches || params.cursor) return page;
  let at = page.items.findIndex((item) => compareFiles(file, item, params) < 0);
  if (at < 0) {
    if (page.nextCursor) return page;
    at = page.items.length;
  }
  const items = page.items.slice();
  items.splice(at, 0, file);
  return { ...page, items, total: page.total + 1 };
}

export function removeFiles(page: ListResponse, ids: ReadonlySet<string>): ListResponse {
  const items = page.items.filter((item) => !ids.has(item.id));
  if (items.length === page.items.length) return page;
  return { ...page, items, total: Math.max(0, page.total - (page.items.length - items.length)) };
}

export function patchFile(page: ListResponse, id: string, patch: Partial<MediaFile>): ListResponse {
  const index = indexOfId(page.items, id);
  if (index < 0) return page;
  return { ...page, items: replaceAt(page.items, index, { ...page.items[index]!, ...patch }) };
}

/**
 * Optimistic entries of uploads in flight go first, unless the server already lists their file, in
 * the list's order among themselves. A batch's files share their added time, and the server dates
 * each from its upload's start, in the order they were added: newest first (the default) puts the
 * last one added first, as the list will show it when fetched again.
 */
export function withOptimistic(
  page: ListResponse,
  pending: Iterable<MediaFile>,
  params: ListParams,
): ListResponse {
  if (params.cursor) return page;
  const listed = new Set(page.items.map((item) => item.operationId));
  const extra = [...pending].filter((file) => !listed.has(file.operationId) && matchesParams(file, params));
  if (extra.length === 0) return page;
  const added = new Map(extra.map((file, index) => [file, index]));
  const byTime = (params.sort ?? 'createdAt') === 'createdAt';
  const newestFirst = byTime && (params.order ?? 'desc') === 'desc';
  extra.sort(
    (a, b) => compareFiles(a, b, params) || (added.get(a)! - added.get(b)!) * (newestFirst ? -1 : 1),
  );
  return { ...page, items: [...extra, ...page.items], total: page.total + extra.length };
}

/** Server records in a list (optimistic entries of uploads in flight have the operationId as id). */
export function serverCount(list: ListResponse | undefined): number {
  return list ? list.items.filter((item) => item.id !== item.operationId).length : 0;
}

/**
 * Appends the next page of a list. Files already listed (inserted live while the page was on its way)
 * are not repeated; an upload's optimistic entry listed by the server takes the server's record in
 * place. The total is the server's latest, plus the uploads it does not know of yet.
 */
export function appendPage(list: ListResponse, next: ListResponse): ListResponse {
  const byOperation = new Map(next.items.map((item) => [item.operationId, item]));
  const items = list.items.map((item) =>
    item.id === item.operationId ? (byOperation.get(item.operationId) ?? item) : item,
  );
  const listed = new Set(items.map((item) => item.id));
  for (const item of next.items) if (!listed.has(item.id)) items.push(item);
  const optimistic = items.length - serverCount({ ...list, items });
  return { items, nextCursor: next.nextCursor, total: next.total + optimistic };
}
