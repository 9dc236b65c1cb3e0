// The library's lists: the query function that (re)loads every page a list had, the next page by
// cursor (one request per list at a time), and one watched atom per params.
import type { QueryClient, QueryKey } from '@tanstack/query-core';
import type { ReadableAtom } from 'nanostores';
import type { JsonFetcher } from '../http.js';
import type { ListParams, ListResponse, MediaFile } from '../protocol.js';
import type { LibraryState } from '../types.js';
import { appendPage, serverCount } from './library-cache.js';
import { hashOf, keyOf, paramsOf, toQueryString } from './list-key.js';
import { watchList, type WatchedList } from './library-watch.js';

export interface LibraryLists {
  fetchPage(params: ListParams): Promise<ListResponse>;
  watch(params?: ListParams): ReadableAtom<LibraryState>;
  loadMore(params?: ListParams): Promise<void>;
  list(params?: ListParams): Promise<ListResponse>;
  /**
   * The first page of `params` as fetched before the cache loaded (in parallel with it): the list's
   * first load takes this answer instead of asking again. Nothing changes when the cache holds fresh
   * data of the list already; a failed answer counts as the first try of the list's usual retries.
   */
  prefetched(params: ListParams, response: Promise<ListResponse>): void;
  clear(): void;
}

export function createLists(deps: {
  queryClient: QueryClient;
  fetcher: JsonFetcher;
  /** what the client lays over the server's answer (uploads in flight, edits in flight) */
  finishList(list: ListResponse, params: ListParams): ListResponse;
  onListChange?: (previous: readonly MediaFile[], next: readonly MediaFile[]) => void;
}): LibraryLists {
  const { queryClient } = deps;
  const watched = new Map<string, WatchedList>();
  const loadingMore = new Map<string, Promise<void>>();

  const fetchPage = (params: ListParams) => deps.fetcher<ListResponse>(toQueryString(params));
  const queryFn = async ({ queryKey }: { queryKey: QueryKey }): Promise<ListResponse> => {
    const params = paramsOf(queryKey);
    // a refetch (reconnect, invalidation, "try again") brings back every page that was loaded
    const loaded = params.cursor ? 0 : serverCount(queryClient.getQueryData<ListResponse>(queryKey));
    let list = await fetchPage(params);
    while (list.nextCursor && serverCount(list) < loaded)
      list = appendPage(list, await fetchPage({ ...params, cursor: list.nextCursor }));
    return deps.finishList(list, params);
  };

  async function nextPage(params: ListParams): Promise<void> {
    const key = keyOf(params);
    // a refetch in flight decides where the list ends: continue from its answer
    await queryClient
      .getQueryCache()
      .find({ queryKey: key, exact: true })
      ?.promise?.catch(() => {});
    const cursor = queryClient.getQueryData<ListResponse>(key)?.nextCursor;
    if (!cursor) return;
    const page = await fetchPage({ ...params, cursor });
    const current = queryClient.getQueryData<ListResponse>(key);
    // refetched or reset meanwhile: that answer is newer, and the caller asks again if it needs more
    if (!current || current.nextCursor !== cursor) return;
    queryClient.setQueryData(key, appendPage(current, deps.finishList(page, { ...params, cursor })));
  }

  function loadMore(params: ListParams = {}): Promise<void> {
    const hash = hashOf(params);
    const running = loadingMore.get(hash);
    if (running) return running;
    const run = nextPage(params).finally(() => {
      loadingMore.delete(hash);
      watched.get(hash)?.setLoadingMore(false);
    });
    loadingMore.set(hash, run);
    watched.get(hash)?.setLoadingMore(true);
    return run;
  }

  function watch(params: ListParams = {}): ReadableAtom<LibraryState> {
    const hash = hashOf(params);
    let list = watched.get(hash);
    if (!list) {
      list = watchList({ queryClient, queryKey: keyOf(params), queryFn, onChange: deps.onListChange });
      watched.set(hash, list);
    }
    return list.$state;
  }

  return {
    fetchPage,
    watch,
    loadMore,
    list: (params = {}) => queryClient.fetchQuery({ queryKey: keyOf(params), queryFn, staleTime: 0 }),
    prefetched(params, response) {
      let first: Promise<ListResponse> | null = response.then((list) => deps.finishList(list, params));
      first.catch(() => {}); // the query reports it (or never asks, holding fresh data)
      const once = (context: { queryKey: QueryKey }) => {
        const answer = first ?? queryFn(context);
        first = null;
        return answer;
      };
      void queryClient.prefetchQuery({ queryKey: keyOf(params), queryFn: once });
    },
    clear() {
      watched.clear();
      loadingMore.clear();
    },
  };
}
