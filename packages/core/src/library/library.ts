// The media library over @tanstack/query-core: queries keyed ['media-files', params] that grow page
// by page (cursor), optimistic entries for uploads in flight, optimistic edits with rollback, and
// socket events applied in place, all of a frame's in one cache write.
import type { QueryClient, QueryKey } from '@tanstack/query-core';
import type { ReadableAtom } from 'nanostores';
import type { JsonFetcher } from '../http.js';
import {
  appendPage,
  patchFile,
  removeFiles,
  serverCount,
  upsertFile,
  withOptimistic,
} from './library-cache.js';
import { watchList, type WatchedList } from './library-watch.js';
import type {
  BulkTagResponse,
  ListParams,
  ListResponse,
  MediaFile,
  ServerEvent,
  Usage,
} from '../protocol.js';
import type { LibraryApi, LibraryState, UploadItem } from '../types.js';
import { createFrameScheduler } from '../frame.js';
import { createOperationId } from '../uploads/operation-id.js';
import { createTrashActions, invalidateSide } from './library-trash.js';
import { readAudit } from './library-audit.js';
import { cachedDuplicates, findDuplicates } from './library-duplicates.js';

export const MEDIA_FILES_KEY = 'media-files';

export interface Library extends LibraryApi {
  /** shows uploads in every matching list at once (id = operationId, status 'processing'), in one cache write per list */
  addOptimistic(items: readonly UploadItem[]): void;
  /** drops the optimistic entry of a failed or canceled upload */
  discard(operationId: string): void;
  /** applies media-created / media-updated / media-deleted, whoever caused them (at the next frame) */
  applyEvent(event: ServerEvent): void;
  /** fetches the server's record of a finished upload (polling fallback) and puts it in place */
  refresh(fileId: string): Promise<void>;
  destroy(): void;
}

type PageEdit = (page: ListResponse, params: ListParams) => ListResponse;

const paramsOf = (key: QueryKey): ListParams => (key[1] ?? {}) as ListParams;

function toQueryString(params: ListParams): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
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

const hashOf = (params: ListParams): string => JSON.stringify(params, Object.keys(params).sort());

export function createLibrary(options: {
  queryClient: QueryClient;
  fetcher: JsonFetcher;
  /** a watched list changed its items: the client prunes the selection of what left it */
  onListChange?: (previous: readonly MediaFile[], next: readonly MediaFile[]) => void;
}): Library {
  const { queryClient, fetcher } = options;
  const pending = new Map<string, MediaFile>();
  const watched = new Map<string, WatchedList>();
  const loadingMore = new Map<string, Promise<void>>();

  const keyOf = (params: ListParams = {}): QueryKey => [MEDIA_FILES_KEY, params];
  // Every edit of a list here is already immutable and shares what did not change; query-core's deep
  // comparison on top cost 57 ms per socket event with 100,000 files listed (in a profile).
  queryClient.setQueryDefaults([MEDIA_FILES_KEY], { structuralSharing: false });
  const fetchPage = (params: ListParams) => fetcher<ListResponse>(toQueryString(params));
  const queryFn = async ({ queryKey }: { queryKey: QueryKey }): Promise<ListResponse> => {
    const params = paramsOf(queryKey);
    // a refetch (reconnect, invalidation, "try again") brings back every page that was loaded
    const loaded = params.cursor ? 0 : serverCount(queryClient.getQueryData<ListResponse>(queryKey));
    let list = await fetchPage(params);
    while (list.nextCursor && serverCount(list) < loaded)
      list = appendPage(list, await fetchPage({ ...params, cursor: list.nextCursor }));
    return withOptimistic(list, pending.values(), params);
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
    queryClient.setQueryData(key, appendPage(current, page));
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

  /** runs `edit` over every cached list page, each with its own params */
  function editPages(edit: PageEdit): void {
    for (const query of queryClient.getQueryCache().findAll({ queryKey: [MEDIA_FILES_KEY] })) {
      const data = query.state.data as ListResponse | undefined;
      if (!data) continue;
      const next = edit(data, paramsOf(query.queryKey));
      if (next !== data) queryClient.setQueryData(query.queryKey, next);
    }
  }

  /** The cached version of each of `ids` (from the first list holding it), to undo a refused change with. */
  function cachedFiles(ids: Iterable<string>): MediaFile[] {
    const wanted = new Set(ids);
    const found = new Map<string, MediaFile>();
    for (const query of queryClient.getQueryCache().findAll({ queryKey: [MEDIA_FILES_KEY] })) {
      for (const file of (query.state.data as ListResponse | undefined)?.items ?? [])
        if (wanted.has(file.id) && !found.has(file.id)) found.set(file.id, file);
    }
    return [...found.values()];
  }

  /**
   * Undoes a refused edit by putting `fields` of each file back as they were, in every list. Not a
   * snapshot of the cache: what changed meanwhile (other users' files, uploads, other edits) stays.
   */
  function restore(files: readonly MediaFile[], fields: readonly (keyof MediaFile)[]): void {
    editPages((page) =>
      files.reduce((list, file) => {
        const back = Object.fromEntries(fields.map((field) => [field, file[field]]));
        return patchFile(list, file.id, back);
      }, page),
    );
  }

  /**
   * Takes `ids` out of every list and returns the undo, which puts each file back where it was in each
   * list (unless it is there again), leaving what changed meanwhile.
   */
  function removeUndoably(ids: readonly string[]): () => void {
    const wanted = new Set(ids);
    const taken = new Map<string, { at: number; file: MediaFile }[]>();
    editPages((page, params) => {
      const out = page.items.flatMap((file, at) => (wanted.has(file.id) ? [{ at, file }] : []));
      if (out.length > 0) taken.set(hashOf(params), out);
      return removeFiles(page, wanted);
    });
    return () =>
      editPages((page, params) => {
        const listed = new Set(page.items.map((file) => file.id));
        const back = (taken.get(hashOf(params)) ?? []).filter(({ file }) => !listed.has(file.id));
        if (back.length === 0) return page;
        const items = page.items.slice();
        for (const { at, file } of back) items.splice(Math.min(at, items.length), 0, file);
        return { ...page, items, total: page.total + back.length };
      });
  }

  // Socket events wait for the frame: 3 uploads finishing in one frame (or another user's batch) are
  // one cache write, one render and one layout of a list of thousands, not one each.
  const heard: ServerEvent[] = [];
  const eventFrame = createFrameScheduler(() => {
    const edits = heard.splice(0).map(editFor);
    editPages((page, params) => edits.reduce((list, edit) => edit(list, params), page));
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

  /** The server lists the file now: its upload's optimistic entry is no longer pending. */
  function settling(file: MediaFile): PageEdit {
    pending.delete(file.operationId);
    return (page, params) => upsertFile(page, file, params);
  }

  const settle = (file: MediaFile) => editPages(settling(file));

  async function refresh(fileId: string): Promise<void> {
    settle(await fetcher<MediaFile>(`/${encodeURIComponent(fileId)}`));
  }

  /** usage changes in flight per file, and whether any overlapped (then the file is read again) */
  const usageChanges = new Map<string, { running: number; overlapped: boolean }>();

  /**
   * PUT adds one usage, DELETE removes one; the cached file shows the change at once. The server's list
   * replaces it when no other change of the file's usages is in flight; after overlapping changes
   * (whose answers may come in any order) the file is read again once the last one is done.
   */
  async function changeUsages(id: string, usage: Usage, method: 'PUT' | 'DELETE'): Promise<Usage[]> {
    const same = (u: Usage) => u.courseId === usage.courseId && (u.lessonId ?? '') === (usage.lessonId ?? '');
    const present = (want: boolean) =>
      editPages((page) => {
        const file = page.items.find((item) => item.id === id);
        if (!file) return page;
        const others = file.usages.filter((u) => !same(u));
        return patchFile(page, id, { usages: want ? [...others, usage] : others });
      });
    const had = cachedFiles([id])[0]?.usages.some(same);
    const changes = usageChanges.get(id) ?? { running: 0, overlapped: false };
    usageChanges.set(id, changes);
    changes.running += 1;
    if (changes.running > 1) changes.overlapped = true;
    present(method === 'PUT');
    const last = (): boolean => {
      changes.running -= 1;
      if (changes.running > 0) return false;
      usageChanges.delete(id);
      // a failed read leaves the optimistic list; the next event or list fetch corrects it
      if (changes.overlapped) refresh(id).catch(() => undefined);
      return !changes.overlapped;
    };
    try {
      const body = await fetcher<{ usages: Usage[] }>(`/${encodeURIComponent(id)}/usages`, {
        method,
        body: JSON.stringify(usage),
      });
      if (last()) editPages((page) => patchFile(page, id, { usages: body.usages }));
      return body.usages;
    } catch (error) {
      if (had !== undefined) present(had);
      last();
      throw error;
    }
  }

  function watch(params: ListParams = {}): ReadableAtom<LibraryState> {
    const hash = hashOf(params);
    let list = watched.get(hash);
    if (!list) {
      list = watchList({ queryClient, queryKey: keyOf(params), queryFn, onChange: options.onListChange });
      watched.set(hash, list);
    }
    return list.$state;
  }

  return {
    watch,
    loadMore,
    list: (params = {}) => queryClient.fetchQuery({ queryKey: keyOf(params), queryFn, staleTime: 0 }),
    async update(id, patch) {
      const before = cachedFiles([id]);
      editPages((page) => patchFile(page, id, patch));
      try {
        const file = await fetcher<MediaFile>(`/${encodeURIComponent(id)}`, {
          method: 'PATCH',
          body: JSON.stringify(patch),
        });
        settle(file);
        return file;
      } catch (error) {
        restore(before, Object.keys(patch) as (keyof MediaFile)[]);
        throw error;
      }
    },
    async remove(ids, options = {}) {
      if (ids.length === 0) return;
      const undo = removeUndoably(ids);
      // a file in use answers 409 `file-in-use` (MediaApiError.details.usages) unless forced
      const force = options.force === true ? { force: true } : {};
      try {
        if (ids.length === 1)
          await fetcher<void>(`/${encodeURIComponent(ids[0]!)}${options.force ? '?force=true' : ''}`, {
            method: 'DELETE',
          });
        else
          await fetcher<{ success: boolean }>('/bulk-delete', {
            method: 'POST',
            body: JSON.stringify({ fileIds: ids, operationId: createOperationId(), ...force }),
          });
      } catch (error) {
        undo();
        throw error;
      }
      void invalidateSide({ queryClient, mediaFilesKey: MEDIA_FILES_KEY }, true); // the trash has them now
    },
    ...createTrashActions({ queryClient, fetcher, mediaFilesKey: MEDIA_FILES_KEY, removeUndoably, settle }),
    audit: (params) => readAudit(fetcher, params),
    duplicates: (files) => findDuplicates(fetchPage, files),
    cachedDuplicates: (files) =>
      cachedDuplicates(
        queryClient.getQueriesData<ListResponse>({ queryKey: [MEDIA_FILES_KEY] }).map(([, list]) => list),
        files,
      ),
    async bulkTag(ids, change) {
      if (ids.length === 0) return [];
      const add = change.add ?? [];
      const remove = change.remove ?? [];
      const norm = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
      const before = cachedFiles(ids);
      const wanted = new Set(ids);
      editPages((page) => {
        let next = page;
        for (const file of page.items) {
          if (!wanted.has(file.id)) continue;
          const tags = [
            ...new Set([...file.tags.filter((t) => !remove.map(norm).includes(t)), ...add.map(norm)]),
          ];
          next = patchFile(next, file.id, { tags: tags.sort() });
        }
        return next;
      });
      try {
        const body = await fetcher<BulkTagResponse>('/bulk-tag', {
          method: 'POST',
          body: JSON.stringify({ fileIds: ids, add, remove }),
        });
        for (const file of body.files) settle(file);
        return body.files;
      } catch (error) {
        restore(before, ['tags']);
        throw error;
      }
    },
    async tags() {
      const body = await fetcher<{ tags: { name: string; count: number }[] }>('/tags');
      return body.tags;
    },
    async usages(id) {
      const body = await fetcher<Usage[] | { usages: Usage[] }>(`/${encodeURIComponent(id)}/usages`);
      return Array.isArray(body) ? body : body.usages;
    },
    addUsage: (id, usage) => changeUsages(id, usage, 'PUT'),
    removeUsage: (id, usage) => changeUsages(id, usage, 'DELETE'),
    async setCaption(id, lang, text, label) {
      const file = await fetcher<MediaFile>(
        `/${encodeURIComponent(id)}/captions/${encodeURIComponent(lang)}`,
        {
          method: 'PUT',
          body: JSON.stringify(label ? { text, label } : { text }),
        },
      );
      settle(file);
      return file;
    },
    async removeCaption(id, lang) {
      const before = cachedFiles([id]);
      const without = (file: MediaFile) => (file.captions ?? []).filter((c) => c.lang !== lang);
      const cached = before[0];
      if (cached) editPages((page) => patchFile(page, id, { captions: without(cached) }));
      try {
        await fetcher<void>(`/${encodeURIComponent(id)}/captions/${encodeURIComponent(lang)}`, {
          method: 'DELETE',
        });
      } catch (error) {
        restore(before, ['captions']);
        throw error;
      }
    },
    addOptimistic(items) {
      if (items.length === 0) return;
      const added = items.map(optimisticFile);
      for (const file of added) pending.set(file.operationId, file);
      editPages((page, params) => withOptimistic(page, added, params));
    },
    discard(operationId) {
      pending.delete(operationId);
      editPages((page) => removeFiles(page, new Set([operationId])));
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
      pending.clear();
      watched.clear();
      loadingMore.clear();
    },
  };
}
