import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueryClient } from '@tanstack/query-core';
import type { JsonFetcher } from '../http.js';
import { createLibrary } from './library.js';
import type { ListResponse, MediaFile } from '../protocol.js';

const file = (id: string, createdAt: string): MediaFile => ({
  id,
  name: `${id}.txt`,
  type: 'document',
  mimeType: 'text/plain',
  size: 10,
  status: 'ready',
  createdAt,
  updatedAt: createdAt,
  ownerId: 'u1',
  tags: [],
  contentUrl: `/api/media/${id}/content`,
  usages: [],
  operationId: `op-${id}`,
});

const noNetwork: JsonFetcher = () => Promise.reject(new Error('socket events need no request'));

test("a frame's socket events are one cache write, applied in order", async () => {
  const queryClient = new QueryClient();
  const library = createLibrary({ queryClient, fetcher: noNetwork });
  const key = ['media-files', {}];
  const old = file('a', '2026-11-26T07:00:00.000Z');
  queryClient.setQueryData<ListResponse>(key, { items: [old], nextCursor: null, total: 1 });
  let writes = 0;
  const off = queryClient.getQueryCache().subscribe((event) => {
    if (event.type === 'updated' && event.action.type === 'success') writes++;
  });
  library.applyEvent({ type: 'media-created', file: file('b', '2026-11-26T07:00:01.000Z') });
  library.applyEvent({ type: 'media-created', file: file('c', '2026-11-26T07:00:02.000Z') });
  library.applyEvent({ type: 'media-updated', file: { ...old, name: 'renamed.txt' } });
  library.applyEvent({ type: 'media-deleted', fileIds: ['b'] });
  assert.equal(writes, 0, 'nothing written before the frame');
  await sleep(40);
  assert.equal(writes, 1);
  const list = queryClient.getQueryData<ListResponse>(key)!;
  assert.deepEqual(
    list.items.map((item) => [item.id, item.name]),
    [
      ['c', 'c.txt'],
      ['a', 'renamed.txt'],
    ],
  );
  assert.equal(list.total, 2);
  off();
  library.destroy();
  queryClient.clear();
});
