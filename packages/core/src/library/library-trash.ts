// The library's trash actions: restore and purge, optimistic with rollback like `remove`. A restored
// file leaves the trash's lists at once and comes back into the library's when the server answers
// (and through `media-created` for everyone else); the lists of the other side are refetched.
import type { QueryClient } from '@tanstack/query-core';
import type { JsonFetcher } from '../http.js';
import type { BulkRestoreResponse, ListParams, MediaFile } from '../protocol.js';
import type { LibraryApi } from '../types.js';

export type TrashApi = Pick<LibraryApi, 'restore' | 'purge'>;

export interface TrashDeps {
  queryClient: QueryClient;
  fetcher: JsonFetcher;
  mediaFilesKey: string;
  /** takes `ids` out of every cached list; returns the undo */
  removeUndoably(ids: readonly string[]): () => void;
  /** puts the server's file into every list it matches */
  settle(file: MediaFile): void;
}

/** Marks stale (and refetches when watched) every list of the library side, or of the trash side. */
export function invalidateSide(deps: Pick<TrashDeps, 'queryClient' | 'mediaFilesKey'>, trashed: boolean) {
  return deps.queryClient.invalidateQueries({
    predicate: (query) =>
      query.queryKey[0] === deps.mediaFilesKey &&
      ((query.queryKey[1] as ListParams | undefined)?.trashed === true) === trashed,
  });
}

const path = (id: string): string => `/${encodeURIComponent(id)}`;

export function createTrashActions(deps: TrashDeps): TrashApi {
  const { fetcher } = deps;
  return {
    async restore(ids) {
      if (ids.length === 0) return;
      const undo = deps.removeUndoably(ids);
      try {
        if (ids.length === 1) {
          deps.settle(await fetcher<MediaFile>(`${path(ids[0]!)}/restore`, { method: 'POST' }));
        } else {
          await fetcher<BulkRestoreResponse>('/bulk-restore', {
            method: 'POST',
            body: JSON.stringify({ fileIds: ids }),
          });
        }
      } catch (error) {
        undo();
        throw error;
      }
      void invalidateSide(deps, false);
    },

    async purge(ids, options = {}) {
      if (ids.length === 0) return;
      const undo = deps.removeUndoably(ids);
      try {
        if (ids.length === 1) {
          const force = options.force === true ? '&force=true' : '';
          await fetcher<void>(`${path(ids[0]!)}?permanent=true${force}`, { method: 'DELETE' });
        } else {
          await fetcher<{ success: boolean }>('/bulk-delete', {
            method: 'POST',
            body: JSON.stringify({
              fileIds: ids,
              permanent: true,
              ...(options.force ? { force: true } : {}),
            }),
          });
        }
      } catch (error) {
        undo();
        throw error;
      }
    },
  };
}
