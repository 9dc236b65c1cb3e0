// Edits of files in the library, each shown in the cache at once and undone if the server refuses:
// rename / retag, delete (to the trash), bulk tags, captions; and the reads beside them (tags, usages).
import type { QueryClient } from '@tanstack/query-core';
import type { JsonFetcher } from '../http.js';
import type { BulkTagResponse, MediaFile, Usage } from '../protocol.js';
import type { LibraryApi } from '../types.js';
import { createOperationId } from '../uploads/operation-id.js';
import { patchFile } from './library-cache.js';
import type { PageEditor } from './library-pages.js';
import { MEDIA_FILES_KEY } from './list-key.js';
import { invalidateSide } from './library-trash.js';

export type FileEdits = Pick<
  LibraryApi,
  'update' | 'remove' | 'bulkTag' | 'tags' | 'usages' | 'setCaption' | 'removeCaption'
>;

const path = (id: string): string => `/${encodeURIComponent(id)}`;
const norm = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase();

export function createFileEdits(deps: {
  queryClient: QueryClient;
  fetcher: JsonFetcher;
  pages: PageEditor;
  /** puts the server's file into every list it matches */
  settle(file: MediaFile): void;
}): FileEdits {
  const { fetcher, pages, settle } = deps;
  const trashSide = { queryClient: deps.queryClient, mediaFilesKey: MEDIA_FILES_KEY };

  /** shows `edit` of the cached files at once; undoes `fields` of them if `send` fails */
  async function optimistic<T>(
    ids: readonly string[],
    fields: readonly (keyof MediaFile)[],
    edit: (file: MediaFile) => Partial<MediaFile>,
    send: () => Promise<T>,
  ): Promise<T> {
    const before = pages.cachedFiles(ids);
    const wanted = new Set(ids);
    pages.editPages((page) =>
      page.items.reduce(
        (next, file) => (wanted.has(file.id) ? patchFile(next, file.id, edit(file)) : next),
        page,
      ),
    );
    try {
      return await send();
    } catch (error) {
      pages.restore(before, fields);
      throw error;
    }
  }

  return {
    async update(id, patch) {
      const fields = Object.keys(patch) as (keyof MediaFile)[];
      const file = await optimistic(
        [id],
        fields,
        () => patch,
        () => fetcher<MediaFile>(path(id), { method: 'PATCH', body: JSON.stringify(patch) }),
      );
      settle(file);
      return file;
    },
    async remove(ids, options = {}) {
      if (ids.length === 0) return;
      const undo = pages.removeUndoably(ids);
      // a file in use answers 409 `file-in-use` (MediaApiError.details.usages) unless forced
      try {
        if (ids.length === 1)
          await fetcher<void>(`${path(ids[0]!)}${options.force ? '?force=true' : ''}`, { method: 'DELETE' });
        else
          await fetcher<{ success: boolean }>('/bulk-delete', {
            method: 'POST',
            body: JSON.stringify({
              fileIds: ids,
              operationId: createOperationId(),
              ...(options.force === true ? { force: true } : {}),
            }),
          });
      } catch (error) {
        undo();
        throw error;
      }
      void invalidateSide(trashSide, true); // the trash has them now
    },
    async bulkTag(ids, change) {
      if (ids.length === 0) return [];
      const add = change.add ?? [];
      const remove = change.remove ?? [];
      const removed = new Set(remove.map(norm));
      const retag = (file: MediaFile) => ({
        tags: [...new Set([...file.tags.filter((t) => !removed.has(t)), ...add.map(norm)])].sort(),
      });
      const body = await optimistic(ids, ['tags'], retag, () =>
        fetcher<BulkTagResponse>('/bulk-tag', {
          method: 'POST',
          body: JSON.stringify({ fileIds: ids, add, remove }),
        }),
      );
      for (const file of body.files) settle(file);
      return body.files;
    },
    async tags() {
      const body = await fetcher<{ tags: { name: string; count: number }[] }>('/tags');
      return body.tags;
    },
    async usages(id) {
      const body = await fetcher<Usage[] | { usages: Usage[] }>(`${path(id)}/usages`);
      return Array.isArray(body) ? body : body.usages;
    },
    async setCaption(id, lang, text, label) {
      const file = await fetcher<MediaFile>(`${path(id)}/captions/${encodeURIComponent(lang)}`, {
        method: 'PUT',
        body: JSON.stringify(label ? { text, label } : { text }),
      });
      settle(file);
      return file;
    },
    async removeCaption(id, lang) {
      const without = (file: MediaFile) => ({
        captions: (file.captions ?? []).filter((c) => c.lang !== lang),
      });
      await optimistic([id], ['captions'], without, () =>
        fetcher<void>(`${path(id)}/captions/${encodeURIComponent(lang)}`, { method: 'DELETE' }),
      );
    },
  };
}
