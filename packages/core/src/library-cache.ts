// Pure edits of one cached list page (`ListResponse` for given ListParams): where a file belongs,
// whether it matches the page's filters, and immutable insert/replace/remove.
import type { ListParams, ListResponse, MediaFile } from './protocol.js';

export function matchesParams(file: MediaFile, params: ListParams): boolean {
  if (params.type && file.type !== params.type) return false;
  if (params.q && !file.name.toLowerCase().includes(params.q.trim().toLowerCase())) return false;
  if (params.tag && !file.tags.includes(params.tag)) return false;
  if (params.courseId && !file.usages.some((usage) => usage.courseId === params.courseId)) return false;
  return true;
}

/** The server's default order is newest first. */
export function compareFiles(a: MediaFile, b: MediaFile, params: ListParams): number {
  const sort = params.sort ?? 'createdAt';
  const direction = (params.order ?? (sort === 'createdAt' ? 'desc' : 'asc')) === 'desc' ? -1 : 1;
  let result: number;
  if (sort === 'size') result = a.size - b.size;
  else if (sort === 'name') result = a.name.localeCompare(b.name);
  else if (sort === 'type') result = a.type.localeCompare(b.type);
  else result = a.createdAt.localeCompare(b.createdAt);
  return result * direction;
}

const sameFile = (item: MediaFile, file: MediaFile): boolean =>
  item.id === file.id || (item.id === file.operationId && file.operationId !== '');

/**
 * Puts `file` into the page: replaces the same file (or the optimistic entry of its upload), drops it
 * when it no longer matches the filters, or inserts it at its sorted place. A file that sorts past the
 * end of a page with a next page belongs to a later page and is left out.
 */
export function upsertFile(page: ListResponse, file: MediaFile, params: ListParams): ListResponse {
  const index = page.items.findIndex((item) => sameFile(item, file));
  const matches = matchesParams(file, params);
  if (index >= 0) {
    const items = page.items.slice();
    if (matches) items[index] = file;
    else items.splice(index, 1);
    return { ...page, items, total: matches ? page.total : Math.max(0, page.total - 1) };
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
  const index = page.items.findIndex((item) => item.id === id);
  if (index < 0) return page;
  const items = page.items.slice();
  items[index] = { ...items[index]!, ...patch };
  return { ...page, items };
}

/** Optimistic entries of uploads in flight go first, unless the server already lists their file. */
export function withOptimistic(
  page: ListResponse,
  pending: Iterable<MediaFile>,
  params: ListParams,
): ListResponse {
  if (params.cursor) return page;
  const listed = new Set(page.items.map((item) => item.operationId));
  const extra = [...pending].filter((file) => !listed.has(file.operationId) && matchesParams(file, params));
  if (extra.length === 0) return page;
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
