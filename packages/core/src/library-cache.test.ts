import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendPage,
  matchesParams,
  removeFiles,
  serverCount,
  upsertFile,
  withOptimistic,
} from './library-cache.js';
import type { ListParams, ListResponse, MediaFile } from './protocol.js';

const file = (id: string, over: Partial<MediaFile> = {}): MediaFile => ({
  id,
  name: `${id}.mp4`,
  type: 'video',
  mimeType: 'video/mp4',
  size: 10,
  status: 'ready',
  createdAt: `2026-11-26T07:00:0${id.length % 10}.000Z`,
  updatedAt: '2026-11-26T07:00:00.000Z',
  ownerId: 'u1',
  tags: [],
  contentUrl: `/api/media/${id}/content`,
  usages: [],
  operationId: `op-${id}`,
  ...over,
});
const page = (items: MediaFile[], nextCursor: string | null = null): ListResponse => ({
  items,
  nextCursor,
  total: items.length,
});
const ids = (response: ListResponse) => response.items.map((item) => item.id);

test('filters', () => {
  const table: [ListParams, Partial<MediaFile>, boolean][] = [
    [{}, {}, true],
    [{ type: 'image' }, {}, false],
    [{ q: 'CLI' }, { name: 'Clip one.mp4' }, true],
    [{ q: 'zzz' }, {}, false],
    [{ tag: 'intro' }, { tags: ['intro'] }, true],
    [{ tag: 'intro' }, {}, false],
    [{ courseId: 'c1' }, { usages: [{ courseId: 'c1' }] }, true],
    [{ courseId: 'c1' }, {}, false],
  ];
  for (const [params, over, want] of table)
    assert.equal(matchesParams(file('a', over), params), want, JSON.stringify(params));
});

test('a new file is inserted at its sorted place', () => {
  const byName = { sort: 'name', order: 'asc' } as const;
  const result = upsertFile(
    page([file('a', { name: 'a' }), file('c', { name: 'c' })]),
    file('b', { name: 'b' }),
    byName,
  );
  assert.deepEqual(ids(result), ['a', 'b', 'c']);
  assert.equal(result.total, 3);
  const newest = upsertFile(
    page([file('x', { createdAt: '2026-01-01T00:00:00Z' })]),
    file('y', { createdAt: '2026-06-01T00:00:00Z' }),
    {},
  );
  assert.deepEqual(ids(newest), ['y', 'x'], 'newest first by default');
});

test("the server's file replaces the optimistic entry of its upload", () => {
  const optimistic = file('op-1', { operationId: 'op-1', status: 'processing', contentUrl: '' });
  const result = upsertFile(page([optimistic, file('b')]), file('f1', { operationId: 'op-1' }), {});
  assert.deepEqual(ids(result), ['f1', 'b']);
  assert.equal(result.total, 2);
});

test('a file that no longer matches leaves; one past the page end is left to a later page', () => {
  const renamed = upsertFile(page([file('a'), file('b')]), file('a', { name: 'other' }), { q: 'a.mp4' });
  assert.deepEqual(ids(renamed), ['b']);
  const last = upsertFile(page([file('a', { name: 'a' })], 'next'), file('z', { name: 'z' }), {
    sort: 'name',
  });
  assert.deepEqual(ids(last), ['a']);
});

test('removal adjusts the total and keeps identity when nothing changed', () => {
  const before = page([file('a'), file('b')]);
  assert.deepEqual(ids(removeFiles(before, new Set(['a']))), ['b']);
  assert.equal(removeFiles(before, new Set(['a'])).total, 1);
  assert.equal(removeFiles(before, new Set(['zzz'])), before);
});

test('optimistic entries lead the first page until the server lists their file', () => {
  const pending = [file('op-2', { operationId: 'op-2' }), file('op-1', { operationId: 'op-1' })];
  const result = withOptimistic(page([file('f1', { operationId: 'op-1' })]), pending, {});
  assert.deepEqual(ids(result), ['op-2', 'f1']);
  assert.equal(withOptimistic(page([]), pending, { cursor: 'p2' }).items.length, 0);
});

test('the next page appends without repeating files, and takes the place of optimistic entries', () => {
  const optimistic = file('op-up', { operationId: 'op-up', status: 'processing', contentUrl: '' });
  const first = { items: [optimistic, file('a'), file('b')], nextCursor: 'c1', total: 5 };
  const second = {
    items: [file('b'), file('c'), file('rec', { operationId: 'op-up' })],
    nextCursor: 'c2',
    total: 6,
  };
  const result = appendPage(first, second);
  assert.deepEqual(ids(result), ['rec', 'a', 'b', 'c']);
  assert.equal(result.nextCursor, 'c2');
  assert.equal(result.total, 6, "the server's total: the upload is one of its files now");
  const pendingUpload = appendPage({ ...first, items: [optimistic] }, page([file('x')]));
  assert.deepEqual(ids(pendingUpload), ['op-up', 'x']);
  assert.equal(pendingUpload.total, 2, 'plus the upload the server does not list yet');
  assert.equal(pendingUpload.nextCursor, null);
  assert.equal(serverCount(pendingUpload), 1);
});
