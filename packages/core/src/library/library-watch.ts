// One watched list: a QueryObserver over ['media-files', params] published as a nanostores atom,
// with whether a next page exists and is loading, and a report of files the list lost.
import { QueryObserver, type QueryClient, type QueryFunction, type QueryKey } from '@tanstack/query-core';
import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { ListResponse, MediaFile } from '../protocol.js';
import type { LibraryState } from '../types.js';

export interface WatchedList {
  readonly $state: ReadableAtom<LibraryState>;
  /** republishes with the new `loadingMore` */
  setLoadingMore(loading: boolean): void;
}

export function watchList(options: {
  queryClient: QueryClient;
  queryKey: QueryKey;
  queryFn: QueryFunction<ListResponse>;
  /** called when a loaded list changes its items (not while it loads), to follow what left it */
  onChange?: (previous: readonly MediaFile[], next: readonly MediaFile[]) => void;
}): WatchedList {
  const { queryClient, queryKey, queryFn, onChange } = options;
  const $state = atom<LibraryState>({
    items: [],
    total: 0,
    status: 'loading',
    hasMore: false,
    loadingMore: false,
  });
  let loadingMore = false;
  let publish: (() => void) | undefined;

  onMount($state, () => {
    const observer = new QueryObserver<ListResponse>(queryClient, { queryKey, queryFn });
    publish = () => {
      const result = observer.getCurrentResult();
      const data = result.data;
      const previous = $state.get();
      const items = data?.items ?? [];
      if (data && previous.status !== 'loading' && previous.items !== items)
        onChange?.(previous.items, items);
      $state.set({
        items,
        total: data?.total ?? 0,
        status: data ? 'success' : result.status === 'error' ? 'error' : 'loading',
        hasMore: Boolean(data?.nextCursor),
        loadingMore,
        ...(result.error ? { error: result.error.message } : {}),
      });
    };
    const unsubscribe = observer.subscribe(publish);
    publish();
    return () => {
      publish = undefined;
      unsubscribe();
      observer.destroy();
    };
  });

  return {
    $state,
    setLoadingMore(loading) {
      loadingMore = loading;
      publish?.();
    },
  };
}
