// The media library over @tanstack/query-core: queries keyed ['media-files', params] that grow page
// by page (cursor), optimistic entries for uploads in flight, optimistic edits with rollback, and
// socket events applied in place, all of a frame's in one cache write. The parts: lists
// (library-lists), edits (library-edits), usages (library-usages), trash (library-trash); this file
// wires them and holds what they share: uploads in flight and the frame of socket events.
import type { QueryClient } from '@tanstack/query-core';
import type { JsonFetcher } from '../http.js';
import type { ListParams, ListResponse, MediaFile, ServerEvent } from '../protocol.js';
import type { LibraryApi, UploadItem } from '../types.js';
import { createFrameScheduler } from '../frame.js';
import { removeFiles, upsertFile, withOptimistic } from './library-cache.js';
import { createFileEdits } from './library-edits.js';
import { createLists } from './library-lists.js';
import { createPageEditor, type PageEdit } from './library-pages.js';
import { MEDIA_FILES_KEY } from './list-key.js';
import { createTrashActions, invalidateSide } from './library-trash.js';
import { createUsageChanges } from './library-usages.js';
import { readAudit } from './library-audit.js';
import { cachedDuplicates, findDuplicates } from './library-duplicates.js';

export interface Library extends LibraryApi {
  /** shows uploads in every matching list at once (id = operationId, status 'processing'), in one cache write per list */
  addOptimistic(items: readonly UploadItem[]): void;
  /** drops the optimistic entry of a failed or canceled upload */
  discard(operationId: string): void;
  /** applies media-created / media-updated / media-deleted, whoever caused them (at the next frame) */
  applyEvent(event: ServerEvent): void;
  /** the first page of a list, fetched while the library loaded (see LibraryLists.prefetched) */
  prefetched(params: ListParams, response: Promise<ListResponse>): void;
  /** fetches the server's record of a finished upload (polling fallback) and puts it in place */
  refresh(fileId: string): Promise<void>;
  destroy(): void;
}

export function optimisticFile(item: UploadItem): MediaFile {
  const now = new Date(item.addedAt || Date.now()).toISOString();
  return {
    id: item.operationId,
    name: item.name,
    type: item.type,
    mimeType: item.mimeType,
    size: item.size,
    status: 'processing',
    createdAt: now,
    updatedAt: now,
    ownerId: '',
    tags: [],
    contentUrl: '',
    usages: [],
    operationId: item.operationId,
  };
}

export function createLibrary(options: {
  queryClient: QueryClient;
  fetcher: JsonFetcher;
  /** a watched list changed its items: the client prunes the selection of what left it */
  onListChange?: (previous: readonly MediaFile[], next: readonly MediaFile[]) => void;
}): Library {
  const { queryClient, fetcher } = options;
  /** optimistic entries of uploads in flight, by operationId */
  const pending = new Map<string, MediaFile>();
  const pages = createPageEditor(queryClient);
  // Every edit of a list here is already immutable and shares what did not change; query-core's deep
  // comparison on top cost 57 ms per socket event with 100,000 files listed (in a profile).
  queryClient.setQueryDefaults([MEDIA_FILES_KEY], { structuralSharing: false });

  /** The server lists the file now: its upload's optimistic entry is no longer pending. */
  function settling(file: MediaFile): PageEdit {
    pending.delete(file.operationId);
    const shown = usageChanges.overlay(file);
    return (page, params) => upsertFile(page, shown, params);
  }
  const settle = (file: MediaFile) => pages.editPages(settling(file));
  const refresh = async (fileId: string) =>
    settle(await fetcher<MediaFile>(`/${encodeURIComponent(fileId)}`));
  const usageChanges = createUsageChanges({ fetcher, pages, refresh, afterHeardEvents });

  const lists = createLists({
    queryClient,
    fetcher,
    onListChange: options.onListChange,
    finishList: (list: ListResponse, params: ListParams) => {
      const items = list.items.map(usageChanges.overlay);
      const shown = items.some((file, i) => file !== list.items[i]) ? { ...list, items } : list;
      return withOptimistic(shown, pending.values(), params);
    },
  });

  /** The cache edit a socket event asks for. */
  function editFor(event: ServerEvent): PageEdit {
    if (event.type === 'media-created' || event.type === 'media-updated') return settling(event.file);
    if (event.type === 'media-deleted') {
      const ids = new Set(event.fileIds);
      // moved to the trash: the trash's lists learn what they now hold from the server
      if (event.trashed === true) {
        void invalidateSide({ queryClient, mediaFilesKey: MEDIA_FILES_KEY }, true);
        return (page, params) => (params.trashed === true ? page : removeFiles(page, ids));
      }
      return (page) => removeFiles(page, ids);
    }
    return (page) => page;
  }

  // Entries taken out in one task (Cancel all over 10,000 uploads) are one edit of each list, at the
  // end of the task: one each made Cancel all O(N²) (1.3 s in one task for 10,000 queued uploads).
  const discarded = new Set<string>();
  function flushDiscards(): void {
    if (discarded.size === 0) return;
    const ids = new Set(discarded);
    discarded.clear();
    pages.editPages((page) => removeFiles(page, ids));
  }

  // Socket events wait for the frame: 3 uploads finishing in one frame (or another user's batch) are
  // one cache write, one render and one layout of a list of thousands, not one each.
  const heard: ServerEvent[] = [];
  const afterApplied: (() => void)[] = [];
  const eventFrame = createFrameScheduler(() => {
    const edits = heard.splice(0).map(editFor);
    pages.editPages((page, params) => edits.reduce((list, edit) => edit(list, params), page));
    for (const fn of afterApplied.splice(0)) fn();
  });
  function afterHeardEvents(fn: () => void): void {
    if (heard.length === 0) fn();
    else afterApplied.push(fn);
  }
  // Taking files out (remove, restore, purge) first applies the events heard before: one of them
  // (the upload's own media-updated, say) must not put a file back that was just taken out.
  const removing = {
    ...pages,
    removeUndoably(ids: readonly string[]) {
      eventFrame.flushNow();
      return pages.removeUndoably(ids);
    },
  };

  return {
    watch: lists.watch,
    loadMore: lists.loadMore,
    list: lists.list,
    prefetched: lists.prefetched,
    ...createFileEdits({ queryClient, fetcher, pages: removing, settle }),
    ...createTrashActions({
      queryClient,
      fetcher,
      mediaFilesKey: MEDIA_FILES_KEY,
      removeUndoably: removing.removeUndoably,
      settle,
    }),
    addUsage: (id, usage) => usageChanges.change(id, usage, 'PUT'),
    removeUsage: (id, usage) => usageChanges.change(id, usage, 'DELETE'),
    audit: (params) => readAudit(fetcher, params),
    duplicates: (files) => findDuplicates(lists.fetchPage, files),
    cachedDuplicates: (files) =>
      cachedDuplicates(
        queryClient.getQueriesData<ListResponse>({ queryKey: [MEDIA_FILES_KEY] }).map(([, list]) => list),
        files,
      ),
    addOptimistic(items) {
      if (items.length === 0) return;
      flushDiscards(); // a retried upload's entry, taken out a moment ago, comes back
      const added = items.map(optimisticFile);
      for (const file of added) pending.set(file.operationId, file);
      pages.editPages((page, params) => withOptimistic(page, added, params));
    },
    discard(operationId) {
      pending.delete(operationId);
      if (discarded.size === 0) queueMicrotask(flushDiscards);
      discarded.add(operationId);
    },
    applyEvent(event) {
      // progress edits nothing here (it is the uploads store's), and a frame asked for it 10 times a
      // second per upload would make the page run style, layout and paint for nothing
      if (event.type === 'media-upload-progress' || event.type === 'media-processing-progress') return;
      heard.push(event);
      eventFrame.schedule();
    },
    refresh,
    destroy() {
      eventFrame.cancel();
      heard.length = 0;
      afterApplied.length = 0;
      pending.clear();
      lists.clear();
    },
  };
}
