// Edits over every cached list page of the library (['media-files', params]): run an edit per page,
// read the cached version of files, and undo a refused edit without snapshotting the cache.
import type { QueryClient } from '@tanstack/query-core';
import type { ListParams, ListResponse, MediaFile } from '../protocol.js';
import { patchFile, removeFiles } from './library-cache.js';
import { hashOf, MEDIA_FILES_KEY, paramsOf } from './list-key.js';

export type PageEdit = (page: ListResponse, params: ListParams) => ListResponse;

export interface PageEditor {
  /** runs `edit` over every cached list page, each with its own params */
  editPages(edit: PageEdit): void;
  /** the cached version of each of `ids` (from the first list holding it), to undo a refused change with */
  cachedFiles(ids: Iterable<string>): MediaFile[];
  /**
   * Undoes a refused edit by putting `fields` of each file back as they were, in every list. Not a
   * snapshot of the cache: what changed meanwhile (other users' files, uploads, other edits) stays.
   */
  restore(files: readonly MediaFile[], fields: readonly (keyof MediaFile)[]): void;
  /**
   * Takes `ids` out of every list and returns the undo, which puts each file back where it was in each
   * list (unless it is there again), leaving what changed meanwhile.
   */
  removeUndoably(ids: readonly string[]): () => void;
}

export function createPageEditor(queryClient: QueryClient): PageEditor {
  const lists = () => queryClient.getQueryCache().findAll({ queryKey: [MEDIA_FILES_KEY] });

  function editPages(edit: PageEdit): void {
    for (const query of lists()) {
      const data = query.state.data as ListResponse | undefined;
      if (!data) continue;
      const next = edit(data, paramsOf(query.queryKey));
      if (next !== data) queryClient.setQueryData(query.queryKey, next);
    }
  }

  function cachedFiles(ids: Iterable<string>): MediaFile[] {
    const wanted = new Set(ids);
    const found = new Map<string, MediaFile>();
    for (const query of lists()) {
      for (const file of (query.state.data as ListResponse | undefined)?.items ?? [])
        if (wanted.has(file.id) && !found.has(file.id)) found.set(file.id, file);
    }
    return [...found.values()];
  }

  function restore(files: readonly MediaFile[], fields: readonly (keyof MediaFile)[]): void {
    editPages((page) =>
      files.reduce((list, file) => {
        const back = Object.fromEntries(fields.map((field) => [field, file[field]]));
        return patchFile(list, file.id, back);
      }, page),
    );
  }

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

  return { editPages, cachedFiles, restore, removeUndoably };
}
