import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendPage,
  patchFile,
  removeFiles,
  serverCount,
  upsertFile,
  withOptimistic,
} from './library-cache.js';
import { matchesParams } from './list-match.js';
import type { ListParams, ListResponse, MediaFile } from '../protocol.js';

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

test("optimistic entries take the list's order among themselves; a batch shows its last file first, newest first", () => {
  const at = '2026-12-07T10:00:00.000Z';
  const batch = ['b', 'c', 'a'].map((name) =>
    file(`op-${name}`, { operationId: `op-${name}`, name, createdAt: at, status: 'processing' }),
  );
  const listed = page([file('f1')]);
  assert.deepEqual(ids(withOptimistic(listed, batch, {})), ['op-a', 'op-c', 'op-b', 'f1']);
  assert.deepEqual(ids(withOptimistic(listed, batch, { sort: 'createdAt', order: 'asc' })), [
    'op-b',
    'op-c',
    'op-a',
    'f1',
  ]);
  assert.deepEqual(ids(withOptimistic(listed, batch, { sort: 'name', order: 'asc' })), [
    'op-a',
    'op-b',
    'op-c',
    'f1',
  ]);
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

test('a long run of in-place edits finds every entry, also on an older version of the list', () => {
  const params: ListParams = {};
  const optimistic = (n: number) => file(`op-${n}`, { operationId: `op-${n}`, status: 'processing' });
  const start = page(Array.from({ length: 300 }, (_, n) => optimistic(n)));
  let list = start;
  const order = Array.from({ length: 300 }, (_, n) => (n * 7) % 300); // every entry once, shuffled
  let older: ListResponse | undefined;
  for (const [step, n] of order.entries()) {
    list = upsertFile(list, file(`f${n}`, { operationId: `op-${n}` }), params);
    if (step === 150) older = list;
  }
  assert.deepEqual(
    ids(list),
    Array.from({ length: 300 }, (_, n) => `f${n}`),
    'each server record took its entry',
  );
  list = upsertFile(list, file('f7', { operationId: 'op-7', name: 'renamed.mp4' }), params);
  list = patchFile(list, 'f9', { tags: ['x'] });
  assert.equal(list.items[7]!.name, 'renamed.mp4');
  assert.deepEqual(list.items[9]!.tags, ['x']);
  assert.equal(list.total, 300);

  // a rollback keeps an older version: edits of it still land where that version lists the file
  const settledThere = new Set(order.slice(0, 151));
  const pending = order.find((n) => !settledThere.has(n))!;
  const back = upsertFile(older!, file(`f${pending}`, { operationId: `op-${pending}` }), params);
  assert.equal(back.items[pending]!.id, `f${pending}`);
  assert.equal(back.items.filter((item) => item.id === `f${pending}`).length, 1);
  const settled = order[0]!;
  const again = patchFile(older!, `f${settled}`, { tags: ['y'] });
  assert.deepEqual(again.items[settled]!.tags, ['y']);
  assert.equal(patchFile(start, `f${settled}`, { tags: ['y'] }), start, 'not listed there: unchanged');
  assert.equal(patchFile(older!, `f${pending}`, { tags: ['y'] }), older, 'settled only later: unchanged');
});
