// `client.library` before and after the library cache has loaded (it comes with the client's engine,
// engine.ts): a list watched before is a store in its loading state at once, whose first page is
// fetched in parallel with the engine and handed to the cache when it arrives; every other call waits
// for the engine, then runs as it would have (after it, calls run at once, optimistic edits too).
import { atom, onMount, type ReadableAtom } from 'nanostores';
import type { JsonFetcher } from '../http.js';
import type { ListParams, ListResponse } from '../protocol.js';
import type { LibraryApi, LibraryState } from '../types.js';
import type { Library } from './library.js';
import type { SelectionStore } from './selection.js';
import { hashOf, toQueryString } from './list-key.js';

/** the calls that wait for the engine before it is there */
const LATER = [
  'loadMore',
  'list',
  'update',
  'restore',
  'purge',
  'duplicates',
  'audit',
  'bulkTag',
  'tags',
  'usages',
  'addUsage',
  'removeUsage',
  'setCaption',
  'removeCaption',
] as const satisfies readonly (keyof LibraryApi)[];

type Later = (typeof LATER)[number];
type AnyCall = (...args: unknown[]) => Promise<unknown>;

const LOADING: LibraryState = { items: [], total: 0, status: 'loading', hasMore: false, loadingMore: false };

export function createLibraryFacade(deps: {
  fetcher: JsonFetcher;
  selection: SelectionStore;
  /** the engine's library once it is there */
  current(): Library | null;
  /** resolves with it (and starts loading it again after a failed load); rejects once destroyed */
  loaded(): Promise<Library>;
  /** resolves when it is there, whenever that is (a load that failed may succeed later) */
  arrived: Promise<Library>;
}): LibraryApi {
  const early = new Map<string, ReadableAtom<LibraryState>>();

  /** a list asked for before the engine: it follows the engine's list of the same params once there */
  function earlyList(params: ListParams): ReadableAtom<LibraryState> {
    const $state = atom<LibraryState>(LOADING);
    onMount($state, () => {
      let off: (() => void) | undefined;
      let mounted = true;
      const follow = (library: Library) => {
        if (mounted) off = library.watch(params).subscribe((state) => $state.set(state));
      };
      const library = deps.current();
      if (library) follow(library);
      else {
        // the first page does not wait for the engine: both load at once
        const response = deps.fetcher<ListResponse>(toQueryString(params));
        response.catch(() => {}); // the cache reports it
        void deps.arrived.then((loaded) => {
          loaded.prefetched(params, response);
          follow(loaded);
        });
        // the engine could not load (offline): the list says so; a later load takes over ("try again")
        deps.loaded().catch((error: unknown) => {
          if (!deps.current()) $state.set({ ...LOADING, status: 'error', error: (error as Error).message });
        });
      }
      return () => {
        mounted = false;
        off?.();
      };
    });
    return $state;
  }

  const later = <K extends Later | 'remove'>(name: K): LibraryApi[K] =>
    ((...args: unknown[]) => {
      const library = deps.current();
      if (library) return (library[name] as AnyCall)(...args);
      return deps.loaded().then((loaded) => (loaded[name] as AnyCall)(...args));
    }) as LibraryApi[K];

  const facade = Object.fromEntries(LATER.map((name) => [name, later(name)])) as Pick<LibraryApi, Later>;
  const remove = later('remove');
  return {
    ...facade,
    watch(params = {}) {
      const hash = hashOf(params);
      const library = deps.current();
      let $state = early.get(hash);
      if ($state) return $state;
      if (library) return library.watch(params);
      $state = earlyList(params);
      early.set(hash, $state);
      return $state;
    },
    remove(ids, options) {
      deps.selection.drop(ids);
      return remove(ids, options);
    },
    cachedDuplicates: (files) => deps.current()?.cachedDuplicates(files) ?? files.map(() => undefined),
  };
}
