// Turns the client's `$view` (what the toolbar shows) into the ListParams of one library query,
// with a stable key so the element asks `library.watch` again only when the query really changes.
import type { ViewState } from '@mediabay/core';
import type { ListParams } from '@mediabay/core/protocol';

/** Files per page (the server's largest): the library loads the next page as the user nears the end. */
export const LIST_LIMIT = 200;

export function paramsFromView(view: Partial<ViewState> | undefined, limit = LIST_LIMIT): ListParams {
  const params: ListParams = {};
  const q = view?.q?.trim();
  if (q) params.q = q;
  if (view?.type) params.type = view.type;
  if (view?.trashed) params.trashed = true;
  if (view?.tag) params.tag = view.tag;
  params.sort = view?.sort ?? 'createdAt';
  params.order = view?.order ?? 'desc';
  params.limit = limit;
  return params;
}

/** Same params in any key order give the same key. */
export function paramsKey(params: ListParams): string {
  return JSON.stringify(Object.entries(params).sort(([a], [b]) => a.localeCompare(b)));
}
